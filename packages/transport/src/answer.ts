// The answer of a call as the caller gets it: parsed JSON (lossless integers), text or the body
// stream; an `error: true` envelope in a 2xx answer, or a body that is not JSON, becomes an error.
import { ResponseShapeError } from '@tgraph/protocol/errors';
import { parseJson } from '@tgraph/protocol/json';
import { redact } from '@tgraph/protocol/redact';
import type { CallState, Pipeline } from './call.js';
import { endpointOf } from './call.js';
import { isErrorEnvelope } from './classify.js';
import { answerError } from './error-mapping.js';
import { htmlError, looksLikeHtml } from './html-answer.js';
import { mayRepeat } from './retry-policy.js';
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

function notJson(pipeline: Pipeline, state: CallState, status: number, text: string) {
  const secrets = pipeline.observer.secrets(state.secrets);
  const endpoint = endpointOf(pipeline.config, state);
  if (looksLikeHtml(text)) {
    return htmlError({
      html: text,
      status,
      endpoint,
      requestId: state.requestId,
      repeatable: mayRepeat(state),
      retries: state.retries,
      secrets,
    });
  }
  return new ResponseShapeError(
    redact(
      `${state.method} ${endpoint.path} answered HTTP ${status} with a body that is not JSON (starts with '${text.trim().slice(0, 80)}'); check that the URL points at RESTPP or the GSQL server and not at another service or proxy`,
      secrets,
    ),
    { code: 'TG-NOT-JSON', status, endpoint, requestId: state.requestId },
  );
}

/** Builds the caller's response from a read body, or throws the error it stands for. */
export function answerOf<T>(
  pipeline: Pipeline,
  state: CallState,
  response: Response,
  text: string,
): TransportResponse<T> {
  const { status, headers } = response;
  const { requestId } = state;
  const parsed = parse(pipeline, state, text);
  const failed = !response.ok || (parsed.ok && isErrorEnvelope(parsed.value));
  if (failed && state.req.acceptErrors) return { status, headers, data: text as T, requestId, text };
  if (failed) throw answerError(pipeline, state, status, text);
  if (state.req.responseType === 'text') return { status, headers, data: text as T, requestId, text };
  if (!parsed.ok && text.trim() !== '') throw notJson(pipeline, state, status, text);
  return { status, headers, data: parsed.value as T, requestId, text };
}
