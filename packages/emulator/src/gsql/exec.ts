// Runs GSQL text statement by statement, collecting the output GSQL would print.
import type { User } from '../auth/model.js';
import { executeDataSource } from '../loading/data-source.js';
import { dropLoadingJobs, executeLoading } from '../loading/exec-loading.js';
import { execQueryCommand } from '../query/commands.js';
import type { EmulatorState } from '../state.js';
import type { Statement } from './ast.js';
import {
  createSecret,
  createUser,
  dropSecret,
  dropUser,
  grantRole,
  showSecret,
  showUser,
} from './exec-auth.js';
import { execBuiltinSelect } from './exec-builtin-select.js';
import {
  clearStore,
  createEdge,
  createGraph,
  createSchemaJob,
  createVertex,
  dropAll,
  dropGraph,
  dropJob,
  dropTypes,
  runSchemaJob,
  typedef,
  useGraph,
} from './exec-ddl.js';
import { upsertEdge, upsertValues } from './exec-upsert.js';
import { helpText } from './help.js';
import { lsText } from './ls.js';
import { GsqlParser } from './parser.js';
import { type GsqlSession, StatementError } from './session.js';
import { showTypesText } from './show-types.js';
import { execPackageStatement } from './vector-ddl.js';

export interface GsqlResult {
  output: string;
  returnCode: number;
  /** Graph in use after the script (the GSQL shell reports it back in its session cookie). */
  graph: string | undefined;
  /** Session parameters after the script (likewise kept in the cookie). */
  params: Map<string, string>;
}

/** `exit_on_error` is on unless set to false (gsql-docs basics/system-and-language-basics.adoc). */
const exitOnErrorOf = (params: Map<string, string>) => params.get('exit_on_error')?.toLowerCase() !== 'false';

export function runGsql(
  state: EmulatorState,
  user: User,
  text: string,
  graph?: string,
  sessionParams?: ReadonlyMap<string, string>,
): GsqlResult {
  const params = new Map(sessionParams);
  const s: GsqlSession = {
    state,
    user,
    graph,
    exitOnError: exitOnErrorOf(params),
    params,
    out: [],
    returnCode: 0,
  };
  if (graph !== undefined && !state.catalog.graphs.has(graph)) s.graph = undefined;
  const parser = new GsqlParser(text);
  for (;;) {
    const r = parser.nextStatement();
    if (!r) break;
    if (!r.ok) {
      s.out.push(r.error.message);
      s.returnCode = 211;
      if (s.exitOnError) break;
      continue;
    }
    try {
      execute(s, r.statement);
    } catch (e) {
      if (!(e instanceof StatementError)) throw e;
      s.out.push(e.message);
      s.returnCode = e.code;
      if (s.exitOnError && e.stops) break;
    }
  }
  return { output: s.out.join('\n'), returnCode: s.returnCode, graph: s.graph, params: s.params };
}

type Handler<K extends Statement['kind']> = (s: GsqlSession, st: Extract<Statement, { kind: K }>) => void;

/** The statement kinds' runners (one entry per kind, so a new kind cannot be forgotten). */
const HANDLERS: { [K in Statement['kind']]: Handler<K> } = {
  createVertex,
  createEdge,
  typedef,
  createGraph,
  dropGraph,
  useGraph,
  useGlobal: (s) => {
    s.graph = undefined;
    s.out.push('Using global scope.');
  },
  dropVertex: dropTypes,
  dropEdge: dropTypes,
  dropTuple: dropTypes,
  dropAll: (s) => dropAll(s),
  clearStore: (s) => clearStore(s),
  createSchemaJob,
  runSchemaJob,
  dropJob: (s, st) => {
    if (!dropLoadingJobs(s, st.names)) dropJob(s, st);
  },
  createDataSource: executeDataSource,
  dropDataSource: executeDataSource,
  createLoadingJob: executeLoading,
  runLoadingJob: executeLoading,
  showJob: executeLoading,
  ls: (s) => {
    const g = s.graph === undefined ? undefined : s.state.catalog.graphs.get(s.graph);
    s.out.push(lsText(s.state.catalog, g, s.params));
  },
  showTypes: (s, st) => {
    const text = showTypesText(
      s.state.catalog,
      s.graph === undefined ? undefined : s.state.catalog.graphs.get(s.graph),
      st,
    );
    if (text !== '') s.out.push(text);
  },
  showGraph: (s, st) => {
    s.out.push(lsText(s.state.catalog, st.name === '*' ? undefined : s.state.catalog.graphs.get(st.name)));
  },
  set: (s, st) => {
    // A session parameter holds for the rest of the session (GSQL shell sessions page,
    // docs.tigergraph.com/tigergraph-server/current/gsql-shell/gsql-sessions).
    s.params.set(st.name.toLowerCase(), st.value);
    s.exitOnError = exitOnErrorOf(s.params);
  },
  createSecret,
  showSecret: (s) => showSecret(s),
  dropSecret,
  createUser,
  dropUser,
  showUser: (s) => showUser(s),
  grantRole,
  upsert: upsertValues,
  upsertEdge,
  help: (s) => {
    s.out.push(helpText());
  },
  queryCmd: (s, st) => execQueryCommand(s, st.cmd),
  begin: () => {},
  end: () => {},
  package: execPackageStatement,
  builtinSelect: execBuiltinSelect,
};

function execute(s: GsqlSession, st: Statement): void {
  (HANDLERS[st.kind] as Handler<Statement['kind']>)(s, st);
}
