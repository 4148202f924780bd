// Edge attribute statistics (`stat_edge_attr` with from_type/to_type `*`).
import type { ApiContext } from '../context.js';
import { type OneOrMany, typeList } from '../internal/one-or-many.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { EdgeTypeName, SchemaShape } from '../schema-types.js';
import { type AttributeStats, type AttributeStatsOptions, collectStats } from '../vertices/stats.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_EDGE_STATS_KEYS: readonly string[] = [...REQUEST_KEYS, 'skipNA'];

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
  checkOptions(options, GET_EDGE_STATS_KEYS, 'getEdgeStats');
  const types = typeList(edgeTypes, 'edgeTypes');
  return (await collectStats(ctx, 'edge', types, options)) as Partial<
    Record<EdgeTypeName<S>, Record<string, AttributeStats>>
  >;
}
