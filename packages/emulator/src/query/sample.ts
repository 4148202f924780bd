// SELECT's SAMPLE and PER clauses.
//
// SAMPLE (https://docs.tigergraph.com/gsql-ref/4.2/querying/select-statement/#_sample):
//   SAMPLE (expr | expr "%") EDGE WHEN condition  — that many (or that percent of) edges per source
//   SAMPLE expr TARGET WHEN condition             — that many distinct targets per source, with all
//                                                    of the source's edges to each sampled target
// A source whose WHEN condition is false keeps all its edges. The docs limit the condition to a
// function of a vertex compared with > or >= to a number, and list SAMPLE as a known issue in
// SYNTAX V2 ("write your query in syntax V1"), so the emulator accepts it under SYNTAX V1 only.
//
// PER (https://docs.tigergraph.com/gsql-ref/4.2/tutorials/pattern-matching/adv/per-clause):
//   PER (a, b) ACCUM … runs the ACCUM once per distinct (a, b) of the match table, not per row.
import type { GsqlSyntaxError, Token } from '../gsql/lexer.js';
import type { Cursor } from '../gsql/parser-base.js';
import { QueryRuntimeError } from './accum.js';
import { type Expr, hopsOf, type Pos, type SampleClause, type SelectBlock, type Stmt } from './ast.js';
import type { Interp } from './interp.js';
import { type QV, VRef } from './values.js';

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
  if (by === 'target' && (percent || c.isKw('PINNED'))) h.unsupported('SAMPLE … % TARGET PINNED', at);
  c.expectKw('WHEN');
  const wt = c.peek();
  const when = h.expr();
  // The docs: "limited strictly to checking if the result of a function call on a vertex is
  // greater than or greater than/equal to some number".
  if (!(when.k === 'bin' && (when.op === '>' || when.op === '>=') && when.l.k === 'method'))
    throw h.semantic('the WHEN condition of SAMPLE must compare a vertex function with > or >=', wt);
  return { size, percent, by, when };
}

/** `PER (a, b, …)` before ACCUM: distinct vertex aliases of the FROM pattern. */
export function parsePer(h: ClauseHost, sel: SelectBlock): string[] {
  const c = h.c;
  c.expectKw('PER');
  c.expectPunct('(');
  const aliases: string[] = [];
  const vertexAliases = [sel.srcAlias, ...hopsOf(sel).map((x) => x.targetAlias)];
  do {
    const t = c.peek();
    const a = c.ident();
    if (!vertexAliases.includes(a))
      throw h.semantic(`PER (${a}): ${a} is not a vertex alias of the FROM pattern`, t);
    if (aliases.includes(a)) throw h.semantic(`PER names ${a} twice`, t);
    aliases.push(a);
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  if (!c.isKw('ACCUM')) throw c.error();
  return aliases;
}

/**
 * The docs: with PER, "the vertex aliases used in the SELECT, ACCUM, and POST-ACCUM clauses must be
 * confined to the aliases that appear in the PER clause" (a semantic error otherwise).
 */
export function checkPer(h: ClauseHost, sel: SelectBlock, selectAt: Pos): void {
  const per = sel.per ?? [];
  const vertexAliases = [sel.srcAlias, ...hopsOf(sel).map((x) => x.targetAlias)];
  const outside = (a: string) => vertexAliases.includes(a) && !per.includes(a);
  if (outside(sel.out))
    throw h.semantic(`SELECT ${sel.out}, but ${sel.out} is not in the PER clause`, selectAt);
  for (const [clause, stmts] of [
    ['ACCUM', sel.accum],
    ['POST-ACCUM', sel.postAccum],
  ] as const) {
    for (const st of stmts) {
      const used = [...namesIn(st)].find(outside);
      if (used) throw h.semantic(`${clause} uses ${used}, which is not in the PER clause`, st);
    }
  }
}

/** Every `name` an AST node mentions (vertex aliases among them). */
function namesIn(node: Stmt | Expr): Set<string> {
  const out = new Set<string>();
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) for (const x of n) walk(x);
    else if (n !== null && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o['k'] === 'name' && typeof o['name'] === 'string') out.add(o['name']);
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(node);
  return out;
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

/** PER: the key of a match's PER aliases, and the scope ACCUM sees (those aliases only). */
export function perBinding(per: string[], b: Map<string, QV>): { key: string; scope: Map<string, QV> } {
  const scope = new Map<string, QV>();
  for (const a of per) scope.set(a, b.get(a) ?? null);
  const key = per.map((a) => (b.get(a) instanceof VRef ? (b.get(a) as VRef).key : '')).join('\u0000');
  return { key, scope };
}
