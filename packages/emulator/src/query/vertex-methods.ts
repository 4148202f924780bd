// The traversal methods of a vertex (neighbors(), edgeAttribute(), neighborAttribute(), their
// .filter(cond)) and isDirected() of an edge, as docs.tigergraph.com gsql-ref …/querying/func/
// vertex-methods and …/edge-methods define them: each walks the vertex's outgoing and undirected
// edges (reverse edge types included, as they are stored out of their source) of the named types
// and yields a bag (duplicates kept) in edge order.
import { type EdgeType, edgeTypeIn, edgeTypesOf } from '../store/catalog.js';
import { edgesFrom } from '../store/data.js';
import { QueryRuntimeError } from './accum.js';
import type { Expr, Pos } from './ast.js';
import type { Interp } from './interp.js';
import { describe } from './ops.js';
import { ERef, QSet, type QV, VRef } from './values.js';

/** Methods that traverse from a vertex and accept a trailing .filter(condition). */
const TRAVERSALS = new Set(['neighbors', 'edgeattribute', 'neighborattribute']);

/** One traversed edge: the edge, the vertex at its far end, and the value the method yields. */
interface Step {
  edge: ERef;
  target: VRef;
  value: QV;
}

const fail = (msg: string, at: Pos): never => {
  throw new QueryRuntimeError(`Runtime Error: ${msg} (line ${at.line}, column ${at.column}).`);
};

function text(v: QV, what: string, at: Pos): string {
  return typeof v === 'string' ? v : fail(`${what} must be a STRING, not ${describe(v)}`, at);
}

/** The edge types an argument names: a STRING or a collection of them (none given: every type). */
function edgeTypes(q: Interp, arg: QV | undefined, fn: string, at: Pos): EdgeType[] {
  if (arg === undefined) return edgeTypesOf(q.cat, q.graph);
  const names = Array.isArray(arg) ? arg : arg instanceof QSet ? arg.values() : [arg];
  return [...new Set(names.map((n) => text(n, `The edge type of .${fn}()`, at)))].map(
    (n) => edgeTypeIn(q.cat, q.graph, n) ?? fail(`.${fn}(): ${n} is not an edge type of ${q.graph.name}`, at),
  );
}

/** Reads `name` of a vertex or edge the way `x.name` does (primary id, runtime checks included). */
function read(q: Interp, obj: VRef | ERef, name: string, at: Pos): QV {
  return q.ev({ ...at, k: 'attr', obj: { ...at, k: 'lit', v: obj }, name });
}

/** The edges a traversal method walks from `v`, with what it yields for each. */
function steps(q: Interp, v: VRef, n: string, args: QV[], at: Pos): Step[] {
  const fn = n === 'edgeattribute' ? 'edgeAttribute' : n === 'neighborattribute' ? 'neighborAttribute' : n;
  const out: Step[] = [];
  const toType = n === 'neighborattribute' ? text(args[1] ?? null, 'The target vertex type', at) : undefined;
  const attr =
    n === 'neighbors'
      ? undefined
      : text(args[n === 'edgeattribute' ? 1 : 2] ?? null, 'The attribute name', at);
  for (const et of edgeTypes(q, args[0], fn, at)) {
    for (const view of edgesFrom(et, v.type, v.id)) {
      if (toType !== undefined && view.toType !== toType) continue;
      const edge = new ERef(et, view.record, view.fromType, view.fromId, view.toType, view.toId);
      const target = new VRef(view.toType, view.toId);
      const value = attr === undefined ? target : read(q, n === 'edgeattribute' ? edge : target, attr, at);
      out.push({ edge, target, value });
    }
  }
  return out;
}

/** `cond` holds for a step: the edge is named by its type, the far vertex by its type (docs' filterEx). */
function passes(q: Interp, s: Step, cond: Expr): boolean {
  const names = new Map<string, QV>([
    [s.target.type, s.target],
    [s.edge.et.name, s.edge],
  ]);
  return q.withScope(names, () => q.truthy(q.ev(cond)));
}

/** `v.neighbors(…)`, `v.edgeAttribute(…)`, `v.neighborAttribute(…)`, optionally `.filter(cond)`, and
 *  `e.isDirected()`; undefined when `e` is none of them. */
export function graphMethod(q: Interp, e: Extract<Expr, { k: 'method' }>): QV | undefined {
  const n = e.name.toLowerCase();
  const filtered = n === 'filter' && e.obj.k === 'method' && TRAVERSALS.has(e.obj.name.toLowerCase());
  const call = filtered ? (e.obj as Extract<Expr, { k: 'method' }>) : e;
  const m = call.name.toLowerCase();
  if (m === 'isdirected') {
    const edge = q.ev(call.obj);
    return edge instanceof ERef ? edge.et.directed : undefined;
  }
  if (!TRAVERSALS.has(m)) return undefined;
  const v = q.ev(call.obj);
  if (!(v instanceof VRef)) return fail(`.${call.name}() needs a vertex, not ${describe(v)}`, call);
  const all = steps(
    q,
    v,
    m,
    call.args.map((a) => q.ev(a)),
    call,
  );
  const cond = filtered ? e.args[0] : undefined;
  return (cond ? all.filter((s) => passes(q, s, cond)) : all).map((s) => s.value);
}
