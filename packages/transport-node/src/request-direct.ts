// The adapter's fast path: a fetch-shaped call on undici's `dispatch` API instead of its `fetch`.
// undici's fetch builds a WHATWG Request and runs the whole fetch algorithm per call, and its
// `request` API answers with a Node stream that a web stream would then have to wrap; `dispatch`
// goes straight to the pool and `FetchAnswer` feeds the socket's chunks into the `Response`'s body
// stream. The answer is still a WHATWG `Response` whose body streams from the socket, and failures
// keep fetch's contract, so the transport treats this path and undici's fetch alike.
import type { Dispatcher } from 'undici';
import { FetchAnswer } from './fetch-answer.js';

/** Bodies `dispatch` sends as fetch would (other kinds, e.g. FormData, go through fetch). */
export function directBody(body: unknown): boolean {
  return (
    body === undefined ||
    body === null ||
    typeof body === 'string' ||
    ArrayBuffer.isView(body) ||
    body instanceof ArrayBuffer ||
    body instanceof ReadableStream ||
    body instanceof Blob
  );
}

/** Flat `[name, value, …]` list, the cheapest header form undici takes, plus fetch's defaults. */
function flatHeaders(init: HeadersInit | undefined, body: unknown): string[] {
  const flat: string[] = [];
  let hasType = false;
  let hasEncoding = false;
  const add = (name: string, value: string) => {
    const lower = name.toLowerCase();
    if (lower === 'content-type') hasType = true;
    else if (lower === 'accept-encoding') hasEncoding = true;
    flat.push(name, value);
  };
  if (init instanceof Headers || Array.isArray(init)) {
    for (const [name, value] of init as Iterable<[string, string]>) add(name, value);
  } else if (init) {
    for (const [name, value] of Object.entries(init)) add(name, value);
  }
  if (!hasType && typeof body === 'string') flat.push('content-type', 'text/plain;charset=UTF-8');
  if (!hasType && body instanceof Blob && body.type) flat.push('content-type', body.type);
  if (!hasEncoding) flat.push('accept-encoding', 'gzip, deflate');
  return flat;
}

/** One request through `dispatcher`, answered as fetch answers. */
export function requestDirect(
  dispatcher: Dispatcher,
  input: string | URL,
  init: RequestInit | undefined,
): Promise<Response> {
  const method = init?.method ?? 'GET';
  const signal = init?.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const body = method === 'GET' || method === 'HEAD' ? null : (init?.body ?? null);
  return new Promise((resolve, reject) => {
    const answer = new FetchAnswer(method === 'HEAD', signal, resolve, reject);
    try {
      const url = typeof input === 'string' ? new URL(input) : input;
      dispatcher.dispatch(
        {
          origin: url.origin,
          path: url.search ? `${url.pathname}${url.search}` : url.pathname,
          method: method as Dispatcher.HttpMethod,
          headers: flatHeaders(init?.headers, body),
          body: body as string | null,
        },
        answer,
      );
    } catch (error) {
      answer.fail(error);
    }
  });
}
