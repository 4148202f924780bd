// TigerGraph's rules for repeating a request, expressed as ky's `retry` options: which requests
// may be repeated (the idempotency rules for POST), which statuses, how long to wait.
import type { RetryOptions as KyRetryOptions } from 'ky';
import type { CallState } from './call.js';
import type { RetryConfig } from './options.js';
import type { HttpMethod, TransportRequest } from './types.js';

const IDEMPOTENT_METHODS = new Set<string>(['GET', 'HEAD', 'OPTIONS', 'DELETE']);
// ky checks `methods` before `shouldRetry`; the per-request rule lives in `shouldRetry`.
const ALL_METHODS: NonNullable<KyRetryOptions['methods']> = [
  'get',
  'head',
  'options',
  'delete',
  'post',
  'put',
  'patch',
];

/** Safe to repeat: GET, HEAD, OPTIONS and DELETE, or any request marked `idempotent: true`. */
export function isIdempotent(req: TransportRequest, method: HttpMethod): boolean {
  return req.idempotent ?? IDEMPOTENT_METHODS.has(method);
}

/** Whether ky may repeat this call at all: never a streamed body (it is gone), never a write not marked safe. */
export function mayRepeat(state: CallState): boolean {
  return state.replayable && state.idempotent;
}

/**
 * The client's retry policy as ky's instance-wide `retry` options (statuses, backoff, Retry-After).
 * With `callOf` (the call an error belongs to), the instance also holds `limit` and `shouldRetry`
 * for the usual call, so most calls pass ky no `retry` of their own (see kyRetryFor).
 */
export function kyRetryDefaults(
  retry: RetryConfig,
  authResend = false,
  callOf?: (error: unknown) => CallState | undefined,
): KyRetryOptions {
  return {
    limit: retry.limit + (authResend ? 1 : 0),
    methods: ALL_METHODS,
    statusCodes: [...retry.statuses],
    // Every retried status honours the server's Retry-After (capped by maxRetryAfter).
    afterStatusCodes: [...retry.statuses],
    maxRetryAfter: retry.maxDelayMs,
    backoffLimit: retry.maxDelayMs,
    delay: (attempt) => retry.baseDelayMs * 2 ** (attempt - 1),
    jitter: true,
    retryOnTimeout: false,
    // An error of no known call (ky's own timeout) is not retried, as retryOnTimeout says anyway.
    ...(callOf ? { shouldRetry: ({ error }) => transientRetry(retry, callOf(error)) } : {}),
  };
}

/** `shouldRetry`'s answer: ky's checks (`undefined`) for a call that may repeat within its limit, else no. */
function transientRetry(retry: RetryConfig, state: CallState | undefined): false | undefined {
  return state !== undefined && mayRepeat(state) && state.retries < retry.limit ? undefined : false;
}

/** ky's `limit` for a call: none for calls that may not repeat, plus the one resend after an auth refresh. */
export function callRetryLimit(retry: RetryConfig, state: CallState, authResend: boolean): number {
  const resend = authResend && state.replayable ? 1 : 0;
  return (mayRepeat(state) ? retry.limit : 0) + resend;
}

/**
 * The per-call part: `limit` leaves room for the one resend after an auth refresh (a forced retry
 * in ky's terms, which skips `shouldRetry`); `shouldRetry` applies the idempotency rule and keeps
 * transient retries within the caller's limit. The transport passes it only to calls whose limit
 * differs from the instance's (writes that may not be repeated, streamed bodies).
 */
export function kyRetryFor(retry: RetryConfig, state: CallState, authResend: boolean): KyRetryOptions {
  return {
    limit: callRetryLimit(retry, state, authResend),
    shouldRetry: () => transientRetry(retry, state),
  };
}
