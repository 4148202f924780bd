// Running installed queries: `GET|POST R/query/{graph}/{query}` (reference §4.8), with the control
// headers of §5, results typed by the caller, and an AbortSignal that also stops the query on the
// server (it keeps running there when only the HTTP request is dropped).

import * as endpoints from '@tgraph/protocol/endpoints/queries';
import { AbortError } from '@tgraph/protocol/errors';
import type { IntegerMode } from '@tgraph/protocol/json';
import type { PrintOutput } from '@tgraph/protocol/schemas/query';
import { type ApiContext, graphOf } from '../context.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { AnySchema, SchemaShape } from '../schema-types.js';
import { encodeJsonParams, encodeQueryString, needsPost, type QueryParams } from './params.js';
import { abortQueryOnServer } from './server-abort.js';
import { checkQueryName, controlOf, type QueryControlOptions, queryEnvelope } from './shared.js';

/** Option keys each function accepts (unknown ones are rejected). */
const RUN_QUERY_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'abortOnServer',
  'gsqlTimeoutMs',
  'integers',
  'memoryLimitMb',
  'method',
  'replica',
  'responseLimitBytes',
  'threadLimit',
  'workloadQueue',
];

export type { QueryControlOptions } from './shared.js';

/** `results` of a query: one object per PRINT executed, in order. */
export type QueryResults = PrintOutput[];

export interface RunQueryOptions extends RequestOptions, QueryControlOptions {
  /**
   * `POST` (default: parameters as a JSON body; needed for MAP, tuple and composite-key vertex
   * parameters) or `GET` (parameters in the query string).
   */
  method?: 'GET' | 'POST' | undefined;
  /** Integer parsing for this result (`bigint`/`string` keep 64-bit values exact). */
  integers?: IntegerMode | undefined;
  /**
   * When `signal` aborts, also abort the query on the server (default true): the SDK looks up the
   * run's request id in `/showprocesslist` and sends `/abortquery` with it.
   */
  abortOnServer?: boolean | undefined;
}

/**
 * Runs an installed query and returns its `results` (one object per PRINT). Type the result with
 * the generic parameter; integers follow the `integers` option (`bigint` keeps INT/UINT exact).
 *
 * @example
 * const [{ total }] = await runQuery<[{ total: number }]>(ctx, 'count_patients', {
 *   city: vertexParam('City', 'Seoul'),
 *   since: datetimeParam(new Date('2020-02-01T00:00:00Z')),
 * });
 */
export async function runQuery<R extends readonly object[] = QueryResults, S extends SchemaShape = AnySchema>(
  ctx: ApiContext<S>,
  query: string,
  params?: QueryParams,
  options: RunQueryOptions = {},
): Promise<R> {
  checkOptions(options, RUN_QUERY_KEYS, 'runQuery');
  checkQueryName(query);
  const method = options.method ?? 'POST';
  if (method === 'GET' && needsPost(params)) {
    // Fails with a message naming the parameter.
    encodeQueryString(params);
  }
  const graph = graphOf(ctx, options.graph);
  // A signal that is already aborted stops the call before anything is sent: nothing to abort.
  const sentBeforeAbort = options.signal?.aborted !== true;
  const started = Date.now();
  try {
    const reply = await callParsed(
      ctx,
      method === 'GET' ? endpoints.runQueryGet : endpoints.runQuery,
      queryEnvelope,
      {
        graph,
        params: { query },
        ...abortOf(options),
        integers: options.integers,
        control: controlOf(options),
        ...(method === 'GET'
          ? { searchParams: encodeQueryString(params) }
          : params === undefined
            ? {}
            : { json: encodeJsonParams(params) }),
      },
    );
    return (reply.results ?? []) as unknown as R;
  } catch (error) {
    if (
      error instanceof AbortError &&
      sentBeforeAbort &&
      options.signal?.aborted &&
      options.abortOnServer !== false
    ) {
      await abortQueryOnServer(ctx, { graph, query, elapsedMs: Date.now() - started });
    }
    throw error;
  }
}
