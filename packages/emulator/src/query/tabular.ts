// Tabular SELECT, TigerGraph's "SQL-like SELECT" (docs: gsql-ref querying/select-statement/
// sql-like-select-statement): `SELECT [DISTINCT] col, … INTO T FROM pattern [WHERE …] [GROUP BY …]
// [HAVING …] [ORDER BY … LIMIT …]`, where a column is `expr [AS name]` or `agg([DISTINCT] expr)
// [AS name]` with agg one of COUNT, SUM, AVG, MIN, MAX. This file parses it and applies the rules
// the docs give at CREATE; tabular-group.ts fills the table. `PRINT T` prints the rows keyed by
// column, vertices as their ids (tigergraph/ecosys demos/guru_scripts/docker/tutorial/4.x/vector/q5a.out).
import type { Token } from '../gsql/lexer.js';
import type { Cursor } from '../gsql/parser-base.js';
import type { Aggregator, Expr, Pos, TableColumn, TableOutput } from './ast.js';
import type { V3Host } from './parse-v3.js';

/** The vertex-set variable a tabular SELECT never assigns (it writes its table instead). */
export const TABLE_TARGET = '_table_select';

const AGGREGATORS = new Set(['count', 'sum', 'avg', 'min', 'max']);
/** Aggregate-looking calls TigerGraph's list does not have: refused, never run as something else. */
const OTHER_AGGREGATES = new Set(['collect']);

/** The host a tabular parse needs: the v3 host and a TigerGraph-worded semantic error. */
export interface TableHost extends V3Host {
  semantic: (msg: string, at: Pos) => never;
}

const isAggregate = (c: Cursor, i = 0) =>
  c.peek(i).kind === 'ident' && AGGREGATORS.has(c.peek(i).text.toLowerCase()) && c.isPunct('(', i + 1);

/** The tokens from `from` to the cursor as written (one space where the text had any), for messages. */
const textFrom = (c: Cursor, from: number) =>
  c.tokens
    .slice(from, c.pos)
    .map((t, i, ts) => (i > 0 && t.start > (ts[i - 1] as typeof t).end ? ` ${t.text}` : t.text))
    .join('');

/**
 * An unaliased aggregate's printed name, as TigerGraph makes it from the column's text: `sum(e.amount)`
 * prints as `sum_lparen_e_dot_amount_rparen_` (tigergraph/ecosys demos/guru_scripts/docker/tutorial/
 * 4.x/cypher/c3.out). Only argument texts of names and dots are known; others give undefined.
 */
function aggregateName(c: Cursor, fn: Token, argFrom: number, argTo: number): string | undefined {
  const parts: string[] = [];
  for (const t of c.tokens.slice(argFrom, argTo)) {
    if (t.kind === 'ident') parts.push(t.text);
    else if (t.kind === 'punct' && t.text === '.') parts.push('_dot_');
    else return undefined;
  }
  return `${fn.text}_lparen_${parts.join('')}_rparen_`;
}

/** `agg([DISTINCT] expr)` or `count(*)`, the cursor at the aggregator's name. */
function aggregateColumn(h: TableHost): { col: Omit<TableColumn, 'key'>; name: string | undefined } {
  const c = h.c;
  const fn = c.next();
  c.expectPunct('(');
  const distinct = c.acceptKw('DISTINCT');
  const argFrom = c.pos;
  const star = fn.text.toLowerCase() === 'count' && !distinct && c.isPunct('*');
  const e: Expr = star ? { line: fn.line, column: fn.column, k: 'lit', v: true } : h.expr();
  if (star) c.next();
  // TigerGraph reads `count(*)` as `count(1)` and names it so: `select count(*) from (s:_)` prints
  // `count_lparen_1_rparen_` (tigergraph/ecosys tutorials/Cypher.md, "Delete all nodes").
  const name = distinct
    ? undefined
    : star
      ? `${fn.text}_lparen_1_rparen_`
      : aggregateName(c, fn, argFrom, c.pos);
  c.expectPunct(')');
  const after = c.peek();
  if (!c.isPunct(',') && !c.isKw('AS') && !c.isKw('INTO'))
    h.unsupported('An expression around an aggregate in a SQL-like SELECT column', after);
  return { col: { e, agg: { fn: fn.text.toLowerCase() as Aggregator, distinct } }, name };
}

/** Refuses an aggregate call anywhere in the expression starting at the cursor (up to `stop`). */
export function refuseNestedAggregates(
  h: TableHost,
  what: string,
  stop: (c: Cursor, i: number) => boolean,
): void {
  const c = h.c;
  let depth = 0;
  for (let i = 0; ; i++) {
    const t = c.peek(i);
    if (t.kind === 'eof' || (t.kind === 'punct' && t.text === ';')) return;
    if (depth === 0 && stop(c, i)) return;
    if (t.kind === 'punct' && (t.text === '(' || t.text === '[')) depth++;
    if (t.kind === 'punct' && (t.text === ')' || t.text === ']')) depth--;
    if (isAggregate(c, i)) h.unsupported(`An aggregate inside ${what}`, t);
  }
}

/** One column: `expr [AS name]` or `agg([DISTINCT] expr) [AS name]`. */
function column(h: TableHost): TableColumn {
  const c = h.c;
  const at = c.peek();
  const from = c.pos;
  if (at.kind === 'ident' && c.isPunct('(', 1) && OTHER_AGGREGATES.has(at.text.toLowerCase()))
    h.unsupported(
      `The aggregate ${at.text}() in a SQL-like SELECT (TigerGraph's are COUNT, SUM, AVG, MIN, MAX)`,
      at,
    );
  let col: Omit<TableColumn, 'key'>;
  let name: string | undefined;
  if (isAggregate(c)) ({ col, name } = aggregateColumn(h));
  else {
    const endsColumn = (cc: Cursor, i: number) =>
      cc.isPunct(',', i) || cc.isKw('AS', i) || cc.isKw('INTO', i);
    refuseNestedAggregates(h, 'an expression of a SQL-like SELECT column', endsColumn);
    col = { e: h.expr() };
    name = plainColumnName(col.e);
  }
  const text = textFrom(c, from);
  const key = c.acceptKw('AS') ? c.ident() : name;
  // Where no TigerGraph output shows an unaliased column's printed name (`a.@acc`, `a.x + 1`,
  // `count(DISTINCT x)`), guessing would print a key TigerGraph may not.
  if (key === undefined) h.unsupported(`The column ${text} without AS (add AS name)`, at);
  return { key, ...col };
}

/**
 * The printed name of an unaliased column that is not an aggregate: an alias prints as itself, an
 * alias's attribute as the attribute's name. TigerGraph's docs print `SELECT l.actionTime, pt.subject,
 * p INTO T` as keys `actionTime`, `subject`, `p` (tigergraph/gsql-docs modules/querying/pages/
 * select-statement/sql-like-select-statement.adoc); its Cypher tutorial's `RETURN b.isBlocked, b.name`
 * prints `isBlocked`, `name` (tigergraph/ecosys demos/guru_scripts/docker/tutorial/4.x/cypher/c5.out).
 */
function plainColumnName(e: Expr): string | undefined {
  if (e.k === 'name') return e.name;
  if (e.k === 'attr' && e.obj.k === 'name') return e.name;
  return undefined;
}

/** `[DISTINCT] e1 [AS c1], … INTO T`, the cursor at the first column (after DISTINCT). */
export function parseTableColumns(h: TableHost, distinct: boolean): TableOutput {
  const cols: TableColumn[] = [];
  do {
    const at = h.c.peek();
    const col = column(h);
    // Two columns under one key would print one of them only.
    if (cols.some((x) => x.key === col.key))
      h.unsupported(`Two columns printed as ${col.key} in one SQL-like SELECT (name one with AS)`, at);
    cols.push(col);
  } while (h.c.acceptPunct(','));
  h.c.expectKw('INTO');
  return { name: h.c.ident(), cols, distinct, groupBy: [] };
}
