// ky's `beforeError`: every failure becomes a redacted TigerGraphError subclass that says what
// happened and what to check — HTTP answers, timeouts, aborts, network failures and requests
// that could not be built.
import {
  AbortError,
  errorFromResponse,
  NetworkError,
  TigerGraphError,
  TimeoutError,
  ValidationError,
} from '@tgraph/protocol/errors';
import { parseJson } from '@tgraph/protocol/json';
import { redact } from '@tgraph/protocol/redact';
import { type BeforeErrorHook, isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import type { CallState, Pipeline } from './call.js';
import { endpointOf, stateOf } from './call.js';
import { explainNetworkFailure, sanitizeCause } from './classify.js';
import { htmlError, looksLikeHtml } from './html-answer.js';
import { mayRepeat } from './retry-policy.js';

export function abortError(pipeline: Pipeline, state: CallState): AbortError {
  const reason = state.req.signal?.reason;
  const why =
    typeof reason === 'string'
      ? `: ${reason}`
      : reason instanceof Error && reason.message
        ? `: ${reason.message}`
        : '';
  const secrets = pipeline.observer.secrets(state.secrets);
  const endpoint = endpointOf(pipeline.config, state);
  return new AbortError(
    redact(`${state.method} ${endpoint.path} was aborted by the caller's signal${why}`, secrets),
    {
      code: 'TG-ABORTED',
      endpoint,
      requestId: state.requestId,
      cause: sanitizeCause(reason, secrets),
    },
  );
}

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

/** Maps any failure of a call to the error its caller receives. */
export function toTypedError(pipeline: Pipeline, state: CallState, error: unknown): TigerGraphError {
  if (error instanceof TigerGraphError) return error;
  if (state.req.signal?.aborted) return abortError(pipeline, state);
  if (state.upload?.expired || isTimeoutError(error)) return timeoutError(pipeline, state, error);
  if (isHTTPError(error)) {
    return answerError(pipeline, state, error.response.status, errorText(error.data));
  }
  if (!state.sent) return buildError(pipeline, state, error);
  if (isNetworkError(error)) return networkError(pipeline, state, error.cause ?? error);
  return networkError(pipeline, state, error);
}

export function typedErrors(pipeline: Pipeline): BeforeErrorHook {
  return ({ error, options }) => toTypedError(pipeline, stateOf(options), error);
}
