// @tgraph/transport-node: the Node adapter for @tgraph/transport, on undici.
// One keep-alive pool per adapter; custom CAs are added to Node's default trust store, TLS
// verification is on unless turned off explicitly (with a warning); proxies via ProxyAgent.
// Requests go through undici's `dispatch` API (request-direct.ts); undici's own `fetch`, kept for
// FormData bodies and manual redirects, is always paired with its own dispatcher (mixing Node's bundled fetch with
// an npm undici dispatcher fails across majors).
import type { AdapterCapabilities, FetchLike, TlsOptions, TransportAdapter } from '@tgraph/transport';
import { type Dispatcher, interceptors, fetch as undiciFetch } from 'undici';
import { checkPoolSettings, createDispatcher } from './dispatcher.js';
import { explainNodeNetworkError } from './explain.js';
import { directBody, requestDirect } from './request-direct.js';
import { nodeTls, type Pem } from './tls.js';

export type { Pem } from './tls.js';

export interface NodeAdapterOptions {
  /** Max sockets per origin in the keep-alive pool. Default 16. */
  connections?: number;
  /** How long an idle socket stays open, in ms. Default 30 000. */
  keepAliveTimeoutMs?: number;
  /** TCP + TLS connect timeout in ms. Default 10 000. */
  connectTimeoutMs?: number;
  /**
   * TLS settings as every adapter takes them (`ca`, `certPath`, `cert`, `key`,
   * `rejectUnauthorized`); they win over the flat options of the same name below.
   */
  tls?: TlsOptions | undefined;
  /** Extra CA certificate(s) to trust (PEM), added to Node's default roots. */
  ca?: Pem | readonly Pem[];
  /** Path(s) of PEM CA files to trust, read once when the adapter is created. */
  certPath?: string | readonly string[];
  /** Client certificate (PEM) for mutual TLS. */
  cert?: Pem;
  /** Private key (PEM) of the client certificate. */
  key?: Pem;
  /** Passphrase of an encrypted `key`. */
  passphrase?: string;
  /** TLS server name (SNI) when it differs from the URL's host. */
  servername?: string;
  /**
   * Accept any server certificate. Dangerous: anyone on the network path can read and change the
   * traffic, credentials included. Prefer `ca`/`certPath`. Emits a process warning once.
   */
  insecureSkipTlsVerify?: boolean;
  /**
   * HTTP(S) proxy URL (`http://proxy:3128`, credentials as `http://user:password@proxy:3128`), or
   * with a `Proxy-Authorization` token. Its credentials never appear in errors.
   */
  proxy?: string | { uri: string; token?: string } | undefined;
  /** Use this undici dispatcher instead of building one (the adapter then does not close it). */
  dispatcher?: Dispatcher;
}

/**
 * Creates the Node adapter: undici's fetch over a keep-alive pool with the given TLS and proxy settings.
 *
 * @example
 * ```ts
 * import { createTransport } from '@tgraph/transport';
 * import { createNodeAdapter } from '@tgraph/transport-node';
 *
 * const transport = createTransport({
 *   adapter: createNodeAdapter({ tls: { certPath: './tigergraph-ca.pem' } }),
 *   restppUrls: ['https://tg.example.com:9000'],
 * });
 * ```
 */
export function createNodeAdapter(options: NodeAdapterOptions = {}): TransportAdapter {
  checkPoolSettings(options);
  const tls = nodeTls(options);
  const owned = options.dispatcher === undefined;
  const dispatcher = options.dispatcher ?? createDispatcher(options, tls);
  const fetch = nodeFetch(dispatcher);
  let closed = false;
  return {
    fetch,
    capabilities: capabilitiesOf(options),
    explainNetworkError: explainNodeNetworkError,
    async close() {
      if (closed) return;
      closed = true;
      if (owned) await dispatcher.destroy();
    },
  };
}

function capabilitiesOf(options: NodeAdapterOptions): AdapterCapabilities {
  return {
    runtime: 'node',
    streamingRequestBody: true,
    customCa: true,
    clientCertificates: true,
    proxy: options.proxy !== undefined,
    userAgentHeader: true,
  };
}

/** The adapter's fetch: undici's `dispatch` for plain bodies, undici's fetch (same dispatcher) otherwise. */
function nodeFetch(dispatcher: Dispatcher): FetchLike {
  // Redirects are followed as fetch does (up to 20); a streamed body cannot be replayed, so a
  // redirect answer to one is returned as it is.
  const requester = dispatcher.compose(interceptors.redirect({ maxRedirections: 20 }));
  return (input, init) => {
    if (typeof input === 'string' || input instanceof URL) {
      if (directBody(init?.body) && init?.redirect !== 'manual' && init?.redirect !== 'error') {
        return requestDirect(requester, input, init);
      }
      return undiciFetch(input, { ...(init as object), dispatcher } as Parameters<
        typeof undiciFetch
      >[1]) as unknown as Promise<Response>;
    }
    // A Request from Node's built-in fetch is a foreign class to npm undici: pass its parts instead.
    const hasBody = input.body !== null && input.method !== 'GET' && input.method !== 'HEAD';
    return undiciFetch(input.url, {
      method: input.method,
      headers: [...input.headers],
      redirect: input.redirect,
      signal: init?.signal ?? input.signal,
      ...(hasBody ? { body: input.body as never, duplex: 'half' as const } : {}),
      dispatcher,
    }) as unknown as Promise<Response>;
  };
}
