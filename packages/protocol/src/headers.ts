// Request headers that control execution on the server (reference §5). Values are strings of
// whole numbers; RESTPP reads them per request and overrides the server defaults.

import { parseOptions } from './option-error.js';
import { controlOptionsSchema } from './option-schemas.js';

/** Header names, spelled as TigerGraph documents them (HTTP header names are case-insensitive). */
export const CONTROL_HEADERS = {
  /** Per-request timeout in ms (server default 16000); exceeded → REST-3000. */
  timeout: 'GSQL-TIMEOUT',
  /** Max response size in bytes; exceeded → REST-4000. */
  responseLimit: 'RESPONSE-LIMIT',
  /** Max threads per node for `/query`. */
  threadLimit: 'GSQL-THREAD-LIMIT',
  /** Per-node memory cap in MB for `/query` (overrides GPE.QueryLocalMemLimitMB). */
  memoryLimit: 'GSQL-QueryLocalMemLimitMB',
  /** `true` = detached query; the reply carries `request_id`. */
  async: 'GSQL-ASYNC',
  /** `atomic` | `nonatomic` for upserts (`POST /graph`). */
  atomicLevel: 'gsql-atomic-level',
  /** Run `/query` on a given replica (1..replication factor). */
  replica: 'GSQL-REPLICA',
  /** Route `/query` to a workload queue; not granted → REST-14000 (HTTP 422). */
  workloadQueue: 'Workload-Queue',
} as const;

/**
 * Per-request execution controls: the `control` option of createClient, createTransport and a
 * request. `gsqlTimeoutMs` is the server-side timeout; the client's own is `timeoutMs`, beside it.
 */
export interface ControlOptions {
  /** Server-side timeout in milliseconds (`GSQL-TIMEOUT`); the client timeout is raised to cover it. */
  gsqlTimeoutMs?: number | undefined;
  /** Response size limit in bytes (`RESPONSE-LIMIT`). */
  responseLimitBytes?: number | undefined;
  /** Threads per node (`GSQL-THREAD-LIMIT`). */
  threadLimit?: number | undefined;
  /** Memory per node in MB (`GSQL-QueryLocalMemLimitMB`). */
  memoryLimitMb?: number | undefined;
  /** Detached query (`GSQL-ASYNC: true`). */
  async?: boolean | undefined;
  /** All-or-nothing upsert (`gsql-atomic-level: atomic`; false sends `nonatomic`). */
  atomic?: boolean | undefined;
  /** Replica number (`GSQL-REPLICA`). */
  replica?: number | undefined;
  /** Workload queue name (`Workload-Queue`). */
  workloadQueue?: string | undefined;
}

/** @deprecated The same as {@link ControlOptions}; use that name. */
export type ControlHeaderOptions = ControlOptions;

/**
 * Builds the control headers for one request; options left undefined send nothing.
 * Throws a `ValidationError` naming `<name>.<option>` for values the server would reject
 * (the rules of `controlOptionsSchema`).
 *
 * @example
 * controlHeaders({ gsqlTimeoutMs: 5000, responseLimitBytes: 32_000_000, atomic: true });
 * // { 'GSQL-TIMEOUT': '5000', 'RESPONSE-LIMIT': '32000000', 'gsql-atomic-level': 'atomic' }
 */
export function controlHeaders(
  options: ControlOptions | undefined,
  name = 'control',
): Record<string, string> {
  if (options === undefined) return {};
  const o: ControlOptions = parseOptions(controlOptionsSchema, options, name);
  const out: Record<string, string> = {};
  const put = (header: string, value: number | string | undefined) => {
    if (value !== undefined) out[header] = String(value);
  };
  put(CONTROL_HEADERS.timeout, o.gsqlTimeoutMs);
  put(CONTROL_HEADERS.responseLimit, o.responseLimitBytes);
  put(CONTROL_HEADERS.threadLimit, o.threadLimit);
  put(CONTROL_HEADERS.memoryLimit, o.memoryLimitMb);
  put(CONTROL_HEADERS.replica, o.replica);
  if (o.async) out[CONTROL_HEADERS.async] = 'true';
  if (o.atomic !== undefined) out[CONTROL_HEADERS.atomicLevel] = o.atomic ? 'atomic' : 'nonatomic';
  put(CONTROL_HEADERS.workloadQueue, o.workloadQueue);
  return out;
}

/**
 * The HTTP client timeout that fits a server-side timeout: the server's value plus slack for the
 * reply to arrive (pyTigerGraph uses GSQL-TIMEOUT/1000 + 30 s).
 *
 * @example
 * clientTimeoutFor(16_000); // 46000
 */
export function clientTimeoutFor(serverTimeoutMs: number, slackMs = 30_000): number {
  return serverTimeoutMs + slackMs;
}
