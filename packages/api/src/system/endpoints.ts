// RESTPP's catalogue and statistics: `GET /endpoints/{graph}` and `GET /statistics/{graph}`.

import * as endpoints from '@tgraph/protocol/endpoints/utilities';
import { ValidationError } from '@tgraph/protocol/errors';
import {
  type EndpointStatistics,
  type EndpointsReply,
  endpointsReplySchema,
  statisticsReplySchema,
} from '@tgraph/protocol/schemas/meta';
import type { ApiContext } from '../context.js';
import { callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_ENDPOINTS_KEYS: readonly string[] = [...REQUEST_KEYS, 'builtin', 'dynamic', 'static'];
const GET_STATISTICS_KEYS: readonly string[] = [...REQUEST_KEYS, 'seconds', 'segments'];
const GET_QUERY_PERFORMANCE_KEYS: readonly string[] = REQUEST_KEYS;

/** Options of {@link getEndpoints}. */
export interface GetEndpointsOptions extends RequestOptions {
  /** Built-in endpoints. */
  builtin?: boolean | undefined;
  /** Installed-query endpoints. */
  dynamic?: boolean | undefined;
  /** Static endpoints. */
  static?: boolean | undefined;
}

/**
 * The REST endpoints of a graph with their parameters (pyTigerGraph `getEndpoints`), keyed
 * `"<METHOD> <path>"`. With no kind selected the server lists all; the selection is one request
 * (`?builtin=true&dynamic=true`), not one per kind.
 *
 * @example
 * const eps = await getEndpoints(ctx, { builtin: true });
 * Object.keys(eps).includes('GET /echo'); // true
 */
export async function getEndpoints(
  ctx: ApiContext<SchemaShape>,
  options: GetEndpointsOptions = {},
): Promise<EndpointsReply> {
  checkOptions(options, GET_ENDPOINTS_KEYS, 'getEndpoints');
  const searchParams: Record<string, string> = {};
  for (const kind of ['builtin', 'dynamic', 'static'] as const)
    if (options[kind]) searchParams[kind] = 'true';
  return (await callParsed(ctx, endpoints.endpoints, endpointsReplySchema, {
    ...perCall(options),
    searchParams,
    integers: 'number',
  })) as EndpointsReply;
}

/** Options of {@link getStatistics}. */
export interface GetStatisticsOptions extends RequestOptions {
  /** Window in seconds, 1–60 (server default 10). */
  seconds?: number | undefined;
  /** Latency percentile segments, 1–100 (server default 10). */
  segments?: number | undefined;
}

function inRange(value: number | undefined, min: number, max: number, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(`${field} must be an integer from ${min} to ${max}, got ${String(value)}`, {
      field,
    });
  }
  return value;
}

/**
 * Per-endpoint request statistics of the last `seconds` (pyTigerGraph `getQueryPerformance`, and the
 * `getStatistics` it meant to have): completed and timed-out requests, QPS and latencies, keyed by
 * endpoint. `{}` when idle.
 *
 * @throws ValidationError for `seconds` outside 1–60 or `segments` outside 1–100 (pyTigerGraph clamps silently).
 *
 * @example
 * const stats = await getStatistics(ctx, { seconds: 60 });
 * stats['GET /graph/{graph_name}/vertices/{vertex_type}']?.CompletedRequests;
 */
export async function getStatistics(
  ctx: ApiContext<SchemaShape>,
  options: GetStatisticsOptions = {},
): Promise<Record<string, EndpointStatistics>> {
  checkOptions(options, GET_STATISTICS_KEYS, 'getStatistics');
  const seconds = inRange(options.seconds, 1, 60, 'seconds');
  const segments = inRange(options.segments, 1, 100, 'segments');
  const searchParams: Record<string, number> = {};
  if (seconds !== undefined) searchParams.seconds = seconds;
  if (segments !== undefined) searchParams.segments = segments;
  return (await callParsed(ctx, endpoints.statistics, statisticsReplySchema, {
    ...perCall(options),
    searchParams,
    integers: 'number',
  })) as Record<string, EndpointStatistics>;
}

/**
 * pyTigerGraph's `getQueryPerformance(seconds)`: {@link getStatistics} over the last `seconds`.
 *
 * @example
 * await getQueryPerformance(ctx, 10);
 */
export function getQueryPerformance(
  ctx: ApiContext<SchemaShape>,
  seconds = 10,
  options: RequestOptions = {},
): Promise<Record<string, EndpointStatistics>> {
  checkOptions(options, GET_QUERY_PERFORMANCE_KEYS, 'getQueryPerformance');
  return getStatistics(ctx, { ...options, seconds });
}
