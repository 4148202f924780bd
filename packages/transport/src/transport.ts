// The request pipeline: one ky instance per connection carries retries (statuses, backoff,
// Retry-After), timeouts and hooks (auth headers, one auth refresh, typed errors). What ky cannot
// do plugs into it: cluster failover and the adapter hand-off in the fetch it calls (send.ts),
// progress-timed streamed uploads (upload-timer.ts), the idempotency rules (retry-policy.ts).
import { TigerGraphError } from '@tgraph/protocol/errors';
import { redact } from '@tgraph/protocol/redact';
import ky, { type KyInstance, type Options } from 'ky';
import { abortError } from './abort-error.js';
import { answerOf } from './answer.js';
import { authAfterResponse, authBeforeRequest, authBeforeRetry } from './auth-hooks.js';
import { type CallState, checkCallHeaders, type Pipeline, prepareCall } from './call.js';
import { createObserver } from './observe.js';
import { resolveConfig } from './options.js';
import { redactUrl } from './redaction.js';
import { nextRequestId, requestIds } from './request-id.js';
import { createRequester } from './requester.js';
import { callRetryLimit, kyRetryDefaults, kyRetryFor } from './retry-policy.js';
import { connectionFetch } from './send.js';
import { typedError, typedErrors } from './typed-errors.js';
import type { Transport, TransportOptions, TransportRequest, TransportResponse } from './types.js';

export { controlHeaders, encodeSearchParams } from './encoding.js';
export { DEFAULT_RETRY_STATUSES, DEFAULT_TIMEOUT_MS } from './options.js';

/** Whether the connection's auth provider can refresh and have a rejected call sent once more. */
const resends = (pipeline: Pipeline) => pipeline.config.options.auth?.onRejected !== undefined;

/** The call of an error ky asks `shouldRetry` about: its network error, or its HTTP answer. */
function callOf(pipeline: Pipeline, error: unknown): CallState | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return pipeline.calls.get(error) ?? pipeline.calls.get((error as { response?: object }).response ?? error);
}

/** The connection's ky instance: its retry policy and the hooks every call goes through. */
function createKy(pipeline: Pipeline): KyInstance {
  const auth = pipeline.config.options.auth;
  return ky.create({
    // ky merges these defaults into every call's options: only what differs from ky's own
    // defaults is set (throwHttpErrors is true, and the connection's fetch follows redirects).
    retry: kyRetryDefaults(pipeline.config.retry, resends(pipeline), (error) => callOf(pipeline, error)),
    timeout: pipeline.config.timeoutMs,
    fetch: connectionFetch(pipeline),
    // No parseJson: with one, ky replaces each Response's json() method, which throws on
    // Response classes whose methods are read-only (Hono's Node server installs such a global).
    hooks: {
      beforeRequest: [authBeforeRequest(pipeline)],
      beforeRetry: [authBeforeRetry(pipeline)],
      afterResponse: auth?.onRejected ? [authAfterResponse(pipeline, auth)] : [],
      beforeError: [typedErrors(pipeline)],
    },
  });
}

/**
 * ky's options for one call: only what differs from the connection's instance (each option is
 * merged into ky's defaults per call). Headers and body stay on the call's state: the connection's
 * fetch sends them (send.ts), so ky's Request has nothing to encode or clone for a retry.
 */
function kyOptionsFor(pipeline: Pipeline, state: CallState): Options & { tgraph: CallState } {
  const { config } = pipeline;
  const options: Options & { tgraph: CallState } = {
    method: state.method,
    tgraph: state,
  };
  // The instance's retry options fit the usual call; others (writes that may not be repeated,
  // streamed bodies) pass their own limit (with limit 0, ky keeps no Request clone for a retry).
  const limit = callRetryLimit(config.retry, state, resends(pipeline));
  if (limit !== config.retry.limit + (resends(pipeline) ? 1 : 0)) {
    options.retry = kyRetryFor(config.retry, state, resends(pipeline));
  }
  if (state.req.signal) options.signal = state.req.signal;
  if (state.body instanceof ReadableStream) options.timeout = false;
  else if (state.timeoutMs !== config.timeoutMs) options.timeout = state.timeoutMs;
  if (state.req.acceptErrors === true) options.throwHttpErrors = false;
  return options;
}

async function send<T>(pipeline: Pipeline, api: KyInstance, state: CallState): Promise<TransportResponse<T>> {
  checkCallHeaders(state);
  const url = `${state.base}${state.req.path}${state.query ? `?${state.query}` : ''}`;
  const response = await api(url, kyOptionsFor(pipeline, state));
  if (state.req.responseType === 'stream' && response.ok) {
    return {
      status: response.status,
      headers: response.headers,
      data: response.body as T,
      requestId: state.requestId,
    };
  }
  // The body is already in memory (send.ts read it within the attempt and its timeout).
  const text = state.method === 'HEAD' ? '' : (state.text ?? (await response.text()));
  return answerOf<T>(pipeline, state, state.answer ?? response, text);
}

async function report(
  pipeline: Pipeline,
  state: CallState | undefined,
  error: TigerGraphError,
  requestId: string,
) {
  const { observer, config } = pipeline;
  const url = state?.url === undefined ? undefined : redactUrl(state.url, observer.secrets(state.secrets));
  await observer.run('onError', config.options.hooks?.onError, () => ({
    requestId,
    service: state?.service ?? 'restpp',
    method: state?.method ?? '',
    url,
    attempt: state?.attempt ?? 0,
    error,
  }));
  observer.debug('tgraph request failed', () => ({
    requestId,
    attempt: state?.attempt ?? 0,
    method: state?.method,
    url,
    error: error.name,
    code: error.code,
    status: error.status,
    message: error.message,
  }));
}

/**
 * Creates the request pipeline for one connection.
 *
 * @example
 * ```ts
 * import { createTransport } from '@tgraph/transport';
 * import { createNodeAdapter } from '@tgraph/transport-node';
 *
 * const transport = createTransport({
 *   adapter: createNodeAdapter(),
 *   restppUrls: ['http://localhost:9000'],
 *   gsqlUrl: 'http://localhost:14240',
 * });
 * const { data } = await transport.request({ service: 'restpp', method: 'GET', path: '/echo' });
 * await transport.close();
 * ```
 */
export function createTransport(options: TransportOptions): Transport {
  const config = resolveConfig(options);
  const observer = createObserver(options);
  const ownId = requestIds();
  let closed = false;
  const pipeline: Pipeline = {
    config,
    observer,
    requester: createRequester((r) => request<string>(r)),
    calls: new WeakMap(),
  };
  const api = createKy(pipeline);

  async function request<T = unknown>(req: TransportRequest): Promise<TransportResponse<T>> {
    const clean = (text: string) => redact(text, observer.secrets());
    const { id: requestId, error: idError } = nextRequestId(options.requestId, ownId, clean);
    let state: CallState | undefined;
    try {
      if (idError) throw idError;
      if (closed) {
        throw new TigerGraphError('the transport is closed; create a new connection to send more requests', {
          code: 'TG-TRANSPORT-CLOSED',
          requestId,
        });
      }
      const prepared = prepareCall(config, req, requestId);
      state = prepared instanceof Promise ? await prepared : prepared;
      if (req.signal?.aborted) throw abortError(pipeline, state);
      return await send<T>(pipeline, api, state);
    } catch (error) {
      const typed = state ? await typedError(pipeline, state, error) : (error as TigerGraphError);
      await report(pipeline, state, typed, requestId);
      throw typed;
    } finally {
      state?.upload?.disarm();
    }
  }

  return {
    request,
    capabilities: config.capabilities,
    hosts: () => config.pool.status(),
    authRequester: pipeline.requester,
    async close() {
      if (closed) return;
      closed = true;
      if (options.adapter && options.closeAdapter !== false) await options.adapter.close();
    },
  };
}
