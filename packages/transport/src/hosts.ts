// RESTPP host selection for clusters: round-robin over healthy hosts, a cool-down after network failures.
import type { HostStatus } from './types.js';

export class HostPool {
  readonly #urls: readonly string[];
  readonly #cooldownMs: number;
  readonly #now: () => number;
  readonly #downUntil = new Map<string, number>();
  #next = 0;

  constructor(urls: readonly string[], cooldownMs: number, now: () => number = Date.now) {
    this.#urls = urls;
    this.#cooldownMs = cooldownMs;
    this.#now = now;
  }

  get size(): number {
    return this.#urls.length;
  }

  #healthy(url: string, at: number): boolean {
    const until = this.#downUntil.get(url);
    if (until === undefined) return true;
    if (until <= at) {
      this.#downUntil.delete(url);
      return true;
    }
    return false;
  }

  /**
   * The next host to use, skipping `exclude` (hosts this request already tried) and unhealthy ones.
   * When every candidate is cooling down, the one that recovers soonest is returned (never none).
   */
  pick(exclude: ReadonlySet<string> = new Set()): string {
    const at = this.#now();
    const n = this.#urls.length;
    for (let i = 0; i < n; i++) {
      const url = this.#urls[(this.#next + i) % n]!;
      if (exclude.has(url) || !this.#healthy(url, at)) continue;
      this.#next = (this.#next + i + 1) % n;
      return url;
    }
    const candidates = this.#urls.filter((u) => !exclude.has(u));
    const pool = candidates.length > 0 ? candidates : this.#urls;
    let best = pool[0]!;
    for (const url of pool) {
      if ((this.#downUntil.get(url) ?? 0) < (this.#downUntil.get(best) ?? 0)) best = url;
    }
    return best;
  }

  /** True when a host other than those in `exclude` is currently healthy. */
  hasHealthyOther(exclude: ReadonlySet<string>): boolean {
    const at = this.#now();
    return this.#urls.some((u) => !exclude.has(u) && this.#healthy(u, at));
  }

  markDown(url: string): void {
    if (this.#urls.length > 1) this.#downUntil.set(url, this.#now() + this.#cooldownMs);
  }

  markUp(url: string): void {
    this.#downUntil.delete(url);
  }

  status(): HostStatus[] {
    const at = this.#now();
    return this.#urls.map((url) => {
      const healthy = this.#healthy(url, at);
      return { url, healthy, downUntil: healthy ? undefined : this.#downUntil.get(url) };
    });
  }
}
