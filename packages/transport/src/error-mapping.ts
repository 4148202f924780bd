// The typed error of a failed call, with what happened and what to check: HTTP answers,
// timeouts, network failures and requests that could not be built. Loaded on a connection's first
// failure (typed-errors.ts); only what that file and answer.ts use is exported, since a bundle
// without code splitting keeps every export of a module loaded through import().
import {
  errorFromResponse,
  NetworkError,
  ResponseShapeError,
  type TigerGraphError,
  TimeoutError,
  ValidationError,
} from '@tgraph/protocol/errors';
import { parseJson } from '@tgraph/protocol/json';
import { redact } from '@tgraph/protocol/redact';
import { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import { abortError } from './abort-error.js';
import type { CallState, Pipeline } from './call.js';
import { endpointOf } from './call.js';
import { sanitizeCause } from './cause.js';
import { explainNetworkFailure } from './classify.js';
import { htmlError, looksLikeHtml } from './html-answer.js';
import { mayRepeat } from './retry-policy.js';

function timeoutError(pipeline: Pipeline, state: CallState, error: unknown): TimeoutError {
  const secrets = pipeline.observer.secrets(state.secrets);
  const url = (state.url ?? `${state.base}${state.req.path}`).split('?')[0];
  const server =
    state.service === 'restpp'
      ? ', and for long-running queries also control.gsqlTimeoutMs so the server keeps working on it'
      : '';
  return new TimeoutError(
    redact(
      `no answer within ${state.timeoutMs} ms from ${state.method} ${url}; raise timeoutMs (on the request or the connection)${server}`,
      secrets,
    ),
    {
      code: 'TG-TIMEOUT',
      endpoint: endpointOf(pipeline.config, state),
      requestId: state.requestId,
      cause: sanitizeCause(error, secrets),
    },
  );
}

function buildError(pipeline: Pipeline, state: CallState, error: unknown): ValidationError {
  const secrets = pipeline.observer.secrets(state.secrets);
  const endpoint = endpointOf(pipeline.config, state);
  return new ValidationError(
    redact(
      `${state.method} ${endpoint.path} could not be built: ${(error as Error)?.message ?? String(error)}`,
      secrets,
    ),
    { code: 'TG-BAD-REQUEST', endpoint, requestId: state.requestId, cause: sanitizeCause(error, secrets) },
  );
}

function networkError(pipeline: Pipeline, state: CallState, error: unknown): NetworkError {
  const raw =
    (error as { name?: string; cause?: unknown })?.name === 'NetworkError'
      ? ((error as { cause?: unknown }).cause ?? error)
      : error;
  const secrets = pipeline.observer.secrets(state.secrets);
  const origin = new URL(state.base).host;
  const explanation =
    pipeline.config.options.adapter?.explainNetworkError?.(raw, state.base) ??
    explainNetworkFailure(raw, origin, state.base);
  const url = (state.url ?? state.base).split('?')[0];
  return new NetworkError(redact(`${state.method} ${url} failed: ${explanation}`, secrets), {
    code: 'TG-NETWORK',
    endpoint: endpointOf(pipeline.config, state),
    requestId: state.requestId,
    cause: sanitizeCause(raw, secrets),
  });
}

/** The typed error for an HTTP answer or a 2xx error envelope. */
export function answerError(
  pipeline: Pipeline,
  state: CallState,
  status: number,
  text: string,
): TigerGraphError {
  const secrets = pipeline.observer.secrets(state.secrets);
  const endpoint = endpointOf(pipeline.config, state);
  let body: unknown;
  let parsed = false;
  if (text.trim() !== '') {
    try {
      body = parseJson(text, { integers: state.req.integers ?? pipeline.config.options.integers });
      parsed = true;
    } catch {
      parsed = false;
    }
  }
  if (!parsed && looksLikeHtml(text) && status !== 404 && status !== 401 && status !== 403) {
    return htmlError({
      html: text,
      status,
      endpoint,
      requestId: state.requestId,
      repeatable: mayRepeat(state),
      retries: state.retries,
      secrets,
    });
  }
  return errorFromResponse({
    status,
    body: parsed ? body : undefined,
    text,
    endpoint,
    requestId: state.requestId,
    secrets,
  });
}

/** ky's pre-read error body as text: JSON bodies arrive parsed, anything else as a string. */
function errorText(data: unknown): string {
  if (typeof data === 'string') return data;
  return data === undefined ? '' : JSON.stringify(data);
}

/** Maps a failure that is not a TigerGraphError yet (typed-errors.ts checks that) to one. */
export function toTypedError(pipeline: Pipeline, state: CallState, error: unknown): TigerGraphError {
  if (state.req.signal?.aborted) return abortError(pipeline, state);
  if (state.upload?.expired || isTimeoutError(error)) return timeoutError(pipeline, state, error);
  if (isHTTPError(error)) {
    return answerError(pipeline, state, error.response.status, errorText(error.data));
  }
  if (!state.sent) return buildError(pipeline, state, error);
  if (isNetworkError(error)) return networkError(pipeline, state, error.cause ?? error);
  return networkError(pipeline, state, error);
}

/** A 2xx answer whose body is not JSON (an HTML page or another service's text). */
export function notJson(pipeline: Pipeline, state: CallState, status: number, text: string): TigerGraphError {
  const secrets = pipeline.observer.secrets(state.secrets);
  const endpoint = endpointOf(pipeline.config, state);
  if (looksLikeHtml(text)) {
    return htmlError({
      html: text,
      status,
      endpoint,
      requestId: state.requestId,
      repeatable: mayRepeat(state),
      retries: state.retries,
      secrets,
    });
  }
  return new ResponseShapeError(
    redact(
      `${state.method} ${endpoint.path} answered HTTP ${status} with a body that is not JSON (starts with '${text.trim().slice(0, 80)}'); check that the URL points at RESTPP or the GSQL server and not at another service or proxy`,
      secrets,
    ),
    { code: 'TG-NOT-JSON', status, endpoint, requestId: state.requestId },
  );
}
