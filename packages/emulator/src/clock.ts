// A clock the tests can move: token expiry reads it instead of Date.now().

export interface EmulatorClock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
}

/** Real time plus an offset that `advance` grows. */
export function createClock(start?: number): EmulatorClock {
  let offset = start === undefined ? 0 : start - Date.now();
  return {
    now: () => Date.now() + offset,
    advance: (ms: number) => {
      offset += ms;
    },
  };
}
