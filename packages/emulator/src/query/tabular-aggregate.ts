// The aggregators of a SQL-like SELECT column (COUNT, SUM, AVG, MIN, MAX) over one group's values.
// DISTINCT uses a value that appears more than once in the group once, compared by value: Scott's
// three transfers to Ed (20000, 800, 500) sum to 21300 in TigerGraph's answer to the tutorial's
// 2-hop GROUP BY (tigergraph/ecosys demos/guru_scripts/docker/tutorial/4.x/cypher/c7.out).
import { QueryRuntimeError } from './accum.js';
import type { Aggregator } from './ast.js';
import { binaryOp, describe } from './ops.js';
import { compare, type QV, valueKey } from './values.js';

export class AggregateState {
  private readonly seen: Set<string> | undefined;
  private n = 0;
  private acc: QV = null;

  constructor(
    private readonly fn: Aggregator,
    distinct: boolean,
  ) {
    this.seen = distinct ? new Set() : undefined;
  }

  add(v: QV): void {
    // As in SQL, a NULL is no value to aggregate.
    if (v === null) return;
    if (this.seen) {
      const k = valueKey(v);
      if (this.seen.has(k)) return;
      this.seen.add(k);
    }
    this.n++;
    if (this.fn === 'count') return;
    if (this.fn === 'min' || this.fn === 'max') {
      const c = this.acc === null ? 0 : compare(v, this.acc);
      if (this.acc === null || (this.fn === 'min' ? c < 0 : c > 0)) this.acc = v;
      return;
    }
    if (typeof v !== 'number' && typeof v !== 'bigint')
      throw new QueryRuntimeError(
        `Runtime Error: ${this.fn.toUpperCase()}() needs numbers, not ${describe(v)}.`,
      );
    this.acc = this.acc === null ? v : binaryOp('+', this.acc, v);
  }

  /** COUNT is an INT; AVG a DOUBLE; SUM keeps its values' type (INT/UINT sums print as integers). */
  value(): QV {
    if (this.fn === 'count') return BigInt(this.n);
    if (this.fn === 'avg') return this.n === 0 ? null : Number(this.acc) / this.n;
    return this.acc;
  }
}
