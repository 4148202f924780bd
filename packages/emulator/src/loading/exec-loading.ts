// GSQL statements for loading jobs: CREATE LOADING JOB, RUN LOADING JOB, SHOW JOB, DROP JOB, and
// the job lines of `ls`.

import { closeSync, openSync, readSync } from 'node:fs';
import { type GsqlSession, missingJob, StatementError } from '../gsql/session.js';
import type { Graph } from '../store/catalog.js';
import { LoadingError, validateJob } from './compile.js';
import { hostPath } from './data-dir.js';
import { checkDataSources } from './data-source.js';
import type { LoadingJobDef, LoadingStatement } from './job-ast.js';
import { FileLoader } from './loader.js';
import { type JobRun, loadingJobs, newJobId, type StoredJob, startRun, totals } from './registry.js';

type Of<K extends LoadingStatement['kind']> = Extract<LoadingStatement, { kind: K }> & { text: string };

function graphFor(s: GsqlSession, name: string | undefined): Graph {
  const gname = name ?? s.graph;
  const g = gname === undefined ? undefined : s.state.catalog.graphs.get(gname);
  if (!g) {
    throw new StatementError(
      gname === undefined
        ? 'Semantic Check Fails: No graph is in use. Please specify a graph with FOR GRAPH or USE GRAPH.'
        : `Semantic Check Fails: The graph ${gname} does not exist.`,
    );
  }
  return g;
}

/** Registers a job after checking it against the graph (also used by the 4.x REST endpoint). */
export function createLoadingJob(s: GsqlSession, def: LoadingJobDef, text: string): Graph {
  const g = graphFor(s, def.graph);
  const jobs = loadingJobs(g);
  if (jobs.has(def.name) || g.jobs.has(def.name)) {
    throw new StatementError(
      `Semantic Check Fails: The job name ${def.name} is already used by another job! Please use a different name.\nFailed to create loading jobs: [${def.name}].`,
    );
  }
  try {
    validateJob(s.state.catalog, g, def);
    checkDataSources(s.state, def);
  } catch (e) {
    if (e instanceof LoadingError)
      throw new StatementError(`${e.message}\nFailed to create loading jobs: [${def.name}].`);
    throw e;
  }
  jobs.set(def.name, { def: { ...def, graph: g.name }, text });
  return g;
}

const CHUNK = 1 << 16;

/** Streams one local file through a FileLoader in fixed-size chunks. */
function loadFile(loader: FileLoader, path: string, host: string): void {
  let fd: number;
  try {
    fd = openSync(host, 'r');
  } catch {
    throw new StatementError(`Semantic Check Fails: File "${path}" does not exist or cannot be read.`);
  }
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n <= 0) break;
      loader.write(Buffer.from(buf.subarray(0, n)));
    }
  } finally {
    closeSync(fd);
  }
  loader.end();
}

interface JobFile {
  variable: string;
  /** The server-side path as the job gives it (without a machine prefix), shown in the status. */
  path: string;
  /** The host file read for it (see data-dir.ts). */
  host: string;
}

const jobFile = (dataDir: string | undefined, variable: string, raw: string): JobFile => ({
  variable,
  path: raw.replace(/^(m\d+|all|any):/i, ''),
  host: hostPath(dataDir, raw),
});

/** The files a run reads, per file variable; throws when a variable has no path. */
export function jobFiles(job: StoredJob, paths: Map<string, string>, dataDir: string | undefined): JobFile[] {
  const def = job.def;
  const files: JobFile[] = [];
  for (const f of def.filenames) {
    const path = paths.get(f.name) ?? f.path;
    if (!def.statements.some((st) => st.filename === f.name)) continue;
    if (path === undefined) {
      throw new StatementError(
        `Semantic Check Fails: The file variable ${f.name} of job ${def.name} has no path. Give one with USING ${f.name}="<path>".`,
      );
    }
    files.push(jobFile(dataDir, f.name, path));
  }
  for (const st of def.statements) {
    if (st.literalPath !== undefined && !files.some((f) => f.variable === st.filename))
      files.push(jobFile(dataDir, st.filename, st.literalPath));
  }
  return files;
}

/** Runs a job over local files; `paths` overrides DEFINE FILENAME defaults. Returns the finished run. */
export function runJobFromFiles(
  s: GsqlSession,
  g: Graph,
  job: StoredJob,
  paths: Map<string, string>,
  id: string,
): JobRun {
  const def = job.def;
  const files = jobFiles(job, paths, s.state.dataDir);
  const run = startRun(s.state, id, g.name, def.name);
  try {
    for (const f of files) {
      const loader = new FileLoader(s.state, g, def, f.variable, {});
      run.files.set(f.path, loader.stats);
      loadFile(loader, f.path, f.host);
      run.size += loader.size;
    }
    run.status = 'FINISHED';
  } catch (e) {
    run.status = 'FAILED';
    // The schema may have changed since CREATE (a type dropped): report it like GSQL does.
    if (e instanceof LoadingError) throw new StatementError(e.message);
    throw e;
  } finally {
    run.endTime = s.state.clock.now();
  }
  return run;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

/** Paths whose LOAD statements read a header line (HEADER="true"). */
function headerPaths(job: StoredJob, files: JobFile[]): Set<string> {
  const withHeader = (v: string) =>
    job.def.statements
      .find((st) => st.filename === v)
      ?.using.get('HEADER')
      ?.toLowerCase() === 'true';
  return new Set(files.filter((f) => withHeader(f.variable)).map((f) => f.path));
}

/**
 * The `[LOADED]` table. As GSQL 101's "Run a loading job" output shows, the FILENAME column is as
 * wide as the longest path and LOADED LINES counts the header line too (8 for a 7-row file)
 * (https://docs.tigergraph.com/gsql-ref/3.4/tutorials/gsql-101/load-data-gsql-101).
 */
function loadedTable(run: JobRun, withHeader: Set<string>): string[] {
  let width = 'FILENAME'.length;
  for (const p of run.files.keys()) width = Math.max(width, p.length);
  const rule = `  +${'-'.repeat(width + 44)}+`;
  const seconds = Math.max(run.endTime - run.startTime, 1) / 1000;
  const row = (cells: string[]) =>
    `  |${pad(cells[0] as string, width)} |${pad(cells[1] as string, 15)} |${pad(cells[2] as string, 12)} |${pad(cells[3] as string, 11)}|`;
  const rows = [...run.files].map(([path, fs]) => {
    const lines = fs.validLine + fs.rejectLine + fs.emptyLine + (withHeader.has(path) ? 1 : 0);
    return row([path, String(lines), `${Math.round(lines / seconds)} l/s`, `${seconds.toFixed(2)} s`]);
  });
  return [rule, row(['FILENAME', 'LOADED LINES', 'AVG SPEED', 'DURATION']), ...rows, rule];
}

function runLoadingJob(s: GsqlSession, st: Of<'runLoadingJob'>): void {
  const g = graphFor(s, undefined);
  const job = loadingJobs(g).get(st.name);
  if (!job) throw new StatementError(`Semantic Check Fails: The loading job ${st.name} does not exist.`);
  const paths = new Map<string, string>();
  for (const [k, v] of st.using) if (job.def.filenames.some((f) => f.name === k)) paths.set(k, v);
  const v = s.state.version;
  const id = v.major >= 4 ? newJobId(s.state, g.name, job.def.name) : `${g.name}_m1.${s.state.clock.now()}`;
  const logDir = `/home/tigergraph/tigergraph/log/restpp/restpp_loader_logs/${g.name}`;
  const files = jobFiles(job, paths, s.state.dataDir);
  s.out.push('Kick off the following job:');
  s.out.push(`  JobName: ${job.def.name}, jobid: ${id}`);
  s.out.push(`  Loading log: '${logDir}/${id}.log'`);
  const run = runJobFromFiles(s, g, job, paths, id);
  if (st.noprint) return;
  const t = totals(run);
  s.out.push('');
  s.out.push(`Job "${id}" loading status`);
  s.out.push(`[FINISHED] m1 ( Finished: ${run.files.size} / Total: ${run.files.size} )`);
  s.out.push('  [LOADED]');
  s.out.push(...loadedTable(run, headerPaths(job, files)));
  s.out.push(`  Valid lines: ${t.validLine}, rejected lines: ${t.rejectLine}, empty lines: ${t.emptyLine}`);
  for (const o of [...t.vertex, ...t.edge])
    s.out.push(`  ${o.typeName}: valid objects ${o.validObject}, invalid attribute ${o.invalidAttribute}`);
  s.out.push(`LOAD SUCCESSFUL for loading jobid: ${id}`);
}

function showJob(s: GsqlSession, st: Of<'showJob'>): void {
  const g = graphFor(s, undefined);
  const jobs = loadingJobs(g);
  if (st.name === '*') {
    for (const j of jobs.values()) s.out.push(j.text);
    for (const j of g.jobs.values()) s.out.push(j.text);
    return;
  }
  const job = jobs.get(st.name) ?? g.jobs.get(st.name);
  if (!job) throw new StatementError(`Semantic Check Fails: The job ${st.name} does not exist.`);
  s.out.push(job.text);
}

export function executeLoading(s: GsqlSession, st: LoadingStatement & { text: string }): void {
  switch (st.kind) {
    case 'createLoadingJob':
      createLoadingJob(s, st.job, st.text);
      s.out.push(`Successfully created loading jobs: [${st.job.name}].`);
      return;
    case 'runLoadingJob':
      runLoadingJob(s, st);
      return;
    case 'showJob':
      showJob(s, st);
  }
}

/**
 * DROP JOB for loading and schema-change jobs alike: every name must exist in the graph in use.
 * Returns false when no name is a loading job, so the schema-job executor handles the statement.
 */
export function dropLoadingJobs(s: GsqlSession, names: string[]): boolean {
  const gname = s.graph;
  const g = gname === undefined ? undefined : s.state.catalog.graphs.get(gname);
  if (!g) return false;
  const jobs = loadingJobs(g);
  if (!names.some((n) => jobs.has(n))) return false;
  for (const n of names) {
    if (!jobs.has(n) && !g.jobs.has(n)) throw missingJob(n);
  }
  for (const n of names) {
    jobs.delete(n);
    g.jobs.delete(n);
  }
  s.out.push(`Successfully dropped jobs on the graph '${g.name}': [${names.join(', ')}].`);
  return true;
}
