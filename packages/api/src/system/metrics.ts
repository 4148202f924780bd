// Monitoring: system metrics (3.x TS3 `GET /ts3/api/datapoints`, 4.1+ Informant
// `POST /informant/metrics/get/{what}`) and service status (`POST /informant/current-service-status`).

import * as endpoints from '@tgraph/protocol/endpoints/schema';
import { ResponseShapeError, ValidationError } from '@tgraph/protocol/errors';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { abortOf, call, callParsed, type RequestOptions } from '../internal/call.js';
import { ABORT_KEYS, checkOptions } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import type { JsonObject } from './json.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_SYSTEM_METRICS_KEYS: readonly string[] = [
  ...ABORT_KEYS,
  'from',
  'fromNs',
  'latest',
  'to',
  'toNs',
  'what',
  'where',
  'who',
];
const GET_SERVICE_STATUS_KEYS: readonly string[] = ABORT_KEYS;

type BaseOptions = Omit<RequestOptions, 'graph'>;

/** Options of {@link getSystemMetrics}. */
export interface SystemMetricsOptions extends BaseOptions {
  /**
   * What to read. 4.1+: `cpu-memory` (also `cpu`/`mem`), `diskspace`, `network`, `qps`.
   * 3.x: `cpu`, `mem`, `diskspace`, `network`, `qps`, `servicestate`, `connection`.
   */
  what: string;
  /** Start of the window, epoch seconds (3.x) — 4.1+ takes nanoseconds; pass `fromNs`. */
  from?: number | undefined;
  /** End of the window, epoch seconds (3.x). */
  to?: number | undefined;
  /** 4.1+: start of the window in epoch nanoseconds. */
  fromNs?: bigint | number | undefined;
  /** 4.1+: end of the window in epoch nanoseconds. */
  toNs?: bigint | number | undefined;
  /** Only the latest n data points. */
  latest?: number | undefined;
  /** 3.x: the component (`GPE#1`, `RESTPP#1`…). */
  who?: string | undefined;
  /** The host (`m1`…): 3.x `where`, 4.1+ `HostID`. */
  where?: string | undefined;
}

/** One TS3 data point (3.x). */
export interface Ts3Datapoint {
  detail: unknown;
  when: number;
  where: string;
  who: string;
  what: string;
  [key: string]: unknown;
}

/** Metrics by server line: TS3 data points on 3.x, the Informant's JSON on 4.1+. */
export type SystemMetrics = { line: '3'; datapoints: Ts3Datapoint[] } | { line: '4'; metrics: JsonObject };

const ts3Reply = z.array(
  z.looseObject({
    detail: z.unknown(),
    when: z.number(),
    where: z.string(),
    who: z.string(),
    what: z.string(),
  }),
);

const INFORMANT_WHAT = new Set(['cpu-memory', 'diskspace', 'network', 'qps']);

/**
 * System metrics (pyTigerGraph `getSystemMetrics`). On 4.1+ the reply (`CPUMemoryMetrics`,
 * `DiskMetrics`, `NetworkMetrics` or `QPSMetrics`) is returned as the server's JSON, unvalidated;
 * unlike pyTigerGraph the window's end is `toNs` (it sent the start twice).
 *
 * @throws ValidationError for a `what` the server line does not offer.
 *
 * @example
 * const m = await getSystemMetrics(ctx, { what: 'cpu-memory', latest: 1 });
 * if (m.line === '4') console.log(m.metrics.CPUMemoryMetrics);
 */
export async function getSystemMetrics(
  ctx: ApiContext<SchemaShape>,
  options: SystemMetricsOptions,
): Promise<SystemMetrics> {
  checkOptions(options, GET_SYSTEM_METRICS_KEYS, 'getSystemMetrics');
  const base = { ...abortOf(options) };
  if ((await ctx.line()) === '3') {
    const searchParams: Record<string, string | number> = { what: options.what };
    if (options.from !== undefined) searchParams.from = options.from;
    if (options.to !== undefined) searchParams.to = options.to;
    if (options.latest !== undefined) searchParams.latest = options.latest;
    if (options.who !== undefined) searchParams.who = options.who;
    if (options.where !== undefined) searchParams.where = options.where;
    const datapoints = (await callParsed(ctx, endpoints.systemMetrics, ts3Reply, {
      ...base,
      searchParams,
      integers: 'number',
    })) as Ts3Datapoint[];
    return { line: '3', datapoints };
  }
  const what = options.what === 'cpu' || options.what === 'mem' ? 'cpu-memory' : options.what;
  if (!INFORMANT_WHAT.has(what)) {
    throw new ValidationError(
      `what must be one of cpu-memory, cpu, mem, diskspace, network, qps on TigerGraph 4.1+, got ${JSON.stringify(options.what)}`,
      { field: 'what' },
    );
  }
  const json: Record<string, unknown> = {};
  if (options.fromNs !== undefined || options.toNs !== undefined) {
    const range: Record<string, string> = {};
    if (options.fromNs !== undefined) range.StartTimestampNS = String(options.fromNs);
    if (options.toNs !== undefined) range.EndTimestampNS = String(options.toNs);
    json.TimeRange = range;
  }
  if (options.latest !== undefined) json.LatestNum = String(options.latest);
  if (options.where !== undefined) json.HostID = options.where;
  const response = await call(ctx, endpoints.systemMetrics, { ...base, params: { what }, json });
  if (typeof response.data !== 'object' || response.data === null || Array.isArray(response.data)) {
    throw new ResponseShapeError(`POST ${response.path}: expected a JSON object`, {
      code: 'TG-RESPONSE-SHAPE',
      endpoint: { method: 'POST', path: response.path },
    });
  }
  return { line: '4', metrics: response.data as JsonObject };
}

/** A service to ask about: `{ ServiceName: 'GPE', Partition: 1, Replica: 1 }`. */
export interface ServiceDescriptor {
  ServiceName: string;
  Partition?: number | undefined;
  Replica?: number | undefined;
}

/** One service's state. `ServiceStatus`: Online, Warmup, Readonly, Starting, Paused, Stopping, Offline, Down… */
export interface ServiceStatusEvent {
  ServiceDescriptor: { ServiceName: string; Partition?: number | undefined; Replica?: number | undefined };
  ServiceStatus: string;
  ProcessState?: string | undefined;
  EventMeta?: Record<string, unknown> | undefined;
  [key: string]: unknown;
}

const statusReply = z.looseObject({
  ServiceStatusEvents: z.array(
    z.looseObject({
      ServiceDescriptor: z.looseObject({
        ServiceName: z.string(),
        Partition: z.optional(z.number()),
        Replica: z.optional(z.number()),
      }),
      ServiceStatus: z.string(),
      ProcessState: z.optional(z.string()),
      EventMeta: z.optional(z.record(z.string(), z.unknown())),
    }),
  ),
});

/**
 * Service status from the Informant (pyTigerGraph `getServiceStatus(request_body)`), with the
 * descriptors as a typed list instead of a raw dict.
 *
 * @example
 * const events = await getServiceStatus(ctx, [{ ServiceName: 'GPE', Partition: 1, Replica: 1 }]);
 * events[0]?.ServiceStatus; // 'Online'
 */
export async function getServiceStatus(
  ctx: ApiContext<SchemaShape>,
  services: readonly ServiceDescriptor[],
  options: BaseOptions = {},
): Promise<ServiceStatusEvent[]> {
  checkOptions(options, GET_SERVICE_STATUS_KEYS, 'getServiceStatus');
  if (!Array.isArray(services) || services.some((s) => typeof s?.ServiceName !== 'string')) {
    throw new ValidationError('services must be a list of { ServiceName, Partition?, Replica? }', {
      field: 'services',
    });
  }
  const reply = await callParsed(ctx, endpoints.serviceStatus, statusReply, {
    ...abortOf(options),
    json: { ServiceDescriptors: services },
    integers: 'number',
  });
  return reply.ServiceStatusEvents as ServiceStatusEvent[];
}
