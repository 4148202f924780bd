// PRINT … TO_CSV f (https://docs.tigergraph.com/gsql-ref/4.2/querying/output-statements-and-file-objects,
// "Printing CSV to a FILE Object"): each run of the statement appends one line to the FILE object,
// the printed values separated by commas, a list's or set's values by single spaces; nothing goes to
// the JSON results. The docs print no header line. Their "Limitations of PRINT > File":
// - a vertex set's attribute or vertex accumulator, written without brackets (`PRINT A.gender
//   TO_CSV f`), prints one value per vertex, one per line (the docs' example: "Male\n Male\n …");
// - a full vertex set is not supported (3.x docs); "in 4.2.1, printing a full vertex set is supported
//   with PRINT vt TO_CSV f. Only vertex IDs are printed" — one id per line, as the row above.
// How such a column mixes with other printed values is not documented, so it must be PRINT's only item.
import { QueryRuntimeError } from './accum.js';
import type { Expr, PrintItem } from './ast.js';
import type { Interp } from './interp.js';
import { fileText } from './output.js';
import { QSet, type QV, VSet } from './values.js';

/** Whether a server version prints whole vertex sets TO_CSV (4.2.1 and later). */
export function printsVertexSetsToCsv(full: string): boolean {
  const [major = 0, minor = 0, patch = 0] = full.split('.').map(Number);
  return major > 4 || (major === 4 && (minor > 2 || (minor === 2 && patch >= 1)));
}

export function printCsv(q: Interp, items: PrintItem[], where: Expr | undefined, file: string): void {
  const f = q.files.get(file);
  if (!f) throw new QueryRuntimeError(`Runtime Error: PRINT … TO_CSV ${file}: ${file} is not a FILE object.`);
  const columns = items.map((it) => vertexColumn(q, it.e));
  const column = columns.find((c) => c !== undefined);
  if (column && items.length > 1)
    throw new QueryRuntimeError(
      `Runtime Error: PRINT … TO_CSV prints a vertex set column (${column.name}…) only as the PRINT statement's one item.`,
    );
  if (column) {
    for (const line of columnLines(q, column, where)) f.println(line);
    return;
  }
  if (where && !q.truthy(q.ev(where))) return;
  const cells = items.map((it) => csvCell(q, it.e.k === 'gacc' ? q.gacc(it.e.name).get() : q.ev(it.e)));
  f.println(cells.join(','));
}

/** A vertex-set column: the set's variable name, its vertices, and what to print of each (undefined: the id). */
interface Column {
  name: string;
  set: VSet;
  e: Expr | undefined;
}

/** `A`, `A.attr` or `A.@acc` where A holds a vertex set; undefined for any other expression. */
function vertexColumn(q: Interp, e: Expr): Column | undefined {
  if (e.k === 'name') {
    const v = q.lookup(e.name);
    return v instanceof VSet ? { name: e.name, set: v, e: undefined } : undefined;
  }
  if ((e.k === 'attr' || e.k === 'vacc') && e.obj.k === 'name') {
    const v = q.lookup(e.obj.name);
    return v instanceof VSet ? { name: e.obj.name, set: v, e } : undefined;
  }
  return undefined;
}

/** One line per vertex of the set; WHERE keeps the vertices it holds for, as PRINT's JSON form does. */
function columnLines(q: Interp, col: Column, where: Expr | undefined): string[] {
  if (!col.e && !q.csvVertexSets)
    throw new QueryRuntimeError(
      `Runtime Error: PRINT ${col.name} TO_CSV: printing a whole vertex set to a FILE needs TigerGraph 4.2.1 or later; print ${col.name}.attribute or ${col.name}.@accumulator instead.`,
    );
  const lines: string[] = [];
  for (const v of col.set.values()) {
    q.withScope(new Map<string, QV>([[col.name, v]]), () => {
      if (where && !q.truthy(q.ev(where))) return;
      lines.push(col.e ? csvCell(q, q.ev(col.e)) : v.id);
    });
  }
  return lines;
}

/** One printed value: a scalar or vertex as `println` writes it, a list or set space-separated. */
function csvCell(q: Interp, v: QV): string {
  if (v instanceof VSet)
    throw new QueryRuntimeError(
      "Runtime Error: PRINT … TO_CSV prints a vertex set only as the PRINT statement's one item (PRINT S TO_CSV f, PRINT S.attr TO_CSV f).",
    );
  const xs = v instanceof QSet ? v.values() : Array.isArray(v) ? v : undefined;
  if (!xs) return fileText(q, v);
  // fileText refuses what is not a scalar or a vertex (a nested collection, a map, a tuple).
  return xs.map((x) => fileText(q, x)).join(' ');
}
