// Sends one upsert payload to `POST R/graph/{graph}` with its flags and the atomic header, and
// returns `results[0]` with its counters as numbers.

import * as endpoints from '@tgraph/protocol/endpoints/elements';
import { ValidationError } from '@tgraph/protocol/errors';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import { type UpsertPayload, upsertResultsSchema, type VertexIdRef } from '@tgraph/protocol/schemas/upsert';
import type { ApiContext } from '../context.js';
import type { BatchResult } from '../internal/batch.js';
import { callParsed, perCall, type RequestOptions } from '../internal/call.js';
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

/** Posts an upsert payload (an object, or JSON text built batch by batch) with flags (each sent only when true). */
export async function sendUpsert(
  ctx: ApiContext<SchemaShape>,
  payload: UpsertPayload | string,
  flags: Record<string, boolean | undefined>,
  options: UpsertOptions,
): Promise<UpsertSummary> {
  if (options.ack !== undefined && options.ack !== 'all' && options.ack !== 'none') {
    throw new ValidationError(`ack must be 'all' or 'none', got '${String(options.ack)}'`, { field: 'ack' });
  }
  const searchParams: Array<[string, string]> = [];
  if (options.ack !== undefined) searchParams.push(['ack', options.ack]);
  for (const [name, on] of Object.entries(flags)) if (on === true) searchParams.push([name, 'true']);
  const reply = await callParsed(ctx, endpoints.upsert, envelope, {
    ...perCall(options),
    ...(typeof payload === 'string'
      ? { body: payload, headers: { 'Content-Type': 'application/json' } }
      : { json: payload }),
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

/** What a batched upsert did: the totals of its successful batches, and every batch's result. */
export interface BulkUpsertSummary extends UpsertSummary {
  /** Items read from the input. */
  items: number;
  /** One entry per request, in input order (failed ones carry `error` with `continueOnError`). */
  batches: BatchResult<UpsertSummary>[];
}

/** Checks the `ack` option (before anything is sent). */
export function checkAck(options: UpsertOptions): void {
  if (options.ack !== undefined && options.ack !== 'all' && options.ack !== 'none') {
    throw new ValidationError(`ack must be 'all' or 'none', got '${String(options.ack)}'`, { field: 'ack' });
  }
}

/** Adds up the summaries of the successful batches. */
export function bulkSummary(batches: BatchResult<UpsertSummary>[]): BulkUpsertSummary {
  const out: BulkUpsertSummary = { accepted_vertices: 0, accepted_edges: 0, items: 0, batches };
  const lists = ['vertices_already_exist', 'vertices_not_exist', 'edge_vertices_not_exist'] as const;
  for (const b of batches) {
    out.items += b.items;
    const s = b.summary;
    if (s === undefined) continue;
    out.accepted_vertices += s.accepted_vertices;
    out.accepted_edges += s.accepted_edges;
    if (s.skipped_vertices !== undefined)
      out.skipped_vertices = (out.skipped_vertices ?? 0) + s.skipped_vertices;
    if (s.skipped_edges !== undefined) out.skipped_edges = (out.skipped_edges ?? 0) + s.skipped_edges;
    for (const name of lists) {
      const list = s[name];
      if (list !== undefined) out[name] = [...(out[name] ?? []), ...list];
    }
  }
  return out;
}

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else n += 2;
  }
  return n;
}
