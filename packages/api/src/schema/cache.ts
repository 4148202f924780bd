// The client's cached schemas (one per graph, with or without UDTs) and dropping them. Its own
// module so that the facade can offer the synchronous invalidateSchema without loading the
// schema functions.
import type { ApiContext } from '../context.js';
import type { SchemaShape } from '../schema-types.js';

const PREFIX = 'tgraph:schema:';

/** The cache key of one graph's schema. */
export const schemaCacheKey = (graph: string, udts: boolean): string =>
  `${PREFIX}${udts ? 'udts' : 'plain'}:${graph}`;

/**
 * Drops cached schemas: one graph's, or every graph's when `graph` is omitted. The schema-changing
 * functions call it; call it yourself after changing the schema with raw GSQL.
 *
 * @example
 * await gsql(ctx, 'CREATE GLOBAL SCHEMA_CHANGE JOB …');
 * invalidateSchema(ctx);
 */
export function invalidateSchema(ctx: ApiContext<SchemaShape>, graph?: string | undefined): void {
  for (const key of [...ctx.cache.keys()]) {
    if (!key.startsWith(PREFIX)) continue;
    if (graph === undefined || key.endsWith(`:${graph}`)) ctx.cache.delete(key);
  }
}
