// Runs one async task per item with at most `limit` in flight, keeping the input order.
import { ValidationError } from '@tgraph/protocol/errors';

/** Default number of requests in flight for per-id operations. */
export const DEFAULT_CONCURRENCY = 8;

export function checkConcurrency(limit: number | undefined): number {
  const n = limit ?? DEFAULT_CONCURRENCY;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ValidationError(`concurrency must be a whole number ≥ 1, got ${String(limit)}`, {
      field: 'concurrency',
    });
  }
  return n;
}

export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await task(items[i] as T, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
