// Tabular SELECT (SYNTAX v3, 4.x): `SELECT a, b, f(a, b) AS dist INTO T FROM pattern WHERE …;` writes
// one row per match into table T, and `PRINT T` prints the rows as objects keyed by column, vertices
// as their ids (TigerGraph's own output for the vector tutorial's q5a, tigergraph/ecosys
// demos/guru_scripts/docker/tutorial/4.x/vector/q5a.out). Aggregates and GROUP BY, whose printed
// column names no TigerGraph output shows, are refused where they are written.
import type { Cursor } from '../gsql/parser-base.js';
import type { TableOutput } from './ast.js';
import type { Interp } from './interp.js';
import type { V3Host } from './parse-v3.js';
import { QTuple, type QV } from './values.js';

/** The vertex-set variable a tabular SELECT never assigns (it writes its table instead). */
export const TABLE_TARGET = '_table_select';

const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max', 'collect']);

/** Whether the statement at the cursor (up to its `;`) aggregates: an aggregate call or GROUP BY. */
export function groupsRows(c: Cursor): boolean {
  for (let i = 0; ; i++) {
    const t = c.peek(i);
    if (t.kind === 'eof' || (t.kind === 'punct' && t.text === ';')) return false;
    if (c.isKw('GROUP', i)) return true;
    if (AGGREGATES.has(t.text.toLowerCase()) && c.isPunct('(', i + 1)) return true;
  }
}

/** `e1 [AS c1], e2 [AS c2], … INTO T`, the cursor at the first column. */
export function parseTableColumns(h: V3Host): TableOutput {
  const cols: TableOutput['cols'] = [];
  do {
    const at = h.c.peek();
    const e = h.expr();
    if (e.k === 'call' && AGGREGATES.has(e.name.toLowerCase()))
      h.unsupported('Aggregates in a tabular SELECT … INTO', at);
    const key = h.c.acceptKw('AS') ? h.c.ident() : e.k === 'name' ? e.name : undefined;
    if (key === undefined) h.unsupported('A tabular SELECT column without AS (its printed name)', at);
    cols.push({ key, e });
  } while (h.c.acceptPunct(','));
  h.c.expectKw('INTO');
  return { name: h.c.ident(), cols };
}

/** One row of the table: the columns evaluated in the match's scope. */
export function tableRow(q: Interp, table: TableOutput): QTuple {
  const fields = new Map<string, QV>();
  for (const col of table.cols) fields.set(col.key, q.ev(col.e));
  return new QTuple(table.name, fields);
}
