// @tgraph/transport-deno: the Deno adapter for @tgraph/transport.
// Deno's fetch takes a `client` from Deno.createHttpClient for custom CAs, client certificates and
// proxies; without those options the adapter is the plain global fetch.
import type { AdapterCapabilities, FetchLike, TransportAdapter } from '@tgraph/transport';
import { ValidationError } from '@tgraph/transport';

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
  /** Extra CA certificate(s) to trust, PEM text (added to Deno's default roots). */
  ca?: string | readonly string[];
  /** Path(s) of PEM CA files, read once when the adapter is created (needs `--allow-read`). */
  certPath?: string | readonly string[];
  /** Client certificate (PEM) for mutual TLS. */
  cert?: string;
  /** Private key (PEM) of the client certificate. */
  key?: string;
  /** HTTP(S) proxy URL, optionally with basic credentials. */
  proxy?: string | { url: string; basicAuth?: { username: string; password: string } };
  /** Max idle connections kept per host. Default: Deno's. */
  poolMaxIdlePerHost?: number;
  /** The fetch to use. Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

function checkPem(value: string, field: string): void {
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(value)) {
    throw new ValidationError(`${field} is not PEM text (expected a '-----BEGIN …-----' block)`, { field });
  }
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
  const caCerts: string[] = [];
  for (const pem of options.ca === undefined
    ? []
    : typeof options.ca === 'string'
      ? [options.ca]
      : options.ca) {
    checkPem(pem, 'ca');
    caCerts.push(pem);
  }
  const needsClient =
    options.ca !== undefined ||
    options.certPath !== undefined ||
    options.cert !== undefined ||
    options.key !== undefined ||
    options.proxy !== undefined ||
    options.poolMaxIdlePerHost !== undefined;
  const D = deno();
  if (needsClient && !D?.createHttpClient) {
    throw new ValidationError(
      'createDenoAdapter: ca, certPath, cert/key, proxy and pool options need Deno (Deno.createHttpClient); in Node use @tgraph/transport-node',
      { field: 'ca' },
    );
  }
  if (options.certPath !== undefined) {
    for (const path of typeof options.certPath === 'string' ? [options.certPath] : options.certPath) {
      let text: string;
      try {
        text = (D as DenoNamespace).readTextFileSync(path);
      } catch (error) {
        throw new ValidationError(
          `certPath: cannot read the CA file '${path}' (${(error as Error)?.name ?? 'error'}); check the path and run Deno with --allow-read, or pass the PEM text as \`ca\``,
          { field: 'certPath', cause: error },
        );
      }
      checkPem(text, 'certPath');
      caCerts.push(text);
    }
  }
  if ((options.cert === undefined) !== (options.key === undefined)) {
    throw new ValidationError('mutual TLS needs both cert and key; pass the client certificate and its key', {
      field: options.cert === undefined ? 'cert' : 'key',
    });
  }

  let client: DenoHttpClient | undefined;
  if (needsClient) {
    const clientOptions: DenoCreateHttpClientOptions = {};
    if (caCerts.length > 0) clientOptions.caCerts = caCerts;
    if (options.cert !== undefined) clientOptions.cert = options.cert;
    if (options.key !== undefined) clientOptions.key = options.key;
    if (options.proxy !== undefined) {
      clientOptions.proxy = typeof options.proxy === 'string' ? { url: options.proxy } : options.proxy;
    }
    if (options.poolMaxIdlePerHost !== undefined)
      clientOptions.poolMaxIdlePerHost = options.poolMaxIdlePerHost;
    client = (D as DenoNamespace).createHttpClient(clientOptions);
  }

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
    explainNetworkError(cause) {
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
      return undefined;
    },
    close() {
      if (closed) return;
      closed = true;
      client?.close();
    },
  };
}
