// GSQL statements about queries: CREATE [OR REPLACE] QUERY, INTERPRET QUERY, INSTALL QUERY,
// DROP QUERY, SHOW QUERY, RUN QUERY, and the `Queries:` part of `ls`.
import { GsqlSyntaxError } from '../gsql/lexer.js';
import type { Cursor } from '../gsql/parser-base.js';
import { type GsqlSession, StatementError } from '../gsql/session.js';
import { shellJson } from '../gsql/shell-json.js';
import { type Json, parseJson } from '../json.js';
import type { Graph } from '../store/catalog.js';
import type { QueryDef } from './ast.js';
import { checkQuery, parseQueryAt, skipQueryBody } from './compile.js';
import { checkInterpreted } from './interpreted-limits.js';
import { isOneBlock, parseOneBlock } from './one-block.js';
import { paramsFromArgs, typeText } from './params.js';
import { DEFAULT_TIMEOUT_MS, evalDefaultFor, newRun, outcomeBody, runSync } from './runner.js';
import { queriesOf } from './store.js';
import type { QV } from './values.js';

export type QueryCommand =
  | { k: 'create'; def: QueryDef; replace: boolean }
  | { k: 'interpret'; def: QueryDef }
  | { k: 'failed'; name: string; error: GsqlSyntaxError }
  | { k: 'install'; names: string[]; all: boolean; force: boolean }
  | { k: 'drop'; names: string[]; all: boolean }
  | { k: 'show'; name: string }
  | { k: 'run'; name: string; args: Json[]; interpret: boolean; async?: boolean };

/** Parses a query statement at the cursor, or returns undefined if the statement is not one. */
export function queryCommand(c: Cursor, src: string): QueryCommand | undefined {
  const isCreate =
    c.isKw('CREATE') &&
    (c.isKw('QUERY', 1) ||
      (c.isKw('OR', 1) && c.isKw('QUERY', 3)) ||
      (c.isKw('DISTRIBUTED', 1) && c.isKw('QUERY', 2)) ||
      (c.isKw('OR', 1) && c.isKw('DISTRIBUTED', 3)));
  if (isCreate || (c.isKw('INTERPRET') && c.isKw('QUERY', 1) && isInterpretDefinition(c))) {
    const start = c.pos;
    const name =
      c.peek(c.isKw('OR', 1) ? 3 : c.isKw('DISTRIBUTED', 1) ? 2 : 1).kind === 'ident'
        ? nameAfterQuery(c)
        : '';
    try {
      const r = parseQueryAt(c, src);
      return r.interpret ? { k: 'interpret', def: r.def } : { k: 'create', def: r.def, replace: r.replace };
    } catch (e) {
      if (!(e instanceof GsqlSyntaxError)) throw e;
      c.pos = start;
      skipQueryBody(c);
      return { k: 'failed', name, error: e };
    }
  }
  if (isOneBlock(c)) return { k: 'interpret', def: parseOneBlock(c, src) };
  if (c.isKw('INTERPRET') && c.isKw('QUERY', 1)) {
    c.next();
    c.next();
    const name = c.ident();
    return { k: 'run', name, args: runArgs(c, src), interpret: true };
  }
  if (c.isKw('INSTALL') && c.isKw('QUERY', 1)) {
    c.next();
    c.next();
    let force = false;
    while (c.isPunct('-')) {
      c.next();
      const opt = c.ident().toUpperCase();
      if (opt === 'FORCE') force = true;
    }
    const { names, all } = nameList(c);
    return { k: 'install', names, all, force };
  }
  if (c.isKw('DROP') && c.isKw('QUERY', 1)) {
    c.next();
    c.next();
    return { k: 'drop', ...nameList(c) };
  }
  if (c.isKw('SHOW') && c.isKw('QUERY', 1)) {
    c.next();
    c.next();
    return { k: 'show', name: c.acceptPunct('*') ? '*' : c.ident() };
  }
  if (c.isKw('RUN') && c.isKw('QUERY', 1)) {
    c.next();
    c.next();
    let async = false;
    while (c.isPunct('-')) {
      c.next();
      if (c.ident().toLowerCase() === 'async') async = true;
    }
    const name = c.ident();
    return { k: 'run', name, args: runArgs(c, src), interpret: false, async };
  }
  return undefined;
}

function isInterpretDefinition(c: Cursor): boolean {
  // `INTERPRET QUERY (…) FOR GRAPH g {…}` or `INTERPRET QUERY name(…) … {…}` (has a body),
  // versus `INTERPRET QUERY name(args)` (runs an existing query).
  for (let i = 2; ; i++) {
    const t = c.peek(i);
    if (t.kind === 'eof') return false;
    if (t.kind === 'punct' && t.text === '{') return true;
    if (i > 2 && t.newline) return false;
  }
}

function nameAfterQuery(c: Cursor): string {
  for (let i = 1; i < 5; i++)
    if (c.isKw('QUERY', i)) return c.peek(i + 1).kind === 'ident' ? c.peek(i + 1).text : '';
  return '';
}

function nameList(c: Cursor): { names: string[]; all: boolean } {
  if (c.acceptKw('ALL') || c.acceptPunct('*')) return { names: [], all: true };
  return { names: c.identList(), all: false };
}

/** `(1, "a", [1, 2], {"id": "x", "type": "T"})` as JSON values (what RUN QUERY takes). */
function runArgs(c: Cursor, src: string): Json[] {
  c.expectPunct('(');
  const first = c.peek();
  let depth = 1;
  let end = first.start;
  for (;;) {
    const t = c.next();
    if (t.kind === 'eof') throw c.error(t);
    if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
    if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) depth--;
    if (depth === 0) break;
    end = t.end;
  }
  const raw = src.slice(first.start, end);
  if (raw.trim() === '') return [];
  try {
    const v = parseJson(`[${raw.replace(/'/g, '"')}]`);
    return Array.isArray(v) ? v : [];
  } catch {
    throw new GsqlSyntaxError(
      `Encountered "${raw}": RUN QUERY arguments must be literals.`,
      first.line,
      first.column,
    );
  }
}

// ---- execution ---------------------------------------------------------------------------

function graphFor(s: GsqlSession, named: string): Graph {
  const name = named !== '' ? named : s.graph;
  if (name === undefined)
    throw new StatementError(
      'Semantic Check Fails: No graph is in use. Use "USE GRAPH <name>" or add "FOR GRAPH <name>" to the query.',
    );
  const g = s.state.catalog.graphs.get(name);
  if (!g) throw new StatementError(`Semantic Check Fails: The graph ${name} does not exist.`);
  return g;
}

/** The queries an INSTALL or DROP names (or all of the graph's), each checked to exist. */
function namedQueries(s: GsqlSession, cmd: { names: string[]; all: boolean }) {
  const g = graphFor(s, '');
  const store = queriesOf(g);
  const names = cmd.all ? [...store.keys()] : cmd.names;
  for (const n of names)
    if (!store.has(n))
      throw new StatementError(`Semantic Check Fails: The query ${n} does not exist in graph ${g.name}.`);
  return { g, store, names };
}

type Cmd<K extends QueryCommand['k']> = Extract<QueryCommand, { k: K }>;

export function execQueryCommand(s: GsqlSession, cmd: QueryCommand): void {
  switch (cmd.k) {
    case 'failed':
      throw new StatementError(
        `${cmd.error.message}\nFailed to create queries: [${cmd.name}].`,
        cmd.error.message.startsWith('Semantic') ? 212 : 211,
      );
    case 'create':
      createQuery(s, cmd);
      return;
    case 'install':
      installQueries(s, cmd);
      return;
    case 'drop': {
      const { store, names } = namedQueries(s, cmd);
      for (const n of names) store.delete(n);
      s.out.push(`Successfully dropped queries: [${names.join(', ')}].`);
      return;
    }
    case 'show':
      showQuery(s, cmd);
      return;
    case 'interpret': {
      const g = graphFor(s, cmd.def.graph);
      const def = { ...cmd.def, graph: g.name };
      try {
        checkQuery(s.state.catalog, g, def);
        checkInterpreted(def);
      } catch (e) {
        if (e instanceof GsqlSyntaxError) throw new StatementError(e.message);
        throw e;
      }
      s.out.push(runText(s, g, def, [], true));
      return;
    }
    case 'run':
      runQuery(s, cmd);
      return;
  }
}

/** CREATE [OR REPLACE] QUERY: checked against the schema, stored uninstalled. */
function createQuery(s: GsqlSession, cmd: Cmd<'create'>): void {
  const g = graphFor(s, cmd.def.graph);
  const def = { ...cmd.def, graph: g.name };
  const store = queriesOf(g);
  if (store.has(def.name) && !cmd.replace)
    throw new StatementError(
      `Semantic Check Fails: The query ${def.name} already exists in graph ${g.name}. Use CREATE OR REPLACE QUERY to replace it.\nFailed to create queries: [${def.name}].`,
    );
  try {
    checkQuery(s.state.catalog, g, def);
  } catch (e) {
    if (e instanceof GsqlSyntaxError)
      throw new StatementError(`${e.message}\nFailed to create queries: [${def.name}].`);
    throw e;
  }
  // A replaced query must be installed again before its endpoint answers.
  store.set(def.name, { def, installed: false });
  s.out.push(`Successfully created queries: [${def.name}].`);
}

/** INSTALL QUERY: marks the queries installed and prints the shell's progress lines. */
function installQueries(s: GsqlSession, cmd: Cmd<'install'>): void {
  const { g, store, names } = namedQueries(s, cmd);
  const todo = names.filter((n) => cmd.force || !store.get(n)?.installed);
  if (todo.length === 0) {
    s.out.push('All queries have been installed already.');
    return;
  }
  s.out.push('Start installing queries, about 1 minute ...');
  for (const n of todo) {
    const q = store.get(n);
    if (!q) continue;
    q.installed = true;
    // STATIC accumulators start again from their declared value after every install.
    delete q.statics;
    const qs = q.def.params.map((p) => `${p.name}=VALUE`).join('&');
    s.out.push(
      `${n} query: curl -X GET 'http://127.0.0.1:9000/query/${g.name}/${n}${qs ? `?${qs}` : ''}'. Add -H "Authorization: Bearer TOKEN" if authentication is enabled.`,
    );
  }
  s.out.push("Select 'm1' as compile server, now connecting ...");
  s.out.push("Node 'm1' is prepared as compile server.");
  s.out.push('');
  s.out.push(`[${'='.repeat(104)}] 100% (${todo.length}/${todo.length})`);
  s.out.push('Query installation finished.');
}

/** SHOW QUERY name|*: the queries' source text. */
function showQuery(s: GsqlSession, cmd: Cmd<'show'>): void {
  const g = graphFor(s, '');
  const store = queriesOf(g);
  const list = cmd.name === '*' ? [...store.values()] : [store.get(cmd.name)];
  if (list[0] === undefined)
    throw new StatementError(
      `Semantic Check Fails: The query ${cmd.name} does not exist in graph ${g.name}.`,
    );
  for (const q of list) if (q) s.out.push(q.def.text);
}

/** RUN QUERY [-async] / INTERPRET QUERY name(…): runs a created query from the shell. */
function runQuery(s: GsqlSession, cmd: Cmd<'run'>): void {
  const g = graphFor(s, '');
  const q = queriesOf(g).get(cmd.name);
  if (!q)
    throw new StatementError(
      `Semantic Check Fails: The query ${cmd.name} does not exist in graph ${g.name}.`,
    );
  if (!cmd.interpret && !q.installed)
    throw new StatementError(
      `Query ${cmd.name} is not installed yet. Please install it first, or use INTERPRET QUERY ${cmd.name}(...) to run it interpreted.`,
    );
  if (cmd.interpret) interpretable(q.def);
  if (cmd.async) {
    // `RUN QUERY -async`: detached like GSQL-ASYNC; the shell prints the submission reply.
    const params = shellParams(s, g, q.def, cmd.args);
    const submit = s.state.submitQuery;
    if (!submit) throw new StatementError('RUN QUERY -async needs the RESTPP server of this emulator.');
    s.out.push(submit(g, q.def, params, `/query/${g.name}/${q.def.name}`));
    return;
  }
  s.out.push(runText(s, g, q.def, cmd.args, cmd.interpret));
}

/** INTERPRET QUERY name(…): the created query must keep to what interpreted mode runs. */
function interpretable(def: QueryDef): void {
  try {
    checkInterpreted(def);
  } catch (e) {
    if (e instanceof GsqlSyntaxError) throw new StatementError(e.message);
    throw e;
  }
}

function shellParams(s: GsqlSession, g: Graph, def: QueryDef, args: Json[]): Map<string, QV> {
  try {
    return paramsFromArgs(s.state.catalog, g, def, args, evalDefaultFor(s.state, g, def));
  } catch (e) {
    throw new StatementError((e as Error).message);
  }
}

/**
 * Runs a query for the GSQL shell and returns its JSON result laid out as the shell prints it
 * (`"results": [{"Result": [`, as GSQL 101's RUN QUERY output shows:
 * https://docs.tigergraph.com/gsql-ref/3.10/tutorials/gsql-101/parameterized-gsql-query).
 */
function runText(s: GsqlSession, g: Graph, def: QueryDef, args: Json[], interpreted: boolean): string {
  const params = shellParams(s, g, def, args);
  const q = newRun(s.state, g, def, params, interpreted);
  const { body } = outcomeBody(runSync(q, def, params, DEFAULT_TIMEOUT_MS, false), g.schemaVersion, 'gsql');
  const ordered = {
    error: (body['error'] ?? false) as Json,
    message: (body['message'] ?? '') as Json,
    version: (body['version'] ?? null) as Json,
    results: (body['results'] ?? []) as Json,
  };
  return shellJson(ordered);
}

/**
 * The `Queries:` lines of `ls` for a graph: `  - hello(vertex<Person> p) (installed v2)`. A query
 * not yet installed shows no status, and parameter types are in lower case, as GSQL 101's `ls`
 * shows `hello(vertex<person> p)` (https://docs.tigergraph.com/gsql-ref/3.10/tutorials/gsql-101/parameterized-gsql-query;
 * statuses: https://docs.tigergraph.com/gsql-ref/4.1/querying/query-operations#_show_query).
 */
export function queryListing(g: Graph): string[] {
  const sorted = [...queriesOf(g).values()].sort((a, b) => (a.def.name < b.def.name ? -1 : 1));
  return sorted.map(({ def, installed }) => {
    const params = def.params.map((p) => `${lsTypeText(typeText(p.type))} ${p.name}`).join(', ');
    return `  - ${def.name}(${params})${installed ? ` (installed ${def.syntax})` : ''}`;
  });
}

/** GSQL's type keywords in lower case; vertex, edge and tuple type names stay as declared. */
const lsTypeText = (text: string): string =>
  text.replace(
    /\b(VERTEX|EDGE|SET|LIST|BAG|MAP|INT|UINT|FLOAT|DOUBLE|STRING|BOOL|DATETIME|FILE|JSONOBJECT|JSONARRAY)\b/g,
    (k) => k.toLowerCase(),
  );
