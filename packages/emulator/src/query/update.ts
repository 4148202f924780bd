// The query-body UPDATE statement, `UPDATE x FROM pattern SET x.a = expr, … [WHERE cond];`
// (docs.tigergraph.com, GSQL reference "Data Modification Statements"). The parser turns it into a
// SELECT block: a vertex alias is updated once per vertex (as POST-ACCUM), an edge alias once per
// edge (as ACCUM). Like every data modification in a query, the writes are applied when the query
// ends, so no later statement of the same query sees them. The docs say UPDATE is not supported in
// syntax v2 ("use assignment statements in the ACCUM or POST-ACCUM clause"), so SYNTAX v2 / v3
// queries are refused.
import { GsqlSyntaxError, type Token } from '../gsql/lexer.js';
import type { Expr, LValue, SelectBlock, Stmt } from './ast.js';
import { hopsOf } from './ast.js';

/** The hidden vertex-set variable an UPDATE statement's SELECT block assigns. */
export const UPDATE_TARGET = '__update__';

type At = { line: number; column: number };

function semantic(msg: string, at: At): GsqlSyntaxError {
  return new GsqlSyntaxError(
    `Semantic Check Fails: ${msg} (line ${at.line}, column ${at.column}).`,
    at.line,
    at.column,
  );
}

export function updateSyntaxError(syntax: string, t: Token): GsqlSyntaxError {
  return semantic(
    `UPDATE statements are not supported in syntax ${syntax}; assign the attributes in ACCUM or POST-ACCUM instead`,
    t,
  );
}

/** The assignments of a SET list, through IF / CASE / FOREACH bodies. */
function assignments(stmts: Stmt[]): (Stmt & { k: 'assign' })[] {
  const out: (Stmt & { k: 'assign' })[] = [];
  for (const s of stmts) {
    if (s.k === 'assign') out.push(s);
    else if (s.k === 'if') {
      for (const [, b] of s.branches) out.push(...assignments(b));
      if (s.else) out.push(...assignments(s.else));
    } else if (s.k === 'foreach' || s.k === 'while') out.push(...assignments(s.body));
  }
  return out;
}

/** SET writes attributes of the updated alias, nothing else (no accumulators, no variables). */
function checkSet(set: Stmt[], alias: string): void {
  const target = (l: LValue) => l.k === 'attr' && l.obj.k === 'name' && l.obj.name === alias;
  for (const s of assignments(set))
    if (!target(s.lhs))
      throw semantic(`UPDATE ${alias} … SET assigns attributes of ${alias} only (${alias}.attribute = …)`, s);
  for (const s of set)
    if (s.k === 'insert' || s.k === 'delete')
      throw semantic(`UPDATE ${alias} … SET takes attribute assignments, not ${s.k.toUpperCase()}`, s);
}

/** `UPDATE x FROM … SET … WHERE …` as the SELECT block that performs it. */
export function updateBlock(
  sel: SelectBlock,
  alias: Expr & { k: 'name' },
  set: Stmt[],
  where: Expr | undefined,
): SelectBlock {
  const name = alias.name;
  const hops = hopsOf(sel);
  const isEdge = hops.some((h) => h.edgeAlias === name);
  if (!isEdge && name !== sel.srcAlias && !hops.some((h) => h.targetAlias === name))
    throw semantic(`UPDATE ${name}: ${name} is not an alias of the FROM pattern`, alias);
  if (set.length === 0) throw semantic(`UPDATE ${name} needs a SET clause`, alias);
  checkSet(set, name);
  const both =
    sel.where && where ? ({ ...where, k: 'bin', op: 'AND', l: sel.where, r: where } as Expr) : undefined;
  const base = { ...sel, out: sel.srcAlias, where: both ?? sel.where ?? where, update: true };
  if (isEdge) return { ...base, accum: set };
  return { ...base, postAccum: set, postAliases: set.map(() => name) };
}
