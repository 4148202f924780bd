// Writing vectors: `POST R/graph/{graph}` with the vector as an ordinary attribute value
// (`{"vertices":{"Account":{"Scott":{"emb1":{"value":[-0.0177,…]}}}}}`, ecosys VectorSearch
// tutorial, "RESTPP Loading"), sent in batches by the vertex upsert machinery.
import { ValidationError } from '@tgraph/protocol/errors';
import type { ApiContext } from '../context.js';
import type { AttributesInput, VertexIdInput } from '../elements/types.js';
import type { BulkUpsertSummary } from '../elements/upsert-request.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape, VectorName, VertexAttributes, VertexTypeName } from '../schema-types.js';
import {
  type UpsertVerticesInBatchesOptions,
  upsertVerticesInBatches,
  type VertexInput,
} from '../vertices/upsert.js';
import { checkVector, vectorAttribute } from './check.js';

const UPSERT_VECTORS_KEYS: readonly string[] = [
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

/** One vector to write: `[id, vector, attributes?]` or `{ id, vector, attributes? }`. */
export type VectorRow<A = Record<string, unknown>> =
  | readonly [id: VertexIdInput, vector: readonly number[], attributes?: AttributesInput<A> | undefined]
  | { id: VertexIdInput; vector: readonly number[]; attributes?: AttributesInput<A> | undefined };

/** Options of {@link upsertVectors}: those of `upsertVerticesInBatches`. */
export interface UpsertVectorsOptions extends UpsertVerticesInBatchesOptions {}

function rowParts(row: unknown, i: number): [VertexIdInput, unknown, object | undefined] {
  if (Array.isArray(row)) return [row[0] as VertexIdInput, row[1], row[2] as object | undefined];
  if (typeof row === 'object' && row !== null && 'id' in row) {
    const r = row as { id: VertexIdInput; vector?: unknown; attributes?: object };
    return [r.id, r.vector, r.attributes];
  }
  throw new ValidationError(`rows[${i}] must be [id, vector, attributes?] or { id, vector, attributes? }`, {
    field: `rows[${i}]`,
  });
}

/** Turns each row into a vertex upsert whose attributes carry the checked vector. */
function toVertexInput(attribute: string, dimension: number | undefined) {
  return (row: unknown, i: number): VertexInput<unknown> => {
    const [id, vector, attributes] = rowParts(row, i);
    const checked = checkVector(vector, `rows[${i}].vector`, dimension);
    if (attributes !== undefined && (typeof attributes !== 'object' || attributes === null)) {
      throw new ValidationError(`rows[${i}].attributes must be an object`, {
        field: `rows[${i}].attributes`,
      });
    }
    return [id, { ...(attributes as Record<string, unknown>), [attribute]: checked }];
  };
}

function* mapSync<T, U>(items: Iterable<T>, f: (item: T, i: number) => U): Iterable<U> {
  let i = 0;
  for (const item of items) yield f(item, i++);
}

async function* mapAsync<T, U>(items: AsyncIterable<T>, f: (item: T, i: number) => U): AsyncIterable<U> {
  let i = 0;
  for await (const item of items) yield f(item, i++);
}

/**
 * Writes vectors (and optionally other attributes) of vertices of one type: any number of rows,
 * from an array, an iterable or an async iterable, in batches like `upsertVerticesInBatches`.
 * Every vector is checked against the attribute's DIMENSION from the schema before it is sent.
 * TigerGraph 4.2+ (`TG-UNSUPPORTED` elsewhere).
 *
 * @example
 * const r = await upsertVectors(ctx, 'Account', 'emb1', [
 *   ['Scott', [-0.0177, -0.0102, -0.0166]],
 *   { id: 'Jenny', vector: [-0.0193, 0.0005, 0.0067], attributes: { isBlocked: false } },
 * ]);
 * r.accepted_vertices; // 2
 */
export async function upsertVectors<S extends SchemaShape, T extends VertexTypeName<S>>(
  ctx: ApiContext<S>,
  vertexType: T,
  attribute: VectorName<S, T>,
  rows: Iterable<VectorRow<VertexAttributes<S, T>>> | AsyncIterable<VectorRow<VertexAttributes<S, T>>>,
  options: UpsertVectorsOptions = {},
): Promise<BulkUpsertSummary> {
  checkOptions(options, UPSERT_VECTORS_KEYS, 'upsertVectors');
  if (
    rows === null ||
    typeof rows !== 'object' ||
    (!(Symbol.iterator in rows) && !(Symbol.asyncIterator in rows))
  ) {
    throw new ValidationError(
      'rows must be an array, an iterable or an async iterable of [id, vector, attributes?]',
      {
        field: 'rows',
      },
    );
  }
  const { Dimension } = await vectorAttribute(ctx, vertexType, attribute, options);
  const f = toVertexInput(attribute, Dimension);
  const inputs =
    Symbol.asyncIterator in rows
      ? mapAsync(rows as AsyncIterable<unknown>, f)
      : mapSync(rows as Iterable<unknown>, f);
  return upsertVerticesInBatches(
    ctx as ApiContext<SchemaShape>,
    vertexType,
    inputs as Iterable<VertexInput<Record<string, unknown>>>,
    options,
  );
}
