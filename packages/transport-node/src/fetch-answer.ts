// The dispatch handler behind the adapter's fast path: it turns undici's low-level callbacks into
// what fetch answers. The `Response` is made when the headers arrive and its body is a web stream
// fed straight from the socket's chunks (no Node stream in between), with backpressure: the socket
// pauses once 64 KiB wait unread. Failures keep fetch's contract: `TypeError('fetch failed',
// { cause })` before the headers, the abort reason on abort, `TypeError('terminated', { cause })`
// while the body streams.
import type { Dispatcher } from 'undici';
import { errors } from 'undici';

// Statuses whose Response must have no body (the constructor refuses one).
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
// As much unread body as undici's own body stream buffers before pausing the socket.
const HIGH_WATER_MARK = 64 * 1024;

type RawHeaders = Record<string, string | string[] | undefined>;

function responseHeaders(raw: RawHeaders): Array<[string, string]> {
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

export class FetchAnswer implements Dispatcher.DispatchHandler {
  #dispatch: Dispatcher.DispatchController | undefined;
  #sink: ReadableStreamDefaultController<Uint8Array> | undefined;
  // Set once the caller has a Response (or a rejection), and once the body is finished.
  #answered = false;
  #finished = false;
  // A body-less answer (HEAD, 204, …) is returned when it ends, as the dumped body was before.
  #bodyless: ResponseInit | undefined;
  readonly #onAbort = () => this.#abort();
  private readonly head: boolean;
  private readonly signal: AbortSignal | undefined;
  private readonly resolve: (response: Response) => void;
  private readonly reject: (error: unknown) => void;

  constructor(
    head: boolean,
    signal: AbortSignal | undefined,
    resolve: (response: Response) => void,
    reject: (error: unknown) => void,
  ) {
    this.head = head;
    this.signal = signal;
    this.resolve = resolve;
    this.reject = reject;
    signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** Fails the call that has no answer yet: dispatch threw, or the request failed before its headers. */
  fail(error: unknown): void {
    this.#finish();
    if (this.#answered) return;
    this.#answered = true;
    this.reject(this.signal?.aborted ? this.signal.reason : new TypeError('fetch failed', { cause: error }));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#dispatch = controller;
    if (this.signal?.aborted) controller.abort(this.signal.reason);
  }

  onResponseStart(_c: Dispatcher.DispatchController, status: number, raw: RawHeaders): void {
    const init = { status, headers: responseHeaders(raw) };
    if (this.head || NULL_BODY.has(status)) {
      this.#bodyless = init;
      return;
    }
    let body = new ReadableStream<Uint8Array>(
      {
        start: (sink) => {
          this.#sink = sink;
        },
        pull: () => this.#dispatch?.resume(),
        // Cancelling the body closes the request, as destroying undici's body stream did.
        cancel: (reason) => {
          if (this.#finished) return;
          this.#finish();
          this.#dispatch?.abort(reason instanceof Error ? reason : new errors.RequestAbortedError());
        },
      },
      { highWaterMark: HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
    );
    const format = decoding(raw['content-encoding']);
    if (format) body = body.pipeThrough(new DecompressionStream(format) as never);
    this.#answer(new Response(body, init));
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Uint8Array): void {
    const sink = this.#sink;
    if (sink === undefined || this.#finished) return;
    sink.enqueue(chunk);
    if ((sink.desiredSize ?? 0) <= 0) controller.pause();
  }

  onResponseEnd(): void {
    if (this.#finished) return;
    this.#finish();
    if (this.#bodyless) this.#answer(new Response(null, this.#bodyless));
    else this.#sink?.close();
  }

  onResponseError(_c: Dispatcher.DispatchController, error: Error): void {
    if (!this.#answered) {
      this.fail(error);
      return;
    }
    if (this.#finished) return;
    this.#finish();
    this.#sink?.error(new TypeError('terminated', { cause: error }));
  }

  #answer(response: Response): void {
    this.#answered = true;
    this.resolve(response);
  }

  #abort(): void {
    const reason = this.signal?.reason;
    if (!this.#answered) {
      this.#answered = true;
      this.reject(reason);
    }
    this.#dispatch?.abort(reason);
  }

  #finish(): void {
    this.#finished = true;
    this.signal?.removeEventListener('abort', this.#onAbort);
  }
}
