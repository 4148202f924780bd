// Detached (GSQL-ASYNC) queries and the request list: /query_status, /query_result,
// /showprocesslist, /abortquery (reference §4.1, §4.9).
import { jsonReply } from '../http/reply.js';
import type { EmuResponse } from '../http/types.js';
import type { EmulatorState } from '../state.js';
import { graphOf, type RestCtx } from './context.js';
import { ok, RestError } from './envelope.js';

export interface QueryRequest {
  requestid: string;
  graph: string;
  url: string;
  start: number;
  timeoutMs: number;
  status: 'running' | 'success' | 'timeout' | 'aborted' | 'error';
  abort: boolean;
  reply: EmuResponse | undefined;
  end: number | undefined;
  /** A GSQL-ASYNC run (kept for /query_status and /query_result); synchronous runs are only listed while running. */
  detached: boolean;
}

interface Registry {
  seq: number;
  requests: Map<string, QueryRequest>;
}

const registries = new WeakMap<EmulatorState, Registry>();

function registry(state: EmulatorState): Registry {
  let r = registries.get(state);
  if (!r) {
    r = { seq: 65536, requests: new Map() };
    registries.set(state, r);
  }
  return r;
}

/** `<n>.RESTPP_1_1.<epoch ms>.N`, TigerGraph's request id form. */
export function newRequestId(state: EmulatorState): string {
  const r = registry(state);
  r.seq++;
  return `${r.seq}.RESTPP_1_1.${state.clock.now()}.N`;
}

/** Finished requests kept for /query_status and /query_result (oldest dropped first). */
const KEEP_FINISHED = 1000;

/** Forgets a request (a synchronous run once it has been answered). */
export function untrackRequest(state: EmulatorState, requestid: string): void {
  registry(state).requests.delete(requestid);
}

export function trackRequest(state: EmulatorState, q: QueryRequest): void {
  const requests = registry(state).requests;
  requests.set(q.requestid, q);
  if (requests.size <= KEEP_FINISHED) return;
  for (const [id, r] of requests) {
    if (requests.size <= KEEP_FINISHED) break;
    if (r.status !== 'running') requests.delete(id);
  }
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

function entry(state: EmulatorState, q: QueryRequest, withStatus: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    requestid: q.requestid,
    startTime: stamp(q.start),
    expirationTime: stamp(q.start + q.timeoutMs),
    url: q.url,
    elapsedTime: (q.end ?? state.clock.now()) - q.start,
  };
  if (withStatus) out['status'] = q.status === 'error' ? 'success' : q.status;
  return out;
}

/** GET /query_status?graph_name=&requestid=<id|all> */
export function queryStatus(ctx: RestCtx): EmuResponse {
  const q = ctx.req.query;
  const graph = q.get('graph_name') ?? undefined;
  if (graph !== undefined) graphOf(ctx, graph);
  const ids = q.getAll('requestid');
  const all = [...registry(ctx.state).requests.values()].filter(
    (r) => r.detached && (graph === undefined || r.graph === graph),
  );
  if (ids.length === 0 || ids.includes('all')) return ok(all.map((r) => entry(ctx.state, r, true)));
  const known = all.filter((r) => ids.includes(r.requestid));
  const unknown = ids.filter((id) => !known.some((r) => r.requestid === id));
  const body: Record<string, unknown> = {
    version: { edition: 'enterprise', api: 'v2', schema: 0 },
    error: false,
    message: '',
    results: known.map((r) => entry(ctx.state, r, true)),
  };
  if (unknown.length > 0) body['unknown_requestid'] = unknown;
  return jsonReply(200, body);
}

/** GET /query_result?requestid=<id> → the stored query envelope. */
export function queryResult(ctx: RestCtx): EmuResponse {
  const id = ctx.req.query.get('requestid') ?? '';
  const r = registry(ctx.state).requests.get(id);
  if (!r?.detached || r.status === 'running' || !r.reply)
    throw new RestError('REST-30000', `Unable to retrieve result for query ${id}`);
  return r.reply;
}

/** GET /showprocesslist/{graph}, /showprocesslistall: requests still running. */
export function showProcessList(ctx: RestCtx, graph: string | undefined): EmuResponse {
  if (graph !== undefined) graphOf(ctx, graph);
  const running = [...registry(ctx.state).requests.values()].filter(
    (r) => r.status === 'running' && (graph === undefined || r.graph === graph),
  );
  return ok(running.map((r) => entry(ctx.state, r, false)));
}

/** GET /abortquery/{graph}?requestid=<id|all>&url=<regex> */
export function abortQuery(ctx: RestCtx, graph: string): EmuResponse {
  graphOf(ctx, graph);
  const ids = ctx.req.query.getAll('requestid');
  const urlPattern = ctx.req.query.get('url');
  let re: RegExp | undefined;
  try {
    re = urlPattern === null ? undefined : new RegExp(urlPattern);
  } catch {
    throw new RestError('REST-30000', `The url parameter '${urlPattern}' is not a valid regular expression.`);
  }
  const aborted: { requestid: string; url: string }[] = [];
  for (const r of registry(ctx.state).requests.values()) {
    if (r.status !== 'running' || r.graph !== graph) continue;
    const byId = ids.includes('all') || ids.includes(r.requestid);
    const byUrl = re?.test(r.url) ?? false;
    if (!byId && !byUrl) continue;
    r.abort = true;
    r.status = 'aborted';
    r.end = ctx.state.clock.now();
    aborted.push({ requestid: r.requestid, url: r.url });
  }
  return ok([{ aborted_queries: aborted }]);
}
