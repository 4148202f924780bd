// CREATE DATA_SOURCE / DROP DATA_SOURCE: named connections (S3, GCS, ABS, Kafka…) that loading jobs
// name in `DEFINE FILENAME f = "$source:{"file.uris": …}"`. The emulator keeps the name, its graph and
// its JSON; it never connects anywhere: such files are read from the data directory (data-dir.ts).
import type { Cursor } from '../gsql/parser-base.js';
import { type GsqlSession, StatementError } from '../gsql/session.js';
import type { EmulatorState } from '../state.js';

export type DataSourceStatement =
  | { kind: 'createDataSource'; name: string; config: string; graph: string | undefined }
  | { kind: 'dropDataSource'; names: string[] };

interface DataSource {
  graph: string | undefined;
  config: Record<string, unknown> | string;
}

const sourcesByState = new WeakMap<EmulatorState, Map<string, DataSource>>();

export function dataSources(state: EmulatorState): Map<string, DataSource> {
  let m = sourcesByState.get(state);
  if (!m) {
    m = new Map();
    sourcesByState.set(state, m);
  }
  return m;
}

/** After `CREATE DATA_SOURCE` (older versions put a kind keyword such as S3 or KAFKA first). */
export function parseCreateDataSource(c: Cursor): DataSourceStatement {
  let name = c.ident();
  if (!c.isPunct('=') && c.peek().kind === 'ident') name = c.ident();
  c.expectPunct('=');
  const config = c.string();
  let graph: string | undefined;
  if (c.acceptKw('FOR')) {
    c.expectKw('GRAPH');
    graph = c.ident();
  }
  return { kind: 'createDataSource', name, config, graph };
}

/** After `DROP DATA_SOURCE`: names, or `*` for all. */
export function parseDropDataSource(c: Cursor): DataSourceStatement {
  if (c.acceptPunct('*')) return { kind: 'dropDataSource', names: ['*'] };
  return { kind: 'dropDataSource', names: c.identList() };
}

/** The configuration: inline JSON (parsed when it is JSON), or the path of a configuration file. */
function configOf(text: string): Record<string, unknown> | string {
  const t = text.trim();
  if (!t.startsWith('{')) return t;
  try {
    return JSON.parse(t) as Record<string, unknown>;
  } catch {
    throw new StatementError('Semantic Check Fails: the data source configuration is not valid JSON.');
  }
}

export function executeDataSource(s: GsqlSession, st: DataSourceStatement): void {
  const all = dataSources(s.state);
  if (st.kind === 'createDataSource') {
    if (st.graph !== undefined && !s.state.catalog.graphs.has(st.graph))
      throw new StatementError(`Semantic Check Fails: The graph ${st.graph} does not exist.`);
    if (all.has(st.name))
      throw new StatementError(`Semantic Check Fails: The data source ${st.name} already exists.`);
    all.set(st.name, { graph: st.graph, config: configOf(st.config) });
    s.out.push(`Data source ${st.name} is created.`);
    return;
  }
  const names = st.names[0] === '*' ? [...all.keys()] : st.names;
  for (const n of names) {
    // Like DROP JOB of a missing job, the script goes on: the tutorial's load file starts this way.
    if (!all.has(n))
      throw new StatementError(`Semantic Check Fails: The data source ${n} does not exist.`, 212, false);
  }
  for (const n of names) {
    all.delete(n);
    s.out.push(`Data source ${n} is dropped.`);
  }
}
