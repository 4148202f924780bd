// One attempt on the wire: the fetch of the connection's ky instance. ky forwards the call's
// state to it (the `tgraph` option, see stateOf); it hands the adapter a URL string and a plain
// init holding the call's own headers and original body, so string and byte bodies keep their
// Content-Length and a fetch from another realm (npm undici, Deno with a client) never sees a
// foreign Request object. ky's Request carries neither (nothing to encode, copy or clone per
// call); its signal (caller's abort and ky's timeout) is the attempt's signal. Network failures
// become ky's NetworkError so that ky's retry sees them.
import { NetworkError as KyNetworkError } from 'ky';
import type { CallState, Pipeline } from './call.js';
import { hasHeader, setHeader } from './encoding.js';
import { withFailover } from './failover.js';
import { redactHeaders, redactUrl } from './redaction.js';
import type { RequestView } from './types.js';
import { timeUpload } from './upload-timer.js';

function view(pipeline: Pipeline, state: CallState, url: string): RequestView {
  const secrets = pipeline.observer.secrets(state.secrets);
  return {
    requestId: state.requestId,
    attempt: state.attempt,
    service: state.service,
    method: state.method,
    url: redactUrl(url, secrets),
    headers: redactHeaders({ ...state.headers, ...state.authHeaders }, secrets),
  };
}

/** The Content-Type a fetch would add for a body given without one (as ky's Request did). */
function implicitContentType(body: CallState['body']): string | undefined {
  if (typeof body === 'string') return 'text/plain;charset=UTF-8';
  if (typeof Blob !== 'undefined' && body instanceof Blob && body.type !== '') return body.type;
  return undefined;
}

/** The attempt's headers: the call's, then the auth provider's (which replace same-named ones). */
function headersFor(state: CallState): Record<string, string> {
  const headers = { ...state.headers };
  for (const name in state.authHeaders) setHeader(headers, name, state.authHeaders[name] as string);
  const implicit = implicitContentType(state.body);
  if (implicit !== undefined && !hasHeader(headers, 'content-type')) headers['content-type'] = implicit;
  return headers;
}

function initFor(state: CallState, request: Request): RequestInit & { duplex?: 'half' } {
  const init: RequestInit & { duplex?: 'half' } = {
    method: state.method,
    headers: headersFor(state),
    redirect: 'follow',
    signal: request.signal,
  };
  if (state.body === undefined) return init;
  if (state.body instanceof ReadableStream) {
    state.upload = timeUpload(state.body, state.timeoutMs);
    init.body = state.upload.body;
    init.duplex = 'half';
    init.signal = AbortSignal.any([request.signal, state.upload.signal]);
  } else {
    init.body = state.body as BodyInit;
  }
  return init;
}

async function sendTo(pipeline: Pipeline, state: CallState, request: Request, base: string) {
  const { observer, config } = pipeline;
  const hooks = config.options.hooks ?? {};
  state.attempt++;
  state.base = base;
  const url = `${base}${state.req.path}${state.query ? `?${state.query}` : ''}`;
  state.url = url;
  // The caller's hooks are awaited only when set: an await per attempt is a measured cost.
  if (hooks.beforeRequest) {
    await observer.run('beforeRequest', hooks.beforeRequest, () => view(pipeline, state, url));
  }
  observer.debug('tgraph request', () => ({ ...view(pipeline, state, url) }));
  const init = initFor(state, request);
  const started = Date.now();
  state.sent = true;
  const response = await config.fetch(url, init);
  const durationMs = Date.now() - started;
  if (hooks.afterResponse) {
    await observer.run('afterResponse', hooks.afterResponse, () => ({
      ...view(pipeline, state, url),
      status: response.status,
      durationMs,
    }));
  }
  observer.debug('tgraph response', () => ({
    requestId: state.requestId,
    attempt: state.attempt,
    status: response.status,
    durationMs,
  }));
  return response;
}

const NO_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

// The usual successful answer's stand-in: no body, no headers, and nothing but ky's clone for
// its afterResponse hook reads it, so one serves every call.
let okStandIn: Response | undefined;

/**
 * Reads a body that will be read anyway (all but successful streams) inside the attempt, so that
 * a connection dropped mid-body is a network failure ky can retry and ky's timeout bounds it.
 * The text and the answer are kept on the call (`state.text`, `state.answer`), so an answer is
 * decoded once. ky gets the read answer itself when it is successful and no afterResponse hook
 * will clone it, else a stand-in Response that holds the text and headers only where ky or a hook
 * reads them (an error status).
 */
async function buffered(pipeline: Pipeline, state: CallState, response: Response): Promise<Response> {
  if (state.method === 'HEAD' || (state.req.responseType === 'stream' && response.ok)) return response;
  const text = await response.text();
  state.text = text;
  state.answer = response;
  // Nothing reads a successful answer's body again unless an afterResponse hook gets a clone of it.
  if (response.ok && pipeline.config.options.auth?.onRejected === undefined) return response;
  const { status, statusText } = response;
  // The caller's headers come from the answer itself (state.answer); ky reads an error's
  // (Retry-After), so only an error's stand-in carries them.
  if (response.ok) {
    if (status !== 200 || statusText !== 'OK') return new Response(null, { status, statusText });
    // Built on first use, not at import (a runtime may have no Response until a polyfill runs).
    okStandIn ??= new Response(null, { status, statusText });
    return okStandIn;
  }
  return new Response(NO_BODY_STATUSES.has(status) ? null : text, {
    status,
    statusText,
    headers: response.headers,
  });
}

/** One attempt: to the GSQL server, or to the next healthy RESTPP host (failover). */
async function attempt(pipeline: Pipeline, state: CallState, request: Request): Promise<Response> {
  const { config, observer } = pipeline;
  if (state.service === 'gsql') {
    return buffered(pipeline, state, await sendTo(pipeline, state, request, config.gsqlUrl as string));
  }
  const failover = {
    pool: config.pool,
    onFailover: (from: string) =>
      observer.debug('tgraph failover', () => ({
        requestId: state.requestId,
        attempt: state.attempt,
        from: new URL(from).host,
      })),
  };
  return withFailover(failover, state, request.signal, async (base) =>
    buffered(pipeline, state, await sendTo(pipeline, state, request, base)),
  );
}

/**
 * The `fetch` of the connection's ky instance: one attempt of the call ky forwards as `tgraph`.
 * The answer or network error it hands ky is registered with its call, for ky's `shouldRetry`.
 */
export function connectionFetch(pipeline: Pipeline) {
  return async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    const request = input as Request;
    const state = (init as { tgraph: CallState }).tgraph;
    let response: Response;
    try {
      response = await attempt(pipeline, state, request);
    } catch (error) {
      if (request.signal.aborted || state.upload?.expired || !state.sent) throw error;
      const failure = new KyNetworkError(request, { cause: error as Error });
      pipeline.calls.set(failure, state);
      throw failure;
    }
    pipeline.calls.set(response, state);
    return response;
  };
}
