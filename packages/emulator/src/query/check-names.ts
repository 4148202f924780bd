// The declared-names check: every accumulator, variable and alias a query reads is declared
// somewhere in it (compile.ts runs it among the semantic checks).
import { type Catalog, edgeTypeIn, type Graph, vertexTypeIn } from '../store/catalog.js';
import type { QueryDef } from './ast.js';

type Fail = (msg: string, at: { line: number; column: number }) => never;

/** The names a query declares, by kind. */
interface Declared {
  globals: Set<string>;
  locals: Set<string>;
  names: Set<string>;
}

/** Every accumulator, variable and alias a query reads must be declared somewhere in it. */
export function checkNames(cat: Catalog, g: Graph, def: QueryDef, fail: Fail): void {
  const d: Declared = {
    globals: new Set<string>(),
    locals: new Set<string>(),
    names: new Set<string>(def.params.map((p) => p.name)),
  };
  collectDeclared(d, def.body);
  verifyNames(cat, g, d, fail, def.body);
}

function collectDeclared(d: Declared, x: unknown): void {
  if (Array.isArray(x)) {
    for (const y of x) collectDeclared(d, y);
    return;
  }
  if (!x || typeof x !== 'object') return;
  const o = x as Record<string, unknown>;
  declaredBy(d, o);
  if (typeof o['target'] === 'string' && typeof o['srcAlias'] === 'string') declareSelect(d.names, o);
  // A conjunctive FROM's further patterns (`FROM p1, p2, …`) declare their aliases too.
  if (typeof o['srcAlias'] === 'string' && Array.isArray(o['hops'])) {
    d.names.add(o['srcAlias']);
    for (const h of o['hops'] as { edgeAlias?: string; targetAlias: string }[]) {
      d.names.add(h.targetAlias);
      if (h.edgeAlias) d.names.add(h.edgeAlias);
    }
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'v') collectDeclared(d, v);
}

/** The names one declaration (or assignment) node declares. */
function declaredBy(d: Declared, o: Record<string, unknown>): void {
  switch (o['k']) {
    case 'declAccum':
      for (const n of o['names'] as { name: string; global: boolean }[])
        (n.global ? d.globals : d.locals).add(n.name);
      break;
    case 'declVar':
      for (const n of o['names'] as { name: string }[]) d.names.add(n.name);
      break;
    case 'vset':
    case 'vsetOp':
    case 'typedef':
    case 'declFile':
    case 'declException':
      d.names.add(o['name'] as string);
      break;
    case 'foreach':
      for (const v of o['vars'] as string[]) d.names.add(v);
      break;
    case 'var':
      d.names.add(o['name'] as string);
      break;
  }
}

/** A SELECT block declares its target, its aliases and (tabular) its table and columns. */
function declareSelect(names: Set<string>, o: Record<string, unknown>): void {
  names.add(o['target'] as string);
  names.add(o['srcAlias'] as string);
  // A tabular SELECT declares its table (`SELECT … INTO T`), and its HAVING / ORDER BY read
  // the columns by name.
  const table = o['table'] as { name: string; cols: { key: string }[] } | undefined;
  if (table) names.add(table.name);
  for (const col of table?.cols ?? []) names.add(col.key);
  const hops = [o['hop'], ...((o['more'] as unknown[] | undefined) ?? [])];
  for (const h of hops as ({ edgeAlias?: string; targetAlias: string } | undefined)[]) {
    if (!h) continue;
    names.add(h.targetAlias);
    if (h.edgeAlias) names.add(h.edgeAlias);
  }
}

function verifyNames(cat: Catalog, g: Graph, d: Declared, fail: Fail, body: unknown): void {
  // Inside .filter(cond) the traversed edge is named by its edge type (vertex-methods.ts).
  let inFilter = 0;
  const verify = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const y of x) verify(y);
      return;
    }
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    const at = { line: (o['line'] as number) ?? 1, column: (o['column'] as number) ?? 1 };
    if (o['k'] === 'gacc' && !d.globals.has(o['name'] as string))
      fail(`The global accumulator @@${o['name'] as string} is not declared`, at);
    if (o['k'] === 'vacc' && !d.locals.has(o['name'] as string))
      fail(`The vertex accumulator @${o['name'] as string} is not declared`, at);
    if (o['k'] === 'method' && String(o['name']).toLowerCase() === 'filter') {
      verify(o['obj']);
      inFilter++;
      verify(o['args']);
      inFilter--;
      return;
    }
    if (o['k'] === 'name') {
      const n = o['name'] as string;
      const edge = inFilter > 0 && edgeTypeIn(cat, g, n);
      if (!d.names.has(n) && !vertexTypeIn(cat, g, n) && !edge) fail(`The variable ${n} is not declared`, at);
    }
    if (typeof o['src'] === 'string' && typeof o['srcAlias'] === 'string') {
      const src = o['src'];
      if (!d.names.has(src) && !vertexTypeIn(cat, g, src)) fail(`The vertex set ${src} is not declared`, at);
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'v') verify(v);
  };
  verify(body);
}
