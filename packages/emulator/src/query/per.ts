// SELECT's PER clause (https://docs.tigergraph.com/gsql-ref/4.2/tutorials/pattern-matching/adv/per-clause):
// `PER (a, b) ACCUM …` runs the ACCUM once per distinct (a, b) of the match table, not once per row.
import { type Expr, type Pos, type SelectBlock, type Stmt, vertexAliasesOf } from './ast.js';
import type { ClauseHost } from './sample.js';
import { type QV, VRef } from './values.js';

/** `PER (a, b, …)` before ACCUM: distinct vertex aliases of the FROM pattern. */
export function parsePer(h: ClauseHost, sel: SelectBlock): string[] {
  const c = h.c;
  c.expectKw('PER');
  c.expectPunct('(');
  const aliases: string[] = [];
  const vertexAliases = vertexAliasesOf(sel);
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
  const vertexAliases = vertexAliasesOf(sel);
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

/** PER: the key of a match's PER aliases, and the scope ACCUM sees (those aliases only). */
export function perBinding(per: string[], b: Map<string, QV>): { key: string; scope: Map<string, QV> } {
  const scope = new Map<string, QV>();
  for (const a of per) scope.set(a, b.get(a) ?? null);
  const key = per.map((a) => (b.get(a) instanceof VRef ? (b.get(a) as VRef).key : '')).join('\u0000');
  return { key, scope };
}
