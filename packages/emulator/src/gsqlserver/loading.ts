// Loading-job management over the GSQL server: 4.1+ /gsql/v1/loading-jobs… (reference §4.14) and
// the 3.x /gsqlserver/gsql/loading-jobs?action=… control and progress calls (§4.13).
import type { User } from '../auth/model.js';
import type { Statement } from '../gsql/ast.js';
import { GsqlParser } from '../gsql/parser.js';
import { type GsqlSession, StatementError } from '../gsql/session.js';
import { jsonReply } from '../http/reply.js';
import { type EmuRequest, type EmuResponse, param } from '../http/types.js';
import { isObject, type Json, parseJson } from '../json.js';
import { createLoadingJob, runJobFromFiles } from '../loading/exec-loading.js';
import type { LoadingJobDef, LoadStatementDef, TokenExpr } from '../loading/job-ast.js';
import { type JobRun, jobRuns, loadingJobs, newJobId, totals } from '../loading/registry.js';
import { modernStatistics } from '../loading/stats.js';
import type { EmulatorState } from '../state.js';
import type { Graph } from '../store/catalog.js';
import { GsqlHttpError } from './common.js';

const okMsg = (message: string, extra: Record<string, unknown> = {}): EmuResponse =>
  jsonReply(200, { error: false, message, ...extra });

function graphOf(state: EmulatorState, name: string | undefined): Graph {
  if (name === undefined || name === '')
    throw new GsqlHttpError(400, 'The graph parameter is required (?graph=<graph name>).');
  const g = state.catalog.graphs.get(name);
  if (!g) throw new GsqlHttpError(400, `Graph ${name} does not exist.`);
  return g;
}

function session(state: EmulatorState, user: User, graph: string | undefined): GsqlSession {
  return { state, user, graph, exitOnError: true, params: new Map(), out: [], returnCode: 0 };
}

function jsonBody(req: EmuRequest): Json {
  const text = req.body.toString('utf8').trim();
  if (text === '') throw new GsqlHttpError(400, 'The request body is empty.');
  try {
    return parseJson(text);
  } catch (e) {
    throw new GsqlHttpError(400, `Invalid JSON payload: ${(e as Error).message}`);
  }
}

// ---- job status ----------------------------------------------------------------------------------

function statusJson(state: EmulatorState, run: JobRun): Record<string, unknown> {
  const end = run.endTime === 0 ? state.clock.now() : run.endTime;
  const duration = Math.max(end - run.startTime, 0);
  const t = totals(run);
  const lines = t.validLine + t.rejectLine + t.emptyLine;
  const speed = duration > 0 ? Math.round((lines * 1000) / duration) : lines;
  return {
    overall: {
      id: run.id,
      startTime: run.startTime,
      endTime: run.endTime,
      duration,
      progress: run.status === 'FINISHED' ? 100 : 0,
      size: run.size,
      averageSpeed: speed,
      currentSpeed: run.status === 'RUNNING' ? speed : 0,
      statistics: modernStatistics(t),
    },
    workers: [{ tasks: [...run.files.keys()].map((f) => ({ filename: f.split(':')[0] })) }],
  };
}

function runsFor(state: EmulatorState, ids: string[]): JobRun[] {
  const all = jobRuns(state);
  return ids.map((id) => {
    const r = all.get(id);
    if (!r) throw new GsqlHttpError(404, `The loading job id ${id} does not exist.`);
    return r;
  });
}

// ---- job JSON (GET /loading-jobs/{job}?json=true) -----------------------------------------------

function exprText(e: TokenExpr): string {
  switch (e.kind) {
    case 'position':
      return `$${e.index}`;
    case 'column':
      return `$"${e.name}"`;
    case 'skip':
      return '_';
    case 'literal':
      return `"${e.value}"`;
    case 'call':
      return `${e.name}(${e.args.map(exprText).join(', ')})`;
  }
}

function statementJson(st: LoadStatementDef): Record<string, unknown>[] {
  return st.targets.map((t) => ({
    Type: t.kind === 'edge' ? 'Edge' : 'Vertex',
    TargetName: t.type,
    DataSource: { Type: 'FileVar', Value: st.filename },
    Mappings: t.values.map((v) => exprText(v.expr)),
    UsingClauses: Object.fromEntries(st.using),
  }));
}

function jobJson(def: LoadingJobDef, graph: string): Record<string, unknown> {
  return {
    JobName: def.name,
    GraphName: graph,
    FileNames: Object.fromEntries(def.filenames.map((f) => [f.name, f.path ?? ''])),
    Headers: Object.fromEntries(def.headers),
    Filters: [],
    LoadingStatements: def.statements.flatMap(statementJson),
  };
}

// ---- create / run ----------------------------------------------------------------------------------

/** Creates the loading jobs in a GSQL text body; returns their names. */
function createFromText(
  state: EmulatorState,
  user: User,
  g: Graph,
  text: string,
  replace: boolean,
): string[] {
  const parser = new GsqlParser(text);
  const names: string[] = [];
  const s = session(state, user, g.name);
  for (;;) {
    const r = parser.nextStatement();
    if (!r) break;
    if (!r.ok) throw new GsqlHttpError(400, r.error.message);
    const st: Statement = r.statement;
    if (st.kind === 'useGraph') continue;
    if (st.kind !== 'createLoadingJob')
      throw new GsqlHttpError(400, 'The body must contain CREATE LOADING JOB statements only.');
    if (replace) loadingJobs(g).delete(st.job.name);
    try {
      createLoadingJob(s, { ...st.job, graph: st.job.graph ?? g.name }, st.text);
    } catch (e) {
      if (e instanceof StatementError) throw new GsqlHttpError(400, e.message);
      throw e;
    }
    names.push(st.job.name);
  }
  if (names.length === 0) throw new GsqlHttpError(400, 'The body contains no CREATE LOADING JOB statement.');
  return names;
}

interface RunSpec {
  name: string;
  paths: Map<string, string>;
}

function runSpecs(value: Json, key: 'list' | 'jobs'): RunSpec[] {
  const list = key === 'jobs' && isObject(value) ? value['jobs'] : value;
  if (!Array.isArray(list))
    throw new GsqlHttpError(400, 'The body must be a JSON list of loading jobs to run.');
  return list.map((item) => {
    if (!isObject(item) || typeof item['name'] !== 'string')
      throw new GsqlHttpError(400, 'Each loading job to run needs a "name".');
    const paths = new Map<string, string>();
    const sources = item['dataSources'];
    if (Array.isArray(sources)) {
      for (const ds of sources) {
        if (!isObject(ds) || typeof ds['filename'] !== 'string') continue;
        if (ds['name'] !== undefined && ds['name'] !== 'file')
          throw new GsqlHttpError(
            400,
            `Data source ${String(ds['name'])} is not supported by the emulator; use "file".`,
          );
        if (typeof ds['path'] === 'string') paths.set(ds['filename'], ds['path']);
      }
    }
    return { name: item['name'], paths };
  });
}

function runJobs(state: EmulatorState, user: User, g: Graph, specs: RunSpec[]): string[] {
  const s = session(state, user, g.name);
  return specs.map((spec) => {
    const job = loadingJobs(g).get(spec.name);
    if (!job) throw new GsqlHttpError(404, `The loading job ${spec.name} does not exist in graph ${g.name}.`);
    const id = newJobId(state, g.name, spec.name);
    try {
      runJobFromFiles(s, g, job, spec.paths, id);
    } catch (e) {
      if (e instanceof StatementError) throw new GsqlHttpError(400, e.message);
      throw e;
    }
    return id;
  });
}

// ---- 4.x routes ------------------------------------------------------------------------------------

/** `/gsql/v1/loading-jobs[/…]`; `rest` are the path segments after `loading-jobs`. */
export function loadingJobsV1(
  state: EmulatorState,
  req: EmuRequest,
  user: User,
  rest: string[],
): EmuResponse {
  const m = req.method;
  const [a, b] = rest;
  const ids = (): string[] => {
    // `jobIds=a,b` (TigerGraph's docs) or `jobId=a&jobId=b` (pyTigerGraph).
    const list =
      b !== undefined
        ? [b]
        : [...req.query.getAll('jobIds'), ...req.query.getAll('jobId')]
            .flatMap((x) => x.split(','))
            .filter((x) => x !== '');
    if (list.length === 0) throw new GsqlHttpError(400, 'The jobIds parameter is required.');
    return list;
  };
  if (a === 'status' && m === 'GET' && rest.length <= 2) {
    return okMsg('', { results: runsFor(state, ids()).map((r) => statusJson(state, r)) });
  }
  if (a === 'abort' && m === 'GET' && rest.length <= 2) {
    const runs = runsFor(state, ids());
    const pause = param(req, 'isPause') === 'true';
    for (const r of runs) if (r.status === 'RUNNING') r.status = pause ? 'PAUSED' : 'ABORTED';
    const list = runs.map((r) => r.id).join(', ');
    return okMsg(
      pause
        ? `Successfully paused loading job(s): [${list}].`
        : `Successfully dropped loading job(s): [${list}].`,
    );
  }
  if (a === 'resume' && m === 'GET' && rest.length === 2) {
    const runs = runsFor(state, ids());
    for (const r of runs) if (r.status === 'PAUSED') r.status = 'RUNNING';
    return okMsg(`Successfully resumed loading job(s): [${runs.map((r) => r.id).join(', ')}].`);
  }
  if (a === 'run' && m === 'POST' && rest.length === 1) {
    const g = graphOf(state, param(req, 'graph'));
    const specs = runSpecs(jsonBody(req), 'list');
    const jobIds = runJobs(state, user, g, specs);
    return okMsg(`Successfully ran loading job(s): [${specs.map((s) => s.name).join(', ')}]`, { jobIds });
  }
  const g = graphOf(state, param(req, 'graph'));
  const jobs = loadingJobs(g);
  if (a === undefined && m === 'GET') return okMsg('', { jobNames: [...jobs.keys()] });
  if (a === undefined && (m === 'POST' || m === 'PUT')) {
    const names = createFromText(state, user, g, req.body.toString('utf8'), m === 'PUT');
    return okMsg(`Successfully created loading job: ${names.join(', ')}`);
  }
  if (a !== undefined && rest.length === 1) {
    const job = jobs.get(a);
    if (!job) throw new GsqlHttpError(404, `The loading job ${a} does not exist in graph ${g.name}.`);
    if (m === 'GET') {
      const json = param(req, 'json') === 'true';
      return okMsg('', { results: json ? jobJson(job.def, g.name) : { jobName: a, jobContent: job.text } });
    }
    if (m === 'DELETE') {
      jobs.delete(a);
      return okMsg(`Successfully drop loading job '${a}'.`);
    }
  }
  throw new GsqlHttpError(404, `Route ${req.fullPath} not found.`);
}

// ---- 3.x routes ------------------------------------------------------------------------------------

/** `/gsqlserver/gsql/loading-jobs?action=start|pause|resume|stop|getprogress` (also `loadingjobs`). */
export function loadingJobsV3(state: EmulatorState, req: EmuRequest, user: User): EmuResponse {
  const action = param(req, 'action') ?? '';
  const g = graphOf(state, param(req, 'graph'));
  if (action === 'start' && req.method === 'POST') {
    const specs = runSpecs(jsonBody(req), 'jobs');
    const out: Record<string, unknown> = {};
    for (const spec of specs) {
      try {
        const [id] = runJobs(state, user, g, [spec]);
        const log = `/home/tigergraph/tigergraph/log/restpp/restpp_loader_logs/${g.name}/${id}.log`;
        out[spec.name] = {
          error: false,
          message: `Kick off the following job:\n  JobName: ${spec.name}, jobid: ${id}\n  Loading log: '${log}'`,
          results: id,
        };
      } catch (e) {
        if (!(e instanceof GsqlHttpError)) throw e;
        out[spec.name] = { error: true, message: `${e.message} Please check the GSQL log.` };
      }
    }
    return jsonReply(200, out);
  }
  const jobId = param(req, 'jobId');
  if (jobId === undefined || jobId === '') throw new GsqlHttpError(400, 'The jobId parameter is required.');
  const [run] = runsFor(state, [jobId]);
  if (!run) throw new GsqlHttpError(404, `The loading job id ${jobId} does not exist.`);
  switch (action) {
    case 'getprogress':
    case 'checkprogress':
      return okMsg('', { results: [statusJson(state, run)] });
    case 'pause':
      if (run.status === 'RUNNING') run.status = 'PAUSED';
      return okMsg(`Successfully paused loading job(s): [${jobId}].`);
    case 'resume':
      if (run.status === 'PAUSED') run.status = 'RUNNING';
      return okMsg(`Successfully resumed loading job(s): [${jobId}].`);
    case 'stop':
      if (run.status === 'RUNNING' || run.status === 'PAUSED') run.status = 'ABORTED';
      return okMsg(`Successfully stopped loading job(s): [${jobId}].`);
    default:
      throw new GsqlHttpError(
        400,
        `Unknown action '${action}': use start, pause, resume, stop or getprogress.`,
      );
  }
}
