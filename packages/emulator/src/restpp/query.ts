// GET|POST /query/{graph}/{query}: installed queries with RESTPP's parameter encodings, timeout
// header and detached mode (reference §4.8, §4.9), plus the dynamic part of /endpoints.
import { jsonReply } from '../http/reply.js';
import { type EmuResponse, header } from '../http/types.js';
import type { QueryDef } from '../query/ast.js';
import { paramsFromJson, paramsFromQuery, WIRE_NAME } from '../query/params.js';
import {
  DEFAULT_TIMEOUT_MS,
  evalDefaultFor,
  newRun,
  type Outcome,
  outcomeBody,
  runDetached,
  runSync,
} from '../query/runner.js';
import { queriesOf } from '../query/store.js';
import type { QV } from '../query/values.js';
import { type EmulatorState, injectedFault } from '../state.js';
import type { Catalog, Graph } from '../store/catalog.js';
import {
  abortQuery,
  newRequestId,
  queryResult,
  queryStatus,
  showProcessList,
  trackRequest,
  untrackRequest,
} from './async-query.js';
import { graphOf, jsonBody, type RestCtx } from './context.js';
import { endpointNotFound, RestError } from './envelope.js';

export interface QueryRoute {
  template: string;
  graph: string | undefined;
  run: () => EmuResponse | Promise<EmuResponse>;
}

/** RESTPP routes this module answers, or undefined. */
export function queryRoute(ctx: RestCtx): QueryRoute | undefined {
  const s = ctx.segments;
  const m = ctx.req.method;
  const n = s.length;
  switch (s[0]) {
    case 'query':
      if (n === 3 && (m === 'GET' || m === 'POST'))
        return {
          template: `${m} /query/${s[1]}/${s[2]}`,
          graph: s[1],
          run: () => runInstalled(ctx, s[1] as string, s[2] as string),
        };
      return undefined;
    case 'query_status':
      return n === 1 && m === 'GET'
        ? { template: 'GET /query_status', graph: undefined, run: () => queryStatus(ctx) }
        : undefined;
    case 'query_result':
      return n === 1 && m === 'GET'
        ? { template: 'GET /query_result', graph: undefined, run: () => queryResult(ctx) }
        : undefined;
    case 'showprocesslist':
      return n === 2 && m === 'GET'
        ? {
            template: 'GET /showprocesslist/{graph_name}',
            graph: s[1],
            run: () => showProcessList(ctx, s[1]),
          }
        : undefined;
    case 'showprocesslistall':
      return n === 1 && m === 'GET'
        ? {
            template: 'GET /showprocesslistall',
            graph: undefined,
            run: () => showProcessList(ctx, undefined),
          }
        : undefined;
    case 'abortquery':
      return n === 2 && (m === 'GET' || m === 'POST')
        ? {
            template: 'GET /abortquery/{graph_name}',
            graph: s[1],
            run: () => abortQuery(ctx, s[1] as string),
          }
        : undefined;
    default:
      return undefined;
  }
}

/** GSQL-TIMEOUT in ms (0 or absent → the default 16 s). */
function timeoutOf(ctx: RestCtx): { ms: number; fromHeader: boolean } {
  const h = header(ctx.req, 'gsql-timeout');
  const ms = h === undefined ? Number.NaN : Number(h);
  return Number.isFinite(ms) && ms > 0
    ? { ms, fromHeader: true }
    : { ms: DEFAULT_TIMEOUT_MS, fromHeader: false };
}

function runInstalled(ctx: RestCtx, graph: string, name: string): EmuResponse | Promise<EmuResponse> {
  const g = graphOf(ctx, graph);
  const stored = queriesOf(g).get(name);
  // Created but not installed is the same as unknown: no such endpoint (reference §2.4 REST-1000).
  if (!stored?.installed) throw endpointNotFound(ctx.path);
  const params = decodeParams(ctx, g, stored.def);
  const url = `${ctx.path}${ctx.req.query.size > 0 ? `?${ctx.req.query.toString()}` : ''}`;
  if (header(ctx.req, 'gsql-async')?.toLowerCase() === 'true') {
    return execute(ctx.state, g, stored.def, params, { url, async: true, ...timeoutOf(ctx) });
  }
  return executeListed(ctx.state, g, stored.def, params, { url, ...timeoutOf(ctx) });
}

export function decodeParams(ctx: RestCtx, g: Graph, def: QueryDef): Map<string, QV> {
  const evalDefault = evalDefaultFor(ctx.state, g, def);
  if (ctx.req.method === 'POST') {
    const body = jsonBody(ctx);
    // POST may still carry query-string parameters (pyTigerGraph's runInstalledQuery does).
    const fromBody = paramsFromJson(ctx.state.catalog, g, def, body, evalDefault, { decodeStrings: true });
    if (body !== undefined) return fromBody;
  }
  return paramsFromQuery(ctx.state.catalog, g, def, ctx.req.query, evalDefault);
}

export function execute(
  state: EmulatorState,
  g: Graph,
  def: QueryDef,
  params: Map<string, QV>,
  opts: { url: string; async: boolean; ms: number; fromHeader: boolean },
): EmuResponse {
  if (!opts.async) {
    const q = newRun(state, g, def, params);
    return outcomeReply(
      runSync(q, def, params, opts.ms, opts.fromHeader),
      g.schemaVersion,
      newRequestId(state),
    );
  }
  const requestid = runTracked(state, g, def, params, { ...opts, detached: true }, () => {});
  return jsonReply(200, {
    error: false,
    message: 'The query is successfully submitted. Please check query status using the request id.',
    request_id: requestid,
  });
}

/**
 * A synchronous run as RESTPP serves it: listed in `/showprocesslist` while it runs and stopped by
 * `/abortquery` (the caller then gets REST-12002), answered when it ends.
 */
export function executeListed(
  state: EmulatorState,
  g: Graph,
  def: QueryDef,
  params: Map<string, QV>,
  opts: { url: string; ms: number; fromHeader: boolean },
): Promise<EmuResponse> {
  return new Promise((resolve) => runTracked(state, g, def, params, { ...opts, detached: false }, resolve));
}

/** Runs in slices, tracked for /showprocesslist, /query_status and /abortquery; returns the request id. */
function runTracked(
  state: EmulatorState,
  g: Graph,
  def: QueryDef,
  params: Map<string, QV>,
  opts: { url: string; ms: number; fromHeader: boolean; detached: boolean },
  answered: (reply: EmuResponse) => void,
): string {
  const requestid = newRequestId(state);
  const req = {
    requestid,
    graph: g.name,
    url: opts.url,
    start: state.clock.now(),
    timeoutMs: opts.ms,
    status: 'running' as 'running' | 'success' | 'timeout' | 'aborted' | 'error',
    abort: false,
    reply: undefined as EmuResponse | undefined,
    end: undefined as number | undefined,
    detached: opts.detached,
  };
  trackRequest(state, req);
  runDetached(
    newRun(state, g, def, params),
    def,
    params,
    opts.ms,
    () => {
      injectedFault(state, 'query-run');
      return req.abort;
    },
    (o) => {
      req.reply = outcomeReply(o, g.schemaVersion, requestid);
      if (req.status !== 'aborted')
        req.status =
          o.kind === 'ok'
            ? 'success'
            : o.kind === 'timeout'
              ? 'timeout'
              : o.kind === 'aborted'
                ? 'aborted'
                : 'error';
      req.end ??= state.clock.now();
      if (!opts.detached) untrackRequest(state, requestid);
      answered(req.reply);
    },
    opts.fromHeader,
  );
  return requestid;
}

/** Installed queries as `/endpoints` lists them (dynamic endpoints). */
export function dynamicEndpoints(cat: Catalog, graph: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const g of cat.graphs.values()) {
    if (graph !== undefined && g.name !== graph) continue;
    for (const [name, q] of queriesOf(g)) {
      if (!q.installed) continue;
      const parameters: Record<string, unknown> = { query: { default: name, type: 'STRING' } };
      for (const p of q.def.params) parameters[p.name] = paramSpec(p.type);
      for (const p of q.def.params)
        if (p.type.k === 'vertex' && !p.type.vtype) parameters[`${p.name}.type`] = { type: 'TYPENAME' };
      out[`GET /query/${g.name}/${name}`] = { parameters };
      out[`POST /query/${g.name}/${name}`] = { parameters };
    }
  }
  return out;
}

function paramSpec(t: QueryDef['params'][number]['type']): Record<string, unknown> {
  switch (t.k) {
    case 'prim':
      return {
        type: WIRE_NAME[t.name],
        min_count: 0,
        max_count: 1,
      };
    case 'vertex':
      return t.vtype
        ? { id_type: t.vtype, is_id: true, type: 'STRING', min_count: 0, max_count: 1 }
        : { id_type: '$p.type', is_id: true, type: 'STRING' };
    case 'coll':
      return { ...paramSpec(t.el), min_count: 0, max_count: undefined };
    default:
      return { type: 'JSON' };
  }
}

export { RestError };

/** The RESTPP reply for a query outcome. */
function outcomeReply(o: Outcome, schema: number, requestId: string): EmuResponse {
  const { status, body } = outcomeBody(o, schema, requestId);
  return jsonReply(status, body);
}
