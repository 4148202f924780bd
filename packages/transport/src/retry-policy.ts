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

/** The client's retry policy as ky's instance-wide `retry` options (statuses, backoff, Retry-After). */
export function kyRetryDefaults(retry: RetryConfig): KyRetryOptions {
  return {
    limit: retry.limit,
    methods: ALL_METHODS,
    statusCodes: [...retry.statuses],
    // Every retried status honours the server's Retry-After (capped by maxRetryAfter).
    afterStatusCodes: [...retry.statuses],
    maxRetryAfter: retry.maxDelayMs,
    backoffLimit: retry.maxDelayMs,
    delay: (attempt) => retry.baseDelayMs * 2 ** (attempt - 1),
    jitter: true,
    retryOnTimeout: false,
  };
}

/**
 * The per-call part: `limit` leaves room for the one resend after an auth refresh (a forced retry
 * in ky's terms, which skips `shouldRetry`); `shouldRetry` applies the idempotency rule and keeps
 * transient retries within the caller's limit.
 */
export function kyRetryFor(retry: RetryConfig, state: CallState, authResend: boolean): KyRetryOptions {
  const resend = authResend && state.replayable ? 1 : 0;
  return {
    limit: (mayRepeat(state) ? retry.limit : 0) + resend,
    shouldRetry: () => (mayRepeat(state) && state.retries < retry.limit ? undefined : false),
  };
}
