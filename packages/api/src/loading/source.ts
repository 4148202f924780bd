// Loading data sources, normalised to one async sequence of byte chunks. Nothing here reads a
// source whole: streams and iterables are pulled chunk by chunk, Blobs through `blob.stream()`,
// and in-memory strings are encoded in bounded slices.

/**
 * Data for a loading job: text, bytes, a `Blob`/`File`, a WHATWG `ReadableStream`, or any
 * (async) iterable of chunks — a Node `Readable` is one.
 */
export type LoadDataSource =
  | string
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array | string>
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>;

const STRING_SLICE = 1 << 20; // UTF-16 code units encoded per step

/** True for sources that are already whole in memory (sent without a stream). */
export function isInMemory(source: LoadDataSource): source is string | Uint8Array | ArrayBuffer {
  return typeof source === 'string' || source instanceof Uint8Array || source instanceof ArrayBuffer;
}

/** A source's chunks, with a way to stop the producer even while a read is pending. */
export interface ChunkSource extends AsyncIterator<Uint8Array> {
  /** Stops the producer now: cancels a stream's reader or destroys a Node stream. */
  cancel(): void;
}

/** The source as an async iterator of byte chunks. */
export function chunksOf(source: LoadDataSource): ChunkSource {
  const readers: ReadableStreamDefaultReader<Uint8Array | string>[] = [];
  const iterator = bytes(source, readers)[Symbol.asyncIterator]();
  return Object.assign(iterator, {
    cancel(): void {
      // A pending `reader.read()` settles as done once the reader is cancelled; a Node stream's
      // pending iteration ends when it is destroyed. Other iterables cannot be interrupted.
      for (const reader of readers) reader.cancel().catch(() => undefined);
      const destroy = (source as { destroy?: unknown }).destroy;
      if (typeof destroy === 'function') (destroy as () => void).call(source);
    },
  });
}

/** Size of the one buffer {@link scannedChunksOf} reads a Blob into. */
const SCAN_BUFFER_BYTES = 256 * 1024;

/**
 * A Blob's bytes for a consumer that only looks at each chunk (finds line ends, counts lines) before
 * asking for the next one: read with a BYOB reader into one reused buffer, so reading a large File
 * leaves no garbage behind (measured in Chromium: +11 MiB instead of +87 MiB for a 100 MB File).
 * A chunk is only valid until the next `next()`. Falls back to {@link chunksOf} where a Blob's
 * stream has no BYOB reader.
 */
export function scannedChunksOf(blob: Blob): ChunkSource {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = blob.stream().getReader({ mode: 'byob' });
  } catch {
    return chunksOf(blob);
  }
  let buffer: ArrayBuffer | undefined = new ArrayBuffer(SCAN_BUFFER_BYTES);
  const finish = (): IteratorResult<Uint8Array> => {
    buffer = undefined;
    reader.releaseLock();
    return { done: true, value: undefined };
  };
  return {
    async next(): Promise<IteratorResult<Uint8Array>> {
      if (buffer === undefined) return { done: true, value: undefined };
      const { done, value } = await reader.read(new Uint8Array(buffer));
      if (done || value === undefined) return finish();
      buffer = value.buffer as ArrayBuffer;
      return { done: false, value };
    },
    async return(): Promise<IteratorResult<Uint8Array>> {
      if (buffer !== undefined) {
        await reader.cancel().catch(() => undefined);
        return finish();
      }
      return { done: true, value: undefined };
    },
    cancel(): void {
      reader.cancel().catch(() => undefined);
    },
  };
}

async function* bytes(
  source: LoadDataSource,
  readers: ReadableStreamDefaultReader<Uint8Array | string>[],
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  if (typeof source === 'string') {
    yield* encodeString(source, encoder);
    return;
  }
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (source instanceof ArrayBuffer) {
    yield new Uint8Array(source);
    return;
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    yield* fromStream(source.stream(), encoder, readers);
    return;
  }
  if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    yield* fromStream(source as ReadableStream<Uint8Array | string>, encoder, readers);
    return;
  }
  if (typeof source === 'object' && source !== null && Symbol.asyncIterator in source) {
    for await (const chunk of source as AsyncIterable<Uint8Array | string>) yield* toBytes(chunk, encoder);
    return;
  }
  if (typeof source === 'object' && source !== null && Symbol.iterator in source) {
    for (const chunk of source as Iterable<Uint8Array | string>) yield* toBytes(chunk, encoder);
    return;
  }
  throw new TypeError('unsupported data source');
}

async function* fromStream(
  stream: ReadableStream<Uint8Array | string>,
  encoder: TextEncoder,
  readers: ReadableStreamDefaultReader<Uint8Array | string>[],
): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  readers.push(reader);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield* toBytes(value, encoder);
    }
  } finally {
    // Stops the producer when the upload ends early (abort, server error).
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function* toBytes(chunk: Uint8Array | string | ArrayBuffer, encoder: TextEncoder): Generator<Uint8Array> {
  if (typeof chunk === 'string') yield* encodeString(chunk, encoder);
  else if (chunk instanceof Uint8Array) {
    if (chunk.byteLength > 0) yield chunk;
  } else if (chunk instanceof ArrayBuffer) {
    if (chunk.byteLength > 0) yield new Uint8Array(chunk);
  } else {
    throw new TypeError(`a data chunk must be a string or bytes, got ${typeof chunk}`);
  }
}

function* encodeString(text: string, encoder: TextEncoder): Generator<Uint8Array> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + STRING_SLICE);
    // Never split a surrogate pair between two slices.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1] as string)) end--;
    yield encoder.encode(text.slice(start, end));
    start = end;
  }
}

/** Describes a source for error messages. */
export function describeSource(source: unknown): string {
  if (source === null) return 'null';
  if (typeof source !== 'object') return typeof source;
  return (source as object).constructor?.name ?? 'object';
}

/** True when `source` is one of the accepted kinds. */
export function isLoadDataSource(source: unknown): source is LoadDataSource {
  if (typeof source === 'string' || source instanceof Uint8Array || source instanceof ArrayBuffer)
    return true;
  if (typeof source !== 'object' || source === null) return false;
  if (typeof Blob !== 'undefined' && source instanceof Blob) return true;
  if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) return true;
  return Symbol.asyncIterator in source || Symbol.iterator in source;
}
