// The bulk-write engine behind upsertVerticesInBatches and upsertEdgesInBatches: pulls items from an
// array, iterable or async iterable, cuts them into batches by item count and payload bytes, sends
// at most `concurrency` batches at once (the input is not read further while that many are in
// flight, so memory stays near concurrency × batchBytes whatever the input size), reports progress
// and keeps one result per batch.
import { TigerGraphError, ValidationError } from '@tgraph/protocol/errors';

/** How a bulk write is cut and sent. */
export interface BatchOptions {
  /** Most items per request. Default 5 000. */
  batchSize?: number | undefined;
  /** Most payload bytes per request (an item larger than this goes alone). Default 4 MiB. */
  batchBytes?: number | undefined;
  /** Requests in flight at once. Default 4. */
  concurrency?: number | undefined;
  /** Called after every finished batch (successful or not). */
  onProgress?: ((progress: BatchProgress) => void) | undefined;
  /**
   * Keep sending after a batch fails; its error is in its {@link BatchResult}. Default false: the
   * first failure stops reading the input and, once the batches in flight settle, rejects the call.
   */
  continueOnError?: boolean | undefined;
}

/** Progress of a bulk write so far. */
export interface BatchProgress {
  /** Items in finished batches (successful or not). */
  itemsDone: number;
  /** Items in batches that failed. */
  itemsFailed: number;
  /** Batches finished. */
  batchesDone: number;
  /** Payload bytes of the finished batches. */
  bytesDone: number;
}

/** What one batch did. `firstItem` is the input position of its first item. */
export interface BatchResult<S> {
  index: number;
  firstItem: number;
  items: number;
  bytes: number;
  /** The server's summary when the batch succeeded. */
  summary?: S | undefined;
  /** Why the batch failed (with `continueOnError`). */
  error?: TigerGraphError | undefined;
}

/**
 * Collects one batch's payload: `prepare` checks and encodes an item and returns its size in
 * bytes; `commit` adds the prepared item to the current batch; `take` returns the batch's payload
 * text and starts a new batch.
 */
export interface BatchBuilder<T> {
  /** Bytes of the payload around the items (counted in every batch). */
  readonly envelopeBytes: number;
  prepare(item: T, index: number): number;
  commit(): void;
  take(): string;
}

export const DEFAULT_BATCH_SIZE = 5_000;
export const DEFAULT_BATCH_BYTES = 4 * 1024 * 1024;
export const DEFAULT_BATCH_CONCURRENCY = 4;

function wholeAtLeastOne(value: number | undefined, fallback: number, field: string): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ValidationError(`${field} must be a whole number ≥ 1, got ${String(value)}`, { field });
  }
  return n;
}

/** Checks the batch options up front, so a bad option never sends a request. */
export function checkBatchOptions(options: BatchOptions): {
  batchSize: number;
  batchBytes: number;
  concurrency: number;
  continueOnError: boolean;
} {
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new ValidationError('onProgress must be a function', { field: 'onProgress' });
  }
  return {
    batchSize: wholeAtLeastOne(options.batchSize, DEFAULT_BATCH_SIZE, 'batchSize'),
    batchBytes: wholeAtLeastOne(options.batchBytes, DEFAULT_BATCH_BYTES, 'batchBytes'),
    concurrency: wholeAtLeastOne(options.concurrency, DEFAULT_BATCH_CONCURRENCY, 'concurrency'),
    continueOnError: options.continueOnError === true,
  };
}

/** Whether `value` can be read item by item (array, iterable or async iterable; not a string). */
export function isItemSource(value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  return (
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' ||
    typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
  );
}

/** Runs a bulk write; resolves with one result per batch, in batch order. */
export async function runBatches<T, S>(
  items: Iterable<T> | AsyncIterable<T>,
  builder: BatchBuilder<T>,
  send: (payload: string) => Promise<S>,
  options: BatchOptions,
): Promise<BatchResult<S>[]> {
  const { batchSize, batchBytes, concurrency, continueOnError } = checkBatchOptions(options);
  const results: BatchResult<S>[] = [];
  const progress: BatchProgress = { itemsDone: 0, itemsFailed: 0, batchesDone: 0, bytesDone: 0 };
  const inFlight = new Set<Promise<void>>();
  let firstError: unknown;

  const launch = (firstItem: number, count: number, bytes: number) => {
    const payload = builder.take();
    const result: BatchResult<S> = { index: results.length, firstItem, items: count, bytes };
    results.push(result);
    const run = send(payload).then(
      (summary) => {
        result.summary = summary;
      },
      (error: unknown) => {
        if (!(error instanceof TigerGraphError)) throw error;
        result.error = error;
        progress.itemsFailed += count;
        if (!continueOnError) firstError ??= error;
      },
    );
    const tracked: Promise<void> = run
      .catch((error: unknown) => {
        firstError ??= error;
      })
      .finally(() => {
        inFlight.delete(tracked);
        progress.itemsDone += count;
        progress.batchesDone++;
        progress.bytesDone += bytes;
        options.onProgress?.({ ...progress });
      });
    inFlight.add(tracked);
  };

  let index = 0;
  let first = 0;
  let count = 0;
  let bytes = builder.envelopeBytes;
  const flush = async () => {
    // Backpressure: read no further input while `concurrency` batches are in flight.
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (firstError === undefined) launch(first, count, bytes);
    first = index;
    count = 0;
    bytes = builder.envelopeBytes;
  };
  /** Takes one item; returns a promise only when a batch had to be sent first. */
  const take = (item: T): Promise<void> | undefined => {
    const size = builder.prepare(item, index);
    let waiting: Promise<void> | undefined;
    if (count > 0 && bytes + size > batchBytes) waiting = flush();
    const commit = () => {
      builder.commit();
      index++;
      count++;
      bytes += size;
      if (count >= batchSize) return flush();
      return undefined;
    };
    return waiting === undefined ? commit() : waiting.then(commit);
  };
  try {
    if (typeof (items as Iterable<T>)[Symbol.iterator] === 'function') {
      // Arrays and sync iterables: no await per item, only when a batch waits for a free slot.
      for (const item of items as Iterable<T>) {
        if (firstError !== undefined) break;
        const wait = take(item);
        if (wait !== undefined) await wait;
      }
    } else {
      for await (const item of items as AsyncIterable<T>) {
        if (firstError !== undefined) break;
        const wait = take(item);
        if (wait !== undefined) await wait;
      }
    }
    if (count > 0 && firstError === undefined) await flush();
  } finally {
    // Never leave a request running behind a settled call.
    await Promise.all(inFlight);
  }
  if (firstError !== undefined) throw firstError;
  return results;
}
