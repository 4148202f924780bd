// GSQL server 3.x routes under /gsqlserver: the shell protocol (/gsql/file, /gsql/command), schema,
// UDT list, login and simpleauth (reference §4.13, §10).
import { authorization, basicUser } from '../auth/check.js';
import { runGsql } from '../gsql/exec.js';
import { jsonReply, textReply } from '../http/reply.js';
import { type EmuRequest, type EmuResponse, param } from '../http/types.js';
import type { EmulatorState } from '../state.js';
import {
  GsqlHttpError,
  gsqlError,
  gsqlVersionReply,
  requireUser,
  schemaReply,
  userRecord,
} from './common.js';
import { descriptions } from './descriptions.js';
import { loadingJobsV3 } from './loading.js';
import { queriesV3 } from './queries.js';
import { udtJson } from './schema-json.js';
import { cookieGraph, cookieLine, cookieParams, shellCookie } from './session-cookie.js';
import { gsqlV3SystemExtra } from './system-extra.js';

/**
 * The shell sends `quote_plus`-encoded text (whatever Content-Type the HTTP library adds). Encoded
 * text has no raw whitespace, while real GSQL text nearly always has some, so that decides.
 */
export function shellText(req: EmuRequest): string {
  const raw = req.body.toString('utf8');
  if (/\s/.test(raw.trim())) return raw;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

function fileEndpoint(state: EmulatorState, req: EmuRequest): EmuResponse {
  const user = requireUser(state, req);
  const cookie = shellCookie(req);
  const graph = param(req, 'graph') ?? cookieGraph(cookie);
  const r = runGsql(state, user, shellText(req), graph, cookieParams(cookie));
  const session = cookie ? `${cookieLine(cookie, r.graph, r.params)}\n` : '';
  const body = `${r.output === '' ? '' : `${r.output}\n`}${session}__GSQL__RETURN__CODE__,${r.returnCode}\n`;
  return textReply(200, body);
}

function login(state: EmulatorState, req: EmuRequest): EmuResponse {
  const auth = authorization(req);
  const c = auth?.scheme === 'basic' ? basicUser(state, auth.value) : undefined;
  if (!c) return jsonReply(401, { error: true, message: 'Wrong password!' });
  return jsonReply(200, {
    error: false,
    message: '',
    isClientCompatible: true,
    welcomeMessage: `Welcome to TigerGraph.`,
  });
}

function simpleAuth(state: EmulatorState, req: EmuRequest): EmuResponse {
  const user = requireUser(state, req);
  const rec = userRecord(state, user);
  return jsonReply(200, { error: false, message: '', ...rec });
}

export function handleGsqlV3(state: EmulatorState, req: EmuRequest): EmuResponse {
  const p = req.path.replace(/\/+$/, '');
  const m = req.method;
  try {
    if (m === 'POST' && p === '/gsql/login') return login(state, req);
    if (m === 'POST' && (p === '/gsql/file' || p === '/gsql/command')) return fileEndpoint(state, req);
    if (m === 'GET' && p === '/gsql/schema') {
      requireUser(state, req);
      return schemaReply(state, param(req, 'graph'), param(req, 'type'));
    }
    if (m === 'GET' && p === '/gsql/udtlist') {
      requireUser(state, req);
      return jsonReply(200, {
        error: false,
        message: '',
        results: [...state.catalog.udts.values()].map(udtJson),
      });
    }
    if (p === '/gsql/loading-jobs' || p === '/gsql/loadingjobs')
      return loadingJobsV3(state, req, requireUser(state, req));
    if (m === 'GET' && p === '/gsql/simpleauth') return simpleAuth(state, req);
    if (m === 'GET' && p === '/gsql/version') {
      requireUser(state, req);
      return gsqlVersionReply(state);
    }
    if (p === '/gsql/description') {
      requireUser(state, req);
      const described = descriptions(state, req);
      if (described) return described;
    }
    const extra = gsqlV3SystemExtra(state, req, p);
    if (extra) return extra;
    const query = queriesV3(state, req, p);
    if (query) return query;
    throw new GsqlHttpError(404, `Route ${req.fullPath} not found.`);
  } catch (e) {
    if (e instanceof GsqlHttpError) return gsqlError(e);
    throw e;
  }
}
