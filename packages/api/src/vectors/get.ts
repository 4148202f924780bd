// Reading vectors: RESTPP's vertex reads leave vector attributes out, so they are read the way
// TigerGraph prints them — `PRINT S WITH VECTOR` (GSQL reference, "Vector Database Operations";
// ecosys VectorSearch tutorial) — in an installed helper query, since TigerGraph does not print
// vectors in interpreted mode (helper-queries.ts). The ids travel in the JSON body of the run.
import { ValidationError } from '@tgraph/protocol/errors';
import { type ApiContext, graphOf } from '../context.js';
import { checkConcurrency, mapLimit } from '../elements/concurrency.js';
import { idText } from '../elements/ids.js';
import { gsqlIdentifier, idBatches } from '../elements/interpret.js';
import type { SchemaReadOptions } from '../elements/schema-read.js';
import type { VertexIdInput } from '../elements/types.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape, VectorName, VertexTypeName } from '../schema-types.js';
import { mapVectorQueryError, vectorAttribute } from './check.js';
import { getQuery } from './helper-queries.js';
import { type HelperQueryOptions, runHelper } from './installed.js';
import { printedSet } from './printed.js';
import { installHint } from './shape.js';

const GET_VECTORS_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'concurrency',
  'install',
  'onInstall',
  'refresh',
];

/** Ids per run of the read query (about this many characters of ids in one JSON body). */
const BATCH_CHARS = 256 * 1024;

export interface GetVectorsOptions extends SchemaReadOptions, HelperQueryOptions {
  /** Query runs in flight at once when the ids need several (default 4). */
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
 * TigerGraph 4.2+ (`TG-UNSUPPORTED` elsewhere).
 *
 * The read runs in an installed helper query (`tgraph_vget_<hash>`, one per vertex type), created
 * and installed on the first call for the type on a graph like `searchVectors`' (see there:
 * `install: false`, `installVectorQueries`).
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
  const query = getQuery(gsqlIdentifier(graphOf(ctx, options.graph), 'graph'), vertexType);
  const run = { ...options, hint: installHint({ types: [vertexType], attribute }) };
  const replies = await mapLimit(
    idBatches(unique, BATCH_CHARS),
    checkConcurrency(options.concurrency ?? 4),
    (batch) =>
      runHelper(ctx, query, { ids: batch }, run).catch((error: unknown) => {
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
