// Query text → checked QueryDef. Everything the interpreter cannot run is rejected here (at
// CREATE / INTERPRET time) with a message naming the construct.
import { GsqlSyntaxError, tokenize } from '../gsql/lexer.js';
import { Cursor } from '../gsql/parser-base.js';
import { type Catalog, edgeTypeIn, type Graph, vertexTypeIn } from '../store/catalog.js';
import { checkArrayAccums } from './array-check.js';
import type { QueryDef } from './ast.js';
import { FUNCTIONS, METHODS } from './builtins.js';
import { undeclaredAssignment } from './check-assign.js';
import { checkNames } from './check-names.js';
import { checkInsert } from './insert-check.js';
import { QueryBodyParser } from './parser.js';
import { queriesOf } from './store.js';
import { typeCheck } from './typecheck.js';
import { isVectorFunction } from './vector-functions.js';
import { vectorSearchProblem } from './vector-search.js';

export class QueryCompileError extends Error {}

/**
 * Parses `CREATE [OR REPLACE] [DISTRIBUTED] QUERY name(...) [FOR GRAPH g] … { … }` or
 * `INTERPRET QUERY [name](...) …` starting at the cursor. Returns the definition (graph may be ""
 * when the text names none) and whether it was CREATE OR REPLACE.
 */
export function parseQueryAt(
  c: Cursor,
  src: string,
): { def: QueryDef; replace: boolean; interpret: boolean } {
  const first = c.peek();
  let replace = false;
  let interpret = false;
  if (c.acceptKw('INTERPRET')) interpret = true;
  else {
    c.expectKw('CREATE');
    if (c.acceptKw('OR')) {
      c.expectKw('REPLACE');
      replace = true;
    }
    c.acceptKw('DISTRIBUTED');
  }
  c.expectKw('QUERY');
  const name = c.isPunct('(') ? '' : c.ident();
  const p = new QueryBodyParser(c, src);
  const params = p.params();
  let graph = '';
  // No SYNTAX header is V2, TigerGraph's default since 3.5 (gsql-docs querying/syntax-versions.adoc);
  // `ls` lists such a query as `(installed v2)` (docs 4.1 querying/query-operations, SHOW QUERY).
  let syntax: QueryDef['syntax'] = 'v2';
  for (;;) {
    if (c.acceptKw('FOR')) {
      c.expectKw('GRAPH');
      graph = c.ident();
    } else if (c.acceptKw('RETURNS')) {
      c.expectPunct('(');
      if (/ACCUM$/i.test(c.peek().text)) p.accType();
      else p.varType();
      c.expectPunct(')');
    } else if (c.acceptKw('API')) {
      // The EBNF's `API "(" stringLiteral ")"` (the docs' examples write `api("v2")`).
      const paren = c.isPunct('(');
      if (paren) c.expectPunct('(');
      c.next();
      if (paren) c.expectPunct(')');
    } else if (c.acceptKw('SYNTAX')) {
      const v = c.next().text.toLowerCase();
      syntax = v === 'v1' || v === 'v3' ? v : 'v2';
      p.syntax = v;
      // Classic steps traverse left to right with or without an arrowhead (`-(E)-` = `-(E)->`).
      // Only SYNTAX v1 is classic: v3 also reads v2 patterns.
      p.classic = v === 'v1';
    } else break;
  }
  const body = p.body();
  const text = src.slice(first.start, c.tokens[c.pos - 1]?.end ?? first.end);
  return { def: { name, graph, params, syntax, body, text }, replace, interpret };
}

/** Skips to just after the `}` that closes the query body that starts at or after the cursor. */
export function skipQueryBody(c: Cursor): void {
  while (!c.isPunct('{') && c.peek().kind !== 'eof') c.next();
  let depth = 0;
  while (c.peek().kind !== 'eof') {
    const t = c.next();
    if (t.kind === 'punct' && t.text === '{') depth++;
    if (t.kind === 'punct' && t.text === '}' && --depth === 0) return;
  }
}

/** Parses a whole query text (REST endpoints: interpret, POST /gsql/v1/queries). */
export function parseQueryText(src: string): { def: QueryDef; replace: boolean; interpret: boolean } {
  const c = new Cursor(tokenize(src));
  const r = parseQueryAt(c, src);
  if (c.peek().kind !== 'eof' && !c.isPunct(';')) throw c.error();
  return r;
}

type At = { line: number; column: number };
type Fail = (msg: string, at: At) => never;

/** Semantic checks against the graph: types, functions and methods the subset knows. */
export function checkQuery(cat: Catalog, g: Graph, def: QueryDef): void {
  const fail: Fail = (msg, at) => {
    throw new GsqlSyntaxError(
      `Semantic Check Fails: ${msg} (line ${at.line}, column ${at.column}).`,
      at.line,
      at.column,
    );
  };
  const ctx: SchemaCheck = { cat, g, fail, tuples: new Set<string>(), typeParams: typeParamsOf(def) };
  checkSchema(ctx, def.params, { line: 1, column: 1 });
  checkSchema(ctx, def.body, { line: 1, column: 1 });
  // Names read and names assigned undeclared: whichever comes first in the text is reported.
  const undeclared = undeclaredAssignment(def, (n) => FUNCTIONS.has(n.toLowerCase()));
  const reportUndeclared = () => {
    if (undeclared) fail(`The variable ${undeclared.name} is not declared`, undeclared);
  };
  checkNames(cat, g, def, (msg, at) => {
    if (
      undeclared &&
      (undeclared.line < at.line || (undeclared.line === at.line && undeclared.column < at.column))
    )
      reportUndeclared();
    return fail(msg, at);
  });
  reportUndeclared();
  typeCheck(cat, g, def, fail);
  checkArrayAccums(def, fail);
}

/** What the walk over a query's AST checks against: the graph, and the names it may use as types. */
interface SchemaCheck {
  cat: Catalog;
  g: Graph;
  fail: Fail;
  /** Tuple types declared so far (TYPEDEF), which may be called like functions. */
  tuples: Set<string>;
  /** STRING / SET<STRING> parameters name types at run time (`-(e_type_set:e)- v_type:t`). */
  typeParams: Set<string>;
}

function typeParamsOf(def: QueryDef): Set<string> {
  return new Set(
    def.params
      .filter((p) => {
        const el = p.type.k === 'coll' ? p.type.el : p.type;
        return el.k === 'prim' && el.name === 'STRING';
      })
      .map((p) => p.name),
  );
}

function checkVertexType(ctx: SchemaCheck, name: string, at: At): void {
  if (ctx.typeParams.has(name)) return;
  if (!vertexTypeIn(ctx.cat, ctx.g, name))
    ctx.fail(`The vertex type ${name} is not defined in graph ${ctx.g.name}.`, at);
}

/** Walks the AST: every vertex and edge type, function and method it names must exist. */
function checkSchema(ctx: SchemaCheck, x: unknown, at: At): void {
  if (Array.isArray(x)) {
    for (const y of x) checkSchema(ctx, y, at);
    return;
  }
  if (!x || typeof x !== 'object') return;
  const o = x as Record<string, unknown>;
  const here =
    typeof o['line'] === 'number' ? { line: o['line'] as number, column: o['column'] as number } : at;
  checkSchemaNode(ctx, o, here);
  checkHopTypes(ctx, o, here);
  for (const [k, v] of Object.entries(o)) if (k !== 'v') checkSchema(ctx, v, here);
}

function checkSchemaNode(ctx: SchemaCheck, o: Record<string, unknown>, here: At): void {
  const { cat, g, fail } = ctx;
  switch (o['k']) {
    case 'typedef':
      ctx.tuples.add(o['name'] as string);
      break;
    case 'vertex':
      if (typeof o['vtype'] === 'string') checkVertexType(ctx, o['vtype'], here);
      break;
    case 'all':
      checkVertexType(ctx, o['type'] as string, here);
      break;
    case 'insert':
      if (!ctx.typeParams.has(o['name'] as string)) checkInsert(cat, g, o as never, fail);
      break;
    case 'call': {
      const n = o['name'] as string;
      if (
        !FUNCTIONS.has(n.toLowerCase()) &&
        !isVectorFunction(n) &&
        !ctx.tuples.has(n) &&
        !queriesOf(g).has(n)
      )
        fail(`The function ${n}() is not supported by the emulator`, here);
      const bad = n.toLowerCase() === 'vectorsearch' ? vectorSearchProblem(cat, g, o as never) : undefined;
      if (bad) fail(bad.msg, bad.at);
      break;
    }
    case 'method': {
      const n = o['name'] as string;
      if (!METHODS.has(n.toLowerCase())) fail(`The method .${n}() is not supported by the emulator`, here);
      break;
    }
  }
}

/** A SELECT's hops: their edge types exist (directed ones with a direction), their targets too. */
function checkHopTypes(ctx: SchemaCheck, o: Record<string, unknown>, here: At): void {
  const { cat, g, fail } = ctx;
  const hops = [o['hop'], ...((o['more'] as unknown[] | undefined) ?? [])];
  for (const h of hops) {
    if (!h || typeof h !== 'object') continue;
    const hop = h as { edges: { name: string }[]; targets: string[] };
    for (const e of hop.edges as { name: string; dir: string }[]) {
      if (e.name === '_' || ctx.typeParams.has(e.name)) continue;
      const et = edgeTypeIn(cat, g, e.name);
      if (!et) fail(`The edge type ${e.name} is not defined in graph ${g.name}.`, here);
      else if (et.directed && e.dir === 'both')
        fail(
          `The directed edge type ${e.name} needs a direction in the pattern (-(${e.name}>)- or -(<${e.name})-, or -(${e.name})-> in classic syntax)`,
          here,
        );
    }
    for (const t of hop.targets) checkVertexType(ctx, t, here);
  }
}
