// `tg.queries`: @tgraph/api/queries bound to the client. The runs keep their result type
// parameter (`tg.queries.run<[{ n: number }]>('q')`); management functions go through the binder.
import type { ApiContext } from '@tgraph/api/context';
import type { QueryParams, QueryResults } from '@tgraph/api/queries';
import * as queries from '@tgraph/api/queries';
import type { SchemaShape } from '@tgraph/api/schema-types';
import { type BoundModule, bindModule } from './bind.js';

const MANAGED = [
  'runQueryAsync',
  'getQueryStatus',
  'createQuery',
  'dropQueries',
  'listQueries',
  'getQueryText',
  'describeQuery',
  'listInstalledQueries',
  'installQueries',
  'getInstallStatus',
  'listRunningQueries',
  'abortQuery',
  'setQueryDescription',
  'getQueryDescriptions',
  'dropQueryDescriptions',
] as const;

/** `tg.queries`: run installed and interpreted queries, manage and install them, async runs. */
export interface QueriesNamespace extends BoundModule<typeof queries, (typeof MANAGED)[number]> {
  /**
   * Runs an installed query (GET, or POST when a parameter needs it); an aborted `signal` also
   * aborts the query on the server. @see runQuery
   *
   * @example
   * const [{ total }] = await tg.queries.run<[{ total: number }]>('count_patients', { province: 'Seoul' });
   */
  run<R extends readonly object[] = QueryResults>(
    query: string,
    params?: QueryParams,
    options?: Parameters<typeof queries.runQuery<R>>[3],
  ): ReturnType<typeof queries.runQuery<R>>;
  /** Runs GSQL query text without installing it. @see runInterpretedQuery */
  runInterpreted<R extends readonly object[] = QueryResults>(
    queryText: string,
    params?: QueryParams,
    options?: Parameters<typeof queries.runInterpretedQuery<R>>[3],
  ): ReturnType<typeof queries.runInterpretedQuery<R>>;
  /** Result of an async run. @see getQueryResult */
  getResult<R extends readonly object[] = QueryResults>(
    requestId: string,
    options?: Parameters<typeof queries.getQueryResult<R>>[2],
  ): ReturnType<typeof queries.getQueryResult<R>>;
  /** Waits for an async run and returns its result. @see waitForQuery */
  waitFor<R extends readonly object[] = QueryResults>(
    job: Parameters<typeof queries.waitForQuery<R>>[1],
    options?: Parameters<typeof queries.waitForQuery<R>>[2],
  ): ReturnType<typeof queries.waitForQuery<R>>;
}

/** Binds `@tgraph/api/queries` to a client context. */
export function queriesNamespace(ctx: ApiContext<SchemaShape>): QueriesNamespace {
  return {
    ...bindModule(ctx, queries, MANAGED),
    run: (query, params, options) => queries.runQuery(ctx, query, params, options),
    runInterpreted: (queryText, params, options) =>
      queries.runInterpretedQuery(ctx, queryText, params, options),
    getResult: (requestId, options) => queries.getQueryResult(ctx, requestId, options),
    waitFor: (job, options) => queries.waitForQuery(ctx, job, options),
  };
}
