// Sends one upsert payload to `POST R/graph/{graph}` with its flags and the atomic header, and
// returns `results[0]` with its counters as numbers.
import {
  restppEnvelope,
  type UpsertPayload,
  upsertResultsSchema,
  ValidationError,
  type VertexIdRef,
} from '@tgraph/protocol';
import type { ApiContext } from '../context.js';
import { callParsed, type RequestOptions } from '../internal/call.js';
import type { SchemaShape } from '../schema-types.js';

/** Options every upsert takes. Flags go out as `true`, never Python's `True`. */
export interface UpsertOptions extends RequestOptions {
  /** All-or-nothing (`gsql-atomic-level: atomic`); `false` sends `nonatomic`. */
  atomic?: boolean | undefined;
  /** `ack=all` (the server default: wait for every GPE) or `ack=none` (return once RESTPP accepted it). */
  ack?: 'all' | 'none' | undefined;
}

/** What an upsert did (`results[0]` of the reply). Lists appear with the matching flag. */
export interface UpsertSummary {
  accepted_vertices: number;
  accepted_edges: number;
  skipped_vertices?: number | undefined;
  skipped_edges?: number | undefined;
  /** With `newVertexOnly`: vertices that were already there (skipped). */
  vertices_already_exist?: VertexIdRef[] | undefined;
  /** With `updateVertexOnly`: vertices that were not there (skipped). */
  vertices_not_exist?: VertexIdRef[] | undefined;
  /** With `vertexMustExist`: missing endpoints of the skipped edges. */
  edge_vertices_not_exist?: VertexIdRef[] | undefined;
}

const envelope = restppEnvelope(upsertResultsSchema);

const count = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v));

/** Posts an upsert payload with flags (each sent only when true). */
export async function sendUpsert(
  ctx: ApiContext<SchemaShape>,
  payload: UpsertPayload,
  flags: Record<string, boolean | undefined>,
  options: UpsertOptions,
): Promise<UpsertSummary> {
  if (options.ack !== undefined && options.ack !== 'all' && options.ack !== 'none') {
    throw new ValidationError(`ack must be 'all' or 'none', got '${String(options.ack)}'`, { field: 'ack' });
  }
  const searchParams: Array<[string, string]> = [];
  if (options.ack !== undefined) searchParams.push(['ack', options.ack]);
  for (const [name, on] of Object.entries(flags)) if (on === true) searchParams.push([name, 'true']);
  const reply = await callParsed(ctx, 'upsert', envelope, {
    graph: options.graph,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    json: payload,
    searchParams,
    control: options.atomic === undefined ? undefined : { atomic: options.atomic },
  });
  const r = reply.results?.[0];
  if (r === undefined) return { accepted_vertices: 0, accepted_edges: 0 };
  const out: UpsertSummary = {
    accepted_vertices: Number(r.accepted_vertices),
    accepted_edges: Number(r.accepted_edges),
  };
  const sv = count(r.skipped_vertices);
  const se = count(r.skipped_edges);
  if (sv !== undefined) out.skipped_vertices = sv;
  if (se !== undefined) out.skipped_edges = se;
  if (r.vertices_already_exist !== undefined) out.vertices_already_exist = r.vertices_already_exist;
  if (r.vertices_not_exist !== undefined) out.vertices_not_exist = r.vertices_not_exist;
  if (r.edge_vertices_not_exist !== undefined) out.edge_vertices_not_exist = r.edge_vertices_not_exist;
  return out;
}
