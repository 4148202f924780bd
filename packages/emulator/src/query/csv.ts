// PRINT … TO_CSV f (https://docs.tigergraph.com/gsql-ref/4.2/querying/output-statements-and-file-objects):
// each run of the statement appends one line to the FILE object, the printed values separated by
// commas, a list's or set's values by single spaces; nothing goes to the JSON results. The docs
// print no header line.
import { QueryRuntimeError } from './accum.js';
import type { Expr, PrintItem } from './ast.js';
import type { Interp } from './interp.js';
import { fileText } from './output.js';
import { QSet, type QV, VSet } from './values.js';

export function printCsv(q: Interp, items: PrintItem[], where: Expr | undefined, file: string): void {
  const f = q.files.get(file);
  if (!f) throw new QueryRuntimeError(`Runtime Error: PRINT … TO_CSV ${file}: ${file} is not a FILE object.`);
  if (where && !q.truthy(q.ev(where))) return;
  const cells = items.map((it) => csvCell(q, it.e.k === 'gacc' ? q.gacc(it.e.name).get() : q.ev(it.e)));
  f.println(cells.join(','));
}

/** One printed value: a scalar or vertex as `println` writes it, a list or set space-separated. */
function csvCell(q: Interp, v: QV): string {
  if (v instanceof VSet)
    throw new QueryRuntimeError('Runtime Error: the emulator does not PRINT a vertex set TO_CSV.');
  const xs = v instanceof QSet ? v.values() : Array.isArray(v) ? v : undefined;
  if (!xs) return fileText(q, v);
  // fileText refuses what is not a scalar or a vertex (a nested collection, a map, a tuple).
  return xs.map((x) => fileText(q, x)).join(' ');
}
