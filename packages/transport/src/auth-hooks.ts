// The auth provider plugged into ky's hooks: `beforeRequest` (and `beforeRetry`, for the next
// attempt) add its headers; `afterResponse` does one refresh and resend when the server rejected
// or expired the credentials.
import { AuthError, TigerGraphError } from '@tgraph/protocol/errors';
import { parseJson } from '@tgraph/protocol/json';
import type { AuthProvider, AuthRequestContext } from '@tgraph/protocol/options';
import { redact } from '@tgraph/protocol/redact';
import ky, {
  type AfterResponseHook,
  type BeforeRequestHook,
  type BeforeRetryHook,
  isForceRetryError,
} from 'ky';
import { abortError } from './abort-error.js';
import type { CallState, Pipeline } from './call.js';
import { endpointOf, stateOf } from './call.js';
import { sanitizeCause } from './cause.js';
import { checkHeaders, hasHeader } from './encoding.js';
import { envelopeCode } from './envelope.js';
import { credentialOf } from './redaction.js';

const AUTH_REJECTION_CODES = new Set(['REST-10016', 'REST-10019']);

function contextFor(pipeline: Pipeline, state: CallState): AuthRequestContext {
  const { options } = pipeline.config;
  return {
    service: state.service,
    line: state.req.line ?? options.line,
    graph: state.req.graph ?? options.graph,
    requester: pipeline.requester,
    signal: state.req.signal,
  };
}

function providerFailure(pipeline: Pipeline, state: CallState, auth: AuthProvider, error: unknown) {
  if (error instanceof TigerGraphError) return error;
  if (state.req.signal?.aborted) return abortError(pipeline, state);
  const secrets = pipeline.observer.secrets(state.secrets);
  const endpoint = endpointOf(pipeline.config, state);
  return new AuthError(
    redact(
      `the ${auth.kind} auth provider could not supply credentials for ${state.method} ${endpoint.path}: ${(error as Error)?.message ?? String(error)}`,
      secrets,
    ),
    { code: 'TG-AUTH-PROVIDER', endpoint, requestId: state.requestId, cause: sanitizeCause(error, secrets) },
  );
}

/** Asks the provider for this attempt's headers and keeps them for it (per-request headers win). */
async function applyAuth(pipeline: Pipeline, auth: AuthProvider, state: CallState) {
  const context = contextFor(pipeline, state);
  state.authContext = context;
  let provided: Record<string, string>;
  try {
    provided = await auth.headers(context);
  } catch (error) {
    throw providerFailure(pipeline, state, auth, error);
  }
  const own = state.req.headers;
  const headers: Record<string, string> = {};
  for (const name in provided) {
    if (own !== undefined && hasHeader(own, name)) continue;
    headers[name] = String(provided[name]);
    const credential = /^authorization$/i.test(name) ? credentialOf(headers[name]) : undefined;
    if (credential) state.secrets.push(credential);
  }
  // Refused here, before anything is sent, as a Headers object would (TG-BAD-REQUEST).
  checkHeaders(headers);
  state.authHeaders = headers;
}

export function authBeforeRequest(pipeline: Pipeline): BeforeRequestHook {
  const auth = pipeline.config.options.auth;
  // Not async: ky awaits what a hook returns, so a call without credentials costs no promise.
  return ({ options }) => {
    const state = stateOf(options);
    if (auth && !state.req.skipAuth) return applyAuth(pipeline, auth, state);
    return undefined;
  };
}

/** Before each retry: count it, log it, and give the next attempt fresh credentials. */
export function authBeforeRetry(pipeline: Pipeline): BeforeRetryHook {
  const auth = pipeline.config.options.auth;
  return async ({ options, error, retryCount }) => {
    const state = stateOf(options);
    if (!isForceRetryError(error)) state.retries++;
    pipeline.observer.debug('tgraph retry', () => ({
      requestId: state.requestId,
      attempt: state.attempt,
      retry: retryCount,
    }));
    if (auth && !state.req.skipAuth) await applyAuth(pipeline, auth, state);
  };
}

async function rejectionCode(response: Response): Promise<string | undefined> {
  try {
    return envelopeCode(parseJson(await response.text()));
  } catch {
    return undefined;
  }
}

/** One refresh and resend after 401/403 or REST-10016/10019, when the provider can refresh. */
export function authAfterResponse(pipeline: Pipeline, auth: AuthProvider): AfterResponseHook {
  // Not async: a successful answer (nearly every one) returns at once, without a promise.
  return ({ response, options }) => {
    const state = stateOf(options);
    if (response.ok || state.req.skipAuth || state.authResent || !state.replayable) return undefined;
    return refreshAndResend(pipeline, auth, state, response);
  };
}

async function refreshAndResend(
  pipeline: Pipeline,
  auth: AuthProvider,
  state: CallState,
  response: Response,
) {
  const code = await rejectionCode(response);
  const rejected = response.status === 401 || response.status === 403 || AUTH_REJECTION_CODES.has(code ?? '');
  if (!rejected || !auth.onRejected) return undefined;
  state.authResent = true;
  let again: boolean;
  try {
    // The same context object headers() got: the provider keys what it sent (which token) by it.
    again = await auth.onRejected(state.authContext ?? contextFor(pipeline, state), code);
  } catch (error) {
    if (error instanceof TigerGraphError) throw error;
    const secrets = pipeline.observer.secrets(state.secrets);
    const endpoint = endpointOf(pipeline.config, state);
    throw new AuthError(
      redact(
        `re-authentication failed after ${state.method} ${endpoint.path} was rejected: ${(error as Error)?.message ?? String(error)}`,
        secrets,
      ),
      {
        code: code ?? 'TG-AUTH-PROVIDER',
        status: response.status,
        endpoint,
        requestId: state.requestId,
        cause: sanitizeCause(error, secrets),
      },
    );
  }
  if (!again) return undefined;
  pipeline.observer.debug('tgraph auth resend', () => ({ requestId: state.requestId, code }));
  return ky.retry({ delay: 0, code: 'TG-AUTH-RESEND' });
}
