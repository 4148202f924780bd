// Reading edges at every path depth below a source vertex (reference §4.3).
import type { EndpointDef } from '@tgraph/protocol/paths';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import { edgeSchema } from '@tgraph/protocol/schemas/graph-data';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { type FilterInput, readParams } from '../elements/read-params.js';
import type { EdgeAttributeName, EdgeResult, Selected, SortKey, VertexIdInput } from '../elements/types.js';
import { type CallOptions, callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { EdgeAttributes, EdgeTypeName, SchemaShape, VertexTypeName } from '../schema-types.js';
import { type EdgeSelection, edgeRoute } from './selector.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_EDGES_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'discriminator',
  'edgeType',
  'filter',
  'limit',
  'select',
  'serverTimeoutMs',
  'sort',
  'targetId',
  'targetType',
];

/** `E`: the edge type; `K`: the selected attributes; `N`: every attribute name (what `sort` accepts). */
export interface GetEdgesOptions<E extends string, K extends string, N extends string = string>
  extends RequestOptions,
    EdgeSelection<E> {
  /** Edge attributes to return (default: all). */
  select?: readonly K[] | undefined;
  /** Conditions on edge attributes in RESTPP syntax, ANDed. */
  filter?: FilterInput | undefined;
  limit?: number | undefined;
  sort?: readonly SortKey<N>[] | undefined;
  /** Server-side timeout (RESTPP `timeout`, sent in whole seconds). */
  serverTimeoutMs?: number | undefined;
}

const listEnvelope = restppEnvelope(z.array(edgeSchema));

/** Sends one edge listing and returns plain edge objects. */
export async function listEdges(
  ctx: ApiContext<SchemaShape>,
  request: CallOptions & { endpoint: EndpointDef },
): Promise<EdgeResult[]> {
  const { endpoint, ...options } = request;
  const reply = await callParsed(ctx, endpoint, listEnvelope, options);
  return (reply.results ?? []).map((e) => {
    const out: EdgeResult = {
      e_type: e.e_type,
      from_type: e.from_type,
      from_id: e.from_id,
      to_type: e.to_type,
      to_id: e.to_id,
      attributes: (e.attributes ?? {}) as Record<string, unknown>,
    };
    if (e.directed !== undefined) out.directed = e.directed;
    return out;
  });
}

/**
 * Edges of a source vertex, narrowed as far as wanted: by edge type, target type, target id and
 * a multi-edge's discriminator. Undirected edges come back from the source vertex's side.
 *
 * @example
 * await getEdges(ctx, 'Patient', '1000000003'); // every edge of the patient
 * await getEdges(ctx, 'Patient', '1000000003', { edgeType: 'INFECTED_BY' });
 * await getEdges(ctx, 'Person', 'ann', { edgeType: 'Pays', targetType: 'Account', targetId: 7, discriminator: ['2024-01-01 00:00:00'] });
 */
export async function getEdges<
  S extends SchemaShape,
  E extends EdgeTypeName<S> = EdgeTypeName<S>,
  K extends EdgeAttributeName<S, E> = never,
>(
  ctx: ApiContext<S>,
  sourceType: VertexTypeName<S>,
  sourceId: VertexIdInput,
  options: GetEdgesOptions<E, K, EdgeAttributeName<S, E>> = {},
): Promise<EdgeResult<E, Selected<EdgeAttributes<S, E>, K>>[]> {
  checkOptions(options, GET_EDGES_KEYS, 'getEdges');
  const route = edgeRoute('get', sourceType, sourceId, options);
  const edges = await listEdges(ctx, {
    endpoint: route.target,
    ...perCall(options),
    params: route.params,
    searchParams: readParams(options),
  });
  return edges as EdgeResult<E, Selected<EdgeAttributes<S, E>, K>>[];
}
