// Edge counts: the `stat_edge_number` built-in by type (optionally by endpoint types), and
// `count_only=true` on a source vertex's edges (reference §4.3, §4.5).

import * as endpoints from '@tgraph/protocol/endpoints/elements';
import { NotFoundError, ValidationError } from '@tgraph/protocol/errors';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import { edgeCountSchema } from '@tgraph/protocol/schemas/graph-data';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { type FilterInput, filterText } from '../elements/read-params.js';
import type { VertexIdInput } from '../elements/types.js';
import { callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { type OneOrMany, typeList } from '../internal/one-or-many.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { EdgeTypeName, SchemaShape, VertexTypeName } from '../schema-types.js';
import { type EdgeSelection, edgeRoute } from './selector.js';

/** Option keys each function accepts (unknown ones are rejected). */
const COUNT_EDGES_KEYS: readonly string[] = [...REQUEST_KEYS, 'realtime', 'sourceType', 'targetType'];
const COUNT_EDGES_BY_TYPE_KEYS: readonly string[] = [...REQUEST_KEYS, 'realtime', 'sourceType', 'targetType'];
const COUNT_EDGES_FROM_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'discriminator',
  'edgeType',
  'filter',
  'targetId',
  'targetType',
];

export interface CountEdgesOptions extends RequestOptions {
  /** Count only edges leaving this vertex type (`from_type`). */
  sourceType?: string | undefined;
  /** Count only edges reaching this vertex type (`to_type`). */
  targetType?: string | undefined;
  /** Real-time numbers instead of the cached statistics. */
  realtime?: boolean | undefined;
}

export interface CountEdgesFromOptions<E extends string> extends RequestOptions, EdgeSelection<E> {
  /** Count only edges matching these conditions (RESTPP filter syntax, ANDed). */
  filter?: FilterInput | undefined;
}

const countsEnvelope = restppEnvelope(z.array(edgeCountSchema));

async function builtinCounts(
  ctx: ApiContext<SchemaShape>,
  type: string,
  options: CountEdgesOptions,
): Promise<Record<string, number>> {
  const body: Record<string, string> = { function: 'stat_edge_number', type };
  if (options.sourceType !== undefined) body['from_type'] = options.sourceType;
  if (options.targetType !== undefined) body['to_type'] = options.targetType;
  const reply = await callParsed(ctx, endpoints.builtins, countsEnvelope, {
    ...perCall(options),
    json: body,
    searchParams: options.realtime === true ? { realtime: 'true' } : undefined,
  });
  const out: Record<string, number> = {};
  for (const item of reply.results ?? []) out[item.e_type] = Number(item.count);
  return out;
}

/**
 * Number of edges of one type (`stat_edge_number`), optionally only between given vertex types.
 * Given `'*'` or a list of types (as pyTigerGraph's `getEdgeCount` takes them) it returns the
 * counts by type, as {@link countEdgesByType} does.
 *
 * @example
 * await countEdges(ctx, 'INFECTED_BY'); // 8
 * await countEdges(ctx, 'Pays', { sourceType: 'Person', targetType: 'Account' });
 * await countEdges(ctx, ['INFECTED_BY', 'PATIENT_FROM_CITY']); // { INFECTED_BY: 8, PATIENT_FROM_CITY: 24 }
 */
export async function countEdges<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeType: EdgeTypeName<S>,
  options?: CountEdgesOptions,
): Promise<number>;
export async function countEdges<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeTypes: '*' | readonly EdgeTypeName<S>[],
  options?: CountEdgesOptions,
): Promise<Partial<Record<EdgeTypeName<S>, number>>>;
export async function countEdges<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeType: '*' | OneOrMany<EdgeTypeName<S>>,
  options: CountEdgesOptions = {},
): Promise<number | Partial<Record<EdgeTypeName<S>, number>>> {
  if (typeof edgeType === 'string' && edgeType !== '*') checkOptions(options, COUNT_EDGES_KEYS, 'countEdges');
  if (typeof edgeType !== 'string' || edgeType === '*') return countEdgesByType(ctx, edgeType, options);
  if ((edgeType as string) === '') {
    throw new ValidationError("edgeType must be an edge type name, '*' or a list of names", {
      field: 'edgeType',
    });
  }
  return (await builtinCounts(ctx, edgeType, options))[edgeType] ?? 0;
}

/**
 * Edge counts by type in one `stat_edge_number` call: every type (`'*'`, default) or the listed ones.
 *
 * @example
 * await countEdgesByType(ctx); // { PATIENT_FROM_CITY: 24, …, INFECTED_BY: 8, reverse_INFECTED_BY: 8 }
 */
export async function countEdgesByType<S extends SchemaShape>(
  ctx: ApiContext<S>,
  types: '*' | OneOrMany<EdgeTypeName<S>> = '*',
  options: CountEdgesOptions = {},
): Promise<Partial<Record<EdgeTypeName<S>, number>>> {
  checkOptions(options, COUNT_EDGES_BY_TYPE_KEYS, 'countEdgesByType');
  const edgeTypes = typeList(types, 'edgeTypes');
  const all = await builtinCounts(
    ctx,
    edgeTypes !== '*' && edgeTypes.length === 1 ? (edgeTypes[0] as string) : '*',
    options,
  );
  if (edgeTypes === '*') return all as Partial<Record<EdgeTypeName<S>, number>>;
  const out: Record<string, number> = {};
  for (const t of edgeTypes) {
    const n = all[t];
    if (n === undefined) {
      throw new NotFoundError(
        `Edge type '${t}' is not in the graph (counted: ${Object.keys(all).join(', ')})`,
        {
          code: 'TG-NOT-FOUND',
        },
      );
    }
    out[t] = n;
  }
  return out as Partial<Record<EdgeTypeName<S>, number>>;
}

/**
 * Edges of one source vertex counted per edge type (`count_only=true`), narrowed like getEdges
 * and optionally filtered.
 *
 * @example
 * await countEdgesFrom(ctx, 'Patient', '1000000003'); // { PATIENT_FROM_CITY: 1, …, INFECTED_BY: 1, reverse_INFECTED_BY: 2 }
 * await countEdgesFrom(ctx, 'Person', 'ann', { edgeType: 'Pays', filter: 'amount>10' }); // { Pays: 2 }
 */
export async function countEdgesFrom<S extends SchemaShape, E extends EdgeTypeName<S> = EdgeTypeName<S>>(
  ctx: ApiContext<S>,
  sourceType: VertexTypeName<S>,
  sourceId: VertexIdInput,
  options: CountEdgesFromOptions<E> = {},
): Promise<Record<string, number>> {
  checkOptions(options, COUNT_EDGES_FROM_KEYS, 'countEdgesFrom');
  const route = edgeRoute('get', sourceType, sourceId, options);
  const searchParams: Array<[string, string]> = [['count_only', 'true']];
  const filter = filterText(options.filter);
  if (filter !== undefined) searchParams.push(['filter', filter]);
  const reply = await callParsed(ctx, route.target, countsEnvelope, {
    ...perCall(options),
    params: route.params,
    searchParams,
  });
  const out: Record<string, number> = {};
  for (const item of reply.results ?? []) out[item.e_type] = Number(item.count);
  return out;
}
