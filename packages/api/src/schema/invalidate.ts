// Dropping the client's cached schemas. Its own module, exporting only invalidateSchema, so that
// the facade can offer it synchronously without loading the schema functions, and
// `@tgraph/api/helpers` can re-export it with `export *` (see helpers.ts).
import type { ApiContext } from '../context.js';
import type { SchemaShape } from '../schema-types.js';
import { SCHEMA_KEY_PREFIX } from './cache.js';

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
    if (!key.startsWith(SCHEMA_KEY_PREFIX)) continue;
    if (graph === undefined || key.endsWith(`:${graph}`)) ctx.cache.delete(key);
  }
}
