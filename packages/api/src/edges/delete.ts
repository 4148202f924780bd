// Deleting the edges of a source vertex, narrowed like getEdges (reference §4.3).
import { ValidationError } from '@tgraph/protocol/errors';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import { deletedEdgesSchema } from '@tgraph/protocol/schemas/graph-data';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { type FilterInput, filterText, limitParam, timeoutSeconds } from '../elements/read-params.js';
import type { EdgeAttributeName, SortKey, VertexIdInput } from '../elements/types.js';
import { callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { EdgeTypeName, SchemaShape, VertexTypeName } from '../schema-types.js';
import { type EdgeSelection, edgeRoute } from './selector.js';

/** Option keys each function accepts (unknown ones are rejected). */
const DELETE_EDGES_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'discriminator',
  'edgeType',
  'filter',
  'limit',
  'serverTimeoutMs',
  'sort',
  'targetId',
  'targetType',
];

export interface DeleteEdgesOptions<E extends string, K extends string>
  extends RequestOptions,
    EdgeSelection<E> {
  filter?: FilterInput | undefined;
  limit?: number | undefined;
  /** Which edges `limit` keeps (needs `limit`). */
  sort?: readonly SortKey<K>[] | undefined;
  serverTimeoutMs?: number | undefined;
}

const envelope = restppEnvelope(z.array(deletedEdgesSchema));

/**
 * Deletes edges of a source vertex; returns the number deleted per edge type (without an edge
 * type, every edge type of the source appears, zeros included).
 *
 * @example
 * await deleteEdges(ctx, 'Patient', '1000000003', { edgeType: 'INFECTED_BY' }); // { INFECTED_BY: 1 }
 * await deleteEdges(ctx, 'Person', 'ann', { edgeType: 'Pays', filter: 'amount>100' });
 */
export async function deleteEdges<
  S extends SchemaShape,
  E extends EdgeTypeName<S> = EdgeTypeName<S>,
  K extends EdgeAttributeName<S, E> = EdgeAttributeName<S, E>,
>(
  ctx: ApiContext<S>,
  sourceType: VertexTypeName<S>,
  sourceId: VertexIdInput,
  options: DeleteEdgesOptions<E, K> = {},
): Promise<Record<string, number>> {
  checkOptions(options, DELETE_EDGES_KEYS, 'deleteEdges');
  const route = edgeRoute('delete', sourceType, sourceId, options);
  const limit = limitParam(options.limit);
  const sort = options.sort !== undefined && options.sort.length > 0 ? options.sort.join(',') : undefined;
  if (sort !== undefined && limit === undefined) {
    throw new ValidationError('sort only applies together with limit when deleting edges', { field: 'sort' });
  }
  const searchParams: Array<[string, string]> = [];
  const put = (k: string, v: string | number | undefined) => {
    if (v !== undefined) searchParams.push([k, String(v)]);
  };
  put('filter', filterText(options.filter));
  put('limit', limit);
  put('sort', sort);
  put('timeout', timeoutSeconds(options.serverTimeoutMs));
  const reply = await callParsed(ctx, route.target, envelope, {
    ...perCall(options),
    params: route.params,
    searchParams,
  });
  const out: Record<string, number> = {};
  for (const r of reply.results ?? []) out[r.e_type] = (out[r.e_type] ?? 0) + Number(r.deleted_edges);
  return out;
}
