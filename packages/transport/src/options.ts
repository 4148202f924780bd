// Checks the transport's options once, when a connection is created, and fills in defaults.
import { ValidationError } from '@tgraph/protocol';
import { controlHeaders } from './encoding.js';
import { HostPool } from './hosts.js';
import type { AdapterCapabilities, FetchLike, TransportOptions } from './types.js';

/** Default client timeout per attempt. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Statuses retried by default (TigerGraph's own Spark connector uses the same set). */
export const DEFAULT_RETRY_STATUSES: readonly number[] = [408, 429, 502, 503, 504];

/** For a bare fetch: no streaming bodies, no custom CA, and no User-Agent where a page runs (browsers forbid it). */
const CONSERVATIVE_CAPABILITIES: AdapterCapabilities = {
  runtime: 'custom',
  streamingRequestBody: false,
  customCa: false,
  userAgentHeader: !('document' in globalThis),
};

/** The retry policy with every default filled in. */
export interface RetryConfig {
  limit: number;
  statuses: readonly number[];
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Options after checking: what the pipeline's modules read. */
export interface TransportConfig {
  options: TransportOptions;
  restppUrls: readonly string[];
  gsqlUrl: string | undefined;
  fetch: FetchLike;
  capabilities: AdapterCapabilities;
  timeoutMs: number;
  retry: RetryConfig;
  pool: HostPool;
  defaultControl: Record<string, string>;
  /** The path part of each base URL (`/restpp` behind a proxy), for error messages. */
  basePath(base: string): string;
}

function trimBase(url: string, field: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValidationError(
      `${field}: '${url}' is not an absolute URL; give it with its scheme, e.g. 'http://tg-host:9000'`,
      { field },
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ValidationError(
      `${field}: '${url}' must start with http:// or https://, e.g. 'http://tg-host:9000'`,
      { field },
    );
  }
  if (parsed.search || parsed.hash) {
    throw new ValidationError(`${field}: '${url}' must not contain a query string or fragment`, { field });
  }
  return url.replace(/\/+$/, '');
}

export function positiveInt(value: number | undefined, field: string, allowZero = false): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || !Number.isInteger(value) || value < 0 || (!allowZero && value === 0)) {
    throw new ValidationError(
      `${field} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${String(value)}`,
      { field },
    );
  }
  return value;
}

function pickFetch(options: TransportOptions): FetchLike {
  const found =
    options.adapter?.fetch ??
    options.fetch ??
    (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
  if (!found) {
    throw new ValidationError(
      'no fetch available: pass an adapter (createNodeAdapter(), createBrowserAdapter(), createDenoAdapter()) or a fetch',
      { field: 'adapter' },
    );
  }
  return found;
}

function retryConfig(options: TransportOptions): RetryConfig {
  return {
    limit: positiveInt(options.retry?.limit, 'retry.limit', true) ?? 2,
    statuses: options.retry?.statuses ?? DEFAULT_RETRY_STATUSES,
    baseDelayMs: positiveInt(options.retry?.baseDelayMs, 'retry.baseDelayMs', true) ?? 300,
    maxDelayMs: positiveInt(options.retry?.maxDelayMs, 'retry.maxDelayMs', true) ?? 10_000,
  };
}

/** Validates `options` and returns the pipeline's configuration. Throws `ValidationError`. */
export function resolveConfig(options: TransportOptions): TransportConfig {
  if (!options || !Array.isArray(options.restppUrls) || options.restppUrls.length === 0) {
    throw new ValidationError(
      'restppUrls must list at least one RESTPP base URL, e.g. ["http://localhost:9000"] or ["https://<host>/restpp"]',
      { field: 'restppUrls' },
    );
  }
  const restppUrls = options.restppUrls.map((u, i) => trimBase(u, `restppUrls[${i}]`));
  const gsqlUrl = options.gsqlUrl === undefined ? undefined : trimBase(options.gsqlUrl, 'gsqlUrl');
  if (options.requestId !== undefined && typeof options.requestId !== 'function') {
    throw new ValidationError(
      "requestId must be a function returning a request id (or undefined for the SDK's own)",
      { field: 'requestId' },
    );
  }
  const basePaths = new Map<string, string>();
  return {
    options,
    restppUrls,
    gsqlUrl,
    fetch: pickFetch(options),
    capabilities: options.adapter?.capabilities ?? options.capabilities ?? CONSERVATIVE_CAPABILITIES,
    timeoutMs: positiveInt(options.timeoutMs, 'timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    retry: retryConfig(options),
    pool: new HostPool(restppUrls, positiveInt(options.hostCooldownMs, 'hostCooldownMs', true) ?? 30_000),
    defaultControl: controlHeaders(options.control),
    basePath(base) {
      let path = basePaths.get(base);
      if (path === undefined) {
        path = new URL(base).pathname.replace(/\/+$/, '');
        basePaths.set(base, path);
      }
      return path;
    },
  };
}
