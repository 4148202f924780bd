// The clauses of a SQL-like SELECT after its WHERE (GROUP BY, HAVING, ORDER BY, LIMIT) and the rules
// TigerGraph's docs give for the form (gsql-ref querying/select-statement/sql-like-select-statement):
// no ACCUM or POST-ACCUM; the non-aggregated (grouping) columns come first; ORDER BY needs LIMIT.
import type { Token } from '../gsql/lexer.js';
import type { Cursor } from '../gsql/parser-base.js';
import type { Expr, Pos, SelectBlock, TableOutput } from './ast.js';
import { refuseNestedAggregates, type TableHost } from './tabular.js';

const ACCUM_CLAUSES = ['ACCUM', 'POST', 'POST_ACCUM'];

function refuseAccum(h: TableHost): void {
  const t = h.c.peek();
  if (ACCUM_CLAUSES.some((k) => h.c.isKw(k)))
    h.semantic(
      `A SQL-like SELECT … INTO a table takes no ${h.c.isKw('ACCUM') ? 'ACCUM' : 'POST-ACCUM'} clause (assign the SELECT to a vertex set to accumulate)`,
      t,
    );
}

/** Expressions alike but for where they are written. */
const shape = (e: Expr) => JSON.stringify(e, (k, v) => (k === 'line' || k === 'column' ? undefined : v));

const tokenAt = (c: Cursor, at: Pos): Token =>
  c.tokens.find((t) => t.line === at.line && t.column === at.column) ?? c.peek();

/** Grouping columns first, each one a GROUP BY expression when the table groups its rows. */
function checkColumns(h: TableHost, table: TableOutput): void {
  const firstAgg = table.cols.findIndex((col) => col.agg);
  const groups = firstAgg >= 0 || table.groupBy.length > 0;
  const keys = new Set(table.groupBy.map(shape));
  table.cols.forEach((col, i) => {
    if (col.agg) return;
    if (firstAgg >= 0 && i > firstAgg)
      h.semantic(
        `The grouping column ${col.key} follows an aggregated column; in a SQL-like SELECT the non-aggregated columns come first`,
        col.e,
      );
    if (groups && !keys.has(shape(col.e)))
      h.unsupported(`The column ${col.key}, neither aggregated nor in GROUP BY,`, tokenAt(h.c, col.e));
  });
}

/** `ORDER BY e [ASC|DESC], …` into the block, aggregates refused (name them with AS and order by the name). */
function orderBy(h: TableHost, sel: SelectBlock): void {
  const c = h.c;
  refuseNestedAggregates(h, 'ORDER BY of a SQL-like SELECT (order by the column name)', (cc, i) =>
    cc.isKw('LIMIT', i),
  );
  do {
    const e = h.expr();
    const desc = c.acceptKw('DESC');
    if (!desc) c.acceptKw('ASC');
    sel.orderBy.push({ e, desc });
  } while (c.acceptPunct(','));
}

/** GROUP BY, HAVING, ORDER BY and LIMIT of a SQL-like SELECT, the cursor past its WHERE. */
export function parseTableClauses(h: TableHost, sel: SelectBlock, table: TableOutput): void {
  const c = h.c;
  refuseAccum(h);
  if (c.acceptKw('GROUP')) {
    c.expectKw('BY');
    do table.groupBy.push(h.expr());
    while (c.acceptPunct(','));
  }
  refuseAccum(h);
  checkColumns(h, table);
  if (c.acceptKw('HAVING')) {
    const stop = (cc: Cursor, i: number) => cc.isKw('ORDER', i) || cc.isKw('LIMIT', i);
    refuseNestedAggregates(h, 'HAVING of a SQL-like SELECT (compare the column name)', stop);
    sel.having = h.expr();
  }
  const orderAt = c.peek();
  if (c.acceptKw('ORDER')) {
    c.expectKw('BY');
    orderBy(h, sel);
  }
  if (c.acceptKw('LIMIT')) {
    sel.limit = h.expr();
    if (c.acceptKw('OFFSET')) sel.offset = h.expr();
  }
  if (sel.orderBy.length > 0 && sel.limit === undefined)
    h.semantic('A SQL-like SELECT with ORDER BY must also have a LIMIT clause', orderAt);
}
