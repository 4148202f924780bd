// Multi-host failover for RESTPP clusters, as a fetch wrapper under ky: within one ky attempt,
// a host that fails at the network level is marked down and the next healthy host is tried at
// once — for any request that is safe to repeat, and for writes only when nothing was sent.

import type { CallState } from './call.js';
import { neverSent } from './cause.js';
import type { HostPool } from './hosts.js';

export interface FailoverOptions {
  pool: HostPool;
  /** Called when the request moves to another host (for the debug log). */
  onFailover?(from: string, error: unknown): void;
}

/** Sends `send(base)` to the next healthy RESTPP host, moving on to others after network failures. */
export async function withFailover(
  options: FailoverOptions,
  state: CallState,
  signal: AbortSignal | undefined,
  send: (base: string) => Promise<Response>,
): Promise<Response> {
  const { pool } = options;
  const tried = new Set<string>();
  for (;;) {
    const base = pool.pick(tried);
    try {
      const response = await send(base);
      pool.markUp(base);
      return response;
    } catch (error) {
      if (signal?.aborted || !state.sent) throw error;
      tried.add(base);
      pool.markDown(base);
      const canRepeat = state.replayable && (state.idempotent || neverSent(error));
      if (!canRepeat || !pool.hasHealthyOther(tried)) throw error;
      options.onFailover?.(base, error);
    }
  }
}
