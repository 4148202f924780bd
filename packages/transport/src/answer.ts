// The answer of a call as the caller gets it: parsed JSON (lossless integers), text or the body
// stream; an `error: true` envelope in a 2xx answer, or a body that is not JSON, becomes an error
// (built by the error mapping, loaded on the first failure).
import { parseJson } from '@tgraph/protocol/json';
import type { CallState, Pipeline } from './call.js';
import { isErrorEnvelope } from './envelope.js';
import { withMapping } from './typed-errors.js';
import type { TransportResponse } from './types.js';

function parse(pipeline: Pipeline, state: CallState, text: string): { ok: boolean; value: unknown } {
  if (text.trim() === '') return { ok: false, value: undefined };
  try {
    return {
      ok: true,
      value: parseJson(text, { integers: state.req.integers ?? pipeline.config.options.integers }),
    };
  } catch {
    return { ok: false, value: undefined };
  }
}

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
  const parsed = parse(pipeline, state, text);
  const failed = !response.ok || (parsed.ok && isErrorEnvelope(parsed.value));
  if (failed && state.req.acceptErrors) return { status, headers, data: text as T, requestId, text };
  if (failed) {
    return withMapping((m) => {
      throw m.answerError(pipeline, state, status, text);
    });
  }
  if (state.req.responseType === 'text') return { status, headers, data: text as T, requestId, text };
  if (!parsed.ok && text.trim() !== '') {
    return withMapping((m) => {
      throw m.notJson(pipeline, state, status, text);
    });
  }
  return { status, headers, data: parsed.value as T, requestId, text };
}
