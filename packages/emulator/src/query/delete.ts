// Deleting graph elements from a query: `DELETE(x)` in ACCUM / POST-ACCUM, and the DELETE statement
// `DELETE x FROM pattern [WHERE cond]`, which the parser turns into a SELECT block whose ACCUM is
// `DELETE(x)`. Like INSERT, the deletions are applied when the query ends (snapshot semantics).
import { edgeTypeIn, vertexTypeIn } from '../store/catalog.js';
import { deleteEdgeView, deleteVertex } from '../store/data.js';
import { QueryRuntimeError } from './accum.js';
import { type Expr, type Hop, hopsOf, type SelectBlock, type Stmt } from './ast.js';
import type { Interp } from './interp.js';
import { describe } from './ops.js';
import { ERef, type QV, VRef } from './values.js';

/** The hidden vertex-set variable a DELETE statement's SELECT block assigns. */
export const DELETE_TARGET = '__delete__';

/** Queues the deletion of a vertex (with its edges) or of one edge. */
export function queueDelete(q: Interp, v: QV): void {
  if (v instanceof VRef) {
    const t = vertexTypeIn(q.cat, q.graph, v.type);
    if (t) q.inserts.push(() => deleteVertex(q.cat, t, v.id, false));
    return;
  }
  if (v instanceof ERef) {
    // An edge met along its reverse type is deleted through the forward type that stores it.
    const et = v.et.reverseOf === undefined ? v.et : (edgeTypeIn(q.cat, q.graph, v.et.reverseOf) ?? v.et);
    const r = v.rec;
    const view = {
      type: et,
      record: r,
      fromType: r.fromType,
      fromId: r.fromId,
      toType: r.toType,
      toId: r.toId,
    };
    q.inserts.push(() => deleteEdgeView(view));
    return;
  }
  throw new QueryRuntimeError(`Runtime Error: DELETE() takes a vertex or an edge, not ${describe(v)}.`);
}

/** Whether a DELETE statement's block has a clause past WHERE (which DELETE … FROM does not take). */
export function hasClausesPastWhere(sel: SelectBlock): boolean {
  return (
    sel.accum.length > 0 ||
    sel.postAccum.length > 0 ||
    sel.having !== undefined ||
    sel.orderBy.length > 0 ||
    sel.limit !== undefined
  );
}

/**
 * The hop of a DELETE / UPDATE pattern beyond its first one (or a repeated hop), which the statement
 * refuses: the docs' grammar gives both one FROM pattern, and "the FROM clause in the DELETE
 * statement only supports 1-hop" (GSQL reference, Data Modification Statements).
 */
export function extraHop(sel: SelectBlock): Hop | undefined {
  const hops = hopsOf(sel);
  return hops[1] ?? hops.find((h) => h.repeat !== undefined);
}

/** `DELETE x FROM …` as a SELECT block: it outputs the source alias (a vertex) and its ACCUM deletes `x`. */
export function deleteBlock(sel: SelectBlock, alias: Expr & { k: 'name' }): SelectBlock {
  const del: Stmt = { line: alias.line, column: alias.column, k: 'delete', e: alias };
  return { ...sel, out: sel.srcAlias, accum: [del] };
}
