// @tgraph/transport-node: the Node adapter for @tgraph/transport, on undici.
// One keep-alive pool per adapter; custom CAs are added to Node's default trust store, TLS
// verification is on unless turned off explicitly (with a warning); proxies via ProxyAgent.
// Requests go through undici's `request` API (request-direct.ts); undici's own `fetch`, kept for
// FormData bodies and manual redirects, is always paired with its own dispatcher (mixing Node's bundled fetch with
// an npm undici dispatcher fails across majors).
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import type { AdapterCapabilities, FetchLike, TransportAdapter } from '@tgraph/transport';
import { ValidationError } from '@tgraph/transport';
import { Agent, type Dispatcher, interceptors, ProxyAgent, fetch as undiciFetch } from 'undici';
import { directBody, requestDirect } from './request-direct.js';

/** PEM text or bytes. */
export type Pem = string | Uint8Array;

export interface NodeAdapterOptions {
  /** Max sockets per origin in the keep-alive pool. Default 16. */
  connections?: number;
  /** How long an idle socket stays open, in ms. Default 30 000. */
  keepAliveTimeoutMs?: number;
  /** TCP + TLS connect timeout in ms. Default 10 000. */
  connectTimeoutMs?: number;
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
  /** HTTP(S) proxy URL (`http://proxy:3128`), or with a `Proxy-Authorization` token. */
  proxy?: string | { uri: string; token?: string };
  /** Use this undici dispatcher instead of building one (the adapter then does not close it). */
  dispatcher?: Dispatcher;
}

let insecureWarned = false;

/** Refuses a numeric option that is given but is not a positive whole number (undici would fail later, or not at all). */
function positiveInteger(value: unknown, field: string, example: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(
      `${field} must be a positive whole number (${example}), got ${typeof value === 'string' ? `'${value}'` : String(value)}`,
      { field },
    );
  }
}

function readCaFiles(paths: string | readonly string[]): string[] {
  const list = typeof paths === 'string' ? [paths] : [...paths];
  return list.map((path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      throw new ValidationError(
        `certPath: cannot read the CA file '${path}' (${code}); give the path of a PEM file, or pass its text as \`ca\``,
        { field: 'certPath', cause: error },
      );
    }
  });
}

function pemText(value: Pem): string {
  return typeof value === 'string' ? value : new TextDecoder().decode(value);
}

function checkPem(value: string, field: string): void {
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(value)) {
    throw new ValidationError(`${field} is not PEM text (expected a '-----BEGIN …-----' block)`, { field });
  }
}

const TLS_TRUST = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

function codes(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let i = 0; i < 8 && typeof current === 'object' && current !== null; i++) {
    const c = current as { code?: unknown; cause?: unknown };
    if (typeof c.code === 'string') out.push(c.code);
    current = c.cause;
  }
  return out;
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
 *   adapter: createNodeAdapter({ certPath: './tigergraph-ca.pem' }),
 *   restppUrls: ['https://tg.example.com:9000'],
 * });
 * ```
 */
export function createNodeAdapter(options: NodeAdapterOptions = {}): TransportAdapter {
  positiveInteger(options.connections, 'connections', 'sockets per origin, e.g. 16');
  positiveInteger(options.keepAliveTimeoutMs, 'keepAliveTimeoutMs', 'milliseconds, e.g. 30000');
  positiveInteger(options.connectTimeoutMs, 'connectTimeoutMs', 'milliseconds, e.g. 10000');
  const caList: string[] = [];
  if (options.ca !== undefined) {
    const list = Array.isArray(options.ca) ? (options.ca as readonly Pem[]) : [options.ca as Pem];
    for (const pem of list) {
      const text = pemText(pem);
      checkPem(text, 'ca');
      caList.push(text);
    }
  }
  if (options.certPath !== undefined) {
    for (const text of readCaFiles(options.certPath)) {
      checkPem(text, 'certPath');
      caList.push(text);
    }
  }
  if ((options.cert === undefined) !== (options.key === undefined)) {
    throw new ValidationError('mutual TLS needs both cert and key; pass the client certificate and its key', {
      field: options.cert === undefined ? 'cert' : 'key',
    });
  }
  const insecure = options.insecureSkipTlsVerify === true;
  if (insecure && !insecureWarned) {
    insecureWarned = true;
    process.emitWarning(
      'tgraph: TLS certificate verification is OFF (insecureSkipTlsVerify: true). Credentials and data can be ' +
        'read and changed by anyone on the network path. Pass the server CA as `ca` or `certPath` instead.',
      { type: 'SecurityWarning', code: 'TGRAPH_INSECURE_TLS' },
    );
  }

  const tls: Record<string, unknown> = { rejectUnauthorized: !insecure };
  // Node's `ca` replaces the default roots; keep them so public CAs (Cloud, proxies) still work.
  if (caList.length > 0) tls['ca'] = [...rootCertificates, ...caList];
  if (options.cert !== undefined) tls['cert'] = pemText(options.cert);
  if (options.key !== undefined) tls['key'] = pemText(options.key);
  if (options.passphrase !== undefined) tls['passphrase'] = options.passphrase;
  if (options.servername !== undefined) tls['servername'] = options.servername;
  const connectTimeout = options.connectTimeoutMs ?? 10_000;

  const agentOptions: Agent.Options = {
    connections: options.connections ?? 16,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
    connect: { ...tls, timeout: connectTimeout },
  };
  let owned = false;
  let dispatcher: Dispatcher;
  if (options.dispatcher) {
    dispatcher = options.dispatcher;
  } else if (options.proxy !== undefined) {
    const proxy = typeof options.proxy === 'string' ? { uri: options.proxy } : options.proxy;
    try {
      new URL(proxy.uri);
    } catch {
      throw new ValidationError(`proxy: '${proxy.uri}' is not a URL; give it as http://host:port`, {
        field: 'proxy',
      });
    }
    dispatcher = new ProxyAgent({
      ...agentOptions,
      uri: proxy.uri,
      ...(proxy.token === undefined ? {} : { token: proxy.token }),
      requestTls: { ...tls, timeout: connectTimeout },
    });
    owned = true;
  } else {
    dispatcher = new Agent(agentOptions);
    owned = true;
  }

  // Redirects are followed as fetch does (up to 20); a streamed body cannot be replayed, so a
  // redirect answer to one is returned as it is.
  const requester = dispatcher.compose(interceptors.redirect({ maxRedirections: 20 }));

  const fetch: FetchLike = (input, init) => {
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

  const capabilities: AdapterCapabilities = {
    runtime: 'node',
    streamingRequestBody: true,
    customCa: true,
    clientCertificates: true,
    proxy: options.proxy !== undefined,
    userAgentHeader: true,
  };

  let closed = false;
  return {
    fetch,
    capabilities,
    explainNetworkError(cause) {
      const found = codes(cause);
      const tlsCode = found.find((c) => TLS_TRUST.has(c));
      if (tlsCode) {
        return `the server's TLS certificate is not trusted (${tlsCode}). If the server uses a self-signed or private CA, pass that CA to createNodeAdapter({ ca: pemText }) or createNodeAdapter({ certPath: '/path/to/ca.pem' }); do not turn verification off`;
      }
      if (found.includes('ERR_TLS_CERT_ALTNAME_INVALID')) {
        return `the server's TLS certificate does not name this host (ERR_TLS_CERT_ALTNAME_INVALID); connect with the host name the certificate was issued for, or set createNodeAdapter({ servername })`;
      }
      return undefined;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (owned) await dispatcher.destroy();
    },
  };
}
