// `x = expr;` declares nothing in GSQL unless it builds a vertex set (`S = {…}`, `S = SELECT …`,
// `S = T`, `S = A UNION B`): a scalar assigned to a name no declaration introduced is refused as
// undeclared, as GSQL's semantic check does (the library's tg_kmeans_sub assigns `rangeDiv`, a
// misspelling of its `range_div`).
import type { Expr, QueryDef } from './ast.js';

/** Expressions that can never be a vertex set: literals, arithmetic, and the scalar built-ins. */
function scalar(e: Expr, isBuiltin: (name: string) => boolean): boolean {
  if (e.k === 'lit' || e.k === 'bin' || e.k === 'un') return true;
  return e.k === 'call' && isBuiltin(e.name) && !/^to_vertex/i.test(e.name);
}

const DECLARING = new Set(['declVar', 'vset', 'vsetOp', 'typedef', 'declFile', 'declException']);

/** Names a declaration introduces (parameters, variables, vertex sets, loop variables, aliases). */
function declared(def: QueryDef): Set<string> {
  const out = new Set<string>(def.params.map((p) => p.name));
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const y of x) walk(y);
      return;
    }
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o['k'] === 'string' && DECLARING.has(o['k'])) {
      if (typeof o['name'] === 'string') out.add(o['name']);
      for (const n of (o['names'] as { name: string }[] | undefined) ?? []) out.add(n.name);
    }
    if (o['k'] === 'foreach') for (const v of o['vars'] as string[]) out.add(v);
    for (const key of ['target', 'srcAlias', 'targetAlias', 'edgeAlias'])
      if (typeof o[key] === 'string') out.add(o[key] as string);
    for (const [k, v] of Object.entries(o)) if (k !== 'v') walk(v);
  };
  walk(def.body);
  return out;
}

/** The first `name = scalar` whose name nothing declares, with where it is. */
export function undeclaredAssignment(
  def: QueryDef,
  isBuiltin: (name: string) => boolean,
): { name: string; line: number; column: number } | undefined {
  const known = declared(def);
  let found: { name: string; line: number; column: number } | undefined;
  const walk = (x: unknown): void => {
    if (found || !x || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const y of x) walk(y);
      return;
    }
    const o = x as Record<string, unknown>;
    const lhs = o['lhs'] as { k: string; name: string } | undefined;
    if (o['k'] === 'assign' && o['op'] === '=' && lhs?.k === 'var' && !known.has(lhs.name)) {
      if (scalar(o['rhs'] as Expr, isBuiltin))
        found = { name: lhs.name, line: o['line'] as number, column: o['column'] as number };
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'v') walk(v);
  };
  walk(def.body);
  return found;
}
