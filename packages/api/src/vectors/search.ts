// Top-k similarity search: TigerGraph's `vectorSearch()` GSQL function (4.2+), run in an
// interpreted query that prints the matches and the distance map:
//   R = vectorSearch({Account.emb1}, @@query_vector, 5, {distance_map: @@distances});
//   PRINT R; PRINT @@distances;
// (GSQL reference "Vector Database Operations"; ecosys tutorials/VectorSearch.md, q1/q1a/q3).
// `ids` and `filter` narrow the search through vectorSearch's `candidate_set`.
import { ResponseShapeError, ValidationError } from '@tgraph/protocol';
import type { ApiContext } from '../context.js';
import { idText } from '../elements/ids.js';
import { interpret } from '../elements/interpret.js';
import type { SchemaReadOptions } from '../elements/schema-read.js';
import type { VertexIdInput } from '../elements/types.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape, VectorName, VertexAttributes, VertexTypeName } from '../schema-types.js';
import { checkCount, checkVector, mapVectorQueryError, vectorAttribute } from './check.js';
import { checkFilter } from './filter.js';
import { gsqlFloat } from './literal.js';
import { printedSet } from './printed.js';

const SEARCH_VECTORS_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const REQUEST_FIELDS = ['type', 'attribute', 'vector', 'k', 'ef', 'ids', 'filter', 'withVectors'];

/** Options of {@link searchVectors}: the request options and `refresh` (re-read the schema). */
export interface SearchVectorsOptions extends SchemaReadOptions {}

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
  /** Only vertices meeting this GSQL condition on alias `v` are candidates, e.g. `v.birth_year < 1990`. */
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
  const types =
    typeof request.type === 'string' ? [request.type] : Array.isArray(request.type) ? [...request.type] : [];
  if (types.length === 0) {
    throw new ValidationError("type must be a vertex type name or a non-empty list of them, e.g. 'Patient'", {
      field: 'type',
    });
  }
  if (request.ids !== undefined && (types.length > 1 || !Array.isArray(request.ids))) {
    throw new ValidationError('ids must be an array of ids of the one vertex type searched', {
      field: 'ids',
    });
  }
  const k = checkCount(request.k, 'k');
  const ef = request.ef === undefined ? undefined : checkCount(request.ef, 'ef');
  return { types: [...new Set(types)], k, ef };
}

/** The query body: candidates (ids, filter), the search, and its two PRINTs. */
function searchBody(
  request: VectorSearch,
  types: string[],
  vector: number[],
  k: number,
  ef: number | undefined,
): string {
  const lines = [
    `ListAccum<FLOAT> @@query_vector = [${vector.map(gsqlFloat).join(', ')}];`,
    'MapAccum<VERTEX, FLOAT> @@distances;',
  ];
  const params = ['distance_map: @@distances'];
  if (ef !== undefined) params.push(`ef: ${ef}`);
  if (request.ids !== undefined || request.filter !== undefined) {
    lines.push(
      request.ids !== undefined
        ? `C = to_vertex_set(ids, "${types[0]}");`
        : `C = {${types.map((t) => `${t}.*`).join(', ')}};`,
    );
    if (request.filter !== undefined)
      lines.push(`C = SELECT v FROM C:v WHERE ${checkFilter(request.filter)};`);
    params.push('candidate_set: C');
  }
  const targets = types.map((t) => `${t}.${request.attribute}`).join(', ');
  lines.push(
    `R = vectorSearch({${targets}}, @@query_vector, ${k}, {${params.join(', ')}});`,
    `PRINT R${request.withVectors === true ? ' WITH VECTOR' : ''};`,
    'PRINT @@distances;',
  );
  return lines.join(' ');
}

/**
 * The `k` vertices whose vector attribute is nearest to `vector`, nearest first, with their
 * attributes and distance (TigerGraph's `vectorSearch()`, approximate HNSW search). Checks the
 * types, the attribute and the vector's dimension against the schema first. TigerGraph 4.2+
 * (`TG-UNSUPPORTED` elsewhere); needs the privilege to run interpreted queries.
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
  if (request.filter !== undefined) checkFilter(request.filter);
  let dimension: number | undefined;
  for (const type of types) {
    const attr = await vectorAttribute(ctx, type, request.attribute, options);
    if (dimension !== undefined && attr.Dimension !== undefined && attr.Dimension !== dimension) {
      throw new ValidationError(
        `${request.attribute} has DIMENSION ${dimension} on ${types[0]} but ${attr.Dimension} on ${type}; search types whose vectors have one dimension`,
        { field: 'type' },
      );
    }
    dimension ??= attr.Dimension;
  }
  const vector = checkVector(request.vector, 'vector', dimension);
  if (ids !== undefined && ids.length === 0) return [];
  const results = await interpret(
    ctx,
    ids === undefined ? '' : 'SET<STRING> ids',
    searchBody(request, types, vector, k, ef),
    (ids ?? []).map((id) => ['ids', id]),
    options,
  ).catch((error: unknown) => {
    throw mapVectorQueryError(error);
  });
  return matchesOf(results, request.attribute) as VectorMatch<T, VertexAttributes<S, T>>[];
}

/** Joins the printed vertex set with the distance map, nearest first. */
function matchesOf(results: readonly Record<string, unknown>[], attribute: string): VectorMatch[] {
  const distances = results.find((r) => '@@distances' in r)?.['@@distances'];
  if (typeof distances !== 'object' || distances === null) {
    throw new ResponseShapeError('searchVectors: the interpreted query printed no @@distances map', {
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
