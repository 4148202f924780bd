// 3.x token server: POST/PUT/DELETE /requesttoken (answered only when RESTPP auth is on; nginx
// proxies it to the GSQL server, so credentials are secrets or Basic user/password).
import { authorization, basicUser, type Caller, secretUser } from '../auth/check.js';
import { maskToken } from '../auth/random.js';
import {
  DEFAULT_3X_LIFETIME_S,
  expirationSeconds,
  issueToken,
  parseLifetime,
  reusableToken,
} from '../auth/tokens.js';
import { jsonReply } from '../http/reply.js';
import { boolParam, type EmuResponse, param } from '../http/types.js';
import { isObject, type Json, parseJson } from '../json.js';
import type { RestCtx } from './context.js';

const GENERATED =
  'Generate new token successfully.\nWarning: Tigergraph Support cannot restore access to secrets/tokens for security reasons. Please save your secret/token and keep it safe and accessible.';

const fail = (status: number, code: string, message: string): EmuResponse =>
  jsonReply(status, { code, error: true, message });

/** Fields from the JSON body, falling back to the query string (≤3.4 style) or a raw-secret body. */
function fields(ctx: RestCtx): Record<string, Json> {
  const text = ctx.req.body.toString('utf8').trim();
  let body: Record<string, Json> = {};
  if (text !== '') {
    try {
      const parsed = parseJson(text);
      if (isObject(parsed)) body = parsed;
      else if (typeof parsed === 'string') body = { secret: parsed };
    } catch {
      body = /^[a-z0-9]{8,}$/i.test(text) ? { secret: text } : {};
    }
  }
  for (const k of ['secret', 'lifetime', 'graph', 'token']) {
    const v = param(ctx.req, k);
    if (body[k] === undefined && v !== undefined) body[k] = v;
  }
  return body;
}

const asString = (v: Json | undefined): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : undefined;

/** The caller named by the secret, else by Basic credentials; a refusal when neither is valid. */
function authenticate(ctx: RestCtx, secret: string | undefined): Caller | EmuResponse {
  const { state } = ctx;
  let caller = secret !== undefined ? secretUser(state, secret) : undefined;
  if (secret !== undefined && !caller) {
    return fail(
      state.authErrorStatus,
      'REST-10016',
      `Access Denied because the input secret = '${maskToken(secret)}' is invalid.`,
    );
  }
  if (!caller) {
    const auth = authorization(ctx.req);
    caller = auth?.scheme === 'basic' ? basicUser(state, auth.value) : undefined;
  }
  if (!caller) {
    return fail(
      state.authErrorStatus,
      'REST-10016',
      'Access Denied because neither a valid secret nor a valid username/password was provided.',
    );
  }
  return caller;
}

/** POST: a new token (or, with allowExisting, a live one to reuse). */
function issue(
  ctx: RestCtx,
  caller: Caller,
  tokenGraph: string | undefined,
  lifetime: number | undefined,
  viaSecret: boolean,
): EmuResponse {
  const { state } = ctx;
  const reuse = boolParam(ctx.req, 'allowExisting')
    ? reusableToken(state, caller.user.name, tokenGraph)
    : undefined;
  const t =
    reuse ??
    issueToken(state, caller.user.name, tokenGraph, lifetime ?? DEFAULT_3X_LIFETIME_S, state.version.gsqlV1);
  const reply: Record<string, unknown> = {
    code: 'REST-0000',
    expiration: expirationSeconds(t),
    error: false,
    message: GENERATED,
  };
  if (viaSecret) reply['token'] = t.token;
  else reply['results'] = { token: t.token };
  return jsonReply(200, reply);
}

/** PUT refreshes and DELETE drops one of the caller's own tokens. */
function refreshOrDrop(
  ctx: RestCtx,
  caller: Caller,
  body: Record<string, Json>,
  lifetime: number | undefined,
): EmuResponse {
  const { state } = ctx;
  const token = asString(body['token']);
  const existing = token === undefined ? undefined : state.auth.tokens.get(token);
  if (!token || !existing || existing.user !== caller.user.name) {
    return fail(400, 'REST-3300', `The token '${token ? maskToken(token) : ''}' does not exist.`);
  }
  if (ctx.req.method === 'PUT') {
    if (existing.jwt)
      return fail(400, 'REST-30000', 'JWT tokens cannot be refreshed; request a new token instead.');
    existing.expiresAt = state.clock.now() + (lifetime ?? DEFAULT_3X_LIFETIME_S) * 1000;
    return jsonReply(200, {
      code: 'REST-0000',
      expiration: expirationSeconds(existing),
      error: false,
      message: 'Refresh token successfully.',
      token,
    });
  }
  state.auth.tokens.delete(token);
  return jsonReply(200, {
    code: 'REST-0000',
    expiration: -1,
    error: false,
    message: 'Drop token successfully.',
    token,
  });
}

export function requestToken(ctx: RestCtx): EmuResponse {
  const { state } = ctx;
  const body = fields(ctx);
  const secret = asString(body['secret']);
  const graph = asString(body['graph']);
  const lifetime = parseLifetime(body['lifetime']);
  if (lifetime !== undefined && Number.isNaN(lifetime)) {
    return fail(
      400,
      'REST-30000',
      `The lifetime '${String(body['lifetime'])}' is not a valid number of seconds.`,
    );
  }
  if (graph !== undefined && !state.catalog.graphs.has(graph)) {
    return fail(
      404,
      'REST-1004',
      `The graph name '${graph}' is not found, please provide a valid graph name.`,
    );
  }
  const method = ctx.req.method;
  const caller = authenticate(ctx, secret);
  if (!('user' in caller)) return caller;
  const viaSecret = secret !== undefined;
  const tokenGraph = graph ?? caller.graph;
  // 3.x tokens belong to a graph: with user/password (no secret to name one) the body must give it
  // (reference §3.2; pyTigerGraph issue #273: its graph-less request is refused by 3.x servers).
  if (method === 'POST' && !viaSecret && graph === undefined && state.version.major < 4) {
    return fail(404, 'REST-1004', "The graph name '' is not found, please provide a valid graph name.");
  }
  if (method === 'POST') return issue(ctx, caller, tokenGraph, lifetime, viaSecret);
  return refreshOrDrop(ctx, caller, body, lifetime);
}
