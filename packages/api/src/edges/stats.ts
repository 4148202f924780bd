// Edge attribute statistics (`stat_edge_attr` with from_type/to_type `*`).
import type { ApiContext } from '../context.js';
import { type OneOrMany, typeList } from '../internal/one-or-many.js';
import type { EdgeTypeName, SchemaShape } from '../schema-types.js';
import { type AttributeStats, type AttributeStatsOptions, collectStats } from '../vertices/stats.js';

/**
 * MIN/MAX/AVG of the numeric attributes of edge types (`stat_edge_attr`): every type with `'*'` (one
 * request), one type, or the listed ones. Types without statistics give `{}` (left out with `skipNA`).
 *
 * @example
 * await getEdgeStats(ctx, ['Pays']); // { Pays: { amount: { MIN: 5, MAX: 20, AVG: 11.6 } } }
 */
export async function getEdgeStats<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeTypes: '*' | OneOrMany<EdgeTypeName<S>>,
  options: AttributeStatsOptions = {},
): Promise<Partial<Record<EdgeTypeName<S>, Record<string, AttributeStats>>>> {
  const types = typeList(edgeTypes, 'edgeTypes');
  return (await collectStats(ctx, 'edge', types, options)) as Partial<
    Record<EdgeTypeName<S>, Record<string, AttributeStats>>
  >;
}
