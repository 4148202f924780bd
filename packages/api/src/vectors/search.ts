// Top-k similarity search: TigerGraph's `vectorSearch()` GSQL function (4.2+), in an installed
// helper query (TigerGraph does not run vectorSearch in interpreted mode; helper-queries.ts) that
// prints the matches and the distance map:
//   R = vectorSearch({Account.emb1}, query_vector, k, {distance_map: @@distances});
//   PRINT R; PRINT @@distances;
// (GSQL reference "Vector Database Operations"; ecosys tutorials/VectorSearch.md, q1/q1a/q3).
// `ids` (a parameter) and `filter` (part of the query text) narrow the search through
// vectorSearch's `candidate_set`.
import { ResponseShapeError, ValidationError } from '@tgraph/protocol/errors';
import { type ApiContext, graphOf } from '../context.js';
import { idText } from '../elements/ids.js';
import { gsqlIdentifier } from '../elements/interpret.js';
import type { SchemaReadOptions } from '../elements/schema-read.js';
import type { VertexIdInput } from '../elements/types.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape, VectorName, VertexAttributes, VertexTypeName } from '../schema-types.js';
import { checkCount, checkVector, mapVectorQueryError } from './check.js';
import { searchQuery } from './helper-queries.js';
import { type HelperQueryOptions, runHelper } from './installed.js';
import { printedSet } from './printed.js';
import { checkTypes, installHint, searchShape } from './shape.js';

const SEARCH_VECTORS_KEYS: readonly string[] = [...REQUEST_KEYS, 'install', 'onInstall', 'refresh'];
const REQUEST_FIELDS = ['type', 'attribute', 'vector', 'k', 'ef', 'ids', 'filter', 'withVectors'];

/**
 * Options of {@link searchVectors}: the request options, `refresh` (re-read the schema), `install`
 * and `onInstall` (the helper query's installation on first use).
 */
export interface SearchVectorsOptions extends SchemaReadOptions, HelperQueryOptions {}

/** What to search for. */
export interface VectorSearch<T extends string = string, N extends string = string> {
  /** The vertex type, or types, whose vectors are searched (each needs `attribute`). */
  type: T | readonly T[];
  /** The vector attribute searched (same name on every type). */
  attribute: N;
  /** The query vector: as many numbers as the attribute's DIMENSION. */
  vector: readonly number[];
  /** How many nearest vertices to return (≥ 1). */
  k: number;
  /** HNSW exploration factor (`ef`): larger finds better matches, slower. Server default when absent. */
  ef?: number | undefined;
  /** Only these vertices are candidates (one `type` only). */
  ids?: readonly VertexIdInput[] | undefined;
  /**
   * Only vertices meeting this GSQL condition on alias `v` are candidates, e.g. `v.birth_year < 1990`.
   * It is part of the installed query's text, so each distinct filter is a query of its own
   * (installed on its first use); for candidates that change per call, give `ids`.
   */
  filter?: string | undefined;
  /** Also return each match's vector (`PRINT … WITH VECTOR`). */
  withVectors?: boolean | undefined;
}

/** One match, nearest first. */
export interface VectorMatch<T extends string = string, A = Record<string, unknown>> {
  id: string;
  type: T;
  /**
   * The distance TigerGraph reports for the attribute's METRIC, smaller is more similar (HNSW's
   * conventions: COSINE 1 − cos, L2 the squared Euclidean distance, IP 1 − a·b).
   */
  distance: number;
  attributes: A;
  /** Only with `withVectors`. */
  vector?: number[] | undefined;
}

function checkRequest(request: VectorSearch): { types: string[]; k: number; ef: number | undefined } {
  if (typeof request !== 'object' || request === null) {
    throw new ValidationError('searchVectors needs { type, attribute, vector, k }', { field: 'request' });
  }
  const unknown = Object.keys(request).find(
    (key) => !REQUEST_FIELDS.includes(key) && request[key as keyof VectorSearch] !== undefined,
  );
  if (unknown !== undefined) {
    throw new ValidationError(
      `${unknown} is not a field of a vector search; it takes ${REQUEST_FIELDS.join(', ')}`,
      {
        field: unknown,
      },
    );
  }
  const types = checkTypes(request.type);
  if (request.ids !== undefined && (types.length > 1 || !Array.isArray(request.ids))) {
    throw new ValidationError('ids must be an array of ids of the one vertex type searched', {
      field: 'ids',
    });
  }
  const k = checkCount(request.k, 'k');
  const ef = request.ef === undefined ? undefined : checkCount(request.ef, 'ef');
  return { types, k, ef };
}

/**
 * The `k` vertices whose vector attribute is nearest to `vector`, nearest first, with their
 * attributes and distance (TigerGraph's `vectorSearch()`, approximate HNSW search). Checks the
 * types, the attribute and the vector's dimension against the schema first. TigerGraph 4.2+
 * (`TG-UNSUPPORTED` elsewhere).
 *
 * The search runs in an installed helper query (`tgraph_vsearch_<hash>`), since TigerGraph runs
 * `vectorSearch()` only in installed queries. When the graph does not have it yet, the call creates
 * and installs it (the privilege to create and install queries is needed then; on a server INSTALL
 * QUERY takes tens of seconds to minutes, once per definition); later calls, and other clients,
 * reuse it. Deploy scripts can install it beforehand with `installVectorQueries`
 * and calls can forbid installing with `install: false`.
 *
 * @example
 * const matches = await searchVectors(ctx, { type: 'Account', attribute: 'emb1', vector: [-0.0177, -0.0102, -0.0166], k: 3 });
 * matches[0]; // { id: 'Scott', type: 'Account', distance: 0, attributes: { name: 'Scott', isBlocked: false } }
 */
export async function searchVectors<S extends SchemaShape, T extends VertexTypeName<S>>(
  ctx: ApiContext<S>,
  request: VectorSearch<T, VectorName<S, T>>,
  options: SearchVectorsOptions = {},
): Promise<VectorMatch<T, VertexAttributes<S, T>>[]> {
  checkOptions(options, SEARCH_VECTORS_KEYS, 'searchVectors');
  const { types, k, ef } = checkRequest(request);
  const ids = request.ids?.map((id, i) => idText(id, `ids[${i}]`));
  const { shape, dimension } = await searchShape(ctx, { ...request, types }, options);
  const vector = checkVector(request.vector, 'vector', dimension);
  if (ids !== undefined && ids.length === 0) return [];
  const graph = gsqlIdentifier(graphOf(ctx, options.graph), 'graph');
  const params = { query_vector: vector, k, ef: ef ?? 0, ...(types.length === 1 ? { ids: ids ?? [] } : {}) };
  const results = await runHelper(ctx, searchQuery(graph, shape), params, {
    ...options,
    hint: installHint(shape),
  }).catch((error: unknown) => {
    throw mapVectorQueryError(error);
  });
  return matchesOf(results, request.attribute) as VectorMatch<T, VertexAttributes<S, T>>[];
}

/** Joins the printed vertex set with the distance map, nearest first. */
function matchesOf(results: readonly Record<string, unknown>[], attribute: string): VectorMatch[] {
  const distances = results.find((r) => '@@distances' in r)?.['@@distances'];
  if (typeof distances !== 'object' || distances === null) {
    throw new ResponseShapeError('searchVectors: the search query printed no @@distances map', {
      code: 'TG-SHAPE',
    });
  }
  const byId = distances as Record<string, unknown>;
  const matches = printedSet(results, 'R', 'searchVectors').map((v) => {
    const distance = byId[v.v_id];
    if (typeof distance !== 'number') {
      throw new ResponseShapeError(`searchVectors: no distance printed for ${v.v_type} '${v.v_id}'`, {
        code: 'TG-SHAPE',
      });
    }
    const match: VectorMatch = { id: v.v_id, type: v.v_type, distance, attributes: v.attributes ?? {} };
    const vector = v.Embeddings?.[attribute];
    if (vector !== undefined) match.vector = vector;
    return match;
  });
  return matches.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
