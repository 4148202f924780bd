// Reading vectors: RESTPP's vertex reads leave vector attributes out, so they are read the way
// TigerGraph prints them — an interpreted query with `PRINT S WITH VECTOR` (GSQL reference,
// "Vector Database Operations"; ecosys VectorSearch tutorial) — one query per ~6 KB of ids.
import { ValidationError } from '@tgraph/protocol';
import type { ApiContext } from '../context.js';
import { checkConcurrency, mapLimit } from '../elements/concurrency.js';
import { idText } from '../elements/ids.js';
import { idBatches, interpret } from '../elements/interpret.js';
import type { SchemaReadOptions } from '../elements/schema-read.js';
import type { VertexIdInput } from '../elements/types.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape, VectorName, VertexTypeName } from '../schema-types.js';
import { mapVectorQueryError, vectorAttribute } from './check.js';
import { printedSet } from './printed.js';

const GET_VECTORS_KEYS: readonly string[] = [...REQUEST_KEYS, 'concurrency', 'refresh'];

export interface GetVectorsOptions extends SchemaReadOptions {
  /** Interpreted queries in flight at once when the ids need several (default 4). */
  concurrency?: number | undefined;
}

/** One vertex's vector. */
export interface VertexVector {
  /** The vertex id, as TigerGraph prints it (always a string). */
  id: string;
  vector: number[];
}

/**
 * The vector attribute `attribute` of vertices of one type, in the order of `ids` (ids that do not
 * exist, or whose vector was never written, are left out; a repeated id is asked once).
 * TigerGraph 4.2+ (`TG-UNSUPPORTED` elsewhere); needs the privilege to run interpreted queries.
 *
 * @example
 * const [scott] = await getVectors(ctx, 'Account', ['Scott'], 'emb1');
 * scott; // { id: 'Scott', vector: [-0.01773397, -0.01019224, -0.01657188] }
 */
export async function getVectors<S extends SchemaShape, T extends VertexTypeName<S>>(
  ctx: ApiContext<S>,
  vertexType: T,
  ids: readonly VertexIdInput[],
  attribute: VectorName<S, T>,
  options: GetVectorsOptions = {},
): Promise<VertexVector[]> {
  checkOptions(options, GET_VECTORS_KEYS, 'getVectors');
  if (!Array.isArray(ids)) {
    throw new ValidationError("ids must be an array of vertex ids, e.g. ['Scott', 'Jenny']", {
      field: 'ids',
    });
  }
  const list = ids.map((id, i) => idText(id, `ids[${i}]`));
  await vectorAttribute(ctx, vertexType, attribute, options);
  const unique = [...new Set(list)];
  if (unique.length === 0) return [];
  const replies = await mapLimit(idBatches(unique), checkConcurrency(options.concurrency), (batch) =>
    interpret(
      ctx,
      'SET<STRING> ids',
      `S = to_vertex_set(ids, "${vertexType}"); PRINT S WITH VECTOR;`,
      batch.map((id) => ['ids', id]),
      options,
    ).catch((error: unknown) => {
      throw mapVectorQueryError(error);
    }),
  );
  const found = new Map<string, number[]>();
  for (const results of replies) {
    for (const v of printedSet(results, 'S', 'getVectors')) {
      const vector = v.Embeddings?.[attribute];
      if (vector !== undefined && vector.length > 0) found.set(v.v_id, vector);
    }
  }
  return unique.flatMap((id) => {
    const vector = found.get(id);
    return vector === undefined ? [] : [{ id, vector }];
  });
}
