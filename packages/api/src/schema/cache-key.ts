// The cache key of one graph's schema, apart from invalidateSchema (cache.ts) so that cache.ts
// exports only what `@tgraph/api/helpers` re-exports with `export *` (see helpers.ts).

/** What every cached schema's key starts with. */
export const SCHEMA_KEY_PREFIX = 'tgraph:schema:';

/** The cache key of one graph's schema. */
export const schemaCacheKey = (graph: string, udts: boolean): string =>
  `${SCHEMA_KEY_PREFIX}${udts ? 'udts' : 'plain'}:${graph}`;
