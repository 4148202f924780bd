// Request headers that control execution on the server (reference §5). Values are strings of
// whole numbers; RESTPP reads them per request and overrides the server defaults.

import { ValidationError } from './errors.js';

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

/** Per-request execution controls. */
export interface ControlHeaderOptions {
  /** Server-side timeout in milliseconds (`GSQL-TIMEOUT`). */
  timeoutMs?: number | undefined;
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

/**
 * Builds the control headers for one request; options left undefined send nothing.
 * Throws `ValidationError` for values the server would reject.
 *
 * @example
 * controlHeaders({ timeoutMs: 5000, responseLimitBytes: 32_000_000, atomic: true });
 * // { 'GSQL-TIMEOUT': '5000', 'RESPONSE-LIMIT': '32000000', 'gsql-atomic-level': 'atomic' }
 */
export function controlHeaders(options: ControlHeaderOptions): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: string, field: keyof ControlHeaderOptions, value: number | undefined, min: number) => {
    if (value === undefined) return;
    if (!Number.isSafeInteger(value) || value < min) {
      throw new ValidationError(`${field} must be a whole number ≥ ${min}, got ${String(value)}`, { field });
    }
    out[name] = String(value);
  };
  put(CONTROL_HEADERS.timeout, 'timeoutMs', options.timeoutMs, 1);
  put(CONTROL_HEADERS.responseLimit, 'responseLimitBytes', options.responseLimitBytes, 1);
  put(CONTROL_HEADERS.threadLimit, 'threadLimit', options.threadLimit, 1);
  put(CONTROL_HEADERS.memoryLimit, 'memoryLimitMb', options.memoryLimitMb, 1);
  put(CONTROL_HEADERS.replica, 'replica', options.replica, 1);
  if (options.async) out[CONTROL_HEADERS.async] = 'true';
  if (options.atomic !== undefined)
    out[CONTROL_HEADERS.atomicLevel] = options.atomic ? 'atomic' : 'nonatomic';
  if (options.workloadQueue !== undefined) {
    // A header value must not carry CR/LF (header injection) and queue names are identifiers.
    if (!/^[A-Za-z0-9_.-]+$/.test(options.workloadQueue)) {
      throw new ValidationError(
        `workloadQueue must be a queue name (letters, digits, _ . -), got '${options.workloadQueue.slice(0, 64)}'`,
        {
          field: 'workloadQueue',
        },
      );
    }
    out[CONTROL_HEADERS.workloadQueue] = options.workloadQueue;
  }
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
