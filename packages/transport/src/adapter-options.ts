// What every runtime adapter takes: `{ tls, proxy }`. The facade maps its connection options to
// these once; each adapter applies them as its runtime allows, or refuses them saying why.
import { ValidationError } from '@tgraph/protocol/errors';

/** TLS settings for an adapter (a connection's resolved `tls` fits as it is). */
export interface TlsOptions {
  /** Extra CA certificate(s) to trust (PEM), added to the runtime's default roots. */
  ca?: string | Uint8Array | readonly (string | Uint8Array)[] | undefined;
  /** Path(s) of PEM CA files to trust, read once when the adapter is created. */
  certPath?: string | readonly string[] | undefined;
  /** Client certificate (PEM) for mutual TLS. */
  cert?: string | Uint8Array | undefined;
  /** Private key (PEM) of the client certificate. */
  key?: string | Uint8Array | undefined;
  /**
   * `false` accepts any server certificate. Dangerous: anyone on the network path can read and
   * change the traffic. Not every runtime can do it per client (Deno and browsers cannot).
   */
  rejectUnauthorized?: boolean | undefined;
}

/** True when any TLS setting differs from the runtime's defaults. */
export function tlsGiven(tls: TlsOptions | undefined): boolean {
  if (!tls) return false;
  return (
    tls.ca !== undefined ||
    tls.certPath !== undefined ||
    tls.cert !== undefined ||
    tls.key !== undefined ||
    tls.rejectUnauthorized === false
  );
}

/** Refuses text that is not PEM, naming the option. */
export function checkPem(value: string, field: string): void {
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(value)) {
    throw new ValidationError(`${field} is not PEM text (expected a '-----BEGIN …-----' block)`, { field });
  }
}

/** A proxy URL as it may be shown: any `user:password@` part masked. */
export function maskProxyUrl(text: string): string {
  const at = text.lastIndexOf('@');
  if (at === -1) return text;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0] ?? '';
  return `${scheme}***@${text.slice(at + 1)}`;
}

/** Checks a proxy URL (http:// or https://). Its credentials never appear in the error. */
export function checkProxyUrl(uri: unknown, field = 'proxy'): URL {
  const shown = typeof uri === 'string' ? `'${maskProxyUrl(uri)}'` : `a ${typeof uri}`;
  let parsed: URL | undefined;
  try {
    parsed = typeof uri === 'string' ? new URL(uri) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new ValidationError(
      `${field}: ${shown} is not an http:// or https:// URL; give it as http://host:port (with credentials: http://user:password@host:port)`,
      { field },
    );
  }
  return parsed;
}
