// Failures become typed errors through error-mapping.ts, loaded on a connection's first failure:
// its messages and hints, the network-failure explanations and the server's code kinds are most
// of the SDK's error code, and a call that succeeds never needs them (so a browser app's first
// chunk leaves them out). The error classes themselves stay eager, for `instanceof` checks; what
// kind of failure it was is decided here, with ky's own guards.
import { TigerGraphError } from '@tgraph/protocol/errors';
import { parseJson } from '@tgraph/protocol/json';
import { type BeforeErrorHook, isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import { abortError } from './abort-error.js';
import type { CallState, Pipeline } from './call.js';
import { endpointOf, stateOf } from './call.js';
import type { Failure } from './error-mapping.js';
import { mayRepeat } from './retry-policy.js';

type Mapping = typeof import('./error-mapping.js');
let mapping: Mapping | undefined;

/** Runs `use` with the mapping: at once once it is loaded, so later failures map synchronously. */
function withMapping<R>(use: (m: Mapping) => R): R | Promise<R> {
  if (mapping) return use(mapping);
  return import('./error-mapping.js').then((m) => {
    mapping = m;
    return use(m);
  });
}

/** The facts about a call its error messages need. */
function failureOf(pipeline: Pipeline, state: CallState): Failure {
  return {
    method: state.method,
    endpoint: endpointOf(pipeline.config, state),
    requestId: state.requestId,
    secrets: pipeline.observer.secrets(state.secrets),
    repeatable: mayRepeat(state),
    retries: state.retries,
  };
}

/** An answer's body as JSON, or undefined when it is empty or not JSON (JSON has no undefined). */
export function jsonOf(pipeline: Pipeline, state: CallState, text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return parseJson(text, { integers: state.req.integers ?? pipeline.config.options.integers });
  } catch {
    return undefined;
  }
}

/** Throws the error of an answer the caller must not get (a rejected promise while loading). */
export function failAnswer(
  pipeline: Pipeline,
  state: CallState,
  status: number,
  text: string,
  /** The body as JSON (jsonOf), or `notJson` for a 2xx answer that is not JSON. */
  body: unknown,
  notJson = false,
): Promise<never> {
  const f = failureOf(pipeline, state);
  return withMapping((m) => {
    throw notJson ? m.notJson(f, status, text) : m.answerError(f, status, text, body);
  }) as Promise<never>;
}

/** ky's pre-read error body as text: JSON bodies arrive parsed, anything else as a string. */
function errorText(data: unknown): string {
  if (typeof data === 'string') return data;
  return data === undefined ? '' : JSON.stringify(data);
}

/** A network failure as the adapter reported it (ky wraps it in its own NetworkError). */
function rawCause(error: unknown): unknown {
  const e = error as { name?: string; cause?: unknown };
  return e?.name === 'NetworkError' ? (e.cause ?? error) : error;
}

function mapFailure(pipeline: Pipeline, state: CallState, error: unknown) {
  const f = failureOf(pipeline, state);
  if (state.upload?.expired || isTimeoutError(error)) {
    const url = (state.url ?? `${state.base}${state.req.path}`).split('?')[0] as string;
    const restpp = state.service === 'restpp';
    return withMapping((m) => m.timeoutError(f, url, state.timeoutMs, restpp, error));
  }
  if (isHTTPError(error)) {
    const status = error.response.status;
    const text = errorText(error.data);
    const body = jsonOf(pipeline, state, text);
    return withMapping((m) => m.answerError(f, status, text, body));
  }
  if (!state.sent) return withMapping((m) => m.buildError(f, error));
  const raw = rawCause(isNetworkError(error) ? (error.cause ?? error) : error);
  const explained = pipeline.config.options.adapter?.explainNetworkError?.(raw, state.base);
  const url = (state.url ?? state.base).split('?')[0] as string;
  return withMapping((m) => m.networkError(f, state.base, url, raw, explained));
}

/** Maps any failure of a call to the error its caller receives. */
export function typedError(
  pipeline: Pipeline,
  state: CallState,
  error: unknown,
): TigerGraphError | Promise<TigerGraphError> {
  if (error instanceof TigerGraphError) return error;
  if (state.req.signal?.aborted) return abortError(pipeline, state);
  return mapFailure(pipeline, state, error);
}

/** ky's `beforeError` (ky awaits it): every failure becomes a redacted TigerGraphError subclass. */
export function typedErrors(pipeline: Pipeline): BeforeErrorHook {
  return ({ error, options }) => typedError(pipeline, stateOf(options), error);
}
