// `tg.queries`: @tgraph/api/queries bound to the client. The runs keep their result type
// parameter (`tg.queries.run<[{ n: number }]>('q')`); management functions go through the binder.
import type { ApiContext } from '@tgraph/api/context';
import type * as queries from '@tgraph/api/queries';
import type { QueryParams, QueryResults } from '@tgraph/api/queries';
import type {
  AnySchema,
  QueriesOf,
  QueryParamsOf,
  QueryResultOf,
  SchemaShape,
} from '@tgraph/api/schema-types';
import { type BoundModule, bindModule } from './bind.js';
import { lazyModule } from './lazy.js';

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

/** Options of `tg.queries.run`. */
export type RunOptions = NonNullable<Parameters<typeof queries.runQuery>[3]>;

/** `tg.queries.run` without query types: any name, any parameters, results typed by the caller. */
export interface UntypedRun {
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
}

/** The arguments after the name: parameters required when one of them has no default. */
type RunArgs<P> =
  Partial<P> extends P ? [params?: P, options?: RunOptions] : [params: P, options?: RunOptions];

/** `tg.queries.run` with generated query types: the name, its parameters and result are checked. */
export interface TypedRun<Q> {
  /**
   * Runs an installed query declared in the client's schema type (`generateQueryTypes`): its name
   * and parameters are checked at compile time and the result is typed. @see runQuery
   *
   * @example
   * const [{ chain }] = await tg.queries.run('infection_chain', { p: vertexParam('Patient', 'p1') });
   */
  run<N extends keyof Q & string>(
    query: N,
    ...args: RunArgs<QueryParamsOf<Q, N>>
  ): Promise<QueryResultOf<Q, N>>;
}

/** `run` typed by the schema's `queries` when it declares them, untyped otherwise. */
export type RunMethod<S extends SchemaShape> = [QueriesOf<S>] extends [never]
  ? UntypedRun
  : TypedRun<QueriesOf<S>>;

/** `tg.queries`: run installed and interpreted queries, manage and install them, async runs. */
export type QueriesNamespace<S extends SchemaShape = AnySchema> = QueriesMethods & RunMethod<S>;

/** The members of `tg.queries` that do not depend on the schema type. */
export interface QueriesMethods extends BoundModule<typeof queries, (typeof MANAGED)[number]> {
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
export function queriesNamespace<S extends SchemaShape>(ctx: ApiContext<SchemaShape>): QueriesNamespace<S> {
  const api = lazyModule(() => import('@tgraph/api/queries'));
  const run: UntypedRun['run'] = (query, params, options) =>
    api.use((m) => m.runQuery(ctx, query, params, options));
  const methods: QueriesMethods & UntypedRun = {
    ...bindModule(ctx, api, MANAGED),
    run,
    runInterpreted: (queryText, params, options) =>
      api.use((m) => m.runInterpretedQuery(ctx, queryText, params, options)),
    getResult: (requestId, options) => api.use((m) => m.getQueryResult(ctx, requestId, options)),
    waitFor: (job, options) => api.use((m) => m.waitForQuery(ctx, job, options)),
  };
  // The typed `run` is the untyped one with checked arguments: the same function serves both.
  return methods as QueriesNamespace<S>;
}
