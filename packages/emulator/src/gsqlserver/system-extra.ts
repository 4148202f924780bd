// GSQL-server endpoints for schema management and system utilities that the core routes do not
// serve (reference §4.1, §4.13, §4.14): 4.1+ `/gsql/v1/schema/graphs` (create/drop), `/schema/change`
// (JSON), `/schema/vertices` (global vertices), `/schema/check`, `/schema/recover`, `/udt/files/{f}`, `/clear-store`,
// `/drop-all`, `/db-export`, `/db-import`; 3.x `/gsql/userdefinedfunction`, `/gsql/clear-store`; and
// on the nginx port the Informant (`/informant/*`) and 3.x TS3 (`/ts3/api/datapoints`).
// Schema work runs as GSQL text through the emulator's own GSQL engine.
import type { User } from '../auth/model.js';
import { runGsql } from '../gsql/exec.js';
import { jsonReply, textReply } from '../http/reply.js';
import { type EmuRequest, type EmuResponse, param } from '../http/types.js';
import { isObject, type Json, parseJson } from '../json.js';
import type { EmulatorState } from '../state.js';
import { GsqlHttpError, requireUser } from './common.js';
import { exportDatabase, importDatabase } from './db-io.js';
import { body, changeStatements, gsqlOk, ident, names, ok } from './schema-json-gsql.js';
import { udfFiles } from './udf-files.js';

interface Extra {
  jobSeq: number;
}
const extras = new WeakMap<EmulatorState, Extra>();
function extraOf(state: EmulatorState): Extra {
  let e = extras.get(state);
  if (!e) {
    e = { jobSeq: 0 };
    extras.set(state, e);
  }
  return e;
}

function schemaChange(state: EmulatorState, req: EmuRequest, user: User): EmuResponse {
  const graph = param(req, 'graph');
  const statements = changeStatements(body(req))
    .map((s) => `  ${s}`)
    .join('\n');
  const job = `tgraph_emulator_change_${++extraOf(state).jobSeq}`;
  const script =
    graph === undefined
      ? `USE GLOBAL\nCREATE GLOBAL SCHEMA_CHANGE JOB ${job} {\n${statements}\n}\nRUN GLOBAL SCHEMA_CHANGE JOB ${job}`
      : `USE GRAPH ${ident(graph, 'graph')}\nCREATE SCHEMA_CHANGE JOB ${job} FOR GRAPH ${graph} {\n${statements}\n}\nRUN SCHEMA_CHANGE JOB ${job}`;
  const r = runGsql(state, user, script);
  runGsql(state, user, graph === undefined ? `DROP JOB ${job}` : `USE GRAPH ${graph}\nDROP JOB ${job}`);
  if (r.returnCode !== 0) throw new GsqlHttpError(400, r.output);
  return ok(
    graph === undefined ? 'Global schema change runs successfully' : 'Schema change job runs successfully',
  );
}

// ---- 4.1+ /gsql/v1 ----

function v1(
  state: EmulatorState,
  req: EmuRequest,
  user: User,
  segs: readonly string[],
): EmuResponse | undefined {
  const m = req.method;
  const [a, b, c] = segs;
  if (a === 'schema' && b === 'graphs' && m === 'POST' && segs.length === 2) {
    const name = ident(param(req, 'graphName'), 'graph name');
    const json = body(req);
    let text: string;
    if (param(req, 'gsql') === 'true') {
      if (typeof json['gsql'] !== 'string')
        throw new GsqlHttpError(400, 'gsql must be a CREATE GRAPH statement.');
      text = json['gsql'];
    } else {
      text = `CREATE GRAPH ${name}(${[...names(json['VertexTypes']), ...names(json['EdgeTypes'])].join(', ')})`;
    }
    gsqlOk(state, user, text);
    return ok(`Successfully created graph: [${name}].`);
  }
  if (a === 'schema' && b === 'graphs' && m === 'DELETE' && segs.length === 3) {
    gsqlOk(state, user, `DROP GRAPH ${ident(c, 'graph name')}`);
    return ok(`Successfully dropped graph: ${c}.`);
  }
  if (a === 'schema' && b === 'change' && m === 'POST' && segs.length === 2)
    return schemaChange(state, req, user);
  if (
    a === 'schema' &&
    b === 'vertices' &&
    segs.length === 2 &&
    m === 'POST' &&
    param(req, 'gsql') === 'true'
  ) {
    const list = body(req)['gsql'];
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string'))
      throw new GsqlHttpError(400, 'gsql must be a list of CREATE VERTEX statements.');
    gsqlOk(state, user, `USE GLOBAL\n${list.join('\n')}`);
    const created = list.map(
      (s) => /CREATE\s+VERTEX\s+([A-Za-z_][A-Za-z0-9_]*)/i.exec(String(s))?.[1] ?? '?',
    );
    return ok(`Successfully create vertices: [${created.join(', ')}]`);
  }
  if (a === 'schema' && b === 'vertices' && segs.length === 2 && m === 'DELETE') {
    const list = (param(req, 'vertex') ?? '')
      .split(',')
      .filter((s) => s !== '')
      .map((s) => ident(s, 'vertex type'));
    if (list.length === 0) throw new GsqlHttpError(400, 'The parameter vertex is required.');
    gsqlOk(state, user, `USE GLOBAL\nDROP VERTEX ${list.join(', ')}`);
    return ok(`Vertices [${list.join(', ')}] deleted successfully.`);
  }
  if (a === 'schema' && b === 'recover' && segs.length === 2 && m === 'POST')
    return ok('Recover schema succeed!');
  if (
    a === 'schema' &&
    b === 'vertices' &&
    segs.length === 2 &&
    m === 'POST' &&
    param(req, 'graph') !== undefined
  )
    return addVertices(state, req, param(req, 'graph') as string);
  if (a === 'schema' && b === 'check' && segs.length === 2 && m === 'POST')
    return ok('Schema Check succeeded.');
  if (a === 'udt' && b === 'files' && segs.length === 3) return udfFile(state, req, c);
  if (a === 'clear-store' && segs.length === 1 && m === 'GET') return clearStore(state, user);
  if (a === 'drop-all' && segs.length === 1 && m === 'GET') {
    gsqlOk(state, user, 'DROP ALL');
    return ok('Successfully dropped all.');
  }
  if (a === 'db-export' && segs.length === 1 && m === 'POST') {
    exportDatabase(state, body(req));
    return ok('Successfully exported database.');
  }
  if (a === 'db-import' && segs.length === 1 && m === 'POST') {
    importDatabase(state, user, body(req));
    return ok('Successfully imported database.');
  }
  return undefined;
}

/** `{"addVertices": [...]}`: adds global vertex types to a graph (and bumps its schema version). */
function addVertices(state: EmulatorState, req: EmuRequest, graph: string): EmuResponse {
  const g = state.catalog.graphs.get(graph);
  if (!g) throw new GsqlHttpError(400, `Graph ${graph} does not exist.`);
  const list = names(body(req)['addVertices']);
  if (list.length === 0) throw new GsqlHttpError(400, 'addVertices must list global vertex types.');
  for (const n of list) {
    if (!state.catalog.vertices.has(n))
      throw new GsqlHttpError(400, `The global vertex type ${n} does not exist.`);
  }
  const added = list.filter((n) => !g.vertexNames.includes(n));
  g.vertexNames.push(...added);
  if (added.length > 0) g.schemaVersion++;
  return ok(`Successfully add vertices: [${list.join(', ')}] on graph ${graph}`);
}

function udfFile(state: EmulatorState, req: EmuRequest, file: string | undefined): EmuResponse {
  const udf = udfFiles(state);
  if (file === undefined || !udf.has(file))
    throw new GsqlHttpError(404, `File ${String(file)} does not exist.`);
  if (req.method === 'GET') return jsonReply(200, { error: false, message: '', results: udf.get(file) });
  if (req.method === 'PUT') {
    udf.set(file, req.body.toString('utf8'));
    return ok(`Successfully put file ${file}.`);
  }
  throw new GsqlHttpError(405, `Method ${req.method} is not allowed.`);
}

function clearStore(state: EmulatorState, user: User): EmuResponse {
  gsqlOk(state, user, 'CLEAR GRAPH STORE -HARD');
  return ok('Successfully cleared graph store.');
}

/** 4.1+ routes under /gsql/v1 that the core router leaves unserved (`segs` are decoded segments). */
export function gsqlV1SystemExtra(
  state: EmulatorState,
  req: EmuRequest,
  user: User,
  segs: readonly string[],
): EmuResponse | undefined {
  return v1(state, req, user, segs);
}

/** 3.x routes under /gsqlserver (`path` without the prefix and trailing slash). */
export function gsqlV3SystemExtra(
  state: EmulatorState,
  req: EmuRequest,
  path: string,
): EmuResponse | undefined {
  if (path === '/gsql/userdefinedfunction' && (req.method === 'GET' || req.method === 'PUT')) {
    requireUser(state, req);
    return udfFile(state, req, param(req, 'filename'));
  }
  if (path === '/gsql/clear-store' && (req.method === 'GET' || req.method === 'POST')) {
    return clearStore(state, requireUser(state, req));
  }
  return undefined;
}

// ---- nginx-port services: Informant (both lines) and TS3 (3.x only) ----

const HOST = 'm1';
const SERVICES = ['GPE', 'GSE', 'RESTPP', 'GSQL', 'NGINX', 'KAFKA', 'ZK'];

function informant(state: EmulatorState, req: EmuRequest, path: string): EmuResponse | undefined {
  const nowNs = BigInt(state.clock.now()) * 1_000_000n;
  const m = /^\/informant\/metrics\/get\/([a-z-]+)$/.exec(path);
  if (m && req.method === 'POST') {
    const what = m[1];
    if (what === 'cpu-memory') {
      return jsonReply(200, {
        CPUMemoryMetrics: [
          {
            HostID: HOST,
            ServiceDescriptor: { ServiceName: 'GPE', Partition: 1, Replica: 1 },
            TimestampNS: String(nowNs),
            CPUUsage: 4.2,
            MemoryUsageMB: 812,
          },
        ],
      });
    }
    if (what === 'diskspace')
      return jsonReply(200, {
        DiskMetrics: [
          { HostID: HOST, PathName: '/home/tigergraph', FreeSizeMB: 51200, TimestampNS: String(nowNs) },
        ],
      });
    if (what === 'network')
      return jsonReply(200, {
        NetworkMetrics: [{ HostID: HOST, OpenConnections: 12, TimestampNS: String(nowNs) }],
      });
    if (what === 'qps')
      return jsonReply(200, {
        QPSMetrics: [{ HostID: HOST, Endpoint: '/query', QPS: 0, TimestampNS: String(nowNs) }],
      });
    return jsonReply(404, { error: true, message: `Unknown metric ${what}.` });
  }
  if (path === '/informant/current-service-status' && req.method === 'POST') {
    let wanted: Json[] = SERVICES.map((s) => ({ ServiceName: s, Partition: 1, Replica: 1 }));
    const text = req.body.toString('utf8').trim();
    if (text !== '') {
      const parsed = parseJson(text);
      if (isObject(parsed) && Array.isArray(parsed['ServiceDescriptors']))
        wanted = parsed['ServiceDescriptors'];
    }
    const events = wanted.filter(isObject).map((d) => ({
      EventMeta: { TargetHostID: HOST, EventSubType: 1, Timestamp: String(nowNs) },
      ServiceDescriptor: d,
      ServiceStatus: SERVICES.includes(String(d['ServiceName'])) ? 'Online' : 'Down',
      ProcessState: SERVICES.includes(String(d['ServiceName'])) ? 'Running' : 'Stopped',
    }));
    return jsonReply(200, { ServiceStatusEvents: events });
  }
  return undefined;
}

function ts3(state: EmulatorState, req: EmuRequest, path: string): EmuResponse | undefined {
  if (path !== '/ts3/api/datapoints' || req.method !== 'GET' || state.version.gsqlV1) return undefined;
  const what = param(req, 'what') ?? 'cpu';
  const now = Math.floor(state.clock.now() / 1000);
  const latest = Number(param(req, 'latest') ?? '1');
  const points = Array.from({ length: Math.max(1, Math.min(latest, 10)) }, (_, i) => ({
    detail: what === 'mem' ? 812 : 4,
    when: now - i * 60,
    where: param(req, 'where') ?? HOST,
    who: param(req, 'who') ?? 'GPE#1',
    what,
  }));
  return jsonReply(200, points);
}

/** Routes on the nginx-style listener outside /restpp, /gsqlserver and /gsql/v1. */
export function nginxSystemExtra(state: EmulatorState, req: EmuRequest): EmuResponse | undefined {
  const path = req.fullPath.replace(/\/+$/, '');
  try {
    return informant(state, req, path) ?? ts3(state, req, path);
  } catch {
    return textReply(400, 'Bad request');
  }
}
