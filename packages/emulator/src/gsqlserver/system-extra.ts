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

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Extra {
  udf: Map<string, string>;
  exports: Set<string>;
  jobSeq: number;
}
const extras = new WeakMap<EmulatorState, Extra>();
function extraOf(state: EmulatorState): Extra {
  let e = extras.get(state);
  if (!e) {
    e = {
      udf: new Map([
        [
          'ExprFunctions',
          '#include <string>\n#include <gle/engine/cpplib/headers.hpp>\n\n// User defined functions\n',
        ],
        ['ExprUtil', '#include <string>\n\n// Helpers for ExprFunctions\n'],
      ]),
      exports: new Set(),
      jobSeq: 0,
    };
    extras.set(state, e);
  }
  return e;
}

const ok = (message: string, extra: Record<string, unknown> = {}) =>
  jsonReply(200, { error: false, message, ...extra });

function body(req: EmuRequest): { [key: string]: Json } {
  let parsed: Json;
  try {
    parsed = parseJson(req.body.toString('utf8'));
  } catch {
    throw new GsqlHttpError(400, 'The request body is not valid JSON.');
  }
  if (!isObject(parsed)) throw new GsqlHttpError(400, 'The request body must be a JSON object.');
  return parsed;
}

function ident(v: unknown, what: string): string {
  if (typeof v !== 'string' || !IDENT.test(v)) throw new GsqlHttpError(400, `Invalid ${what}: ${String(v)}.`);
  return v;
}

/** Runs GSQL as `user`; a failed run becomes a 400 with the GSQL output as message. */
function gsqlOk(state: EmulatorState, user: User, text: string): string {
  const r = runGsql(state, user, text);
  if (r.returnCode !== 0) throw new GsqlHttpError(400, r.output);
  return r.output;
}

// ---- JSON schema change → GSQL (what the 4.x server does internally) ----

function typeText(t: Json | undefined): string {
  if (!isObject(t) || typeof t['Name'] !== 'string')
    throw new GsqlHttpError(400, 'AttributeType.Name is required.');
  const name = t['Name'];
  const el = (prefix: 'ValueType' | 'KeyType') =>
    t[`${prefix}Name`] === 'UDT' ? String(t[`${prefix}TupleName`]) : String(t[`${prefix}Name`]);
  if (name === 'LIST' || name === 'SET') return `${name}<${el('ValueType')}>`;
  if (name === 'MAP') return `MAP<${el('KeyType')}, ${el('ValueType')}>`;
  if (name === 'UDT') return ident(t['TupleName'], 'tuple name');
  if (name === 'FIXED_BINARY') return `FIXED_BINARY(${Number(t['FixedSize'] ?? 0)})`;
  return name;
}

function attrList(list: Json | undefined): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new GsqlHttpError(400, 'Attributes must be a list.');
  return list.map((a) => {
    if (!isObject(a)) throw new GsqlHttpError(400, 'Each attribute must be an object.');
    const def = a['DefaultValue'];
    const dflt = def === undefined || def === null ? '' : ` DEFAULT ${JSON.stringify(String(def))}`;
    return `${ident(a['AttributeName'], 'attribute name')} ${typeText(a['AttributeType'])}${dflt}`;
  });
}

function names(v: Json | undefined): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new GsqlHttpError(400, 'Expected a list of names.');
  return v.map((n) => ident(isObject(n) ? n['name'] : n, 'type name'));
}

function addVertex(v: Json): string {
  if (!isObject(v) || !isObject(v['PrimaryId']))
    throw new GsqlHttpError(400, 'A vertex type needs Name and PrimaryId.');
  const pid = v['PrimaryId'];
  const cfg = isObject(v['Config']) ? v['Config'] : {};
  const withs: string[] = [];
  if (typeof cfg['STATS'] === 'string') withs.push(`STATS="${cfg['STATS']}"`);
  if (
    cfg['PRIMARY_ID_AS_ATTRIBUTE'] === true ||
    cfg['PRIMARY_ID_AS_ATTRIBUTE'] === 'true' ||
    pid['PrimaryIdAsAttribute'] === true
  )
    withs.push('PRIMARY_ID_AS_ATTRIBUTE="true"');
  const cols = [
    `PRIMARY_ID ${ident(pid['AttributeName'], 'primary id')} ${typeText(pid['AttributeType'])}`,
    ...attrList(v['Attributes']),
  ];
  return `ADD VERTEX ${ident(v['Name'], 'vertex type name')} (${cols.join(', ')})${withs.length ? ` WITH ${withs.join(', ')}` : ''};`;
}

function addEdge(e: Json): string {
  if (!isObject(e)) throw new GsqlHttpError(400, 'An edge type must be an object.');
  const pairs =
    Array.isArray(e['EdgePairs']) && e['EdgePairs'].length > 0
      ? e['EdgePairs'].map((p) =>
          isObject(p) ? `FROM ${ident(p['From'], 'vertex type')}, TO ${ident(p['To'], 'vertex type')}` : '',
        )
      : [
          `FROM ${ident(e['FromVertexTypeName'], 'vertex type')}, TO ${ident(e['ToVertexTypeName'], 'vertex type')}`,
        ];
  const cols = [pairs.join(' | '), ...attrList(e['Attributes'])];
  const cfg = isObject(e['Config']) ? e['Config'] : {};
  const reverse =
    typeof cfg['REVERSE_EDGE'] === 'string'
      ? ` WITH REVERSE_EDGE="${ident(cfg['REVERSE_EDGE'], 'reverse edge')}"`
      : '';
  return `ADD ${e['IsDirected'] === true ? 'DIRECTED' : 'UNDIRECTED'} EDGE ${ident(e['Name'], 'edge type name')} (${cols.join(', ')})${reverse};`;
}

function alter(kind: 'VERTEX' | 'EDGE', a: Json): string[] {
  if (!isObject(a)) throw new GsqlHttpError(400, 'An alter entry must be an object.');
  const type = ident(a['name'] ?? a['Name'], 'type name');
  const out: string[] = [];
  const add = attrList(a['addAttributes']);
  if (add.length) out.push(`ALTER ${kind} ${type} ADD ATTRIBUTE (${add.join(', ')});`);
  const drop = names(a['dropAttributes']);
  if (drop.length) out.push(`ALTER ${kind} ${type} DROP ATTRIBUTE (${drop.join(', ')});`);
  return out;
}

function changeStatements(spec: { [key: string]: Json }): string[] {
  const list = (k: string): Json[] => {
    const v = spec[k];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new GsqlHttpError(400, `${k} must be a list.`);
    return v;
  };
  const out: string[] = [];
  for (const v of list('addVertexTypes')) out.push(addVertex(v));
  for (const e of list('addEdgeTypes')) out.push(addEdge(e));
  for (const a of list('alterVertexTypes')) out.push(...alter('VERTEX', a));
  for (const a of list('alterEdgeTypes')) out.push(...alter('EDGE', a));
  const dropE = names(spec['dropEdgeTypes']);
  if (dropE.length) out.push(`DROP EDGE ${dropE.join(', ')};`);
  const dropV = names(spec['dropVertexTypes']);
  if (dropV.length) out.push(`DROP VERTEX ${dropV.join(', ')};`);
  if (out.length === 0) throw new GsqlHttpError(400, 'The schema change is empty.');
  return out;
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
    const path = body(req)['path'];
    if (typeof path !== 'string' || path === '') throw new GsqlHttpError(400, 'The export path is required.');
    extraOf(state).exports.add(path);
    return ok('Successfully exported database.');
  }
  if (a === 'db-import' && segs.length === 1 && m === 'POST') {
    const path = body(req)['path'];
    if (typeof path !== 'string' || !extraOf(state).exports.has(path))
      throw new GsqlHttpError(400, `The import path ${String(path)} does not hold an export.`);
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
  const udf = extraOf(state).udf;
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
