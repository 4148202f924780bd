// @tgraph/transport-browser: the browser adapter for @tgraph/transport, on the page's fetch.
// Browsers own TLS (no custom CA or client certificates here) and forbid some headers; TigerGraph
// sends no CORS headers by default, so a browser app needs a same-origin proxy or an
// admin-configured Access-Control-Allow-* set (see the README).
import {
  type AdapterCapabilities,
  type FetchLike,
  HTTPS_PORT_QUESTION,
  type TlsOptions,
  type TransportAdapter,
  tlsGiven,
  ValidationError,
} from '@tgraph/transport';

export interface BrowserAdapterOptions {
  /**
   * TLS settings as every adapter takes them. A browser's own trust store decides which servers
   * are trusted, so any setting other than the defaults is refused with what to do instead.
   */
  tls?: TlsOptions | undefined;
  /** Whether cookies and HTTP auth go with requests (`fetch`'s `credentials`). Default `same-origin`. */
  credentials?: RequestCredentials;
  /** `fetch`'s `mode`. Default `cors`. (`no-cors` gives opaque answers the SDK cannot read.) */
  mode?: RequestMode;
  /** `fetch`'s `cache`. Default `no-store`: graph data should not come from the HTTP cache. */
  cache?: RequestCache;
  /** `fetch`'s `referrerPolicy`. Default: the browser's. */
  referrerPolicy?: ReferrerPolicy;
  /**
   * Send `ReadableStream` request bodies as streams where the browser supports it. Chromium only
   * streams over HTTP/2 or HTTP/3, so this is opt-in; otherwise stream bodies are read into memory
   * first. Default false.
   */
  streamingRequestBodies?: boolean;
  /** The fetch to use. Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

/** True when this browser can send a `ReadableStream` as a request body (`duplex: 'half'`). */
export function supportsRequestStreams(): boolean {
  if (typeof ReadableStream !== 'function' || typeof Request !== 'function') return false;
  let duplexAccessed = false;
  try {
    const init = {
      body: new ReadableStream(),
      method: 'POST',
      get duplex() {
        duplexAccessed = true;
        return 'half';
      },
    };
    const hasContentType = new Request('https://feature-detect.invalid', init as RequestInit).headers.has(
      'Content-Type',
    );
    return duplexAccessed && !hasContentType;
  } catch {
    return false;
  }
}

function pageOrigin(): string | undefined {
  const loc = (globalThis as { location?: { origin?: string } }).location;
  return loc?.origin && loc.origin !== 'null' ? loc.origin : undefined;
}

/** Browsers own TLS: names the settings given and what to do instead. */
function refuseTls(tls: TlsOptions | undefined): void {
  if (!tlsGiven(tls)) return;
  const given = [
    tls?.ca !== undefined && 'ca',
    tls?.certPath !== undefined && 'certPath',
    tls?.cert !== undefined && 'cert',
    tls?.key !== undefined && 'key',
    tls?.rejectUnauthorized === false && 'rejectUnauthorized: false',
  ].filter((x): x is string => typeof x === 'string');
  throw new ValidationError(
    `${given.join(', ')} cannot be used in a browser: the browser's own certificate store decides which servers are trusted. Install the CA in the system/browser trust store, or use the Node or Deno entry of tgraph.`,
    { field: given[0]?.split(':')[0] },
  );
}

function explainBrowserNetworkError(cause: unknown, url?: string): string | undefined {
  const text = String((cause as { message?: unknown })?.message ?? cause);
  if (!/Failed to fetch|NetworkError|Load failed|network/i.test(text)) return undefined;
  const origin = pageOrigin();
  // The browser hides why (a TLS handshake with a plain-HTTP port looks the same), so name that too.
  const https = url?.startsWith('https:')
    ? ` With an https:// host, also check the port: ${HTTPS_PORT_QUESTION}.`
    : '';
  return (
    'the browser could not complete the request. Either the server is unreachable (check the host and port), ' +
    `or it does not allow this page's origin${origin ? ` (${origin})` : ''}: TigerGraph sends no CORS headers by default, ` +
    'so serve the app and TigerGraph from one origin (a reverse proxy) or have the admin add Access-Control-Allow-Origin, ' +
    `-Headers (Authorization, Content-Type, GSQL-TIMEOUT…) and -Methods. The browser console shows which.${https}`
  );
}

/**
 * Creates the browser adapter.
 *
 * @example
 * ```ts
 * import { createTransport } from '@tgraph/transport';
 * import { createBrowserAdapter } from '@tgraph/transport-browser';
 *
 * const transport = createTransport({
 *   adapter: createBrowserAdapter({ credentials: 'include' }),
 *   // TigerGraph behind a same-origin reverse proxy (TigerGraph itself sends no CORS headers).
 *   restppUrls: [`${location.origin}/tigergraph/restpp`],
 * });
 * ```
 */
export function createBrowserAdapter(options: BrowserAdapterOptions = {}): TransportAdapter {
  refuseTls(options.tls);
  const base = options.fetch ?? globalThis.fetch;
  if (typeof base !== 'function') {
    throw new TypeError('createBrowserAdapter: no fetch in this environment; pass options.fetch');
  }
  const credentials = options.credentials ?? 'same-origin';
  const mode = options.mode ?? 'cors';
  const cache = options.cache ?? 'no-store';
  const streaming = options.streamingRequestBodies === true && supportsRequestStreams();
  let closed = false;

  const fetch: FetchLike = (input, init) => {
    if (closed) return Promise.reject(new TypeError('the browser adapter is closed'));
    const merged: RequestInit = { ...init, credentials, mode, cache };
    if (options.referrerPolicy !== undefined) merged.referrerPolicy = options.referrerPolicy;
    return base.call(globalThis, input, merged);
  };

  const capabilities: AdapterCapabilities = {
    runtime: 'browser',
    streamingRequestBody: streaming,
    customCa: false,
    clientCertificates: false,
    proxy: false,
    userAgentHeader: false,
  };

  return {
    fetch,
    capabilities,
    explainNetworkError: explainBrowserNetworkError,
    close() {
      closed = true;
    },
  };
}
