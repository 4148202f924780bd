// Fills a SQL-like SELECT's table. Each match (after WHERE) joins the group of its GROUP BY values,
// all matches make one group when the columns aggregate without GROUP BY, and each match is a row of
// its own when the table neither groups nor aggregates. Then, in SQL's order: HAVING per row, SELECT
// DISTINCT, ORDER BY, OFFSET and LIMIT. HAVING and ORDER BY see the columns by name and the pattern's
// aliases as bound by the group's first match.
import type { SelectBlock, TableOutput } from './ast.js';
import type { Interp } from './interp.js';
import { AggregateState } from './tabular-aggregate.js';
import { compare, QTuple, type QV, valueKey } from './values.js';

interface Group {
  /** The grouping columns' values (from the first match); undefined where a column aggregates. */
  vals: (QV | undefined)[];
  aggs: (AggregateState | undefined)[];
  /** The first match's bindings, kept only when HAVING or ORDER BY may read them. */
  b: Map<string, QV> | undefined;
}

interface Row {
  row: QTuple;
  b: Map<string, QV> | undefined;
}

export class TableBuilder {
  private readonly groups = new Map<string, Group>();
  private readonly grouped: boolean;
  private readonly keepBindings: boolean;
  private n = 0;

  constructor(
    private readonly q: Interp,
    private readonly sel: SelectBlock,
    private readonly t: TableOutput,
  ) {
    this.grouped = t.groupBy.length > 0 || t.cols.some((c) => c.agg);
    this.keepBindings = sel.having !== undefined || sel.orderBy.length > 0;
  }

  /** Adds one match of the pattern. */
  add(b: Map<string, QV>): void {
    const q = this.q;
    q.withScope(b, () => {
      const key = this.grouped
        ? this.t.groupBy.map((e) => valueKey(q.ev(e))).join('\u0000')
        : String(this.n++);
      let g = this.groups.get(key);
      if (!g) {
        g = {
          vals: this.t.cols.map((col) => (col.agg ? undefined : q.ev(col.e))),
          aggs: this.t.cols.map((col) =>
            col.agg ? new AggregateState(col.agg.fn, col.agg.distinct) : undefined,
          ),
          b: this.keepBindings ? b : undefined,
        };
        this.groups.set(key, g);
      }
      const aggs = g.aggs;
      this.t.cols.forEach((col, i) => {
        aggs[i]?.add(q.ev(col.e));
      });
    });
  }

  /** The table's rows. */
  rows(): QTuple[] {
    let rows: Row[] = [...this.groups.values()].map((g) => ({ row: this.tuple(g), b: g.b }));
    const having = this.sel.having;
    if (having) rows = rows.filter((r) => this.inRow(r, () => this.q.truthy(this.q.ev(having))));
    if (this.t.distinct) {
      const seen = new Set<string>();
      rows = rows.filter((r) => {
        const k = valueKey(r.row);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    if (this.sel.orderBy.length > 0) rows = this.ordered(rows);
    const { offset, limit } = this.sel;
    if (offset) rows = rows.slice(Math.max(0, Number(this.q.ev(offset))));
    if (limit) {
      // A negative limit limits nothing, as in a vertex SELECT (select.ts).
      const n = Number(this.q.ev(limit));
      if (n >= 0) rows = rows.slice(0, n);
    }
    return rows.map((r) => r.row);
  }

  private tuple(g: Group): QTuple {
    const fields = new Map<string, QV>();
    this.t.cols.forEach((col, i) => {
      fields.set(col.key, g.aggs[i]?.value() ?? g.vals[i] ?? null);
    });
    return new QTuple(this.t.name, fields);
  }

  /** Runs `fn` with the row's columns by name over the aliases of its first match. */
  private inRow<T>(r: Row, fn: () => T): T {
    return this.q.withScope(new Map([...(r.b ?? []), ...r.row.fields]), fn);
  }

  private ordered(rows: Row[]): Row[] {
    const order = this.sel.orderBy;
    const keyed = rows.map((r) => ({ r, keys: order.map((o) => this.inRow(r, () => this.q.ev(o.e))) }));
    keyed.sort((a, b) => {
      for (const [i, o] of order.entries()) {
        const c = compare(a.keys[i] ?? null, b.keys[i] ?? null);
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
    return keyed.map((k) => k.r);
  }
}
