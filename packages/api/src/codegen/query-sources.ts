// The input of generateQueryTypes, read from a live server: the installed queries (RESTPP
// `/endpoints`), each one's signature (3.x queryinfo, 4.x queries/signature) and its GSQL text.
import type { ApiContext } from '../context.js';
import type { RequestOptions } from '../internal/call.js';
import { describeQuery, getQueryText, listInstalledQueries } from '../queries/manage.js';
import type { SchemaShape } from '../schema-types.js';
import { HELPER_PREFIXES } from '../vectors/helper-queries.js';
import type { QueryTypeSource } from './query-types.js';

/** Options of {@link describeQueriesForCodegen}. */
export interface DescribeQueriesOptions extends RequestOptions {
  /**
   * Only these queries (default: every installed query of the graph but the SDK's own vector
   * helper queries, `tgraph_vsearch_…` / `tgraph_vget_…`).
   */
  queries?: readonly string[] | undefined;
}

/**
 * Signatures and texts of the graph's installed queries, ready for {@link generateQueryTypes}.
 *
 * @example
 * const text = generateQueryTypes(await describeQueriesForCodegen(ctx), { graph: 'MyGraph' });
 */
export async function describeQueriesForCodegen(
  ctx: ApiContext<SchemaShape>,
  options: DescribeQueriesOptions = {},
): Promise<QueryTypeSource[]> {
  const { queries, ...request } = options;
  const helpers = Object.values(HELPER_PREFIXES);
  const names =
    queries ??
    (await listInstalledQueries(ctx, request))
      .map((q) => q.name)
      .filter((name) => !helpers.some((prefix) => name.startsWith(prefix)));
  const sources: QueryTypeSource[] = [];
  // One query at a time: a server installing or compiling answers these slowly, never in bulk.
  for (const name of names) {
    const { parameters, output } = await describeQuery(ctx, name, request);
    const text = await getQueryText(ctx, name, request);
    sources.push({ name, parameters, output, text });
  }
  return sources;
}
