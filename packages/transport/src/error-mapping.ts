// The typed error of a failed call, with what happened and what to check: HTTP answers,
// timeouts, network failures and requests that could not be built. Loaded on a connection's first
// failure (typed-errors.ts). It takes plain facts about the call, not the pipeline: a bundle
// without code splitting wraps a module loaded through import() and everything it imports for lazy
// initialisation, so this module imports nothing the pipeline (and zod) would drag along.
import {
  type ErrorEndpoint,
  errorFromResponse,
  NetworkError,
  ResponseShapeError,
  type TigerGraphError,
  TimeoutError,
  ValidationError,
} from '@tgraph/protocol/errors';
import { redact } from '@tgraph/protocol/redact';
import { sanitizeCause } from './cause.js';
import { explainNetworkFailure, htmlError, looksLikeHtml } from './classify.js';

/** What the messages need to know about the failed call (built by typed-errors.ts). */
export interface Failure {
  method: string;
  endpoint: ErrorEndpoint;
  requestId: string;
  secrets: readonly string[];
  /** Whether the request was safe to repeat, and how often it was. */
  repeatable: boolean;
  retries: number;
}

export function timeoutError(
  f: Failure,
  url: string,
  timeoutMs: number,
  restpp: boolean,
  error: unknown,
): TimeoutError {
  const server = restpp
    ? ', and for long-running queries also control.gsqlTimeoutMs so the server keeps working on it'
    : '';
  return new TimeoutError(
    redact(
      `no answer within ${timeoutMs} ms from ${f.method} ${url}; raise timeoutMs (on the request or the connection)${server}`,
      f.secrets,
    ),
    {
      code: 'TG-TIMEOUT',
      endpoint: f.endpoint,
      requestId: f.requestId,
      cause: sanitizeCause(error, f.secrets),
    },
  );
}

export function buildError(f: Failure, error: unknown): ValidationError {
  return new ValidationError(
    redact(
      `${f.method} ${f.endpoint.path} could not be built: ${(error as Error)?.message ?? String(error)}`,
      f.secrets,
    ),
    {
      code: 'TG-BAD-REQUEST',
      endpoint: f.endpoint,
      requestId: f.requestId,
      cause: sanitizeCause(error, f.secrets),
    },
  );
}

/** `explained` is the adapter's own explanation, if it has one for this failure. */
export function networkError(
  f: Failure,
  base: string,
  url: string,
  raw: unknown,
  explained: string | undefined,
): NetworkError {
  const explanation = explained ?? explainNetworkFailure(raw, new URL(base).host, base);
  return new NetworkError(redact(`${f.method} ${url} failed: ${explanation}`, f.secrets), {
    code: 'TG-NETWORK',
    endpoint: f.endpoint,
    requestId: f.requestId,
    cause: sanitizeCause(raw, f.secrets),
  });
}

function htmlAnswer(f: Failure, status: number, html: string): ResponseShapeError {
  return htmlError({
    html,
    status,
    endpoint: f.endpoint,
    requestId: f.requestId,
    repeatable: f.repeatable,
    retries: f.retries,
    secrets: f.secrets,
  });
}

/**
 * The typed error for an HTTP answer or a 2xx error envelope; `body` is the answer parsed as JSON,
 * undefined when it is not JSON (the caller parses it: the parser is part of every call anyway).
 */
export function answerError(f: Failure, status: number, text: string, body: unknown): TigerGraphError {
  if (body === undefined && looksLikeHtml(text) && status !== 404 && status !== 401 && status !== 403) {
    return htmlAnswer(f, status, text);
  }
  return errorFromResponse({
    status,
    body,
    text,
    endpoint: f.endpoint,
    requestId: f.requestId,
    secrets: f.secrets,
  });
}

/** A 2xx answer whose body is not JSON (an HTML page or another service's text). */
export function notJson(f: Failure, status: number, text: string): TigerGraphError {
  if (looksLikeHtml(text)) return htmlAnswer(f, status, text);
  return new ResponseShapeError(
    redact(
      `${f.method} ${f.endpoint.path} answered HTTP ${status} with a body that is not JSON (starts with '${text.trim().slice(0, 80)}'); check that the URL points at RESTPP or the GSQL server and not at another service or proxy`,
      f.secrets,
    ),
    { code: 'TG-NOT-JSON', status, endpoint: f.endpoint, requestId: f.requestId },
  );
}
