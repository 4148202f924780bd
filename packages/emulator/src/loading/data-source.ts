// CREATE DATA_SOURCE / DROP DATA_SOURCE: named connections (S3, GCS, ABS, Kafka…) that loading jobs
// name in `DEFINE FILENAME f = "$source:{"file.uris": …}"`. The emulator keeps the name, its graph and
// its JSON, shared with /gsql/v1/data-sources; it never connects anywhere: such files are read from
// the data directory (data-dir.ts).
import type { Cursor } from '../gsql/parser-base.js';
import { type GsqlSession, StatementError } from '../gsql/session.js';
import { isObject, type Json, parseJson } from '../json.js';
import type { EmulatorState } from '../state.js';
import { LoadingError } from './compile.js';
import { type DataSource, sources } from './data-source-registry.js';
import type { LoadingJobDef } from './job-ast.js';

export type DataSourceStatement =
  | { kind: 'createDataSource'; name: string; config: string; graph: string | undefined }
  | { kind: 'dropDataSource'; names: string[] };

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

/** The inline JSON configuration (a configuration file's path is refused: the emulator reads none). */
function configOf(text: string): DataSource['config'] {
  const t = text.trim();
  if (!t.startsWith('{'))
    throw new StatementError(
      'Semantic Check Fails: a data source configuration read from a file is outside the emulator subset; write the JSON inline.',
    );
  let v: Json;
  try {
    v = parseJson(t);
  } catch {
    throw new StatementError('Semantic Check Fails: the data source configuration is not valid JSON.');
  }
  if (!isObject(v) || typeof v['type'] !== 'string')
    throw new StatementError(
      'Semantic Check Fails: the data source configuration needs a "type" (s3, gcs, abs…).',
    );
  return v;
}

export function executeDataSource(s: GsqlSession, st: DataSourceStatement): void {
  const all = sources(s.state);
  if (st.kind === 'createDataSource') {
    if (st.graph !== undefined && !s.state.catalog.graphs.has(st.graph))
      throw new StatementError(`Semantic Check Fails: The graph ${st.graph} does not exist.`);
    if (all.has(st.name))
      throw new StatementError(`Semantic Check Fails: The data source ${st.name} already exists.`);
    all.set(st.name, {
      name: st.name,
      config: configOf(st.config),
      graphs: st.graph === undefined ? [] : [st.graph],
    });
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

/** A job's `DEFINE FILENAME f = "$src:{…}"` must name a data source that exists. */
export function checkDataSources(state: EmulatorState, def: LoadingJobDef): void {
  for (const f of def.filenames) {
    const name = /^\$(\w+):/.exec(f.path ?? '')?.[1];
    if (name !== undefined && !sources(state).has(name))
      throw new LoadingError(`Semantic Check Fails: The data source ${name} does not exist.`);
  }
}
