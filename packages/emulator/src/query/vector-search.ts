// vectorSearch() in GSQL queries (TigerGraph 4.2, ecosys VectorSearch.md):
//   result = vectorSearch({T1.vec, T2.vec}, queryVector, k, {candidate_set: S, ef: 20, distance_map: @@m});
// returns the k vertices whose vectors are nearest the query vector. TigerGraph answers from its HNSW
// index (approximate); the emulator searches exactly (brute force), which is what an index that has
// caught up returns on small data. The call is parsed into an ordinary `call` expression whose
// arguments are: a list of `T.vec` attribute expressions, the query vector, k, and a list of
// `(name -> value)` arrows for the optional map.
import type { Cursor } from '../gsql/parser-base.js';
import { type Graph, type VertexType, vertexTypeIn } from '../store/catalog.js';
import { getVector, type VectorAttrDef, vectorAttr } from '../store/vectors.js';
import { QueryRuntimeError } from './accum.js';
import type { Expr, Pos } from './ast.js';
import type { Interp } from './interp.js';
import { describe } from './ops.js';
import { QMap, type QV, VRef, VSet } from './values.js';
import { callGdsVector, metricDistance, vectorArg } from './vector-functions.js';

export const VECTOR_SEARCH = 'vectorsearch';

const OPTIONS = ['candidate_set', 'ef', 'distance_map'];

/** True at `vectorSearch(`. */
export const atVectorSearch = (c: Cursor): boolean => c.isKw('VECTORSEARCH') && c.isPunct('(', 1);

/** Parses `vectorSearch({T.v, …}, q, k[, {name: value, …}])` into a call expression. */
export function parseVectorSearch(p: { c: Cursor; expr(): Expr }): Expr {
  const c = p.c;
  const t = c.next();
  const at = { line: t.line, column: t.column };
  c.expectPunct('(');
  c.expectPunct('{');
  const attrs: Expr[] = [];
  do {
    const tt = c.peek();
    const type = c.ident();
    c.expectPunct('.');
    const pos = { line: tt.line, column: tt.column };
    attrs.push({ ...pos, k: 'attr', obj: { ...pos, k: 'name', name: type }, name: c.ident() });
  } while (c.acceptPunct(','));
  c.expectPunct('}');
  c.expectPunct(',');
  const query = p.expr();
  c.expectPunct(',');
  const k = p.expr();
  const options: Expr[] = [];
  if (c.acceptPunct(',')) {
    c.expectPunct('{');
    if (!c.isPunct('}')) {
      do {
        const nt = c.peek();
        const name = c.ident();
        c.expectPunct(':');
        const pos = { line: nt.line, column: nt.column };
        options.push({ ...pos, k: 'arrow', keys: [{ ...pos, k: 'lit', v: name }], vals: [p.expr()] });
      } while (c.acceptPunct(','));
    }
    c.expectPunct('}');
  }
  c.expectPunct(')');
  const list = (items: Expr[]): Expr => ({ ...at, k: 'list', items });
  return { ...at, k: 'call', name: 'vectorSearch', args: [list(attrs), query, k, list(options)] };
}

interface Target {
  type: VertexType;
  def: VectorAttrDef;
}

/** The `T.vec` items, each checked to name a vector attribute of a vertex type in the graph. */
function targets(g: Graph, q: Interp, items: Expr[]): Target[] {
  return items.map((e) => {
    if (e.k !== 'attr' || e.obj.k !== 'name')
      throw new QueryRuntimeError(
        'Runtime Error: vectorSearch() takes vector attributes as {VertexType.vectorName}.',
      );
    const type = vertexTypeIn(q.cat, g, e.obj.name);
    if (!type)
      throw new QueryRuntimeError(
        `Runtime Error: vectorSearch(): ${e.obj.name} is not a vertex type in graph ${g.name} (line ${e.line}).`,
      );
    const def = vectorAttr(type, e.name);
    if (!def)
      throw new QueryRuntimeError(
        `Runtime Error: vectorSearch(): ${e.name} is not a vector attribute of vertex type ${type.name} (line ${e.line}).`,
      );
    return { type, def };
  });
}

/** The optional map: candidate_set (a vertex set), ef (ignored: the search is exact), distance_map. */
function options(
  q: Interp,
  items: Expr[],
): { candidates: VSet | undefined; distanceMap: string | undefined } {
  let candidates: VSet | undefined;
  let distanceMap: string | undefined;
  for (const it of items) {
    if (it.k !== 'arrow') continue;
    const name = String((it.keys[0] as Extract<Expr, { k: 'lit' }>).v);
    const value = it.vals[0] as Expr;
    if (!OPTIONS.includes(name))
      throw new QueryRuntimeError(
        `Runtime Error: vectorSearch() has no optional parameter ${name}; use ${OPTIONS.join(', ')} (line ${it.line}).`,
      );
    if (name === 'distance_map') {
      if (value.k !== 'gacc')
        throw new QueryRuntimeError(
          'Runtime Error: the distance_map of vectorSearch() must be a global MapAccum<VERTEX, FLOAT> (@@name).',
        );
      distanceMap = value.name;
    } else if (name === 'candidate_set') {
      const v = q.ev(value);
      if (!(v instanceof VSet))
        throw new QueryRuntimeError(
          `Runtime Error: the candidate_set of vectorSearch() must be a vertex set, not ${describe(v)}.`,
        );
      candidates = v;
    } else q.ev(value);
  }
  return { candidates, distanceMap };
}

function topK(q: Interp, args: Expr[], at: Pos): { hits: { v: VRef; d: number }[]; distanceMap?: string } {
  const [attrList, queryExpr, kExpr, optList] = args as [Expr, Expr, Expr, Expr];
  const ts = targets(q.graph, q, (attrList as Extract<Expr, { k: 'list' }>).items);
  const query = vectorArg(q.ev(queryExpr), 'vectorSearch');
  const kv = q.ev(kExpr);
  if (typeof kv !== 'bigint' || kv < 0n)
    throw new QueryRuntimeError(
      `Runtime Error: the k of vectorSearch() must be a non-negative INT, not ${describe(kv)}.`,
    );
  const opts = options(q, (optList as Extract<Expr, { k: 'list' }>).items);
  const hits: { v: VRef; d: number }[] = [];
  for (const { type, def } of ts) {
    if (query.length !== def.dimension)
      throw new QueryRuntimeError(
        `Runtime Error: vectorSearch(): the query vector has ${query.length} elements, but ${type.name}.${def.name} has dimension ${def.dimension} (line ${at.line}).`,
      );
    for (const rec of type.data.values()) {
      const v = new VRef(type.name, rec.id);
      if (opts.candidates && !opts.candidates.m.has(v.key)) continue;
      const vec = getVector(rec, def.name);
      if (vec !== undefined) hits.push({ v, d: metricDistance(def.metric, vec, query) });
    }
  }
  hits.sort((a, b) => a.d - b.d || a.v.type.localeCompare(b.v.type) || a.v.id.localeCompare(b.v.id));
  const out = { hits: hits.slice(0, Number(kv)) };
  return opts.distanceMap === undefined ? out : { ...out, distanceMap: opts.distanceMap };
}

/** Runs vectorSearch(): the result vertex set, nearest first; fills the distance_map when given. */
export function vectorSearch(q: Interp, args: Expr[], at: Pos): QV {
  const { hits, distanceMap } = topK(q, args, at);
  if (distanceMap !== undefined) {
    const acc = q.gacc(distanceMap);
    if (!(acc.get() instanceof QMap))
      throw new QueryRuntimeError(
        `Runtime Error: the distance_map of vectorSearch() must be a MapAccum<VERTEX, FLOAT>; @@${distanceMap} is not a MapAccum.`,
      );
    const m = new QMap();
    for (const h of hits) m.set(h.v, h.d);
    acc.set(m);
  }
  return new VSet(hits.map((h) => h.v));
}

/** vectorSearch() or a gds.vector function (see isVectorFunction). */
export function callVectorFunction(q: Interp, name: string, args: Expr[], at: Pos): QV {
  return name.toLowerCase() === VECTOR_SEARCH ? vectorSearch(q, args, at) : callGdsVector(q, name, args, at);
}

/** CREATE/INSTALL-time check of a vectorSearch() call: each `T.vec` must be a vector attribute. */
export function vectorSearchProblem(
  cat: Interp['cat'],
  g: Graph,
  call: Extract<Expr, { k: 'call' }>,
): { msg: string; at: Pos } | undefined {
  const list = call.args[0];
  if (call.args.length < 3 || list?.k !== 'list')
    return { msg: 'vectorSearch() takes ({VertexType.vector, …}, queryVector, k[, {options}])', at: call };
  for (const e of list.items) {
    if (e.k !== 'attr' || e.obj.k !== 'name') continue;
    const t = vertexTypeIn(cat, g, e.obj.name);
    if (!t) return { msg: `The vertex type ${e.obj.name} is not defined in graph ${g.name}.`, at: e };
    if (!vectorAttr(t, e.name))
      return { msg: `The vector attribute ${e.name} does not exist in vertex type ${t.name}`, at: e };
  }
  return undefined;
}
