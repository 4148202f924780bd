// An HTML page where JSON was expected: a wrong URL (web UI, login page, proxy), a TigerGraph
// Cloud workspace still starting, or a gateway's own error page while the service behind it is down.
import { type ErrorEndpoint, ResponseShapeError } from '@tgraph/protocol/errors';
import { redact } from '@tgraph/protocol/redact';

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
