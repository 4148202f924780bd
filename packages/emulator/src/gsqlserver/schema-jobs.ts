// 4.x schema endpoints beyond the core schema routes: `POST /gsql/v1/schema/vertices` with
// `{"createVertices": [...]}` (global vertex types from JSON), and the schema-change job family
// `/gsql/v1/schema/jobs[/{job}]` (create from GSQL text or JSON, list, run, drop).
import type { User } from '../auth/model.js';
import { jsonReply } from '../http/reply.js';
import { type EmuRequest, type EmuResponse, param } from '../http/types.js';
import { isObject } from '../json.js';
import type { EmulatorState } from '../state.js';
import type { SchemaChangeJob } from '../store/catalog.js';
import { GsqlHttpError } from './common.js';
import { addVertex, body, changeStatements, gsqlOk, ident, ok } from './schema-json-gsql.js';

function createVertices(state: EmulatorState, req: EmuRequest, user: User): EmuResponse {
  const list = body(req)['createVertices'];
  if (!Array.isArray(list) || list.length === 0)
    throw new GsqlHttpError(400, 'createVertices must list vertex types.');
  // `ADD VERTEX X (...);` in a job is `CREATE VERTEX X (...)` at global scope.
  const statements = list.map((v) => addVertex(v).replace(/^ADD /, 'CREATE ').replace(/;$/, ''));
  gsqlOk(state, user, `USE GLOBAL\n${statements.join('\n')}`);
  const created = list.map((v) => (isObject(v) ? String(v['Name']) : ''));
  return ok(`Successfully create vertices: [${created.join(', ')}]`);
}

function scope(req: EmuRequest): { graph: string | undefined; use: string; create: string } {
  const graph = param(req, 'graph');
  if (graph === undefined || graph === '' || param(req, 'type') === 'global')
    return { graph: undefined, use: 'USE GLOBAL', create: 'CREATE GLOBAL SCHEMA_CHANGE JOB' };
  ident(graph, 'graph');
  return { graph, use: `USE GRAPH ${graph}`, create: 'CREATE SCHEMA_CHANGE JOB' };
}

function createJob(state: EmulatorState, req: EmuRequest, user: User, job: string): EmuResponse {
  const s = scope(req);
  const json = body(req);
  let text: string;
  if (param(req, 'gsql') === 'true') {
    if (typeof json['gsql'] !== 'string')
      throw new GsqlHttpError(400, 'gsql must be a CREATE SCHEMA_CHANGE JOB statement.');
    text = json['gsql'];
  } else {
    const statements = changeStatements(json).map((x) => `  ${x}`);
    const target = s.graph === undefined ? '' : ` FOR GRAPH ${s.graph}`;
    text = `${s.create} ${job}${target} {\n${statements.join('\n')}\n}`;
  }
  gsqlOk(state, user, `${s.use}\n${text}`);
  return ok(`Successfully created schema change jobs: [${job}].`);
}

function jobsOf(state: EmulatorState, graph: string | undefined): Map<string, SchemaChangeJob> {
  if (graph === undefined) return state.catalog.globalJobs;
  const g = state.catalog.graphs.get(graph);
  if (!g) throw new GsqlHttpError(400, `Graph ${graph} does not exist.`);
  return g.jobs;
}

function listJobs(state: EmulatorState, req: EmuRequest, job: string | undefined): EmuResponse {
  const jobs = jobsOf(state, scope(req).graph);
  if (job !== undefined && !jobs.has(job))
    throw new GsqlHttpError(404, `The schema change job ${job} does not exist.`);
  const list = [...jobs.values()].filter((j) => job === undefined || j.name === job);
  const results = list.map((j) => ({ jobName: j.name, graphName: j.graph, gsql: j.text }));
  return jsonReply(200, { error: false, message: '', results: job === undefined ? results : results[0] });
}

export function schemaJobsV1(
  state: EmulatorState,
  req: EmuRequest,
  user: User,
  segs: readonly string[],
): EmuResponse | undefined {
  const m = req.method;
  const [a, b, job] = segs;
  if (a !== 'schema') return undefined;
  if (b === 'vertices' && segs.length === 2 && m === 'POST' && param(req, 'gsql') === undefined) {
    if (param(req, 'graph') === undefined) return createVertices(state, req, user);
  }
  if (b !== 'jobs' || segs.length > 3) return undefined;
  if (m === 'GET') return listJobs(state, req, job);
  if (m === 'POST' && job !== undefined) return createJob(state, req, user, ident(job, 'job name'));
  const s = scope(req);
  if (m === 'PUT' && job !== undefined) {
    const run = s.graph === undefined ? 'RUN GLOBAL SCHEMA_CHANGE JOB' : 'RUN SCHEMA_CHANGE JOB';
    gsqlOk(state, user, `${s.use}\n${run} ${ident(job, 'job name')}`);
    return ok(`Schema change job ${job} runs successfully.`);
  }
  if (m === 'DELETE' && job === undefined) {
    const names = (param(req, 'jobName') ?? '').split(',').filter((x) => x !== '');
    if (names.length === 0) throw new GsqlHttpError(400, 'The parameter jobName is required.');
    gsqlOk(state, user, `${s.use}\nDROP JOB ${names.map((n) => ident(n, 'job name')).join(', ')}`);
    return ok(`Successfully dropped jobs: [${names.join(', ')}].`);
  }
  return undefined;
}
