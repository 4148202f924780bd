// Internal pieces shared by the query modules (not part of the public API).
import { ValidationError } from '@tgraph/protocol/errors';
import type { AbortOptions, ControlOptions } from '@tgraph/protocol/options';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import { queryResultsSchema } from '@tgraph/protocol/schemas/query';
import { abortOf } from '../internal/call.js';

/**
 * Per-run execution limits, sent as TigerGraph's control headers (reference §5): protocol's
 * `ControlOptions` fields, named and checked once there (`gsqlTimeoutMs` is the server's timeout;
 * the client timeout is raised to cover it).
 */
export type QueryControlOptions = Pick<
  ControlOptions,
  'gsqlTimeoutMs' | 'responseLimitBytes' | 'threadLimit' | 'memoryLimitMb' | 'replica' | 'workloadQueue'
>;

/** The RESTPP query envelope with `results` checked to be a list of PRINT objects. */
export const queryEnvelope = restppEnvelope(queryResultsSchema);

export function controlOf(options: QueryControlOptions): ControlOptions {
  return {
    gsqlTimeoutMs: options.gsqlTimeoutMs,
    responseLimitBytes: options.responseLimitBytes,
    threadLimit: options.threadLimit,
    memoryLimitMb: options.memoryLimitMb,
    replica: options.replica,
    workloadQueue: options.workloadQueue,
  };
}

export function checkQueryName(query: string): void {
  if (typeof query !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(query)) {
    throw new ValidationError(
      `Query name '${String(query)}' is not a GSQL identifier (letters, digits and underscores)`,
      { field: 'query' },
    );
  }
}

/** Waits `ms`, or less when `signal` aborts (the caller's next request then fails with AbortError). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Options for a 3.x GSQL statement run in `graph`. */
export function gsqlOptions(graph: string, options: AbortOptions) {
  return { graph, ...abortOf(options) };
}
