// The error of a call its caller's signal aborted: built where the abort is seen (before sending,
// while waiting for credentials, on failure), without loading the error mapping.
import { AbortError } from '@tgraph/protocol/errors';
import { redact } from '@tgraph/protocol/redact';
import type { CallState, Pipeline } from './call.js';
import { endpointOf } from './call.js';
import { sanitizeCause } from './cause.js';

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
