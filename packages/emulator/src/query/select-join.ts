// Conjunctive FROM (`FROM p1, p2, …`) at run time: each further pattern's matches are joined to the
// rows so far on the vertex aliases they share — the natural join of the patterns' match tables
// (TigerGraph docs, "Conjunctive Pattern Matching"). A pattern's matches from one start vertex do
// not depend on the other patterns, so a Kleene hop keeps its shortest-path semantics within its
// own pattern, and ACCUM / WHERE see one row per joined match.
import type { Hop, PathPattern, SelectBlock } from './ast.js';
import type { Interp } from './interp.js';
import { type QV, VRef, type VSet } from './values.js';

/** The matches of `hops` from `v`, with `start` bound (select.ts's path matcher). */
export type Matcher = (hops: Hop[], start: Map<string, QV>, v: VRef) => Iterable<Map<string, QV>>;

interface Step {
  pattern: PathPattern;
  /** The vertices the source names; undefined for an untyped start (`:x`, `(x)`). */
  starts: VSet | undefined;
  /** The pattern's matches per start vertex, computed once per SELECT. */
  memo: Map<string, Map<string, QV>[]>;
}

export class PatternJoin {
  private readonly steps: Step[];

  constructor(
    q: Interp,
    sel: SelectBlock,
    private readonly match: Matcher,
  ) {
    this.steps = (sel.patterns ?? []).map((pattern) => ({
      pattern,
      starts: pattern.src === undefined ? undefined : q.vsetOf(pattern.src, pattern),
      memo: new Map(),
    }));
  }

  /** Every joined row that extends one of `rows` (the first pattern's matches). */
  *extend(rows: Iterable<Map<string, QV>>): Generator<Map<string, QV>, void, void> {
    for (const b of rows) yield* this.from(b, 0);
  }

  private *from(b: Map<string, QV>, i: number): Generator<Map<string, QV>, void, void> {
    const step = this.steps[i];
    if (step === undefined) {
      yield b;
      return;
    }
    for (const m of this.candidates(step, b)) {
      const joined = merged(b, m);
      if (joined) yield* this.from(joined, i + 1);
    }
  }

  /** The pattern's matches from its bound start vertex, or from every vertex of its source. */
  private *candidates(step: Step, b: Map<string, QV>): Generator<Map<string, QV>, void, void> {
    const bound = b.get(step.pattern.srcAlias);
    if (bound instanceof VRef) {
      if (!step.starts || step.starts.m.has(bound.key)) yield* this.table(step, bound);
      return;
    }
    for (const v of step.starts?.values() ?? []) yield* this.table(step, v);
  }

  private table(step: Step, v: VRef): Map<string, QV>[] {
    let rows = step.memo.get(v.key);
    if (!rows) {
      const start = new Map<string, QV>([[step.pattern.srcAlias, v]]);
      rows = [...this.match(step.pattern.hops, start, v)];
      step.memo.set(v.key, rows);
    }
    return rows;
  }
}

/** `b` joined with `m`, or undefined when a shared vertex alias names two different vertices. */
function merged(b: Map<string, QV>, m: Map<string, QV>): Map<string, QV> | undefined {
  const out = new Map(b);
  for (const [k, v] of m) {
    const had = b.get(k);
    if (had instanceof VRef && v instanceof VRef) {
      if (had.key !== v.key) return undefined;
      continue;
    }
    out.set(k, v);
  }
  return out;
}
