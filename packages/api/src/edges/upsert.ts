// Edge upserts: `POST R/graph/{graph}` with
// `{"edges": {srcType: {srcId: {edgeType: {tgtType: {tgtId: attrs}}}}}}` (reference §4.4).
// Parallel edges between the same two vertices (multi-edges told apart by discriminators) cannot
// share one JSON key — a parser keeps only the last — so a repeated target id carries a list of
// attribute objects instead, the form RESTPP documents for discriminated edges.
import { ValidationError } from '@tgraph/protocol/errors';
import { stringifyJson } from '@tgraph/protocol/json';
import type { UpsertAttributes } from '@tgraph/protocol/schemas/upsert';
import type { ApiContext } from '../context.js';
import { encodeAttributes } from '../elements/encode.js';
import { idText } from '../elements/ids.js';
import type { AttributesInput, VertexIdInput } from '../elements/types.js';
import {
  type BulkUpsertSummary,
  bulkSummary,
  checkAck,
  sendUpsert,
  type UpsertOptions,
  type UpsertSummary,
  utf8Length,
} from '../elements/upsert-request.js';
import {
  type BatchBuilder,
  type BatchOptions,
  checkBatchOptions,
  isItemSource,
  runBatches,
} from '../internal/batch.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { EdgeAttributes, EdgeTypeName, SchemaShape, VertexTypeName } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const UPSERT_EDGE_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'ack',
  'atomic',
  'sourceVertexMustExist',
  'targetVertexMustExist',
  'vertexMustExist',
];
const UPSERT_EDGES_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'ack',
  'atomic',
  'sourceVertexMustExist',
  'targetVertexMustExist',
  'vertexMustExist',
];
const UPSERT_EDGES_IN_BATCHES_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'ack',
  'atomic',
  'batchBytes',
  'batchSize',
  'concurrency',
  'continueOnError',
  'onProgress',
  'sourceVertexMustExist',
  'targetVertexMustExist',
  'vertexMustExist',
];

export interface UpsertEdgesOptions extends UpsertOptions {
  /** Only insert edges whose two endpoints exist (`vertex_must_exist=true`); otherwise missing endpoints are created. */
  vertexMustExist?: boolean | undefined;
  /** One-sided variant: the source must exist (`source_vertex_must_exist=true`). */
  sourceVertexMustExist?: boolean | undefined;
  /** One-sided variant: the target must exist (`target_vertex_must_exist=true`). */
  targetVertexMustExist?: boolean | undefined;
}

/** One edge to upsert: `[sourceId, targetId, attributes?]` or `{ from, to, attributes? }`. */
export type EdgeInput<A> =
  | readonly [sourceId: VertexIdInput, targetId: VertexIdInput, attributes?: AttributesInput<A> | undefined]
  | { from: VertexIdInput; to: VertexIdInput; attributes?: AttributesInput<A> | undefined };

function entryOf<A>(
  e: EdgeInput<A>,
  i: number,
): [VertexIdInput, VertexIdInput, AttributesInput<A> | undefined] {
  if (Array.isArray(e))
    return [e[0], e[1], e[2]] as [VertexIdInput, VertexIdInput, AttributesInput<A> | undefined];
  if (typeof e === 'object' && e !== null && 'from' in e && 'to' in e) {
    const o = e as { from: VertexIdInput; to: VertexIdInput; attributes?: AttributesInput<A> | undefined };
    return [o.from, o.to, o.attributes];
  }
  throw new ValidationError(
    `edges[${i}] must be [sourceId, targetId, attributes?] or { from, to, attributes? }`,
    {
      field: `edges[${i}]`,
    },
  );
}

function checkName(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value === '') {
    throw new ValidationError(`${field} must be a non-empty type name`, { field });
  }
}

/**
 * Builds the `edges` part of an upsert payload. Edges repeating a (source, target) pair become a
 * list under the target id, in input order, so no multi-edge is lost.
 */
export function edgesPayload(
  sourceType: string,
  edgeType: string,
  targetType: string,
  edges: readonly EdgeInput<unknown>[],
): Record<string, unknown> {
  const bySource: Record<
    string,
    Record<string, Record<string, Record<string, UpsertAttributes[]>>>
  > = Object.create(null);
  edges.forEach((e, i) => {
    const [from, to, attrs] = entryOf(e, i);
    const src = idText(from, `edges[${i}] sourceId`);
    const tgt = idText(to, `edges[${i}] targetId`);
    const encoded = encodeAttributes(attrs as object | undefined, `${edgeType} '${src}'→'${tgt}'`);
    bySource[src] ??= { [edgeType]: { [targetType]: Object.create(null) } };
    const byTarget = bySource[src][edgeType]?.[targetType] as Record<string, UpsertAttributes[]>;
    const list = byTarget[tgt] ?? [];
    list.push(encoded);
    byTarget[tgt] = list;
  });
  // One edge per target stays a plain object (the common form); repeats become a list.
  for (const byType of Object.values(bySource)) {
    const byTarget = byType[edgeType]?.[targetType] as Record<string, unknown>;
    for (const [tgt, list] of Object.entries(byTarget)) {
      const l = list as UpsertAttributes[];
      byTarget[tgt] = l.length === 1 ? l[0] : l;
    }
  }
  return { [sourceType]: bySource };
}

/**
 * Inserts or updates one edge (missing endpoints are created unless `vertexMustExist`).
 *
 * @example
 * await upsertEdge(ctx, 'Patient', '1000000010', 'INFECTED_BY', 'Patient', '1000000001');
 * await upsertEdge(ctx, 'Person', 'ann', 'Pays', 'Account', 7, { day: new Date(), amount: 12.5 }, { vertexMustExist: true });
 */
export async function upsertEdge<S extends SchemaShape, E extends EdgeTypeName<S>>(
  ctx: ApiContext<S>,
  sourceType: VertexTypeName<S>,
  sourceId: VertexIdInput,
  edgeType: E,
  targetType: VertexTypeName<S>,
  targetId: VertexIdInput,
  attributes?: AttributesInput<EdgeAttributes<S, E>>,
  options: UpsertEdgesOptions = {},
): Promise<UpsertSummary> {
  checkOptions(options, UPSERT_EDGE_KEYS, 'upsertEdge');
  return upsertEdges(ctx, sourceType, edgeType, targetType, [[sourceId, targetId, attributes]], options);
}

/**
 * Inserts or updates many edges of one type between two vertex types in one request. Edges that
 * repeat a (source, target) pair are all sent — the parallel edges of a multi-edge type survive
 * (pyTigerGraph's dict-shaped payload keeps only the last).
 *
 * @example
 * await upsertEdges(ctx, 'Person', 'Pays', 'Account', [
 *   ['ann', 7, { day: '2024-01-01 00:00:00', amount: 10 }],
 *   ['ann', 7, { day: '2024-01-02 00:00:00', amount: 20 }],
 *   { from: 'bob', to: 8, attributes: { day: '2024-01-01 00:00:00', amount: 5 } },
 * ], { vertexMustExist: true, atomic: true });
 */
export async function upsertEdges<S extends SchemaShape, E extends EdgeTypeName<S>>(
  ctx: ApiContext<S>,
  sourceType: VertexTypeName<S>,
  edgeType: E,
  targetType: VertexTypeName<S>,
  edges: readonly EdgeInput<EdgeAttributes<S, E>>[],
  options: UpsertEdgesOptions = {},
): Promise<UpsertSummary> {
  checkOptions(options, UPSERT_EDGES_KEYS, 'upsertEdges');
  checkName(sourceType, 'sourceType');
  checkName(edgeType, 'edgeType');
  checkName(targetType, 'targetType');
  if (!Array.isArray(edges)) {
    throw new ValidationError('edges must be an array of [sourceId, targetId, attributes?]', {
      field: 'edges',
    });
  }
  return sendUpsert(
    ctx,
    {
      edges: edgesPayload(sourceType, edgeType, targetType, edges as readonly EdgeInput<unknown>[]) as never,
    },
    edgeFlags(options),
    options,
  );
}

/** The query flags of an edge upsert, after checking they do not contradict each other. */
function edgeFlags(options: UpsertEdgesOptions): Record<string, boolean | undefined> {
  if (
    options.vertexMustExist === true &&
    (options.sourceVertexMustExist === true || options.targetVertexMustExist === true)
  ) {
    throw new ValidationError(
      'vertexMustExist already covers both ends; it cannot be combined with sourceVertexMustExist or targetVertexMustExist',
      { field: 'vertexMustExist' },
    );
  }
  return {
    vertex_must_exist: options.vertexMustExist,
    source_vertex_must_exist: options.sourceVertexMustExist,
    target_vertex_must_exist: options.targetVertexMustExist,
  };
}

/** Options of {@link upsertEdgesInBatches}: the upsert flags plus how to cut and send batches. */
export interface UpsertEdgesInBatchesOptions extends UpsertEdgesOptions, BatchOptions {}

/**
 * Builds `{"edges":{src:{id:{edge:{tgt:{id:attrs | [attrs,…]}}}}}}` as text for one batch: edges are
 * grouped by source and target id while they come in, and a repeated (source, target) pair becomes a
 * list, as in {@link edgesPayload}.
 */
function edgeBatchBuilder(
  sourceType: string,
  edgeType: string,
  targetType: string,
): BatchBuilder<EdgeInput<unknown>> {
  const q = JSON.stringify;
  const head = `{"edges":{${q(sourceType)}:{`;
  const inner = `{${q(edgeType)}:{${q(targetType)}:{`;
  // Bytes an edge adds besides its ids and attributes, counted as if its source were new to the
  // batch (an estimate on the safe side): quotes, colons, a comma, the edge and target type keys.
  const perEdge = utf8Length(inner) + 10;
  let bySource = new Map<string, Map<string, string[]>>();
  let pending: { src: string; tgt: string; attrs: string } | undefined;
  return {
    envelopeBytes: utf8Length(head) + 3,
    prepare(item, i) {
      const [from, to, attrs] = entryOf(item, i);
      const src = idText(from, `edges[${i}] sourceId`);
      const tgt = idText(to, `edges[${i}] targetId`);
      const encoded = encodeAttributes(attrs as object | undefined, `${edgeType} '${src}'→'${tgt}'`);
      pending = { src, tgt, attrs: stringifyJson(encoded) ?? '{}' };
      return utf8Length(src) + utf8Length(tgt) + utf8Length(pending.attrs) + perEdge;
    },
    commit() {
      if (pending === undefined) return;
      let byTarget = bySource.get(pending.src);
      if (byTarget === undefined) {
        byTarget = new Map();
        bySource.set(pending.src, byTarget);
      }
      const list = byTarget.get(pending.tgt);
      if (list === undefined) byTarget.set(pending.tgt, [pending.attrs]);
      else list.push(pending.attrs);
      pending = undefined;
    },
    take() {
      const sources: string[] = [];
      for (const [src, byTarget] of bySource) {
        const targets: string[] = [];
        for (const [tgt, list] of byTarget) {
          targets.push(`${q(tgt)}:${list.length === 1 ? list[0] : `[${list.join(',')}]`}`);
        }
        sources.push(`${q(src)}:${inner}${targets.join(',')}}}}`);
      }
      bySource = new Map();
      return `${head}${sources.join(',')}}}}`;
    },
  };
}

/**
 * Upserts any number of edges of one type in batches, like {@link upsertVerticesInBatches}: at most
 * `batchSize` edges and about `batchBytes` of JSON per request, `concurrency` requests at a time,
 * from an array, iterable or async iterable read only as fast as batches go out; `onProgress` after
 * every batch; totals and one result per batch. Parallel edges (a repeated source–target pair) in
 * one batch are all sent, as a list.
 *
 * @example
 * const r = await upsertEdgesInBatches(ctx, 'Person', 'Knows', 'Person', pairs, {
 *   vertexMustExist: true,
 *   onProgress: (p) => console.log(`${p.itemsDone} edges written`),
 * });
 * r.accepted_edges; // total over all batches
 */
export async function upsertEdgesInBatches<S extends SchemaShape, E extends EdgeTypeName<S>>(
  ctx: ApiContext<S>,
  sourceType: VertexTypeName<S>,
  edgeType: E,
  targetType: VertexTypeName<S>,
  edges: Iterable<EdgeInput<EdgeAttributes<S, E>>> | AsyncIterable<EdgeInput<EdgeAttributes<S, E>>>,
  options: UpsertEdgesInBatchesOptions = {},
): Promise<BulkUpsertSummary> {
  checkOptions(options, UPSERT_EDGES_IN_BATCHES_KEYS, 'upsertEdgesInBatches');
  checkName(sourceType, 'sourceType');
  checkName(edgeType, 'edgeType');
  checkName(targetType, 'targetType');
  const flags = edgeFlags(options);
  checkAck(options);
  checkBatchOptions(options);
  if (!isItemSource(edges)) {
    throw new ValidationError(
      'edges must be an array, an iterable or an async iterable of [sourceId, targetId, attributes?]',
      { field: 'edges' },
    );
  }
  const batches = await runBatches(
    edges as Iterable<EdgeInput<unknown>> | AsyncIterable<EdgeInput<unknown>>,
    edgeBatchBuilder(sourceType, edgeType, targetType),
    (payload) => sendUpsert(ctx, payload, flags, options),
    options,
  );
  return bulkSummary(batches);
}
