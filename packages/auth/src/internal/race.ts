// Waiting for credentials under the caller's signal. Apart from the exchange helpers of `http.ts`,
// which load with the first token exchange: every provider needs this from the first request.
import { AbortError } from '@tgraph/protocol/errors';

/** Rejects with an AbortError as soon as `signal` aborts; otherwise settles like `promise`. */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted)
    return Promise.reject(new AbortError('The request was aborted before credentials were ready'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError('The request was aborted while waiting for credentials'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
