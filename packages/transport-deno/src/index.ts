// @tgraph/transport-deno: the Deno adapter for @tgraph/transport.
// Deno's fetch takes a `client` from Deno.createHttpClient for custom CAs, client certificates and
// proxies; without those options the adapter is the plain global fetch.
import type { AdapterCapabilities, FetchLike, TlsOptions, TransportAdapter } from '@tgraph/transport';
import {
  checkPem,
  checkProxyUrl,
  HTTPS_PORT_QUESTION,
  isPlainHttpAnswer,
  ValidationError,
} from '@tgraph/transport';

/** The part of Deno's API this adapter uses (declared here so no Deno type package is needed). */
interface DenoHttpClient {
  close(): void;
}
interface DenoCreateHttpClientOptions {
  caCerts?: string[];
  cert?: string;
  key?: string;
  proxy?: { url: string; basicAuth?: { username: string; password: string } };
  poolMaxIdlePerHost?: number;
  poolIdleTimeout?: number | false;
}
interface DenoNamespace {
  createHttpClient(options: DenoCreateHttpClientOptions): DenoHttpClient;
  readTextFileSync(path: string): string;
  version?: { deno?: string };
}

function deno(): DenoNamespace | undefined {
  return (globalThis as { Deno?: DenoNamespace }).Deno;
}

export interface DenoAdapterOptions {
  /**
   * TLS settings as every adapter takes them; they win over the flat options below. Deno cannot
   * turn verification off per client, so `rejectUnauthorized: false` is refused (run Deno with
   * `--unsafely-ignore-certificate-errors=<host>` instead).
   */
  tls?: TlsOptions | undefined;
  /** Extra CA certificate(s) to trust, PEM text (added to Deno's default roots). */
  ca?: string | readonly string[];
  /** Path(s) of PEM CA files, read once when the adapter is created (needs `--allow-read`). */
  certPath?: string | readonly string[];
  /** Client certificate (PEM) for mutual TLS. */
  cert?: string;
  /** Private key (PEM) of the client certificate. */
  key?: string;
  /** HTTP(S) proxy URL, optionally with basic credentials (never shown in errors). */
  proxy?: string | { url: string; basicAuth?: { username: string; password: string } } | undefined;
  /** Max idle connections kept per host. Default: Deno's. */
  poolMaxIdlePerHost?: number;
  /** The fetch to use. Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Creates the Deno adapter.
 *
 * @example
 * ```ts
 * import { createTransport } from 'npm:@tgraph/transport';
 * import { createDenoAdapter } from 'npm:@tgraph/transport-deno';
 *
 * const transport = createTransport({
 *   adapter: createDenoAdapter({ ca: await Deno.readTextFile('./tigergraph-ca.pem') }),
 *   restppUrls: ['https://tg.example.com:9000'],
 * });
 * ```
 */
export function createDenoAdapter(options: DenoAdapterOptions = {}): TransportAdapter {
  const base = options.fetch ?? globalThis.fetch;
  if (typeof base !== 'function') {
    throw new TypeError('createDenoAdapter: no fetch in this environment; pass options.fetch');
  }
  const settings = denoSettings(options);
  const client = settings === undefined ? undefined : createClient(settings);
  const D = deno();
  let closed = false;
  const fetch: FetchLike = (input, init) => {
    if (closed) return Promise.reject(new TypeError('the Deno adapter is closed'));
    const merged = client ? ({ ...init, client } as RequestInit) : init;
    return base.call(globalThis, input, merged);
  };
  const capabilities: AdapterCapabilities = {
    runtime: 'deno',
    streamingRequestBody: D !== undefined,
    customCa: D !== undefined,
    clientCertificates: D !== undefined,
    proxy: options.proxy !== undefined,
    userAgentHeader: true,
  };
  return {
    fetch,
    capabilities,
    explainNetworkError: explainDenoNetworkError,
    close() {
      if (closed) return;
      closed = true;
      client?.close();
    },
  };
}

/** Deno's rule for TLS: no per-client switch to turn verification off. */
function refuseInsecure(tls: TlsOptions | undefined): void {
  if (tls?.rejectUnauthorized !== false) return;
  throw new ValidationError(
    'rejectUnauthorized: false cannot be set per client in Deno; trust the server with `ca` or `certPath` instead (or run Deno with --unsafely-ignore-certificate-errors=<host>)',
    { field: 'rejectUnauthorized' },
  );
}

function pemList(value: string | Uint8Array | readonly (string | Uint8Array)[] | undefined): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value)
    ? (value as readonly (string | Uint8Array)[])
    : [value as string | Uint8Array];
  return list.map((v) => (typeof v === 'string' ? v : new TextDecoder().decode(v)));
}

function readCaFiles(D: DenoNamespace, certPath: string | readonly string[]): string[] {
  return (typeof certPath === 'string' ? [certPath] : certPath).map((path) => {
    try {
      return D.readTextFileSync(path);
    } catch (error) {
      throw new ValidationError(
        `certPath: cannot read the CA file '${path}' (${(error as Error)?.name ?? 'error'}); check the path and run Deno with --allow-read, or pass the PEM text as \`ca\``,
        { field: 'certPath', cause: error },
      );
    }
  });
}

/** The options of Deno.createHttpClient, or undefined when the plain fetch does. Throws `ValidationError`. */
function denoSettings(options: DenoAdapterOptions): DenoCreateHttpClientOptions | undefined {
  const tls = options.tls;
  refuseInsecure(tls);
  const proxy = options.proxy === undefined ? undefined : denoProxy(options.proxy);
  const caCerts = pemList(tls?.ca ?? options.ca);
  for (const pem of caCerts) checkPem(pem, 'ca');
  const certPath = tls?.certPath ?? options.certPath;
  const cert = pemList(tls?.cert ?? options.cert)[0];
  const key = pemList(tls?.key ?? options.key)[0];
  const hasCert = cert !== undefined;
  const hasKey = key !== undefined;
  const needsClient =
    caCerts.length > 0 ||
    certPath !== undefined ||
    hasCert ||
    hasKey ||
    options.proxy !== undefined ||
    options.poolMaxIdlePerHost !== undefined;
  if (!needsClient) return undefined;
  const D = deno();
  if (!D?.createHttpClient) {
    throw new ValidationError(
      'createDenoAdapter: ca, certPath, cert/key, proxy and pool options need Deno (Deno.createHttpClient); in Node use @tgraph/transport-node',
      { field: 'ca' },
    );
  }
  for (const text of certPath === undefined ? [] : readCaFiles(D, certPath)) {
    checkPem(text, 'certPath');
    caCerts.push(text);
  }
  if (hasCert !== hasKey) {
    throw new ValidationError('mutual TLS needs both cert and key; pass the client certificate and its key', {
      field: hasCert ? 'key' : 'cert',
    });
  }
  const settings: DenoCreateHttpClientOptions = {};
  if (caCerts.length > 0) settings.caCerts = caCerts;
  if (cert !== undefined) settings.cert = cert;
  if (key !== undefined) settings.key = key;
  if (proxy !== undefined) settings.proxy = proxy;
  if (options.poolMaxIdlePerHost !== undefined) settings.poolMaxIdlePerHost = options.poolMaxIdlePerHost;
  return settings;
}

function denoProxy(
  proxy: NonNullable<DenoAdapterOptions['proxy']>,
): NonNullable<DenoCreateHttpClientOptions['proxy']> {
  const value = typeof proxy === 'string' ? { url: proxy } : proxy;
  checkProxyUrl(value.url);
  return value;
}

function createClient(settings: DenoCreateHttpClientOptions): DenoHttpClient {
  return (deno() as DenoNamespace).createHttpClient(settings);
}

function explainDenoNetworkError(cause: unknown, url?: string): string | undefined {
  let text = '';
  for (let e: unknown = cause, i = 0; e && i < 8; e = (e as { cause?: unknown }).cause, i++) {
    text += ` ${String((e as { message?: unknown }).message ?? e)}`;
  }
  if (/UnknownIssuer|invalid peer certificate|certificate verify failed|self.signed/i.test(text)) {
    const reason = /UnknownIssuer/.test(text) ? ' (UnknownIssuer)' : '';
    return `the server's TLS certificate is not trusted${reason}. If the server uses a self-signed or private CA, pass that CA to createDenoAdapter({ ca: pemText }) or createDenoAdapter({ certPath: './ca.pem' }) (with --allow-read)`;
  }
  if (/NotValidForName|not valid for/i.test(text)) {
    return `the server's TLS certificate does not name this host (NotValidForName); connect with the host name the certificate was issued for`;
  }
  if (url?.startsWith('https:') && isPlainHttpAnswer(cause)) {
    return `the TLS handshake with ${new URL(url).host} failed: the server answered in plain HTTP. ${HTTPS_PORT_QUESTION}`;
  }
  return undefined;
}
