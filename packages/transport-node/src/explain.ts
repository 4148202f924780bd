// Node-specific explanations of network failures: what to pass to createNodeAdapter.
import { HTTPS_PORT_QUESTION, isPlainHttpAnswer } from '@tgraph/transport';

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

export function explainNodeNetworkError(cause: unknown, url?: string): string | undefined {
  const found = codes(cause);
  const tlsCode = found.find((c) => TLS_TRUST.has(c));
  if (tlsCode) {
    return `the server's TLS certificate is not trusted (${tlsCode}). If the server uses a self-signed or private CA, pass that CA to createNodeAdapter({ ca: pemText }) or createNodeAdapter({ certPath: '/path/to/ca.pem' }); do not turn verification off`;
  }
  if (found.includes('ERR_TLS_CERT_ALTNAME_INVALID')) {
    return `the server's TLS certificate does not name this host (ERR_TLS_CERT_ALTNAME_INVALID); connect with the host name the certificate was issued for, or set createNodeAdapter({ servername })`;
  }
  if (url?.startsWith('https:') && isPlainHttpAnswer(cause)) {
    const tag = found.find((c) => c.startsWith('ERR_SSL') || c === 'EPROTO');
    return `the TLS handshake with ${new URL(url).host} failed${tag ? ` (${tag})` : ''}: the server answered in plain HTTP. ${HTTPS_PORT_QUESTION}`;
  }
  return undefined;
}
