// Deleting vertices: by filter (`DELETE …/vertices/{type}`), by id (one DELETE per id; RESTPP has
// no multi-id delete) and a whole type (`DELETE …/delete_by_type/vertices/{type}`).

import * as endpoints from '@tgraph/protocol/endpoints/elements';
import { NotFoundError, ValidationError } from '@tgraph/protocol/errors';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import { deletedVerticesSchema } from '@tgraph/protocol/schemas/graph-data';
import type { ApiContext } from '../context.js';
import { checkConcurrency, mapLimit } from '../elements/concurrency.js';
import { idText } from '../elements/ids.js';
import { type FilterInput, filterText, limitParam, timeoutSeconds } from '../elements/read-params.js';
import type { SortKey, VertexAttributeName, VertexIdInput } from '../elements/types.js';
import { callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { idList, type OneOrMany } from '../internal/one-or-many.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape, VertexTypeName } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const DELETE_VERTICES_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'filter',
  'limit',
  'permanent',
  'serverTimeoutMs',
  'sort',
];
const DELETE_VERTICES_BY_ID_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'concurrency',
  'permanent',
  'serverTimeoutMs',
];
const DELETE_VERTICES_BY_TYPE_KEYS: readonly string[] = [...REQUEST_KEYS, 'ack', 'permanent'];

export interface DeleteVerticesOptions<K extends string> extends RequestOptions {
  /** Delete only vertices matching these conditions (RESTPP filter syntax, ANDed). */
  filter?: FilterInput | undefined;
  /** Delete at most this many. */
  limit?: number | undefined;
  /** Which ones `limit` keeps (needs `limit`). */
  sort?: readonly SortKey<K>[] | undefined;
  /** The ids can never be inserted again (until the graph is dropped or its store cleared). */
  permanent?: boolean | undefined;
  serverTimeoutMs?: number | undefined;
}

export interface DeleteVerticesByIdOptions extends RequestOptions {
  permanent?: boolean | undefined;
  serverTimeoutMs?: number | undefined;
  /** Requests in flight at once (default 8). */
  concurrency?: number | undefined;
}

export interface DeleteVerticesByTypeOptions extends RequestOptions {
  permanent?: boolean | undefined;
  /** `all` (default on the server): wait for every GPE; `none`: return once RESTPP accepted it. */
  ack?: 'all' | 'none' | undefined;
}

const envelope = restppEnvelope(deletedVerticesSchema);

/**
 * Deletes the vertices of a type that match a filter (all of them without one), with their edges.
 * Returns how many were deleted.
 *
 * @example
 * await deleteVertices(ctx, 'Patient', { filter: 'birth_year<1950' }); // 3
 * await deleteVertices(ctx, 'Patient', { filter: 'birth_year>0', limit: 2, sort: ['-birth_year'] });
 */
export async function deleteVertices<
  S extends SchemaShape,
  T extends VertexTypeName<S>,
  K extends VertexAttributeName<S, T> = VertexAttributeName<S, T>,
>(ctx: ApiContext<S>, vertexType: T, options: DeleteVerticesOptions<K> = {}): Promise<number> {
  checkOptions(options, DELETE_VERTICES_KEYS, 'deleteVertices');
  const sort = options.sort !== undefined && options.sort.length > 0 ? options.sort.join(',') : undefined;
  const limit = limitParam(options.limit);
  if (sort !== undefined && limit === undefined) {
    throw new ValidationError('sort only applies together with limit when deleting vertices', {
      field: 'sort',
    });
  }
  const searchParams: Array<[string, string]> = [];
  const put = (k: string, v: string | number | undefined) => {
    if (v !== undefined) searchParams.push([k, String(v)]);
  };
  put('filter', filterText(options.filter));
  put('limit', limit);
  put('sort', sort);
  if (options.permanent === true) put('permanent', 'true');
  put('timeout', timeoutSeconds(options.serverTimeoutMs));
  const reply = await callParsed(ctx, endpoints.deleteVertices, envelope, {
    ...perCall(options),
    params: { vertexType },
    searchParams,
  });
  return Number(reply.results?.deleted_vertices ?? 0);
}

/**
 * Deletes vertices by id (one request per id, `concurrency` at a time); ids that do not exist count
 * as 0. Returns how many were deleted.
 *
 * @example
 * await deleteVerticesById(ctx, 'Patient', ['p1', 'p/2'], { permanent: true }); // 2
 */
export async function deleteVerticesById<S extends SchemaShape, T extends VertexTypeName<S>>(
  ctx: ApiContext<S>,
  vertexType: T,
  vertexIds: OneOrMany<VertexIdInput>,
  options: DeleteVerticesByIdOptions = {},
): Promise<number> {
  checkOptions(options, DELETE_VERTICES_BY_ID_KEYS, 'deleteVerticesById');
  const ids = [...new Set(idList(vertexIds, 'vertexIds').map((id, i) => idText(id, `vertexIds[${i}]`)))];
  const searchParams: Array<[string, string]> = [];
  if (options.permanent === true) searchParams.push(['permanent', 'true']);
  const timeout = timeoutSeconds(options.serverTimeoutMs);
  if (timeout !== undefined) searchParams.push(['timeout', String(timeout)]);
  const counts = await mapLimit(ids, checkConcurrency(options.concurrency), async (vertexId) => {
    try {
      const reply = await callParsed(ctx, endpoints.deleteVertex, envelope, {
        ...perCall(options),
        params: { vertexType, vertexId },
        searchParams,
      });
      return Number(reply.results?.deleted_vertices ?? 0);
    } catch (error) {
      if (error instanceof NotFoundError && error.code === '601') return 0;
      throw error;
    }
  });
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Deletes every vertex of a type (and their edges) through `delete_by_type`. Returns how many were
 * deleted.
 *
 * @example
 * await deleteVerticesByType(ctx, 'InfectionCase', { permanent: false, ack: 'all' }); // 6
 */
export async function deleteVerticesByType<S extends SchemaShape, T extends VertexTypeName<S>>(
  ctx: ApiContext<S>,
  vertexType: T,
  options: DeleteVerticesByTypeOptions = {},
): Promise<number> {
  checkOptions(options, DELETE_VERTICES_BY_TYPE_KEYS, 'deleteVerticesByType');
  if (options.ack !== undefined && options.ack !== 'all' && options.ack !== 'none') {
    throw new ValidationError(`ack must be 'all' or 'none', got '${String(options.ack)}'`, { field: 'ack' });
  }
  const searchParams: Array<[string, string]> = [];
  if (options.ack !== undefined) searchParams.push(['ack', options.ack]);
  if (options.permanent === true) searchParams.push(['permanent', 'true']);
  const reply = await callParsed(ctx, endpoints.deleteVerticesByType, envelope, {
    ...perCall(options),
    params: { vertexType },
    searchParams,
  });
  return Number(reply.results?.deleted_vertices ?? 0);
}
