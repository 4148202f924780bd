// The adapter's fast path: a fetch-shaped call on undici's `request` API instead of its `fetch`.
// undici's fetch builds a WHATWG Request and runs the whole fetch algorithm per call, which costs
// more than the SDK's own pipeline; `request` goes straight to the pool. The answer is still a
// WHATWG `Response` whose body streams from the socket, and failures keep fetch's contract
// (`TypeError('fetch failed', { cause })`, the abort reason on abort) so the transport treats both
// paths alike.
import type { Dispatcher } from 'undici';
import { request } from 'undici';

/** Bodies `request` sends as fetch would (other kinds, e.g. FormData, go through fetch). */
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

// Statuses whose Response must have no body (the constructor refuses one).
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** Flat `[name, value, …]` list, the cheapest header form `request` takes, plus fetch's defaults. */
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

function responseHeaders(raw: Record<string, string | string[] | undefined>): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const name in raw) {
    const value = raw[name];
    if (Array.isArray(value)) for (const v of value) pairs.push([name, v]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
}

/** The decoder for a compressed answer (fetch decodes the codings it asked for). */
function decoding(encoding: string | string[] | undefined): CompressionFormat | undefined {
  const value = (Array.isArray(encoding) ? encoding.join(',') : (encoding ?? '')).trim().toLowerCase();
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  if (value === 'deflate') return 'deflate';
  return undefined;
}

/** Errors while the body streams read as fetch's do (`TypeError('terminated')`), cause kept. */
async function* guarded(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* body;
  } catch (error) {
    throw new TypeError('terminated', { cause: error });
  }
}

/** One request through `dispatcher`, answered as fetch answers. */
export async function requestDirect(
  dispatcher: Dispatcher,
  input: string | URL,
  init: RequestInit | undefined,
): Promise<Response> {
  const method = init?.method ?? 'GET';
  const signal = init?.signal ?? undefined;
  let body = init?.body ?? null;
  if (method === 'GET' || method === 'HEAD') body = null;
  let res: Dispatcher.ResponseData;
  try {
    res = await request(input, {
      dispatcher,
      method: method as Dispatcher.HttpMethod,
      headers: flatHeaders(init?.headers, body),
      body: body as string | null,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new TypeError('fetch failed', { cause: error });
  }
  const headers = responseHeaders(res.headers);
  const status = res.statusCode;
  if (method === 'HEAD' || NULL_BODY.has(status)) {
    await res.body.dump();
    return new Response(null, { status, headers });
  }
  // Cancelling the stream ends the generator, which destroys the socket's reader.
  let stream = (
    ReadableStream as unknown as { from(i: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> }
  ).from(guarded(res.body));
  const format = decoding(res.headers['content-encoding']);
  if (format) stream = stream.pipeThrough(new DecompressionStream(format) as never);
  return new Response(stream, { status, headers });
}
