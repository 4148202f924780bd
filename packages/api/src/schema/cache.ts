// The keys of the client's cached schemas (one per graph, with or without UDTs). Dropping them is
// invalidate.ts's, apart so that the vertex functions, which read the schema, do not load it.

/** What every cached schema's key starts with. */
export const SCHEMA_KEY_PREFIX = 'tgraph:schema:';

/** The cache key of one graph's schema. */
export const schemaCacheKey = (graph: string, udts: boolean): string =>
  `${SCHEMA_KEY_PREFIX}${udts ? 'udts' : 'plain'}:${graph}`;
