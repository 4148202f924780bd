// What TigerGraph's interpreted mode refuses ("Interpreted GSQL Limitations", docs.tigergraph.com
// gsql-ref appendix, 3.x and 4.x alike; vectorSearch() and PRINT … WITH VECTOR per
// tigergraph/tigergraph-mcp, src/tigergraph_mcp/tools/vector_tools.py). The shell's INTERPRET QUERY
// (text, or a created query run interpreted) and the REST interpret endpoints call it; CREATE +
// INSTALL never does, and the shell's 1-block SELECT is let through (see interpretedLimit). Items
// the emulator refuses in every mode anyway (LoadAccum(), SelectVertex(), evaluate(), `_`/ANY as a
// FROM source) are refused by CREATE's checks first.
import { GsqlSyntaxError } from '../gsql/lexer.js';
import type { AccType, Expr, Pos, QueryDef, SelectBlock, Stmt } from './ast.js';
import { patternsOf, vertexAliasesOf } from './ast.js';
import { LIBRARY_UDFS } from './udfs.js';
import { FPM_UDFS } from './udfs-fpm.js';

/** The first construct interpreted mode cannot run: what it is and where it is written. */
export interface InterpretedLimit extends Pos {
  feature: string;
}

const AGGREGATES = new Set(['avg', 'min', 'max', 'count', 'isempty', 'sum']);
const UDFS = new Set([...Object.keys(LIBRARY_UDFS), ...Object.keys(FPM_UDFS)]);

/** Names the query declares, gathered before the checks (pass 1). */
interface Names {
  params: Set<string>;
  /** Base-type variables declared outside SELECT blocks (GSQL's global variables). */
  globalVars: Map<string, Pos>;
  globalAccs: Map<string, Pos>;
  vertexSets: Set<string>;
  /** Variables holding one vertex: VERTEX parameters and variables, FOREACH over vertices. */
  vertexVars: Set<string>;
  fromAliases: Set<string>;
}

/**
 * The refusal message. TigerGraph's own wording for these refusals is not published; this wording
 * is ours, in the shape of the emulator's other semantic-check errors.
 */
export function interpretedLimitMessage(l: InterpretedLimit): string {
  return `Semantic Check Fails: ${l.feature} is not supported in interpreted mode (line ${l.line}, column ${l.column}). Install the query and run it instead.`;
}

/** Throws the refusal for the first construct interpreted mode cannot run, if there is one. */
export function checkInterpreted(def: QueryDef): void {
  const l = interpretedLimit(def);
  if (l) throw new GsqlSyntaxError(interpretedLimitMessage(l), l.line, l.column);
}

/** The first (in text order) construct of the query that interpreted mode does not support. */
export function interpretedLimit(def: QueryDef): InterpretedLimit | undefined {
  // The shell's 1-block SELECT (text starting SELECT / LET) is not held to the list: TigerGraph's
  // GSQL.md (ecosys tutorials) runs `SELECT s FROM (s:Account) ORDER BY s.name LIMIT 3 OFFSET 1`.
  if (!/^\s*(?:INTERPRET|CREATE)\b/i.test(def.text)) return undefined;
  const found: InterpretedLimit[] = [];
  const add = (feature: string, at: Pos) => found.push({ feature, line: at.line, column: at.column });
  headerLimits(def, add);
  const names = collectNames(def);
  sameNames(names, add);
  walkStmts(def.body, false, names, add);
  found.sort((a, b) => a.line - b.line || a.column - b.column);
  return found[0];
}

type Add = (feature: string, at: Pos) => void;

// ---- header: DISTRIBUTED, BAG parameters ------------------------------------------------------

/**
 * Header items carry no parsed position: they are found in the query text. The text begins at the
 * query's first keyword; its line is placed from the first body statement's (absolute) line, and the
 * query is taken to begin at column 1 unless that statement shares its first line.
 */
function headerLimits(def: QueryDef, add: Add): void {
  const at = (offset: number) => textPos(def, offset);
  const dist = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(DISTRIBUTED)\b/i.exec(def.text);
  if (dist) add('A DISTRIBUTED query', at(dist[0].length - 'DISTRIBUTED'.length));
  const head = def.text.slice(0, Math.max(0, def.text.indexOf('{')));
  for (const p of def.params) {
    // A FILE parameter is a FILE object, which interpreted mode lacks.
    if (p.type.k === 'file') {
      const m = new RegExp(`\\bFILE\\s+${p.name}\\b`, 'i').exec(head);
      add(`The FILE parameter ${p.name}`, at(m ? m.index : 0));
      continue;
    }
    if (p.type.k !== 'coll' || p.type.coll !== 'BAG') continue;
    const m = new RegExp(`\\bBAG\\s*<[^>]*>\\s*${p.name}\\b`, 'i').exec(head);
    add(`The BAG parameter ${p.name}`, at(m ? m.index : 0));
  }
}

function textPos(def: QueryDef, offset: number): Pos {
  const rel = (o: number) => {
    const before = def.text.slice(0, o).split('\n');
    return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
  };
  const r = rel(offset);
  const first = def.body[0];
  const open = def.text.indexOf('{');
  if (!first || open < 0) return r;
  const lead = /^(?:\s|\/\/[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\/)*/.exec(def.text.slice(open + 1))?.[0] ?? '';
  const s = rel(open + 1 + lead.length);
  const line = r.line + first.line - s.line;
  const column = r.line === 1 && s.line === 1 ? r.column + first.column - s.column : r.column;
  return { line, column };
}

// ---- pass 1: names -----------------------------------------------------------------------------

function collectNames(def: QueryDef): Names {
  const n: Names = {
    params: new Set(def.params.map((p) => p.name)),
    globalVars: new Map(),
    globalAccs: new Map(),
    vertexSets: new Set(),
    vertexVars: new Set(def.params.filter((p) => p.type.k === 'vertex').map((p) => p.name)),
    fromAliases: new Set(),
  };
  const vertexColls = new Set(
    def.params.filter((p) => p.type.k === 'coll' && p.type.el.k === 'vertex').map((p) => p.name),
  );
  const vertexAccs = new Set<string>();
  const visit = (stmts: Stmt[], inSelect: boolean): void => {
    for (const s of stmts) {
      if (s.k === 'declAccum') {
        for (const x of s.names) if (x.global) n.globalAccs.set(x.name, s);
        if (s.type.k === 'simple' && s.type.el?.k === 'vertex')
          for (const x of s.names) vertexAccs.add(x.name);
      } else if (s.k === 'declVar') {
        for (const x of s.names) {
          if (!inSelect) n.globalVars.set(x.name, s);
          if (s.type.k === 'vertex') n.vertexVars.add(x.name);
          if (s.type.k === 'coll' && s.type.el.k === 'vertex') vertexColls.add(x.name);
        }
      } else if (s.k === 'vset' || s.k === 'vsetOp') n.vertexSets.add(s.name);
      else if (s.k === 'assign' && s.lhs.k === 'var' && isVectorSearch(s.rhs)) n.vertexSets.add(s.lhs.name);
      else if (s.k === 'select') {
        n.vertexSets.add(s.sel.target);
        for (const a of vertexAliasesOf(s.sel)) n.fromAliases.add(a);
        for (const h of patternsOf(s.sel).flatMap((x) => x.hops)) {
          n.fromAliases.add(h.targetAlias);
          if (h.edgeAlias) n.fromAliases.add(h.edgeAlias);
        }
        visit([...s.sel.accum, ...s.sel.postAccum], true);
      } else if (s.k === 'foreach') {
        const src = s.src;
        const overVertices =
          (src.k === 'name' && (n.vertexSets.has(src.name) || vertexColls.has(src.name))) ||
          (src.k === 'gacc' && vertexAccs.has(src.name));
        if (overVertices && s.vars.length === 1) n.vertexVars.add(s.vars[0] as string);
        visit(s.body, inSelect);
      } else if (s.k === 'if') {
        for (const [, b] of s.branches) visit(b, inSelect);
        if (s.else) visit(s.else, inSelect);
      } else if (s.k === 'while') visit(s.body, inSelect);
      else if (s.k === 'try') {
        visit(s.body, inSelect);
        for (const [, b] of s.handlers) visit(b, inSelect);
        if (s.else) visit(s.else, inSelect);
      }
    }
  };
  visit(def.body, false);
  // A name that is also a FROM alias is read as the alias.
  for (const a of n.fromAliases) n.vertexVars.delete(a);
  return n;
}

const isVectorSearch = (e: Expr): boolean => e.k === 'call' && e.name.toLowerCase() === 'vectorsearch';

/** One name for a parameter, a global variable and a global accumulator (`p` and `@@p`). */
function sameNames(n: Names, add: Add): void {
  for (const [name, at] of n.globalAccs) {
    if (n.params.has(name))
      add(`The query parameter ${name} and the global accumulator @@${name} (one name)`, at);
    const v = n.globalVars.get(name);
    if (v)
      add(
        `The global variable ${name} and the global accumulator @@${name} (one name)`,
        v.line > at.line ? v : at,
      );
  }
}

// ---- pass 2: statements and expressions ------------------------------------------------------------

function walkStmts(stmts: Stmt[], inSelect: boolean, n: Names, add: Add): void {
  for (const s of stmts) {
    switch (s.k) {
      case 'declAccum':
        if (hasArray(s.type)) add('ArrayAccum', s);
        break;
      case 'declFile':
        add('A FILE object', s);
        break;
      case 'declVar':
        if (s.type.k === 'json') add(`The ${s.type.name} type`, s);
        break;
      case 'raise':
        add('The RAISE statement', s);
        break;
      case 'try':
        add('The TRY … EXCEPTION statement', s);
        break;
      case 'return':
        if (s.e?.k === 'name' && n.vertexSets.has(s.e.name)) add('RETURN of a vertex set variable', s);
        break;
      case 'assign':
        if (!inSelect && s.lhs.k === 'var' && n.globalVars.has(s.lhs.name))
          add(`Assigning the global variable ${s.lhs.name} at the statement level`, s);
        break;
      case 'select':
        selectLimits(s.sel, n, add);
        break;
      case 'insert':
        if (s.types) add('A vertex type after the FROM / TO value of INSERT INTO an edge', s);
        break;
      case 'print':
        for (const it of s.items) if (it.withVector) add('PRINT … WITH VECTOR', leftmost(it.e));
        if (s.toCsv !== undefined) add('PRINT … TO_CSV', s);
        break;
    }
    walkExprs(s, n, add);
    for (const body of nestedBodies(s)) walkStmts(body, inSelect, n, add);
  }
}

const ACC_KINDS = new Set(['simple', 'Map', 'Heap', 'GroupBy', 'Array']);

/** An ArrayAccum, or an accumulator that nests one. */
function hasArray(t: AccType): boolean {
  switch (t.k) {
    case 'Array':
      return true;
    case 'Map':
      return ACC_KINDS.has(t.val.k) && hasArray(t.val as AccType);
    case 'GroupBy':
      return t.accs.some((a) => hasArray(a.type));
    case 'simple':
      return t.inner !== undefined && hasArray(t.inner);
    default:
      return false;
  }
}

function selectLimits(sel: SelectBlock, n: Names, add: Add): void {
  const first = sel.orderBy[0];
  if (first) add('ORDER BY in a SELECT statement', leftmost(first.e));
  if (sel.src === '_' || sel.src.toUpperCase() === 'ANY')
    add(`${sel.src} as the FROM source vertex type`, sel);
  walkStmts([...sel.accum, ...sel.postAccum], true, n, add);
  // The SQL-like SELECT's count(*) / sum(…) columns run interpreted: TigerGraph's GSQL.md
  // (ecosys tutorials) interprets q1b, q2b and q3b, which use them. Their arguments are checked.
  for (const col of sel.table?.cols ?? []) {
    const e = col.e;
    const aggregate = e.k === 'call' && AGGREGATES.has(e.name.toLowerCase());
    walkTree(aggregate ? e.args : e, e, () => false, n, add);
  }
}

/** The statement lists nested in a statement (not SELECT clauses: selectLimits walks those). */
function nestedBodies(s: Stmt): Stmt[][] {
  switch (s.k) {
    case 'if':
      return [...s.branches.map(([, b]) => b), ...(s.else ? [s.else] : [])];
    case 'while':
    case 'foreach':
      return [s.body];
    case 'try':
      return [s.body, ...s.handlers.map(([, b]) => b), ...(s.else ? [s.else] : [])];
    default:
      return [];
  }
}

/** The expressions of one statement (not of its nested statements), each searched through. */
function walkExprs(s: Stmt, n: Names, add: Add): void {
  walkTree(s, s, (k) => isNested(s, k), n, add);
  // IF conditions sit beside their branches, which walkStmts walks.
  if (s.k === 'if') for (const [cond] of s.branches) walkTree(cond, s, () => false, n, add);
}

function walkTree(x: unknown, at: Pos, skip: (key: string) => boolean, n: Names, add: Add): void {
  if (Array.isArray(x)) {
    for (const y of x) walkTree(y, at, skip, n, add);
    return;
  }
  if (!x || typeof x !== 'object') return;
  const o = x as Record<string, unknown>;
  const here = typeof o['line'] === 'number' ? (o as unknown as Pos) : at;
  if (isExpr(o)) exprLimit(o as unknown as Expr, n, add);
  else if (o['k'] === 'attr' && 'obj' in o) attrLimit(o['obj'] as Expr, here, n, add);
  for (const [k, v] of Object.entries(o)) if (k !== 'v' && !skip(k)) walkTree(v, here, skip, n, add);
}

const isExpr = (o: Record<string, unknown>): boolean =>
  typeof o['line'] === 'number' && typeof o['k'] === 'string';

/** Keys that hold nested statements, walked by walkStmts with the right context instead. */
function isNested(s: Stmt, key: string): boolean {
  if (s.k === 'select') return key === 'accum' || key === 'postAccum' || key === 'table';
  if (s.k === 'if') return key === 'branches' || key === 'else';
  if (s.k === 'while' || s.k === 'foreach') return key === 'body';
  if (s.k === 'try') return key === 'body' || key === 'handlers' || key === 'else';
  return false;
}

/**
 * Where an expression begins: the parser places `a.b`, `a.@c` and `a.f()` at their dot, a
 * comparison at its operator; the report points at the expression's first token instead.
 */
function leftmost(e: Expr): Pos {
  let best: Pos = e;
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const y of x) visit(y);
      return;
    }
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o['line'] === 'number') {
      const p = o as unknown as Pos;
      if (p.line < best.line || (p.line === best.line && p.column < best.column)) best = p;
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'v') visit(v);
  };
  visit(e);
  return { line: best.line, column: best.column };
}

function exprLimit(e: Expr, n: Names, add: Add): void {
  const at = leftmost(e);
  switch (e.k) {
    case 'call': {
      const f = e.name.toLowerCase();
      if (AGGREGATES.has(f)) add(`The aggregate function ${e.name.toUpperCase()}()`, at);
      else if (f === 'coalesce') add('COALESCE()', at);
      else if (f === 'datetime_format') add('datetime_format()', at);
      else if (f === 'vectorsearch') add('vectorSearch()', at);
      else if (f === 'parse_json_object' || f === 'parse_json_array') add(`${f}()`, at);
      else if (UDFS.has(f)) add(`The user-defined function ${e.name}()`, at);
      break;
    }
    case 'method':
      // The docs list "neighbor(), neighborAttribute()": the vertex methods neighbors() and
      // neighborAttribute() (edgeAttribute() is not listed).
      if (['neighbors', 'neighborattribute'].includes(e.name.toLowerCase()))
        add(`The vertex function .${e.name}()`, at);
      break;
    case 'isnull':
      add(e.not ? 'IS NOT NULL' : 'IS NULL', at);
      break;
    case 'vacc':
      if (e.prime) add(`The previous value of a vertex accumulator (@${e.name}')`, at);
      break;
    case 'attr':
      attrLimit(e.obj, at, n, add);
      break;
  }
}

/** `v.attr` where v holds a vertex but is not a FROM alias (an expression or an assignment target). */
function attrLimit(obj: Expr, at: Pos, n: Names, add: Add): void {
  if (obj.k === 'name' && n.vertexVars.has(obj.name))
    add(`The attribute of the vertex variable ${obj.name}, which is not a FROM alias,`, at);
}
