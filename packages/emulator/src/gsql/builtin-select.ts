// The GSQL shell's built-in SELECT (GSQL 101, "Run Built-in Queries"): `SELECT * | count() | a, b
// FROM vtype [WHERE …]` and `SELECT * | count() FROM stype-(etype|ANY)->ttype|ANY [WHERE from_id == "x" …]`.
// Unlike a 1-block SELECT it names types without aliases. Docs:
// https://docs.tigergraph.com/v/2.6/intro/gsql-101/built-in-select-queries
import type { CompareOp } from '../store/compare-op.js';
import type { Literal } from './ast.js';
import type { Cursor } from './parser-base.js';

export type BuiltinOp = CompareOp;

export interface BuiltinCond {
  name: string;
  op: BuiltinOp;
  value: Literal;
}

export interface BuiltinSelect {
  kind: 'builtinSelect';
  /** `*`, `count()`, or the attribute names listed. */
  items: '*' | 'count' | string[];
  from: string;
  /** The edge step, `-(edge)->target`; `ANY` as written stays `ANY`. */
  edge: { type: string; target: string } | undefined;
  where: BuiltinCond[];
}

const OPS: readonly string[] = ['==', '!=', '<', '<=', '>', '>='];

/** Length of the select list at `i` (`*`, `count ( )`, or `a , b …`), or 0 when it is none of them. */
function itemsLength(c: Cursor, i: number): number {
  if (c.isPunct('*', i)) return 1;
  if (c.isKw('COUNT', i) && c.isPunct('(', i + 1) && c.isPunct(')', i + 2)) return 3;
  let n = 0;
  for (;;) {
    if (c.peek(i + n).kind !== 'ident' || c.isKw('FROM', i + n)) return 0;
    n++;
    if (!c.isPunct(',', i + n)) return n;
    n++;
  }
}

/**
 * Whether the statement at the cursor is a built-in SELECT: its FROM names a type with no alias
 * (`FROM person`, `FROM person-(friendship)->person`), where a 1-block SELECT has `s:Person`/`(s:…)`.
 */
export function isBuiltinSelect(c: Cursor): boolean {
  if (!c.isKw('SELECT')) return false;
  const n = itemsLength(c, 1);
  if (n === 0) return false;
  const at = 1 + n;
  if (!c.isKw('FROM', at) || c.peek(at + 1).kind !== 'ident') return false;
  const after = at + 2;
  if (c.isPunct('-', after))
    return c.isPunct('(', after + 1) && c.peek(after + 2).kind === 'ident' && c.isPunct(')', after + 3);
  const t = c.peek(after);
  return t.kind === 'eof' || t.newline || c.isPunct(';', after) || c.isKw('WHERE', after);
}

/** Parses the built-in SELECT at the cursor (`isBuiltinSelect` said it is one). */
export function parseBuiltinSelect(c: Cursor, literal: () => Literal): BuiltinSelect {
  c.expectKw('SELECT');
  let items: BuiltinSelect['items'];
  if (c.acceptPunct('*')) items = '*';
  else if (c.isKw('COUNT') && c.isPunct('(', 1)) {
    c.next();
    c.expectPunct('(');
    c.expectPunct(')');
    items = 'count';
  } else items = c.identList();
  c.expectKw('FROM');
  const from = c.ident();
  let edge: BuiltinSelect['edge'];
  if (c.acceptPunct('-')) {
    c.expectPunct('(');
    const type = c.ident();
    c.expectPunct(')');
    c.expectPunct('-');
    c.expectPunct('>');
    edge = { type, target: c.ident() };
  }
  const where: BuiltinCond[] = [];
  if (c.acceptKw('WHERE')) {
    do where.push(condition(c, literal));
    while (c.acceptKw('AND'));
  }
  return { kind: 'builtinSelect', items, from, edge, where };
}

function condition(c: Cursor, literal: () => Literal): BuiltinCond {
  const name = c.ident();
  const t = c.peek();
  if (t.kind !== 'punct' || !OPS.includes(t.text)) throw c.error();
  c.next();
  return { name, op: t.text as BuiltinOp, value: literal() };
}
