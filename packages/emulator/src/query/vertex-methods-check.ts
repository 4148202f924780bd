// CREATE-time checks of the vertex and edge methods (docs.tigergraph.com gsql-ref …/querying/func/
// vertex-methods, …/edge-methods): argument counts, STRING arguments where the type is known, edge
// and vertex types and attribute names given as literals, and .filter() only after a traversal.
// Returns the method's result type where GSQL fixes it (outdegree() INT, isDirected() BOOL,
// getAttr(name, "TYPE") that type); arguments from parameters or variables are checked at run time.
import { type Catalog, edgeTypeIn, type Graph, vertexTypeIn } from '../store/catalog.js';
import type { Expr, PrimName } from './ast.js';

type At = { line: number; column: number };
type Fail = (msg: string, at: At) => never;
/** The statically known type of an argument (typecheck.ts's T, of which only primitives matter). */
type ArgT = { prim: PrimName } | object | undefined;

/** Allowed argument counts; `sets` marks the methods whose edge type may be a collection. */
const ARITY: Record<string, { name: string; min: number; max: number; sets?: boolean }> = {
  outdegree: { name: 'outdegree', min: 0, max: 1, sets: true },
  neighbors: { name: 'neighbors', min: 0, max: 1, sets: true },
  edgeattribute: { name: 'edgeAttribute', min: 2, max: 2 },
  neighborattribute: { name: 'neighborAttribute', min: 3, max: 3 },
  isdirected: { name: 'isDirected', min: 0, max: 0 },
  filter: { name: 'filter', min: 1, max: 1 },
};
const TRAVERSALS = new Set(['neighbors', 'edgeattribute', 'neighborattribute']);
const PRIMS = new Set(['INT', 'UINT', 'FLOAT', 'DOUBLE', 'STRING', 'BOOL', 'DATETIME']);

const literal = (e: Expr | undefined): string | undefined =>
  e?.k === 'lit' && typeof e.v === 'string' ? e.v : undefined;
const primOf = (t: ArgT): PrimName | undefined => (t && 'prim' in t ? t.prim : undefined);

/** Checks one method call; the result type where it is fixed, else undefined. */
export function graphMethodType(
  cat: Catalog,
  g: Graph,
  call: { e: Extract<Expr, { k: 'method' }>; recv: 'VERTEX' | 'EDGE' | undefined; args: ArgT[] },
  fail: Fail,
): { prim: PrimName } | undefined {
  const { e, recv, args } = call;
  const n = e.name.toLowerCase();
  const spec = ARITY[n];
  if (n === 'getattr') return getAttrType(e);
  if (n === 'setattr') return setAttrCheck(e, args, fail);
  if (!spec) return undefined;
  // isDirected() is the one edge method here; the others are vertex methods.
  const owner = n === 'isdirected' ? 'EDGE' : n === 'filter' ? undefined : 'VERTEX';
  if (recv && owner && recv !== owner) fail(`The method .${e.name}() is not a method of ${recv}`, e);
  if (e.args.length < spec.min || e.args.length > spec.max) {
    const want = spec.min === spec.max ? `${spec.min}` : `${spec.min} to ${spec.max}`;
    fail(`The method .${e.name}() takes ${want} argument(s), not ${e.args.length}`, e);
  }
  if (n === 'filter') {
    if (e.obj.k !== 'method' || !TRAVERSALS.has(e.obj.name.toLowerCase()))
      fail('.filter() follows neighbors(), neighborAttribute() or edgeAttribute()', e);
    const cond = primOf(args[0]);
    if (cond !== undefined && cond !== 'BOOL')
      fail(`Type mismatch: the condition of .filter() is ${cond}, not BOOL`, e.args[0] as Expr);
    return undefined;
  }
  e.args.forEach((a, i) => {
    const p = primOf(args[i]);
    // A collection argument has no primitive type: only a non-STRING primitive is a sure mismatch.
    if (p !== undefined && p !== 'STRING')
      fail(`Type mismatch: argument ${i + 1} of .${e.name}() is ${p}, not STRING`, a);
  });
  namedTypes(cat, g, e, n, fail);
  if (n === 'outdegree') return { prim: 'INT' };
  return n === 'isdirected' ? { prim: 'BOOL' } : undefined;
}

/** Edge types, vertex types and attributes written as string literals must exist. */
function namedTypes(cat: Catalog, g: Graph, e: Extract<Expr, { k: 'method' }>, n: string, fail: Fail): void {
  const edgeName = literal(e.args[0]);
  const et = edgeName === undefined ? undefined : edgeTypeIn(cat, g, edgeName);
  if (edgeName !== undefined && !et)
    fail(`The edge type ${edgeName} is not defined in graph ${g.name}.`, e.args[0] as Expr);
  if (n === 'edgeattribute') {
    const attr = literal(e.args[1]);
    if (et && attr !== undefined && !et.attributes.some((a) => a.name === attr))
      fail(`The attribute ${attr} does not exist in edge type ${et.name}`, e.args[1] as Expr);
  }
  if (n === 'neighborattribute') {
    const vname = literal(e.args[1]);
    const vt = vname === undefined ? undefined : vertexTypeIn(cat, g, vname);
    if (vname !== undefined && !vt)
      fail(`The vertex type ${vname} is not defined in graph ${g.name}.`, e.args[1] as Expr);
    const attr = literal(e.args[2]);
    const has = (x: string) => vt?.primaryId.name === x || vt?.attributes.some((a) => a.name === x);
    if (vt && attr !== undefined && !has(attr))
      fail(`The attribute ${attr} does not exist in vertex type ${vt.name}`, e.args[2] as Expr);
  }
}

/** setAttr(name, value) on a vertex or edge (3.0/3.1: setAttr(name, type, value)); the name a STRING. */
function setAttrCheck(e: Extract<Expr, { k: 'method' }>, args: ArgT[], fail: Fail): undefined {
  if (e.args.length < 2 || e.args.length > 3)
    fail(`The method .${e.name}() takes 2 to 3 argument(s), not ${e.args.length}`, e);
  const p = primOf(args[0]);
  if (p !== undefined && p !== 'STRING')
    fail(`Type mismatch: argument 1 of .${e.name}() is ${p}, not STRING`, e.args[0] as Expr);
  return undefined;
}

/** getAttr(name, "TYPE") returns TYPE (a base type written as a literal). */
function getAttrType(e: Extract<Expr, { k: 'method' }>): { prim: PrimName } | undefined {
  const t = literal(e.args[1])?.toUpperCase();
  return t !== undefined && PRIMS.has(t) ? { prim: t as PrimName } : undefined;
}
