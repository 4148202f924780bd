// SELECT's SAMPLE clause.
//
// SAMPLE (https://docs.tigergraph.com/gsql-ref/4.2/querying/select-statement/#_sample):
//   SAMPLE (expr | expr "%") EDGE WHEN condition  — that many (or that percent of) edges per source
//   SAMPLE expr TARGET WHEN condition             — that many distinct targets per source, with all
//                                                    of the source's edges to each sampled target
//   SAMPLE expr "%" TARGET PINNED WHEN condition  — in the grammar only: refused (targetForm below)
// A source whose WHEN condition is false keeps all its edges. The docs limit the condition to a
// function of a vertex compared with > or >= to a number, and list SAMPLE as a known issue in
// SYNTAX V2 ("write your query in syntax V1"), so the emulator accepts it under SYNTAX V1 only.
import type { GsqlSyntaxError, Token } from '../gsql/lexer.js';
import type { Cursor } from '../gsql/parser-base.js';
import { QueryRuntimeError } from './accum.js';
import { type Expr, hopsOf, type Pos, type SampleClause, type SelectBlock } from './ast.js';
import type { Interp } from './interp.js';
import type { QV, VRef } from './values.js';

export interface ClauseHost {
  c: Cursor;
  expr(): Expr;
  /** An operand without binary operators, so `33%` is not read as `33 % EDGE`. */
  operand(): Expr;
  unsupported(what: string, t?: Token): never;
  semantic(msg: string, at: Pos): GsqlSyntaxError;
  syntax: string | undefined;
}

/** `SAMPLE …` after FROM; the cursor is on SAMPLE. */
export function parseSample(h: ClauseHost, sel: SelectBlock): SampleClause {
  const c = h.c;
  const at = c.peek();
  if (h.syntax !== 'v1')
    h.unsupported('SAMPLE clauses outside SYNTAX V1 (TigerGraph supports them in V1 only)', at);
  if (hopsOf(sel).length !== 1) h.unsupported('SAMPLE on a pattern without exactly one edge step', at);
  c.next();
  const size = h.operand();
  const percent = c.acceptPunct('%');
  let by: 'edge' | 'target';
  if (c.acceptKw('EDGE')) by = 'edge';
  else if (c.acceptKw('TARGET')) by = 'target';
  else throw c.error();
  if (by === 'target') targetForm(h, percent, at);
  c.expectKw('WHEN');
  const wt = c.peek();
  const when = h.expr();
  // The docs: "limited strictly to checking if the result of a function call on a vertex is
  // greater than or greater than/equal to some number".
  if (!(when.k === 'bin' && (when.op === '>' || when.op === '>=') && when.l.k === 'method'))
    throw h.semantic('the WHEN condition of SAMPLE must compare a vertex function with > or >=', wt);
  return { size, percent, by, when };
}

/**
 * The docs' grammar has `SAMPLE expr TARGET WHEN …` and `SAMPLE expr "%" TARGET PINNED WHEN …`: a
 * percent of targets is always PINNED, a count never is. What PINNED does is not documented, so the
 * emulator refuses it rather than guess; the other mixes are syntax errors, as in GSQL's grammar.
 */
function targetForm(h: ClauseHost, percent: boolean, at: Token): void {
  const pinned = h.c.isKw('PINNED');
  if (percent && !pinned) throw h.c.error();
  if (!percent && pinned) throw h.c.error();
  if (pinned)
    h.unsupported('SAMPLE … % TARGET PINNED (TigerGraph does not document what PINNED samples)', at);
}

/** The matches of one source vertex that a SAMPLE clause keeps. */
export function sampleMatches(
  q: Interp,
  sel: SelectBlock,
  s: VRef,
  all: Map<string, QV>[],
): Map<string, QV>[] {
  const sample = sel.sample;
  if (!sample) return all;
  const when = q.withScope(new Map<string, QV>([[sel.srcAlias, s]]), () => q.truthy(q.ev(sample.when)));
  if (!when) return all;
  const raw = Number(q.ev(sample.size));
  if (!Number.isInteger(raw) || raw <= 0)
    throw new QueryRuntimeError(`Runtime Error: the SAMPLE size must be a positive integer, not ${raw}.`);
  if (sample.by === 'edge') {
    const n = sample.percent ? Math.round((all.length * raw) / 100) : raw;
    return pick(all, n);
  }
  // TARGET: sample distinct target vertices; every edge to a sampled target stays.
  const alias = sel.hop?.targetAlias ?? '';
  const keyOf = (b: Map<string, QV>) => (b.get(alias) as VRef).key;
  const chosen = new Set(pick([...new Set(all.map(keyOf))], raw));
  return all.filter((b) => chosen.has(keyOf(b)));
}

/** `n` items of `xs` drawn uniformly at random without replacement (all of them when n ≥ length). */
function pick<T>(xs: T[], n: number): T[] {
  if (n >= xs.length) return xs;
  const a = [...xs];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(Math.random() * (a.length - i));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, n);
}
