// GSQL server 4.1+ routes under /gsql/v1 (reference §4.14).
import type { User } from '../auth/model.js';
import { runGsql } from '../gsql/exec.js';
import { jsonReply, textReply } from '../http/reply.js';
import { type EmuRequest, type EmuResponse, param } from '../http/types.js';
import type { EmulatorState } from '../state.js';
import { edgeTypesOf, vertexTypesOf } from '../store/catalog.js';
import {
  GsqlHttpError,
  gsqlError,
  gsqlVersionReply,
  requireUser,
  schemaReply,
  userRecord,
} from './common.js';
import { dataSourcesV1 } from './data-sources.js';
import { descriptions } from './descriptions.js';
import { loadingJobsV1 } from './loading.js';
import { queriesV1 } from './queries.js';
import { checkQuerySemantic } from './query-check.js';
import { schemaJobsV1 } from './schema-jobs.js';
import { udtJson } from './schema-json.js';
import { cookieGraph, cookieLine, cookieParams, shellCookie } from './session-cookie.js';
import { gsqlV1SystemExtra } from './system-extra.js';
import { udtTuplesWrite } from './udt.js';
import { checkToken, deleteTokens, postToken, secretsRoute } from './v4-auth.js';

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function route(state: EmulatorState, req: EmuRequest): EmuResponse {
  const segs = req.path
    .split('/')
    .filter((x) => x !== '')
    .map(decode);
  const m = req.method;
  const [a, b, c] = segs;
  if (a === 'tokens') {
    if (segs.length === 1 && m === 'POST') return postToken(state, req);
    if (segs.length === 1 && m === 'DELETE') return deleteTokens(state, req);
    if (b === 'check' && segs.length === 2 && m === 'POST') return checkToken(state, req);
  }
  if (a === 'secrets' && segs.length <= 2) return secretsRoute(state, req, b);
  const user = requireUser(state, req);
  if (a === 'loading-jobs') return loadingJobsV1(state, req, user, segs.slice(1));
  if (a === 'data-sources') return dataSourcesV1(state, req, segs.slice(1));
  if (a === 'statements' && segs.length === 1 && m === 'POST') {
    return statements(state, req, user);
  }
  if (a === 'schema' && m === 'GET') {
    if (segs.length === 1) return schemaReply(state, param(req, 'graph'), param(req, 'type'));
    if (b === 'graphs' && segs.length === 3) return schemaReply(state, c, param(req, 'type'));
    if (b === 'graphs' && segs.length === 2) {
      const name = param(req, 'graphName');
      if (name !== undefined) return schemaReply(state, name, param(req, 'type'));
      const cat = state.catalog;
      const graphs = [...cat.graphs.values()].map((g) => ({
        graphName: g.name,
        vertices: vertexTypesOf(cat, g).map((t) => t.name),
        edges: edgeTypesOf(cat, g).map((t) => t.name),
      }));
      return jsonReply(200, { graphs, error: false, message: '' });
    }
  }
  if (a === 'udt' && b === 'tuples' && m !== 'GET' && segs.length <= 3) {
    const r = udtTuplesWrite(state, req, user, c);
    if (r) return r;
  }
  if (a === 'udt' && b === 'tuples' && m === 'GET') {
    const all = [...state.catalog.udts.values()];
    const list = c === undefined ? all : all.filter((u) => u.name === c);
    if (c !== undefined && list.length === 0) throw new GsqlHttpError(404, `The tuple ${c} does not exist.`);
    return jsonReply(200, { error: false, message: '', results: list.map(udtJson) });
  }
  if (a === 'auth' && b === 'simple' && m === 'GET') {
    return jsonReply(200, { error: false, message: '', results: userRecord(state, user) });
  }
  if (a === 'version' && segs.length === 1 && m === 'GET') return gsqlVersionReply(state);
  if (a === 'users' && m === 'GET') {
    if (segs.length === 1) {
      const list = user.superuser ? [...state.auth.users.values()] : [user];
      return jsonReply(200, { error: false, results: list.map((u) => userRecord(state, u)) });
    }
    const u = state.auth.users.get(b as string);
    if (!u || (!user.superuser && u.name !== user.name))
      throw new GsqlHttpError(404, `User ${b} does not exist.`);
    return jsonReply(200, { error: false, message: '', results: userRecord(state, u) });
  }
  if (a === 'description' && segs.length === 1) {
    const described = descriptions(state, req);
    if (described) return described;
  }
  if (a === 'internal' && b === 'check' && c === 'query' && segs.length === 3 && m === 'POST')
    return checkQuerySemantic(state, req);
  const jobs = schemaJobsV1(state, req, user, segs);
  if (jobs) return jobs;
  const extra = gsqlV1SystemExtra(state, req, user, segs);
  if (extra) return extra;
  const query = queriesV1(state, req, user, segs);
  if (query) return query;
  throw new GsqlHttpError(404, `Route ${req.fullPath} not found.`);
}

/** `POST /gsql/v1/statements`: plain GSQL text in, the shell's output out (plus the session cookie line). */
function statements(state: EmulatorState, req: EmuRequest, user: User): EmuResponse {
  const cookie = shellCookie(req);
  const graph = param(req, 'graph') ?? cookieGraph(cookie);
  const r = runGsql(state, user, req.body.toString('utf8'), graph, cookieParams(cookie));
  const lines = r.output === '' ? [] : [r.output];
  if (cookie) lines.push(cookieLine(cookie, r.graph, r.params));
  return textReply(200, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
}

export function handleGsqlV1(state: EmulatorState, req: EmuRequest): EmuResponse {
  try {
    return route(state, req);
  } catch (e) {
    if (e instanceof GsqlHttpError) return gsqlError(e);
    throw e;
  }
}
