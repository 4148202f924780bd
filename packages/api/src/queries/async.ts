// Detached query runs (reference §4.9): `GSQL-ASYNC: true` answers at once with a request id; the
// run's state comes from `/query_status`, its PRINT output from `/query_result`.

import * as endpoints from '@tgraph/protocol/endpoints/queries';
import {
  AbortError,
  NotFoundError,
  TigerGraphError,
  TimeoutError,
  ValidationError,
} from '@tgraph/protocol/errors';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import { asyncQueryReplySchema, type QueryStatus, queryStatusSchema } from '@tgraph/protocol/schemas/query';
import * as z from 'zod/mini';
import { type ApiContext, graphOf } from '../context.js';
import { abortOf, callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { encodeJsonParams, encodeQueryString, type QueryParams } from './params.js';
import type { QueryResults, RunQueryOptions } from './run.js';
import { abortQuery } from './running.js';
import { checkQueryName, controlOf, queryEnvelope, sleep } from './shared.js';

/** Option keys each function accepts (unknown ones are rejected). */
const RUN_QUERY_ASYNC_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'gsqlTimeoutMs',
  'memoryLimitMb',
  'method',
  'replica',
  'responseLimitBytes',
  'threadLimit',
  'workloadQueue',
];
const GET_QUERY_STATUS_KEYS: readonly string[] = REQUEST_KEYS;
const GET_QUERY_RESULT_KEYS: readonly string[] = [...REQUEST_KEYS, 'integers'];
const WAIT_FOR_QUERY_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'integers',
  'maxWaitMs',
  'onProgress',
  'pollIntervalMs',
];

/** A detached run: its request id and where it runs. */
export interface QueryJob {
  requestId: string;
  graph: string;
  query: string;
}

/**
 * Starts an installed query detached (`GSQL-ASYNC: true`) and returns its request id at once.
 * Follow it with {@link waitForQuery}, {@link getQueryStatus} and {@link getQueryResult}.
 *
 * @example
 * const job = await runQueryAsync(ctx, 'city_stats', { city: vertexParam('City', 'Seoul') });
 * const results = await waitForQuery<[{ cases: number }]>(ctx, job);
 */
export async function runQueryAsync(
  ctx: ApiContext<SchemaShape>,
  query: string,
  params?: QueryParams,
  options: Omit<RunQueryOptions, 'abortOnServer' | 'integers'> = {},
): Promise<QueryJob> {
  checkOptions(options, RUN_QUERY_ASYNC_KEYS, 'runQueryAsync');
  checkQueryName(query);
  const graph = graphOf(ctx, options.graph);
  const method = options.method ?? 'POST';
  const reply = await callParsed(
    ctx,
    method === 'GET' ? endpoints.runQueryGet : endpoints.runQuery,
    asyncQueryReplySchema,
    {
      graph,
      params: { query },
      ...abortOf(options),
      control: { ...controlOf(options), async: true },
      ...(method === 'GET'
        ? { searchParams: encodeQueryString(params) }
        : params === undefined
          ? {}
          : { json: encodeJsonParams(params) }),
    },
  );
  return { requestId: reply.request_id, graph, query };
}

/**
 * The state of a detached run (`/query_status`): `status` is `running`, `success`, `timeout` or
 * `aborted`. An id the server does not know throws `NotFoundError`.
 *
 * @example
 * const { status } = await getQueryStatus(ctx, job.requestId);
 */
export async function getQueryStatus(
  ctx: ApiContext<SchemaShape>,
  requestId: string,
  options: RequestOptions = {},
): Promise<QueryStatus> {
  checkOptions(options, GET_QUERY_STATUS_KEYS, 'getQueryStatus');
  checkRequestId(requestId);
  const reply = await callParsed(ctx, endpoints.queryStatus, statusEnvelope, {
    ...perCall(options),
    searchParams: { requestid: requestId },
    integers: 'number',
  });
  const found = (reply.results ?? []).find((r) => r.requestid === requestId);
  if (found === undefined) {
    throw new NotFoundError(`The server knows no query run with request id '${requestId}'`, {
      code: 'TG-UNKNOWN-REQUEST',
    });
  }
  return found as QueryStatus;
}

const statusEnvelope = z.extend(restppEnvelope(z.array(queryStatusSchema)), {
  unknown_requestid: z.optional(z.array(z.string())),
});

/**
 * The PRINT output of a finished detached run (`/query_result`), typed by the caller.
 *
 * @example
 * const results = await getQueryResult<[{ ret: number }]>(ctx, job.requestId);
 */
export async function getQueryResult<R extends readonly object[] = QueryResults>(
  ctx: ApiContext<SchemaShape>,
  requestId: string,
  options: RequestOptions & { integers?: RunQueryOptions['integers'] } = {},
): Promise<R> {
  checkOptions(options, GET_QUERY_RESULT_KEYS, 'getQueryResult');
  checkRequestId(requestId);
  const graph = options.graph ?? ctx.graph;
  const reply = await callParsed(ctx, endpoints.queryResult, queryEnvelope, {
    ...abortOf(options),
    integers: options.integers,
    searchParams: { requestid: requestId, ...(graph === undefined ? {} : { graph_name: graph }) },
  });
  return (reply.results ?? []) as unknown as R;
}

export interface WaitForQueryOptions extends RequestOptions {
  /** Time between status checks. Default 500 ms. */
  pollIntervalMs?: number | undefined;
  /** Give up (and abort the run on the server) after this long. Default 10 minutes. */
  maxWaitMs?: number | undefined;
  /** Called after every status check. */
  onProgress?: ((status: QueryStatus) => void) | undefined;
  integers?: RunQueryOptions['integers'];
}

/**
 * Waits for a detached run and returns its results. Bounded: after `maxWaitMs` the run is aborted
 * on the server and a `TimeoutError` is thrown; aborting `signal` also aborts the run on the
 * server. A run that ended as `aborted` or `timeout` throws.
 *
 * @example
 * const job = await runQueryAsync(ctx, 'slow_query');
 * const results = await waitForQuery(ctx, job, { onProgress: (s) => console.log(s.status) });
 */
export async function waitForQuery<R extends readonly object[] = QueryResults>(
  ctx: ApiContext<SchemaShape>,
  job: QueryJob | string,
  options: WaitForQueryOptions = {},
): Promise<R> {
  checkOptions(options, WAIT_FOR_QUERY_KEYS, 'waitForQuery');
  const requestId = typeof job === 'string' ? job : job.requestId;
  const graph = typeof job === 'string' ? options.graph : job.graph;
  const interval = options.pollIntervalMs ?? 500;
  const maxWait = options.maxWaitMs ?? 600_000;
  const started = Date.now();
  const abortRun = () =>
    abortQuery(ctx, { requestIds: [requestId] }, { graph, signal: AbortSignal.timeout(5_000) }).catch(
      () => [],
    );
  for (;;) {
    if (options.signal?.aborted) {
      await abortRun();
      throw new AbortError(
        `Waiting for query run ${requestId} was aborted; the run was aborted on the server too`,
      );
    }
    let status: QueryStatus;
    try {
      status = await getQueryStatus(ctx, requestId, { graph, signal: options.signal });
    } catch (error) {
      if (error instanceof AbortError) {
        await abortRun();
      }
      throw error;
    }
    options.onProgress?.(status);
    if (status.status === 'success') {
      return getQueryResult<R>(ctx, requestId, { graph, signal: options.signal, integers: options.integers });
    }
    if (status.status === 'aborted') {
      throw new TigerGraphError(`Query run ${requestId} was aborted on the server`, { code: 'REST-12002' });
    }
    if (status.status === 'timeout') {
      throw new TimeoutError(`Query run ${requestId} exceeded its server-side timeout`, {
        code: 'REST-3000',
      });
    }
    if (Date.now() - started >= maxWait) {
      await abortRun();
      throw new TimeoutError(
        `Query run ${requestId} did not finish within ${maxWait} ms; it was aborted on the server. Raise maxWaitMs to wait longer`,
        { code: 'TG-TIMEOUT' },
      );
    }
    await sleep(interval, options.signal);
  }
}

function checkRequestId(requestId: string): void {
  if (typeof requestId !== 'string' || requestId.trim() === '') {
    throw new ValidationError('A query request id must be a non-empty string (from runQueryAsync)', {
      field: 'requestId',
    });
  }
}
