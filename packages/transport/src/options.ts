// Checks the transport's options once, when a connection is created, and fills in defaults.
// Each option's rule and default is @tgraph/protocol's (option-schema.ts holds the schema).
import {
  controlHeaders,
  DEFAULT_HOST_COOLDOWN_MS,
  DEFAULT_RETRIES,
  DEFAULT_RETRY_BASE_DELAY_MS,
  DEFAULT_RETRY_MAX_DELAY_MS,
  DEFAULT_RETRY_STATUSES,
  DEFAULT_TIMEOUT_MS,
  parseOptions,
  timeoutMsSchema,
  ValidationError,
} from '@tgraph/protocol';
import { HostPool } from './hosts.js';
import { transportOptionsSchema } from './option-schema.js';
import type { AdapterCapabilities, FetchLike, TransportOptions } from './types.js';

/** The defaults are protocol's: one value each for the connection, the transport and the client. */
export { DEFAULT_RETRY_STATUSES, DEFAULT_TIMEOUT_MS } from '@tgraph/protocol';

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

/** A per-request `timeoutMs`, checked by the one `timeoutMs` rule (`field` names it in the error). */
export function positiveInt(value: number | undefined, field: string): number | undefined {
  return value === undefined ? undefined : parseOptions(timeoutMsSchema, value, field);
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
    limit: options.retry?.limit ?? DEFAULT_RETRIES,
    statuses: options.retry?.statuses ?? DEFAULT_RETRY_STATUSES,
    baseDelayMs: options.retry?.baseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS,
    maxDelayMs: options.retry?.maxDelayMs ?? DEFAULT_RETRY_MAX_DELAY_MS,
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
  parseOptions(transportOptionsSchema, options, 'options');
  const basePaths = new Map<string, string>();
  return {
    options,
    restppUrls,
    gsqlUrl,
    fetch: pickFetch(options),
    capabilities: options.adapter?.capabilities ?? options.capabilities ?? CONSERVATIVE_CAPABILITIES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: retryConfig(options),
    pool: new HostPool(restppUrls, options.hostCooldownMs ?? DEFAULT_HOST_COOLDOWN_MS),
    defaultControl: controlHeaders(options.control, 'options.control'),
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
