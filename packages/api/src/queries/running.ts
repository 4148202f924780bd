// Requests running on RESTPP (`/showprocesslist/{graph}`) and aborting them (`/abortquery/{graph}`),
// reference §4.1.

import * as endpoints from '@tgraph/protocol/endpoints/queries';
import { ValidationError } from '@tgraph/protocol/errors';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const LIST_RUNNING_QUERIES_KEYS: readonly string[] = REQUEST_KEYS;
const ABORT_QUERY_KEYS: readonly string[] = REQUEST_KEYS;

/** One running request as `/showprocesslist` reports it. */
export interface RunningQuery {
  /** `<n>.RESTPP_<part>_<replica>.<epoch ms>.N` */
  requestid: string;
  /** Server local time, `YYYY-MM-DD HH:MM:SS.mmm`. */
  startTime?: string | undefined;
  expirationTime?: string | undefined;
  /** The request's endpoint, e.g. `/query/MyGraph/q1?x=1`. */
  url?: string | undefined;
  /** Milliseconds since it started (newer servers). */
  elapsedTime?: number | undefined;
  [key: string]: unknown;
}

const runningQuerySchema = z.looseObject({
  requestid: z.string(),
  startTime: z.optional(z.string()),
  expirationTime: z.optional(z.string()),
  url: z.optional(z.string()),
  elapsedTime: z.optional(z.number()),
});

/**
 * Lists the requests running on this RESTPP node for the graph (pyTigerGraph `getRunningQueries`).
 *
 * @example
 * const running = await listRunningQueries(ctx);
 * console.log(running.map((r) => `${r.requestid} ${r.url}`));
 */
export async function listRunningQueries(
  ctx: ApiContext<SchemaShape>,
  options: RequestOptions = {},
): Promise<RunningQuery[]> {
  checkOptions(options, LIST_RUNNING_QUERIES_KEYS, 'listRunningQueries');
  const reply = await callParsed(
    ctx,
    endpoints.showProcessList,
    restppEnvelope(z.array(runningQuerySchema)),
    {
      ...perCall(options),
      integers: 'number',
    },
  );
  return reply.results ?? [];
}

/** What to abort: request ids (or `'all'`) and/or a URL pattern (a regex, e.g. `/query/MyGraph/slow.*`). */
export interface AbortQueryTarget {
  requestIds?: readonly string[] | 'all' | undefined;
  url?: string | undefined;
}

/** One aborted request. */
export interface AbortedQuery {
  requestid: string;
  url?: string | undefined;
  [key: string]: unknown;
}

const abortReplySchema = restppEnvelope(
  z.array(
    z.looseObject({
      aborted_queries: z.optional(
        z.array(z.looseObject({ requestid: z.string(), url: z.optional(z.string()) })),
      ),
    }),
  ),
);

/**
 * Aborts running queries by request id, all of them, or by URL pattern (pyTigerGraph `abortQuery`).
 * Returns the requests the server aborted (empty when none matched).
 *
 * @example
 * const job = await runQueryAsync(ctx, 'slow_query');
 * await abortQuery(ctx, { requestIds: [job.requestId] });
 */
export async function abortQuery(
  ctx: ApiContext<SchemaShape>,
  target: AbortQueryTarget,
  options: RequestOptions = {},
): Promise<AbortedQuery[]> {
  checkOptions(options, ABORT_QUERY_KEYS, 'abortQuery');
  const pairs: [string, string][] = [];
  if (target.requestIds === 'all') pairs.push(['requestid', 'all']);
  else for (const id of target.requestIds ?? []) pairs.push(['requestid', id]);
  if (target.url !== undefined) pairs.push(['url', target.url]);
  if (pairs.length === 0) {
    throw new ValidationError("abortQuery needs requestIds (or 'all') or a url pattern", { field: 'target' });
  }
  const reply = await callParsed(ctx, endpoints.abortQuery, abortReplySchema, {
    ...perCall(options),
    searchParams: pairs,
  });
  return (reply.results ?? []).flatMap((r) => r.aborted_queries ?? []);
}
