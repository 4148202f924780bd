// CREATE's checks of ArrayAccum use (docs.tigergraph.com/gsql-ref/3.9/querying/accumulators,
// "ArrayAccum"): an element is named with one index per declared dimension, a literal index stays
// inside a literal size, `.reallocate()` gives one size per dimension (it cannot change how many
// there are), and as a mutator it runs at the query-body level for a global ArrayAccum and in
// POST-ACCUM for a vertex-attached one.
import type { Expr, Pos, QueryDef, Stmt } from './ast.js';

type Fail = (msg: string, at: Pos) => never;
type Where = 'body' | 'accum' | 'post';

/** Declared ArrayAccums by printed name (`@@a`, `@a`): each dimension's literal size, if literal. */
type Arrays = Map<string, (number | undefined)[]>;

export function checkArrayAccums(def: QueryDef, fail: Fail): void {
  const arrays: Arrays = new Map();
  const declare = (stmts: unknown): void =>
    visit(stmts, (o) => {
      const s = o as unknown as Stmt;
      if (s.k !== 'declAccum' || s.type.k !== 'Array') return;
      for (const n of s.names)
        arrays.set(`${n.global ? '@@' : '@'}${n.name}`, (n.dims ?? []).map(literalSize));
    });
  declare(def.body);
  // A literal size only bounds the indices of an array that is never resized or assigned whole.
  visit(def.body, (o) => {
    const resized =
      o['k'] === 'method' && String(o['name']).toLowerCase() === 'reallocate'
        ? base(o['obj'] as Expr)
        : undefined;
    const lhs = o['k'] === 'assign' ? (o['lhs'] as { k: string; name?: string }) : undefined;
    const whole = lhs?.k === 'gacc' ? `@@${lhs.name}` : lhs?.k === 'vacc' ? `@${lhs.name}` : resized?.name;
    const dims = whole === undefined ? undefined : arrays.get(whole);
    if (whole !== undefined && dims)
      arrays.set(
        whole,
        dims.map(() => undefined),
      );
  });
  walk(def.body, 'body', { line: 1, column: 1 }, arrays, fail);
}

const literalSize = (e: Expr): number | undefined =>
  e.k === 'lit' && typeof e.v === 'bigint' && e.v > 0n ? Number(e.v) : undefined;

function visit(x: unknown, fn: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(x)) {
    for (const y of x) visit(y, fn);
    return;
  }
  if (!x || typeof x !== 'object') return;
  const o = x as Record<string, unknown>;
  fn(o);
  for (const [k, v] of Object.entries(o)) if (k !== 'v') visit(v, fn);
}

/** Walks statements and expressions, knowing whether they sit in ACCUM, POST-ACCUM or the body. */
function walk(x: unknown, where: Where, at: Pos, arrays: Arrays, fail: Fail): void {
  if (Array.isArray(x)) {
    for (const y of x) walk(y, where, at, arrays, fail);
    return;
  }
  if (!x || typeof x !== 'object') return;
  const o = x as Record<string, unknown>;
  const here = typeof o['line'] === 'number' ? (o as unknown as Pos) : at;
  if (o['k'] === 'index') {
    // One check per chain (`@@a[i][j]`), then the index expressions and the vertex it hangs off.
    const e = o as unknown as Extract<Expr, { k: 'index' }>;
    checkIndex(e, here, arrays, fail);
    const { indices, root } = base(e);
    walk([...indices, ...(root.k === 'vacc' ? [root.obj] : [])], where, here, arrays, fail);
    return;
  }
  if (o['k'] === 'method') checkMethod(o as unknown as Extract<Expr, { k: 'method' }>, where, arrays, fail);
  const select = Array.isArray(o['accum']) && Array.isArray(o['postAccum']);
  for (const [k, v] of Object.entries(o)) {
    if (k === 'v') continue;
    const inner = select && k === 'accum' ? 'accum' : select && k === 'postAccum' ? 'post' : where;
    walk(v, inner, here, arrays, fail);
  }
}

/** The accumulator an indexed or called expression starts from, with the indices written after it. */
function base(e: Expr): { name: string | undefined; indices: Expr[]; root: Expr } {
  const indices: Expr[] = [];
  let x = e;
  while (x.k === 'index') {
    indices.unshift(x.index);
    x = x.obj;
  }
  const name = x.k === 'gacc' ? `@@${x.name}` : x.k === 'vacc' ? `@${x.name}` : undefined;
  return { name, indices, root: x };
}

const dimensions = (n: number) => `${n} dimension${n === 1 ? '' : 's'}`;

function checkIndex(e: Extract<Expr, { k: 'index' }>, at: Pos, arrays: Arrays, fail: Fail): void {
  const { name, indices } = base(e);
  if (name === undefined) return;
  const dims = arrays.get(name);
  if (!dims) fail(`${name} is not an ArrayAccum, so it cannot be indexed with [ ]`, at);
  // Fewer indices would name a sub-array, which GSQL has no value for.
  if (indices.length !== dims.length)
    fail(`The ArrayAccum ${name} has ${dimensions(dims.length)}, indexed with ${indices.length}`, at);
  indices.forEach((ix, i) => {
    const size = dims[i];
    const v = literalInt(ix);
    if (v !== undefined && (v < 0n || (size !== undefined && v >= BigInt(size))))
      fail(`The index ${v} of ${name} is outside its size ${size ?? 'at run time'}`, ix);
  });
}

/** An integer literal, negative ones included. */
function literalInt(e: Expr): bigint | undefined {
  if (e.k === 'lit' && typeof e.v === 'bigint') return e.v;
  if (e.k === 'un' && e.op === '-' && e.e.k === 'lit' && typeof e.e.v === 'bigint') return -e.e.v;
  return undefined;
}

function checkMethod(e: Extract<Expr, { k: 'method' }>, where: Where, arrays: Arrays, fail: Fail): void {
  if (e.name.toLowerCase() !== 'reallocate') return;
  const { name, indices } = base(e.obj);
  const dims = name !== undefined && indices.length === 0 ? arrays.get(name) : undefined;
  if (!dims || name === undefined) return;
  if (e.args.length !== dims.length)
    fail(`${name}.reallocate() takes ${dims.length} sizes (one per dimension), not ${e.args.length}`, e);
  const global = name.startsWith('@@');
  if (global && where !== 'body')
    fail(`${name}.reallocate() changes a global accumulator: it may be used at the query-body level only`, e);
  if (!global && where !== 'post')
    fail(`${name}.reallocate() changes a vertex-attached accumulator: it may be used in POST-ACCUM only`, e);
}
