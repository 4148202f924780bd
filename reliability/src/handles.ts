// Leak checks for tests: open sockets and timers (process.getActiveResourcesInfo()) compared with
// a baseline, and every unhandled rejection raised while a scenario ran.

/** The resource kinds that show a leaked connection or timer. */
export const LEAK_KINDS = ['TCPSocketWrap', 'TCPWRAP', 'Timeout', 'Immediate', 'TLSWrap'] as const;

export type ResourceCounts = Record<string, number>;

/** How many of each active resource kind this thread has right now. */
export function resourceCounts(): ResourceCounts {
  const counts: ResourceCounts = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** The kinds (of `LEAK_KINDS`) that have more active resources now than in `baseline`, with the excess. */
export function excessOver(baseline: ResourceCounts, now: ResourceCounts = resourceCounts()): ResourceCounts {
  const excess: ResourceCounts = {};
  for (const kind of LEAK_KINDS) {
    const extra = (now[kind] ?? 0) - (baseline[kind] ?? 0);
    if (extra > 0) excess[kind] = extra;
  }
  return excess;
}

/**
 * Waits (bounded: up to `attempts` turns of `stepMs`) for sockets and timers to drop back to
 * `baseline` — closing sockets take a few event-loop turns — and returns what is still in excess
 * (`{}` when nothing leaked).
 */
export async function leaksAfter(
  baseline: ResourceCounts,
  attempts = 40,
  stepMs = 25,
): Promise<ResourceCounts> {
  let excess = excessOver(baseline);
  for (let i = 0; i < attempts && Object.keys(excess).length > 0; i++) {
    await new Promise<void>((resolve) => {
      // unref: the wait itself must not count as (or keep alive) a leaked timer.
      setTimeout(resolve, stepMs).unref();
    });
    excess = excessOver(baseline);
  }
  return excess;
}

/** Collects unhandled promise rejections until `stop()`; returns them (the process handler is removed). */
export function watchUnhandledRejections(): { stop(): unknown[] } {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', onRejection);
  return {
    stop() {
      process.off('unhandledRejection', onRejection);
      return seen;
    },
  };
}
