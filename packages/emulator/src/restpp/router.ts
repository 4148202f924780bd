// RESTPP dispatch: path → handler, with the auth check every RESTPP endpoint gets when auth is on.
import { restppCaller } from '../auth/check.js';
import type { EmuRequest, EmuResponse } from '../http/types.js';
import type { EmulatorState } from '../state.js';
import { builtins } from './builtins.js';
import type { RestCtx } from './context.js';
import { deleteEdges, getEdges } from './edges.js';
import { endpointNotFound, errorReply, graphNotFound, RestError } from './envelope.js';
import { deletedVertexCheck, echo, endpoints, rebuildNow, statistics, version } from './info.js';
import { allPaths, shortestPath } from './paths.js';
import { queryRoute } from './query.js';
import { requestToken } from './requesttoken.js';
import { restppSystemExtra } from './system-extra.js';
import { upsert } from './upsert.js';
import { deleteByType, deleteVertices, getVertices } from './vertices.js';

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

interface Route {
  /** Endpoint template for /statistics, e.g. "GET /graph/{graph_name}/vertices/{vertex_type}". */
  template: string;
  graph: string | undefined;
  /** Most routes answer at once; a synchronous query run answers when it ends. */
  run: () => EmuResponse | Promise<EmuResponse>;
}

function route(ctx: RestCtx): Route | undefined {
  const s = ctx.segments;
  const m = ctx.req.method;
  const n = s.length;
  const r = (template: string, graph: string | undefined, run: () => EmuResponse): Route => ({
    template: `${m} ${template}`,
    graph,
    run,
  });
  switch (s[0]) {
    case 'echo':
      return n === 1 && (m === 'GET' || m === 'POST') ? r('/echo', undefined, echo) : undefined;
    case 'version':
      return n === 1 && m === 'GET' ? r('/version', undefined, () => version(ctx.state)) : undefined;
    case 'endpoints':
      return n <= 2 && m === 'GET'
        ? r('/endpoints/{graph_name}', s[1], () => endpoints(ctx, s[1]))
        : undefined;
    case 'statistics':
      return n === 2 && m === 'GET'
        ? r('/statistics/{graph_name}', s[1], () => statistics(ctx, s[1] as string))
        : undefined;
    case 'rebuildnow':
      return n === 2 && (m === 'GET' || m === 'POST')
        ? r('/rebuildnow/{graph_name}', s[1], () => rebuildNow(ctx, s[1] as string))
        : undefined;
    case 'deleted_vertex_check':
      return n === 1 && m === 'GET' ? r('/deleted_vertex_check', undefined, deletedVertexCheck) : undefined;
    case 'builtins':
      return n === 2 && m === 'POST'
        ? r('/builtins/{graph_name}', s[1], () => builtins(ctx, s[1] as string))
        : undefined;
    case 'shortestpath':
    case 'allpaths': {
      const run = s[0] === 'shortestpath' ? shortestPath : allPaths;
      return n === 2 && m === 'POST'
        ? r(`/${s[0]}/{graph_name}`, s[1], () => run(ctx, s[1] as string))
        : undefined;
    }
    case 'query':
    case 'query_status':
    case 'query_result':
    case 'showprocesslist':
    case 'showprocesslistall':
    case 'abortquery': {
      const q = queryRoute(ctx);
      return q && { template: q.template, graph: q.graph, run: q.run };
    }
    case 'graph':
      return graphRoute(ctx, r);
    default:
      return restppSystemExtra(ctx);
  }
}

function graphRoute(
  ctx: RestCtx,
  r: (template: string, graph: string | undefined, run: () => EmuResponse) => Route,
): Route | undefined {
  const s = ctx.segments;
  const m = ctx.req.method;
  const n = s.length;
  const g = s[1];
  if (n === 1 && m === 'POST') {
    // Legacy graph-less upsert: the only graph, if there is exactly one.
    const graphs = [...ctx.state.catalog.graphs.keys()];
    return r('/graph', graphs[0], () => {
      if (graphs.length !== 1) throw graphNotFound('', ctx.path);
      return upsert(ctx, graphs[0] as string);
    });
  }
  if (n === 2 && m === 'POST') return r('/graph/{graph_name}', g, () => upsert(ctx, g as string));
  const kind = s[2];
  if (kind === 'vertices' && (n === 4 || n === 5)) {
    const t = `/graph/{graph_name}/vertices/{vertex_type}${n === 5 ? '/{vertex_id}' : ''}`;
    if (m === 'GET') return r(t, g, () => getVertices(ctx, g as string, s[3] as string, s[4]));
    if (m === 'DELETE') return r(t, g, () => deleteVertices(ctx, g as string, s[3] as string, s[4]));
  }
  if (kind === 'delete_by_type' && s[3] === 'vertices' && n === 5 && m === 'DELETE') {
    return r('/graph/{graph_name}/delete_by_type/vertices/{vertex_type}', g, () =>
      deleteByType(ctx, g as string, s[4] as string),
    );
  }
  if (kind === 'edges' && n >= 5 && n <= 9) {
    const segs = [g as string, ...s.slice(3)];
    const t = '/graph/{graph_name}/edges/{source_vertex_type}/{source_vertex_id}';
    if (m === 'GET') return r(t, g, () => getEdges(ctx, segs));
    if (m === 'DELETE') return r(t, g, () => deleteEdges(ctx, segs));
  }
  return undefined;
}

function record(state: EmulatorState, graph: string | undefined, template: string, ms: number): void {
  if (graph === undefined || !state.catalog.graphs.has(graph)) return;
  let byEndpoint = state.stats.get(graph);
  if (!byEndpoint) {
    byEndpoint = new Map();
    state.stats.set(graph, byEndpoint);
  }
  const s = byEndpoint.get(template) ?? { count: 0, latencies: [] };
  s.count++;
  s.latencies.push(ms);
  if (s.latencies.length > 1000) s.latencies.shift();
  byEndpoint.set(template, s);
}

/** Handles a RESTPP request whose `path` has no /restpp prefix. */
export function handleRestpp(state: EmulatorState, req: EmuRequest): EmuResponse | Promise<EmuResponse> {
  const path = req.path === '' ? '/' : req.path;
  const segments = path
    .split('/')
    .filter((x) => x !== '')
    .map(decodeSegment);
  const ctx: RestCtx = { state, req, segments, path: decodeSegment(path) };
  try {
    if (segments[0] === 'requesttoken' && segments.length === 1) {
      // The token server exists only when RESTPP authentication is enabled.
      if (!state.authEnabled || !['POST', 'PUT', 'DELETE'].includes(req.method))
        throw endpointNotFound(ctx.path);
      return requestToken(ctx);
    }
    const rt = route(ctx);
    if (!rt) throw endpointNotFound(ctx.path);
    restppCaller(state, req, rt.graph);
    const started = performance.now();
    const res = rt.run();
    const done = (reply: EmuResponse) => {
      record(state, rt.graph, rt.template, Math.round(performance.now() - started));
      return reply;
    };
    return res instanceof Promise ? res.then(done, restError) : done(res);
  } catch (e) {
    return restError(e);
  }
}

function restError(e: unknown): EmuResponse {
  if (e instanceof RestError) return errorReply(e);
  throw e;
}
