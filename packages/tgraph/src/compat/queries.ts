// pyTigerGraph's pyTigerGraphQuery: installed and interpreted queries.
import type { QueryParams } from '@tgraph/api/queries';
import * as queries from '@tgraph/api/queries';
import { ConnectionBase, list } from './base.js';

/** The queries methods of `TigerGraphConnection`. */
export class QueryMethods extends ConnectionBase {
  /** `runInstalledQuery(queryName, params, timeout, sizeLimit, usePost, runAsync, replica, threadLimit, memoryLimit)`. */
  runInstalledQuery(
    queryName: string,
    params?: QueryParams,
    timeout?: number,
    sizeLimit?: number,
    usePost?: boolean,
    runAsync = false,
    replica?: number,
    threadLimit?: number,
    memoryLimit?: number,
  ) {
    const control = this.g({
      gsqlTimeoutMs: timeout,
      responseLimitBytes: sizeLimit,
      replica,
      threadLimit,
      memoryLimitMb: memoryLimit,
      ...(usePost === undefined ? {} : { method: usePost ? ('POST' as const) : ('GET' as const) }),
    });
    return runAsync
      ? queries.runQueryAsync(this.ctx, queryName, params, control)
      : queries.runQuery(this.ctx, queryName, params, control);
  }

  /** `runInterpretedQuery(queryText, params)`. */
  runInterpretedQuery(queryText: string, params?: QueryParams) {
    return queries.runInterpretedQuery(this.ctx, queryText, params, this.g());
  }

  checkQueryStatus(requestId: string) {
    return queries.getQueryStatus(this.ctx, requestId, this.g());
  }

  /** Waits for an async run (`runInstalledQuery(…, runAsync=true)`) and returns its result. */
  waitForQuery(requestId: string) {
    return queries.waitForQuery(this.ctx, requestId, this.g());
  }

  getQueryResult(requestId: string) {
    return queries.getQueryResult(this.ctx, requestId, this.g());
  }

  getInstalledQueries() {
    return queries.listInstalledQueries(this.ctx, this.g());
  }

  listQueryNames() {
    return queries.listQueries(this.ctx, this.g());
  }

  /** `showQuery(queryName)`: its GSQL text. */
  showQuery(queryName: string) {
    return queries.getQueryText(this.ctx, queryName, this.g());
  }

  /** `getQueryContent(queryName)`: the query's GSQL text. */
  getQueryContent(queryName: string) {
    return queries.getQueryText(this.ctx, queryName, this.g());
  }

  getQueryMetadata(queryName: string) {
    return queries.describeQuery(this.ctx, queryName, this.g());
  }

  /** `updateQueryDescription(queryName, queryDescription, parameterDescriptions)` (TigerGraph ≥ 4.0). */
  updateQueryDescription(
    queryName: string,
    queryDescription: string,
    parameterDescriptions?: Readonly<Record<string, string>>,
  ) {
    return queries.setQueryDescription(
      this.ctx,
      queryName,
      queryDescription,
      parameterDescriptions,
      this.g(),
    );
  }

  /** `getQueryDescription(queryName = 'all')`: a name, a comma list or `'all'`. */
  getQueryDescription(queryName: string | readonly string[] = 'all') {
    const names =
      queryName === 'all' ? 'all' : typeof queryName === 'string' ? (list(queryName) ?? []) : queryName;
    return queries.getQueryDescriptions(this.ctx, names, this.g());
  }

  /** `dropQueryDescription(queryName, dropParamDescriptions = true)`; `'*'` drops all. */
  dropQueryDescription(queryName: string | readonly string[], dropParamDescriptions = true) {
    const names = queryName === '*' ? 'all' : typeof queryName === 'string' ? [queryName] : queryName;
    return queries.dropQueryDescriptions(this.ctx, names, this.g({ parameters: dropParamDescriptions }));
  }

  createQuery(queryText: string) {
    return queries.createQuery(this.ctx, queryText, this.g());
  }

  dropQueries(queryName: string | readonly string[]) {
    return queries.dropQueries(this.ctx, queryName, this.g());
  }

  /** `installQueries(queries, flag, wait)`; flags as `-force`, `-single`, … */
  installQueries(queryNames: string | readonly string[], flag: string | readonly string[] = [], wait = true) {
    const flags = (typeof flag === 'string' ? [flag] : flag).map((f) => f.replace(/^-/, '').toLowerCase());
    return queries.installQueries(
      this.ctx,
      queryNames,
      this.g({
        wait,
        force: flags.includes('force'),
        single: flags.includes('single'),
        legacy: flags.includes('legacy'),
        debug: flags.includes('debug'),
        cost: flags.includes('cost'),
      }),
    );
  }

  getQueryInstallationStatus(requestId: string) {
    return queries.getInstallStatus(this.ctx, requestId, this.g());
  }

  getRunningQueries() {
    return queries.listRunningQueries(this.ctx, this.g());
  }

  /** `abortQuery(request_id, url)`. */
  abortQuery(requestId?: string | readonly string[], url?: string) {
    const requestIds =
      requestId === undefined
        ? undefined
        : requestId === 'all'
          ? 'all'
          : typeof requestId === 'string'
            ? [requestId]
            : requestId;
    return queries.abortQuery(this.ctx, { requestIds, url }, this.g());
  }
}
