// Runs GSQL text statement by statement, collecting the output GSQL would print.
import type { User } from '../auth/model.js';
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
      if (s.exitOnError) break;
    }
  }
  return { output: s.out.join('\n'), returnCode: s.returnCode, graph: s.graph };
}

function execute(s: GsqlSession, st: Statement): void {
  switch (st.kind) {
    case 'createVertex':
      createVertex(s, st);
      return;
    case 'createEdge':
      createEdge(s, st);
      return;
    case 'typedef':
      typedef(s, st);
      return;
    case 'createGraph':
      createGraph(s, st);
      return;
    case 'dropGraph':
      dropGraph(s, st);
      return;
    case 'useGraph':
      useGraph(s, st);
      return;
    case 'useGlobal':
      s.graph = undefined;
      s.out.push('Using global scope.');
      return;
    case 'dropVertex':
    case 'dropEdge':
    case 'dropTuple':
      dropTypes(s, st);
      return;
    case 'dropAll':
      dropAll(s);
      return;
    case 'clearStore':
      clearStore(s);
      return;
    case 'createSchemaJob':
      createSchemaJob(s, st);
      return;
    case 'runSchemaJob':
      runSchemaJob(s, st);
      return;
    case 'dropJob':
      if (!dropLoadingJobs(s, st.names)) dropJob(s, st);
      return;
    case 'createLoadingJob':
    case 'runLoadingJob':
    case 'showJob':
      executeLoading(s, st);
      return;
    case 'ls':
      s.out.push(
        lsText(s.state.catalog, s.graph === undefined ? undefined : s.state.catalog.graphs.get(s.graph)),
      );
      return;
    case 'showGraph':
      s.out.push(lsText(s.state.catalog, st.name === '*' ? undefined : s.state.catalog.graphs.get(st.name)));
      return;
    case 'set':
      if (st.name.toLowerCase() === 'exit_on_error') s.exitOnError = st.value.toLowerCase() !== 'false';
      return;
    case 'createSecret':
      createSecret(s, st);
      return;
    case 'showSecret':
      showSecret(s);
      return;
    case 'dropSecret':
      dropSecret(s, st);
      return;
    case 'createUser':
      createUser(s, st);
      return;
    case 'dropUser':
      dropUser(s, st);
      return;
    case 'showUser':
      showUser(s);
      return;
    case 'grantRole':
      grantRole(s, st);
      return;
    case 'upsert':
      upsertValues(s, st);
      return;
    case 'upsertEdge':
      upsertEdge(s, st);
      return;
    case 'help':
      s.out.push(helpText());
      return;
    case 'queryCmd':
      execQueryCommand(s, st.cmd);
      return;
    case 'begin':
    case 'end':
      return;
    case 'package':
      execPackageStatement(s, st);
      return;
  }
}
