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
}

export function runGsql(state: EmulatorState, user: User, text: string, graph?: string): GsqlResult {
  const s: GsqlSession = { state, user, graph, exitOnError: true, out: [], returnCode: 0 };
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
  return { output: s.out.join('\n'), returnCode: s.returnCode, graph: s.graph };
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
    s.out.push(
      lsText(s.state.catalog, s.graph === undefined ? undefined : s.state.catalog.graphs.get(s.graph)),
    );
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
    if (st.name.toLowerCase() === 'exit_on_error') s.exitOnError = st.value.toLowerCase() !== 'false';
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
