// Vertex upserts: `POST R/graph/{graph}` with `{"vertices": {type: {id: {attr: {value, op?}}}}}`
// (reference §4.4). Flags go out as lowercase `true` (pyTigerGraph sends Python's `True`).
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
import type { SchemaShape, VertexAttributes, VertexTypeName } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const UPSERT_VERTEX_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'ack',
  'atomic',
  'newVertexOnly',
  'updateVertexOnly',
];
const UPSERT_VERTICES_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'ack',
  'atomic',
  'newVertexOnly',
  'updateVertexOnly',
];
const UPSERT_VERTICES_IN_BATCHES_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'ack',
  'atomic',
  'batchBytes',
  'batchSize',
  'concurrency',
  'continueOnError',
  'newVertexOnly',
  'onProgress',
  'updateVertexOnly',
];

export interface UpsertVerticesOptions extends UpsertOptions {
  /** Only insert: vertices that exist are skipped (`new_vertex_only=true`). */
  newVertexOnly?: boolean | undefined;
  /** Only update: vertices that do not exist are skipped (`update_vertex_only=true`). */
  updateVertexOnly?: boolean | undefined;
}

/** One vertex to upsert: `[id, attributes]` or `{ id, attributes }`. */
export type VertexInput<A> =
  | readonly [id: VertexIdInput, attributes?: AttributesInput<A> | undefined]
  | { id: VertexIdInput; attributes?: AttributesInput<A> | undefined };

function checkFlags(options: UpsertVerticesOptions): void {
  if (options.newVertexOnly === true && options.updateVertexOnly === true) {
    throw new ValidationError(
      'newVertexOnly and updateVertexOnly exclude each other: nothing would be written',
      {
        field: 'newVertexOnly',
      },
    );
  }
}

function entryOf<A>(v: VertexInput<A>, i: number): [VertexIdInput, AttributesInput<A> | undefined] {
  if (Array.isArray(v)) return [v[0] as VertexIdInput, v[1] as AttributesInput<A> | undefined];
  if (typeof v === 'object' && v !== null && 'id' in v) {
    const o = v as { id: VertexIdInput; attributes?: AttributesInput<A> | undefined };
    return [o.id, o.attributes];
  }
  throw new ValidationError(`vertices[${i}] must be [id, attributes] or { id, attributes }`, {
    field: `vertices[${i}]`,
  });
}

/**
 * Inserts or updates one vertex. Attribute values: plain values, `Date` for DATETIME, arrays or
 * `Set`s for LIST/SET, `Map`s or objects for MAP and UDT values, and {@link attrOp} for operators.
 *
 * @example
 * await upsertVertex(ctx, 'Patient', 'p1', { birth_year: 1990, confirmed_date: new Date('2020-03-01') });
 * await upsertVertex(ctx, 'Patient', 'p1', { contact_number: attrOp('add', 2) }, { updateVertexOnly: true });
 */
export async function upsertVertex<S extends SchemaShape, T extends VertexTypeName<S>>(
  ctx: ApiContext<S>,
  vertexType: T,
  vertexId: VertexIdInput,
  attributes?: AttributesInput<VertexAttributes<S, T>>,
  options: UpsertVerticesOptions = {},
): Promise<UpsertSummary> {
  checkOptions(options, UPSERT_VERTEX_KEYS, 'upsertVertex');
  return upsertVertices(ctx, vertexType, [[vertexId, attributes]], options);
}

/**
 * Inserts or updates many vertices of one type in one request. A repeated id merges its
 * attributes (a later value of the same attribute wins).
 *
 * @example
 * const r = await upsertVertices(ctx, 'City', [
 *   ['c1', { city: 'Seoul', university_count: 38 }],
 *   { id: 'c2', attributes: { city: 'Busan' } },
 * ], { atomic: true });
 * r.accepted_vertices; // 2
 */
export async function upsertVertices<S extends SchemaShape, T extends VertexTypeName<S>>(
  ctx: ApiContext<S>,
  vertexType: T,
  vertices: readonly VertexInput<VertexAttributes<S, T>>[],
  options: UpsertVerticesOptions = {},
): Promise<UpsertSummary> {
  checkOptions(options, UPSERT_VERTICES_KEYS, 'upsertVertices');
  checkFlags(options);
  if (typeof vertexType !== 'string' || vertexType === '') {
    throw new ValidationError('vertexType must be a non-empty string', { field: 'vertexType' });
  }
  if (!Array.isArray(vertices)) {
    throw new ValidationError('vertices must be an array of [id, attributes] or { id, attributes }', {
      field: 'vertices',
    });
  }
  // No prototype: an id such as `__proto__` stays an ordinary key.
  const byId: Record<string, UpsertAttributes> = Object.create(null);
  vertices.forEach((v, i) => {
    const [id, attrs] = entryOf(v, i);
    const key = idText(id, `vertices[${i}] id`);
    const encoded = encodeAttributes(attrs, `${vertexType} '${key}'`);
    const earlier = byId[key];
    byId[key] = earlier === undefined ? encoded : { ...earlier, ...encoded };
  });
  return sendUpsert(
    ctx,
    { vertices: { [vertexType]: byId } },
    { new_vertex_only: options.newVertexOnly, update_vertex_only: options.updateVertexOnly },
    options,
  );
}

/** Options of {@link upsertVerticesInBatches}: the upsert flags plus how to cut and send batches. */
export interface UpsertVerticesInBatchesOptions extends UpsertVerticesOptions, BatchOptions {}

/** Builds `{"vertices":{type:{id:attrs,…}}}` one item at a time, as text, merging repeated ids. */
function vertexBatchBuilder(vertexType: string): BatchBuilder<VertexInput<unknown>> {
  const head = `{"vertices":{${JSON.stringify(vertexType)}:{`;
  let byId = new Map<string, { attrs: UpsertAttributes; fragment: string }>();
  let pending: { key: string; attrs: UpsertAttributes; fragment: string } | undefined;
  const fragmentOf = (key: string, attrs: UpsertAttributes) =>
    `${JSON.stringify(key)}:${stringifyJson(attrs)}`;
  return {
    envelopeBytes: utf8Length(head) + 3,
    prepare(item, i) {
      const [id, attrs] = entryOf(item, i);
      const key = idText(id, `vertices[${i}] id`);
      const encoded = encodeAttributes(attrs, `${vertexType} '${key}'`);
      pending = { key, attrs: encoded, fragment: fragmentOf(key, encoded) };
      return utf8Length(pending.fragment) + 1;
    },
    commit() {
      if (pending === undefined) return;
      const before = byId.get(pending.key);
      if (before === undefined) byId.set(pending.key, pending);
      else {
        // A repeated id in one batch merges its attributes (a later value wins), as upsertVertices does.
        const attrs = { ...before.attrs, ...pending.attrs };
        byId.set(pending.key, { attrs, fragment: fragmentOf(pending.key, attrs) });
      }
      pending = undefined;
    },
    take() {
      const parts: string[] = [];
      for (const v of byId.values()) parts.push(v.fragment);
      byId = new Map();
      return `${head}${parts.join(',')}}}}`;
    },
  };
}

/**
 * Upserts any number of vertices of one type in batches: at most `batchSize` vertices and about
 * `batchBytes` of JSON per request, `concurrency` requests at a time. The input may be an array,
 * an iterable or an async iterable (e.g. rows parsed from a file): it is read only as fast as
 * batches are sent, and each payload is built as text for its batch alone, so memory stays near
 * `concurrency × batchBytes`. `onProgress` is called after every batch; the result holds the totals
 * and one entry per batch.
 *
 * Each batch is its own request: `atomic` applies per batch, and an id repeated in different
 * batches is written by each (their order is not fixed when `concurrency` > 1). By default the first
 * failed batch stops the write (batches already sent stay written) and the call rejects with its
 * error once the batches in flight have settled; with `continueOnError`, failed batches are
 * reported in `batches[i].error` instead. Upserts are not retried (they are not idempotent with `op`
 * attributes), so a batch is never sent twice.
 *
 * @example
 * const r = await upsertVerticesInBatches(ctx, 'Person', people.map((p) => [p.id, { name: p.name }]), {
 *   batchSize: 10_000,
 *   concurrency: 4,
 *   onProgress: (p) => console.log(`${p.itemsDone} written`),
 * });
 * r.accepted_vertices; // total over all batches
 * r.batches.length;    // number of requests sent
 */
export async function upsertVerticesInBatches<S extends SchemaShape, T extends VertexTypeName<S>>(
  ctx: ApiContext<S>,
  vertexType: T,
  vertices:
    | Iterable<VertexInput<VertexAttributes<S, T>>>
    | AsyncIterable<VertexInput<VertexAttributes<S, T>>>,
  options: UpsertVerticesInBatchesOptions = {},
): Promise<BulkUpsertSummary> {
  checkOptions(options, UPSERT_VERTICES_IN_BATCHES_KEYS, 'upsertVerticesInBatches');
  checkFlags(options);
  checkAck(options);
  checkBatchOptions(options);
  if (typeof vertexType !== 'string' || vertexType === '') {
    throw new ValidationError('vertexType must be a non-empty string', { field: 'vertexType' });
  }
  if (!isItemSource(vertices)) {
    throw new ValidationError(
      'vertices must be an array, an iterable or an async iterable of [id, attributes]',
      {
        field: 'vertices',
      },
    );
  }
  const flags = { new_vertex_only: options.newVertexOnly, update_vertex_only: options.updateVertexOnly };
  const batches = await runBatches(
    vertices as Iterable<VertexInput<unknown>> | AsyncIterable<VertexInput<unknown>>,
    vertexBatchBuilder(vertexType),
    (payload) => sendUpsert(ctx, payload, flags, options),
    options,
  );
  return bulkSummary(batches);
}
