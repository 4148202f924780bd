// Failures become typed errors through error-mapping.ts, loaded on a connection's first failure:
// its messages and hints, the network-failure explanations and the server's code kinds are most
// of the SDK's error code, and a call that succeeds never needs them (so a browser app's first
// chunk leaves them out). The error classes themselves stay eager, for `instanceof` checks.
import { TigerGraphError } from '@tgraph/protocol/errors';
import type { BeforeErrorHook } from 'ky';
import { abortError } from './abort-error.js';
import type { CallState, Pipeline } from './call.js';
import { stateOf } from './call.js';

type Mapping = typeof import('./error-mapping.js');
let mapping: Mapping | undefined;

/** Runs `use` with the mapping: at once once it is loaded, so later failures map synchronously. */
export function withMapping<R>(use: (m: Mapping) => R): R | Promise<R> {
  if (mapping) return use(mapping);
  return import('./error-mapping.js').then((m) => {
    mapping = m;
    return use(m);
  });
}

/** Maps any failure of a call to the error its caller receives. */
export function typedError(
  pipeline: Pipeline,
  state: CallState,
  error: unknown,
): TigerGraphError | Promise<TigerGraphError> {
  if (error instanceof TigerGraphError) return error;
  if (state.req.signal?.aborted) return abortError(pipeline, state);
  return withMapping((m) => m.toTypedError(pipeline, state, error));
}

/** ky's `beforeError` (ky awaits it): every failure becomes a redacted TigerGraphError subclass. */
export function typedErrors(pipeline: Pipeline): BeforeErrorHook {
  return ({ error, options }) => typedError(pipeline, stateOf(options), error);
}
