// The answer of a call as the caller gets it: parsed JSON (lossless integers), text or the body
// stream; an `error: true` envelope in a 2xx answer, or a body that is not JSON, becomes an error
// (built by the error mapping, loaded on the first failure).
import type { CallState, Pipeline } from './call.js';
import { isErrorEnvelope } from './envelope.js';
import { failAnswer, jsonOf } from './typed-errors.js';
import type { TransportResponse } from './types.js';

/**
 * Builds the caller's response from a read body, or throws the error it stands for (a rejected
 * promise while the error mapping is still loading).
 */
export function answerOf<T>(
  pipeline: Pipeline,
  state: CallState,
  response: Response,
  text: string,
): TransportResponse<T> | Promise<never> {
  const { status, headers } = response;
  const { requestId } = state;
  const value = jsonOf(pipeline, state, text);
  const failed = !response.ok || isErrorEnvelope(value);
  if (failed && state.req.acceptErrors) return { status, headers, data: text as T, requestId, text };
  if (failed) return failAnswer(pipeline, state, status, text, value);
  if (state.req.responseType === 'text') return { status, headers, data: text as T, requestId, text };
  if (value === undefined && text.trim() !== '')
    return failAnswer(pipeline, state, status, text, value, true);
  return { status, headers, data: value as T, requestId, text };
}
