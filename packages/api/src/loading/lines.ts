// Cutting a byte stream into request bodies at line ends, and counting lines as bytes go by.
// A part ends at the first line end after `limitBytes` (so no line is ever split between two
// requests); memory per part is bounded by the limit plus one line.
import { AbortError } from '@tgraph/protocol/errors';
import type { ChunkSource } from './source.js';

/** Counts lines (line-end sequences, plus a final unterminated line) across chunks. */
export class LineCounter {
  lines = 0;
  bytes = 0;
  private prev = -1;
  private lastWasEol = true;
  constructor(private readonly eol: Uint8Array) {}

  /** Adds a chunk; returns how many line ends it completed. */
  add(chunk: Uint8Array): number {
    const last = this.eol[this.eol.length - 1] as number;
    const first = this.eol[0] as number;
    const two = this.eol.length === 2;
    const before = this.prev;
    let found = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b === last && (!two || (i > 0 ? chunk[i - 1] : this.prev) === first)) found++;
    }
    if (chunk.length > 0) {
      this.prev = chunk[chunk.length - 1] as number;
      this.lastWasEol = endsWithEol(chunk, this.eol, before);
    }
    this.lines += found;
    this.bytes += chunk.length;
    return found;
  }

  /** Lines including a last line without a line end. */
  get totalLines(): number {
    return this.lines + (this.bytes > 0 && !this.lastWasEol ? 1 : 0);
  }
}

function endsWithEol(chunk: Uint8Array, eol: Uint8Array, before: number): boolean {
  if (eol.length === 1) return chunk[chunk.length - 1] === eol[0];
  const penultimate = chunk.length >= 2 ? chunk[chunk.length - 2] : before;
  return chunk[chunk.length - 1] === eol[1] && penultimate === eol[0];
}

/**
 * Index just after the first line end at or after `from` in `chunk` (`prevByte` is the byte before
 * the chunk, for two-byte line ends), or -1.
 */
export function lineEndAfter(chunk: Uint8Array, from: number, eol: Uint8Array, prevByte: number): number {
  const last = eol[eol.length - 1] as number;
  for (let i = Math.max(0, from); i < chunk.length; i++) {
    if (chunk[i] !== last) continue;
    if (eol.length === 2 && (i > 0 ? chunk[i - 1] : prevByte) !== eol[0]) continue;
    return i + 1;
  }
  return -1;
}

/**
 * Hands out parts of a chunk stream: each part yields chunks until at least `limitBytes` were
 * yielded and the last one ended a line. `limitBytes` = Infinity gives one part.
 */
export class LineCutter {
  private pending: Uint8Array | undefined;
  private prevByte = -1;
  private ended = false;

  constructor(
    private readonly source: ChunkSource,
    private readonly eol: Uint8Array,
    private readonly limitBytes: number,
    private readonly signal?: AbortSignal | undefined,
  ) {}

  /** The source's next chunk; an abort stops a read that is waiting on a stalled producer. */
  private next(): Promise<IteratorResult<Uint8Array>> {
    const signal = this.signal;
    if (signal === undefined) return this.source.next();
    if (signal.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.source.cancel();
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.source.next().then(
        (r) => {
          signal.removeEventListener('abort', onAbort);
          resolve(r);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  /** True once the source is exhausted and nothing is pending. */
  get done(): boolean {
    return this.ended && this.pending === undefined;
  }

  /** Whether another part has data (pulls one chunk ahead if needed). */
  async hasMore(): Promise<boolean> {
    if (this.pending !== undefined) return true;
    if (this.ended) return false;
    const next = await this.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.pending = next.value;
    return true;
  }

  /** The next part's chunks. Consume it fully before asking for the next part. */
  async *part(): AsyncGenerator<Uint8Array> {
    let sent = 0;
    for (;;) {
      let chunk: Uint8Array;
      if (this.pending !== undefined) {
        chunk = this.pending;
        this.pending = undefined;
      } else {
        if (this.ended) return;
        const next = await this.next();
        if (next.done) {
          this.ended = true;
          return;
        }
        chunk = next.value;
      }
      if (sent + chunk.length >= this.limitBytes) {
        const cut = lineEndAfter(chunk, this.limitBytes - sent - 1, this.eol, this.prevByte);
        if (cut !== -1 && cut < chunk.length) {
          const head = chunk.subarray(0, cut);
          this.pending = chunk.subarray(cut);
          this.prevByte = head[head.length - 1] as number;
          yield head;
          return;
        }
        if (cut === chunk.length) {
          this.prevByte = chunk[chunk.length - 1] as number;
          yield chunk;
          return;
        }
      }
      sent += chunk.length;
      this.prevByte = chunk[chunk.length - 1] as number;
      yield chunk;
    }
  }

  /**
   * Stops the source early (abort or error). The producer is cancelled first, so a read pending on
   * a stalled stream settles and `return()` cannot wait on it forever.
   */
  async close(): Promise<void> {
    this.ended = true;
    this.pending = undefined;
    this.source.cancel();
    await this.source.return?.(undefined);
  }
}

/** Concatenates chunks into one array. */
export function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function abortError(signal: AbortSignal): AbortError {
  return new AbortError('The load was aborted while reading its data', {
    code: 'TG-ABORTED',
    cause: signal.reason,
  });
}
