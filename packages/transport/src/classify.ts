// What went wrong and what to check, for failures the server's own answer does not explain:
// network failures, and an HTML page where JSON was expected (a wrong URL — web UI, login page,
// proxy —, a TigerGraph Cloud workspace still starting, or a gateway's own error page while the
// service behind it is down). Loaded with the error mapping on a call's first failure; the cause
// chain and the envelope checks every call needs sit in cause.ts and envelope.ts.
import { type ErrorEndpoint, ResponseShapeError } from '@tgraph/protocol/errors';
import { redact } from '@tgraph/protocol/redact';
import { causeChain } from './cause.js';
import { HTTPS_PORT_QUESTION } from './https-question.js';

// Kept importable from here as before.
export { neverSent, sanitizeCause } from './cause.js';
export { HTTPS_PORT_QUESTION } from './https-question.js';

const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

/** Failures of a TLS client that got a plain-HTTP answer (Node/OpenSSL, Deno/rustls, undici). */
const PLAIN_HTTP_CODES = ['ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO'];
const PLAIN_HTTP_TEXT =
  /packet length too long|wrong version number|InvalidContentType|CorruptMessage|http request to an https server|received corrupt message/i;

export function plainHttpHint(origin: string, tag: string): string {
  return `the TLS handshake with ${origin} failed${tag}: is this an HTTPS port? For plain HTTP use an http:// host`;
}

/** True when a failure looks like TLS spoken to a plain-HTTP port. */
export function isPlainHttpAnswer(error: unknown): boolean {
  const { codes, messages } = causeChain(error);
  return codes.some((c) => PLAIN_HTTP_CODES.includes(c)) || PLAIN_HTTP_TEXT.test(messages.join(' | '));
}

function tlsTrustProblem(codes: string[], text: string, origin: string, suffix: string): string | undefined {
  if (
    codes.some((c) => TLS_TRUST_CODES.has(c)) ||
    /UnknownIssuer|self[- ]signed|unable to verify/i.test(text)
  ) {
    return `the server's TLS certificate is not trusted${suffix}. If ${origin} uses a self-signed or private CA, pass that CA certificate to the adapter (\`ca\` PEM text or \`certPath\`) rather than turning verification off`;
  }
  if (codes.includes('CERT_HAS_EXPIRED') || /expired/i.test(text)) {
    return `the server's TLS certificate has expired${suffix}; renew it on the server`;
  }
  if (
    codes.includes('ERR_TLS_CERT_ALTNAME_INVALID') ||
    /NotValidForName|altnames|does not match/i.test(text)
  ) {
    return `the server's TLS certificate does not name this host${suffix}; connect with the host name the certificate was issued for`;
  }
  return undefined;
}

/**
 * A short, human explanation of a network failure, with what to check. `base` is the URL the
 * request went to: an https:// URL answered in plain HTTP gets `tgraph doctor`'s question.
 */
export function explainNetworkFailure(error: unknown, origin: string, base?: string): string {
  const { codes, messages } = causeChain(error);
  const has = (...cs: string[]) => codes.some((c) => cs.includes(c));
  const text = messages.join(' | ');
  const tag = codes.find((c) => c !== 'UND_ERR_SOCKET' || codes.length === 1);
  const suffix = tag ? ` (${tag})` : '';
  const tls = tlsTrustProblem(codes, text, origin, suffix);
  if (tls) return tls;
  if (isPlainHttpAnswer(error)) {
    return base === undefined || base.startsWith('https:')
      ? plainHttpHint(origin, suffix)
      : `TLS handshake failed${suffix}; check the scheme (http:// vs https://) and the port`;
  }
  if (has('UND_ERR_INVALID_ARG') && /onRequestStart|dispatcher/i.test(text)) {
    return `the fetch and the undici dispatcher come from different undici versions${suffix}; use the fetch provided by @tgraph/transport-node`;
  }
  if (has('ECONNREFUSED') || /connection refused|ConnectionRefused/i.test(text)) {
    return `connection refused by ${origin}${suffix}; check that TigerGraph is running there and that the host and port (restppPort / gsPort) are right`;
  }
  if (
    has('ENOTFOUND', 'EAI_AGAIN') ||
    /dns|lookup|failed to lookup address|Name or service not known/i.test(text)
  ) {
    return `the host name of ${origin} could not be resolved${suffix}; check the host option and DNS`;
  }
  if (has('ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT')) {
    return `connecting to ${origin} timed out${suffix}; check the network path (firewall, VPN, security groups)`;
  }
  if (has('EHOSTUNREACH', 'ENETUNREACH')) {
    return `${origin} is unreachable${suffix}; check the network path and the host`;
  }
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED') || /reset|socket|closed/i.test(text)) {
    return `the connection to ${origin} was closed before an answer arrived${suffix}; the server or a proxy in between dropped it`;
  }
  if (/Failed to fetch|NetworkError when attempting|Load failed/i.test(text)) {
    return `the browser could not reach ${origin} or blocked the answer; check the host, and that the server (or a proxy) sends CORS headers for this page's origin — TigerGraph sends none by default${base?.startsWith('https:') ? `. ${HTTPS_PORT_QUESTION}` : ''}`;
  }
  const first = messages.find((m) => m && m !== 'fetch failed') ?? messages[0] ?? 'unknown error';
  return `${first}${suffix}; check the host, port and network path`;
}

/** Statuses a gateway (nginx, a load balancer) answers with its own HTML page when the service behind it fails. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

export function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body|title)/i.test(text);
}

function htmlTitle(text: string): string | undefined {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(text);
  return m?.[1]?.trim() || undefined;
}

export interface HtmlAnswer {
  html: string;
  status: number;
  endpoint: ErrorEndpoint;
  requestId: string;
  /** Whether the request was safe to repeat, and how often it was. */
  repeatable: boolean;
  retries: number;
  secrets: readonly string[];
}

function hintFor(a: HtmlAnswer, title: string | undefined): string {
  if (/starting workspace|resuming|waking/i.test(title ?? a.html.slice(0, 2000))) {
    return 'A TigerGraph Cloud workspace answers like this while it starts or resumes; wait until it is ready and retry (reads are retried automatically on 502/503).';
  }
  if (GATEWAY_STATUSES.has(a.status)) {
    let retried = '';
    if (!a.repeatable) {
      retried =
        ' (this request is not safe to repeat, so it was not retried: check whether it was applied before sending it again)';
    } else if (a.retries > 0) {
      retried = ` (this request was already retried ${a.retries} times)`;
    }
    return `A gateway (TigerGraph's nginx or a proxy in front of it) answered instead of TigerGraph: the service behind it is down, restarting or overloaded. Retry later${retried}; check the services with \`gadmin status\`.`;
  }
  return 'Check that the URL points at RESTPP or the GSQL server (port and path prefix such as /restpp or /gsqlserver), not at a web UI, a login page or a proxy.';
}

export function htmlError(a: HtmlAnswer): ResponseShapeError {
  const title = htmlTitle(a.html);
  return new ResponseShapeError(
    redact(
      `${a.endpoint.method} ${a.endpoint.path} answered HTTP ${a.status} with an HTML page${title ? ` ("${title}")` : ''} instead of JSON. ${hintFor(a, title)}`,
      a.secrets,
    ),
    { code: 'TG-HTML-RESPONSE', status: a.status, endpoint: a.endpoint, requestId: a.requestId },
  );
}
