// GSQL-server query endpoints: 3.x interpreted_query / queryinfo / queries/install, and the 4.x
// /gsql/v1/queries family (reference §4.10–4.12, §4.14).
import type { User } from '../auth/model.js';
import { runGsql } from '../gsql/exec.js';
import { GsqlSyntaxError } from '../gsql/lexer.js';
import { jsonReply } from '../http/reply.js';
import { type EmuRequest, type EmuResponse, header, param } from '../http/types.js';
import { isObject, type Json, parseJson } from '../json.js';
import type { QueryDef } from '../query/ast.js';
import { checkQuery, parseQueryText } from '../query/compile.js';
import { interpretedLimit, interpretedLimitMessage } from '../query/interpreted-limits.js';
import { paramsFromJson, paramsFromQuery } from '../query/params.js';
import { evalDefaultFor } from '../query/runner.js';
import { signatureBody } from '../query/signature.js';
import { queriesOf } from '../query/store.js';
import { RestError, versionBlock } from '../restpp/envelope.js';
import { execute } from '../restpp/query.js';
import type { EmulatorState } from '../state.js';
import type { Graph } from '../store/catalog.js';
import { GsqlHttpError, requireUser } from './common.js';

interface InstallRequest {
  id: string;
  graph: string;
  queries: string[];
  start: number;
}

const installs = new WeakMap<EmulatorState, { seq: number; list: Map<string, InstallRequest> }>();

function installRegistry(state: EmulatorState) {
  let r = installs.get(state);
  if (!r) {
    r = { seq: 1000, list: new Map() };
    installs.set(state, r);
  }
  return r;
}

function graphParam(state: EmulatorState, name: string | undefined): Graph {
  const g = name === undefined ? undefined : state.catalog.graphs.get(name);
  if (!g) throw new GsqlHttpError(400, `Graph ${name ?? ''} does not exist.`);
  return g;
}

/** Installs queries (names, `all` or `*`) and records the request. */
function install(
  state: EmulatorState,
  user: User,
  g: Graph,
  names: string[],
  force: boolean,
): InstallRequest {
  const all = names.length === 0 || names.some((n) => n === 'all' || n === '*');
  const store = queriesOf(g);
  const list = all ? [...store.keys()] : names;
  for (const n of list)
    if (!store.has(n)) throw new GsqlHttpError(400, `Query ${n} does not exist in graph ${g.name}.`);
  const r = runGsql(
    state,
    user,
    `USE GRAPH ${g.name}\nINSTALL QUERY ${force ? '-force ' : ''}${all ? 'ALL' : list.join(', ')}`,
  );
  if (r.returnCode !== 0) throw new GsqlHttpError(400, r.output);
  const reg = installRegistry(state);
  const req = { id: String(++reg.seq), graph: g.name, queries: list, start: state.clock.now() };
  reg.list.set(req.id, req);
  return req;
}

function compileText(
  state: EmulatorState,
  text: string,
  graphName: string | undefined,
): { def: QueryDef; g: Graph } {
  let parsed: ReturnType<typeof parseQueryText>;
  try {
    parsed = parseQueryText(text);
  } catch (e) {
    if (e instanceof GsqlSyntaxError) throw new GsqlHttpError(400, e.message);
    throw e;
  }
  const g = graphParam(state, parsed.def.graph !== '' ? parsed.def.graph : graphName);
  const def = { ...parsed.def, graph: g.name };
  try {
    checkQuery(state.catalog, g, def);
  } catch (e) {
    if (e instanceof GsqlSyntaxError) throw new GsqlHttpError(400, e.message);
    throw e;
  }
  return { def, g };
}

/** Interpreted query: body = `INTERPRET QUERY (…) FOR GRAPH g {…}`, parameters in the query string. */
function interpret(state: EmulatorState, req: EmuRequest): EmuResponse {
  const { def, g } = compileText(state, req.body.toString('utf8'), param(req, 'graph'));
  // Refused as a query that does not compile is (compileText's 400).
  const limit = interpretedLimit(def);
  if (limit) throw new GsqlHttpError(400, interpretedLimitMessage(limit));
  try {
    const params = paramsFromQuery(state.catalog, g, def, req.query, evalDefaultFor(state, g, def));
    return execute(state, g, def, params, {
      url: '/interpreted_query',
      async: false,
      ms: Number(header(req, 'gsql-timeout') ?? '') || 16_000,
      fromHeader: header(req, 'gsql-timeout') !== undefined,
    });
  } catch (e) {
    if (e instanceof RestError)
      return jsonReply(e.status, {
        version: versionBlock(g.schemaVersion),
        error: true,
        message: e.message,
        code: e.code,
      });
    throw e;
  }
}

function signature(state: EmulatorState, g: Graph, def: QueryDef): EmuResponse {
  return jsonReply(200, signatureBody(state.catalog, g, def));
}

function storedQuery(g: Graph, name: string | undefined) {
  const q = name === undefined ? undefined : queriesOf(g).get(name);
  if (!q) throw new GsqlHttpError(400, `Query ${name ?? ''} does not exist in graph ${g.name}.`);
  return q;
}

// ---- 3.x ---------------------------------------------------------------------------------

/** 3.x routes (path after /gsqlserver); undefined when the path is not a query route. */
export function queriesV3(state: EmulatorState, req: EmuRequest, p: string): EmuResponse | undefined {
  const m = req.method;
  if (m === 'POST' && p === '/interpreted_query') {
    requireUser(state, req);
    return interpret(state, req);
  }
  if (m === 'GET' && p === '/gsql/queryinfo') {
    requireUser(state, req);
    const g = graphParam(state, param(req, 'graph'));
    return signature(state, g, storedQuery(g, param(req, 'query')).def);
  }
  if (m === 'POST' && p === '/gsql/queries/install') {
    const user = requireUser(state, req);
    const g = graphParam(state, param(req, 'graph'));
    const r = install(
      state,
      user,
      g,
      req.query.getAll('queries'),
      req.query.has('force') || param(req, 'flag') === '-force',
    );
    return jsonReply(200, {
      location: `/gsql/queries/install/${r.id}`,
      error: false,
      message: `Request ${r.id} successfully created`,
      results: '',
    });
  }
  const m3 = /^\/gsql\/queries\/install\/([^/]+)$/.exec(p);
  if (m === 'GET' && m3) {
    requireUser(state, req);
    const r = installRegistry(state).list.get(m3[1] as string);
    if (!r) throw new GsqlHttpError(404, `Request ${m3[1]} does not exist.`);
    return jsonReply(200, {
      state: 'SUCCESS',
      error: false,
      message: '',
      results: '',
      queries: r.queries.map((name) => ({ name, state: 'SUCCESS' })),
      graph: r.graph,
    });
  }
  return undefined;
}

// ---- 4.x ---------------------------------------------------------------------------------

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '000Z');

/** 4.x routes under /gsql/v1 (segments after the prefix); undefined when not a query route. */
export function queriesV1(
  state: EmulatorState,
  req: EmuRequest,
  user: User,
  segs: string[],
): EmuResponse | undefined {
  if (segs[0] !== 'queries') return undefined;
  const m = req.method;
  const [, b, c] = segs;
  if (b === 'interpret' && segs.length === 2 && m === 'POST') return interpret(state, req);
  if (b === 'install' && segs.length === 2 && (m === 'GET' || m === 'POST'))
    return installV1(state, req, user);
  if (b === 'install' && segs.length === 3 && m === 'GET') return installStatusV1(state, c as string);
  if (b === 'info' && segs.length === 2 && m === 'GET') return queryInfoV1(state, req);
  if (b === 'signature' && segs.length === 2 && (m === 'GET' || m === 'POST')) {
    const g = graphParam(state, param(req, 'graph'));
    return signature(state, g, storedQuery(g, param(req, 'queryName')).def);
  }
  if (segs.length === 1 && m === 'GET') {
    const g = graphParam(state, param(req, 'graph'));
    return jsonReply(200, { error: false, message: '', results: [...queriesOf(g).keys()] });
  }
  if (segs.length === 1 && m === 'POST') return createV1(state, req, user);
  if (segs.length === 1 && m === 'DELETE') {
    const g = graphParam(state, param(req, 'graph'));
    return drop(
      g,
      req.query.getAll('query').flatMap((x) => x.split(',')),
    );
  }
  if (segs.length === 2 && m === 'DELETE') return drop(graphParam(state, param(req, 'graph')), [b as string]);
  if (segs.length === 2 && m === 'GET') {
    const g = graphParam(state, param(req, 'graph'));
    const q = storedQuery(g, b);
    return jsonReply(200, {
      queryContent: q.def.text,
      name: q.def.name,
      syntax: `GSQL ${q.def.syntax}`,
      error: false,
      message: '',
      status: 'VALID',
    });
  }
  if (segs.length === 2 && m === 'POST') return runV1(state, req, b as string);
  return undefined;
}

/** GET|POST /gsql/v1/queries/install?graph=&queries=a,b&flag=-force: submits an install request. */
function installV1(state: EmulatorState, req: EmuRequest, user: User): EmuResponse {
  const g = graphParam(state, param(req, 'graph'));
  const names = (param(req, 'queries') ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const r = install(state, user, g, names, (param(req, 'flag') ?? '').split(',').includes('-force'));
  return jsonReply(200, {
    requestId: r.id,
    message: 'Successfully submitted request',
    startTime: iso(r.start),
  });
}

/** GET /gsql/v1/queries/install/:id: installs finish at once, so every known request succeeded. */
function installStatusV1(state: EmulatorState, id: string): EmuResponse {
  const r = installRegistry(state).list.get(id);
  if (!r) throw new GsqlHttpError(404, `Request ${id} does not exist.`);
  return jsonReply(200, {
    error: false,
    message: `Request ${r.id} is finished with status SUCCESS`,
    requestId: r.id,
    startTime: iso(r.start),
    endTime: iso(r.start),
  });
}

/** GET /gsql/v1/queries/info?graph=[&query=][&status=]: each query's code, state and endpoint. */
function queryInfoV1(state: EmulatorState, req: EmuRequest): EmuResponse {
  const g = graphParam(state, param(req, 'graph'));
  const only = param(req, 'query');
  const status = param(req, 'status');
  const list = [...queriesOf(g).entries()]
    .filter(([n]) => only === undefined || n === only)
    .filter(() => status === undefined || status.toUpperCase() === 'VALID')
    .map(([name, q]) => ({
      name,
      code: q.def.text,
      installed: q.installed,
      installing: false,
      enabled: true,
      status: 'VALID',
      syntax: `GSQL ${q.def.syntax}`,
      isHidden: false,
      isACLSpecified: false,
      graphUpdate: false,
      callerQueries: [],
      endpoint: q.installed ? installedEndpoint(g, name) : {},
    }));
  return jsonReply(200, { error: false, message: '', results: list });
}

/** The RESTPP endpoint description of an installed query, as `queries/info` lists it. */
function installedEndpoint(g: Graph, name: string) {
  return {
    query: {
      [g.name]: {
        [name]: {
          'GET/POST': {
            parameters: { query: { default: name, type: 'STRING' } },
            payload: [{ rule: 'AS_JSON' }, { rule: 'AS_QUERY_STRING' }],
            alternative_endpoint: `/query/${name}`,
            target: 'GPE',
            function: 'queryDispatcher',
            action: 'query',
            graph_name: g.name,
            libudf: `libudf-${g.name}-1`,
          },
        },
      },
    },
  };
}

/** POST /gsql/v1/queries?graph=: the body is GSQL (CREATE QUERY …) run as the shell would. */
function createV1(state: EmulatorState, req: EmuRequest, user: User): EmuResponse {
  const text = req.body.toString('utf8');
  const graph = param(req, 'graph');
  const r = runGsql(state, user, graph ? `USE GRAPH ${graph}\n${text}` : text);
  const lines = r.output.split('\n').filter((l) => !l.startsWith('Using graph'));
  if (r.returnCode !== 0) throw new GsqlHttpError(400, lines.join('\n'));
  return jsonReply(200, { error: false, message: lines.join('\n') });
}

/** POST /gsql/v1/queries/:name?graph=: runs a stored query through the GSQL server. */
function runV1(state: EmulatorState, req: EmuRequest, name: string): EmuResponse {
  // Run through the GSQL server: {"parameters": {...}, "asyncRun": false, ...} → results = RESTPP envelope.
  const g = graphParam(state, param(req, 'graph'));
  const q = storedQuery(g, name);
  let body: Json = {};
  try {
    const text = req.body.toString('utf8');
    body = text.trim() === '' ? {} : parseJson(text);
  } catch {
    throw new GsqlHttpError(400, 'The request body is not valid JSON.');
  }
  const params = isObject(body) && isObject(body['parameters']) ? body['parameters'] : {};
  try {
    const decoded = paramsFromJson(state.catalog, g, q.def, params, evalDefaultFor(state, g, q.def));
    const reply = execute(state, g, q.def, decoded, {
      url: `/query/${g.name}/${q.def.name}`,
      async: false,
      ms: 16_000,
      fromHeader: false,
    });
    const envelope = parseJson(reply.body);
    return jsonReply(200, { error: false, message: '', results: envelope });
  } catch (e) {
    if (e instanceof RestError) throw new GsqlHttpError(400, e.message);
    throw e;
  }
}

function drop(g: Graph, names: string[]): EmuResponse {
  const store = queriesOf(g);
  const all = names.some((n) => n === 'all' || n === '*');
  const list = all ? [...store.keys()] : names;
  const dropped = list.filter((n) => store.delete(n));
  const failedToDrop = list.filter((n) => !dropped.includes(n));
  return jsonReply(200, { failedToDrop, dropped, error: false, message: '' });
}
