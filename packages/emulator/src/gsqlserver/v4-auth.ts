// 4.1+ tokens and secrets: /gsql/v1/tokens, /gsql/v1/tokens/check, /gsql/v1/secrets (reference §3.3–3.4).
import { gsqlCaller, secretUser } from '../auth/check.js';
import type { User } from '../auth/model.js';
import { randomAlias, randomSecret } from '../auth/random.js';
import { DEFAULT_JWT_LIFETIME_S, issueToken, javaDate, parseLifetime } from '../auth/tokens.js';
import { jsonReply } from '../http/reply.js';
import { type EmuRequest, type EmuResponse, param } from '../http/types.js';
import { isObject, type Json, parseJson } from '../json.js';
import type { EmulatorState } from '../state.js';
import { GsqlHttpError, requireUser } from './common.js';

function body(req: EmuRequest): Record<string, Json> {
  const text = req.body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: Json;
  try {
    parsed = parseJson(text);
  } catch (e) {
    throw new GsqlHttpError(400, `Invalid JSON payload: ${(e as Error).message}`);
  }
  if (!isObject(parsed)) throw new GsqlHttpError(400, 'The payload must be a JSON object.');
  return parsed;
}

const str = (v: Json | undefined): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : undefined;

export function postToken(state: EmulatorState, req: EmuRequest): EmuResponse {
  const b = body(req);
  const secret = str(b['secret']);
  const graph = str(b['graph']);
  let user: User;
  if (secret !== undefined) {
    const c = secretUser(state, secret);
    if (!c) throw new GsqlHttpError(401, 'The secret is invalid.');
    user = c.user;
  } else {
    user = requireUser(state, req);
  }
  if (graph !== undefined && !state.catalog.graphs.has(graph)) {
    throw new GsqlHttpError(400, `The graph ${graph} does not exist.`);
  }
  const raw = parseLifetime(b['lifetime']);
  if (raw !== undefined && Number.isNaN(raw))
    throw new GsqlHttpError(400, `Invalid lifetime: ${String(b['lifetime'])}.`);
  // Documents disagree on the unit; values that can only be milliseconds are taken as such.
  const seconds = raw === undefined ? DEFAULT_JWT_LIFETIME_S : raw >= 1e9 ? raw / 1000 : raw;
  const t = issueToken(state, user.name, graph, seconds, true);
  return jsonReply(200, {
    expiration: javaDate(t.expiresAt),
    error: false,
    message: 'Generate new JWT token successfully.',
    token: t.token,
  });
}

export function deleteTokens(state: EmulatorState, req: EmuRequest): EmuResponse {
  const user = requireUser(state, req);
  if (param(req, 'clear') === 'true') {
    for (const t of state.auth.tokens.values())
      if (t.user === user.name) state.auth.blockedJwts.delete(t.token);
  } else {
    const b = body(req);
    const raw = b['tokens'] ?? b['token'];
    const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : [];
    for (const tok of list.map((x) => x.trim()).filter((x) => x !== '')) {
      const t = state.auth.tokens.get(tok);
      if (t && t.user === user.name) state.auth.blockedJwts.add(tok);
    }
  }
  return jsonReply(200, { error: false, message: 'Successfully dropped the specified JWT tokens' });
}

export function checkToken(state: EmulatorState, req: EmuRequest): EmuResponse {
  const token = str(body(req)['token']) ?? '';
  const t = state.auth.tokens.get(token);
  const valid = t !== undefined && t.expiresAt > state.clock.now() && !state.auth.blockedJwts.has(token);
  if (!valid) throw new GsqlHttpError(401, `The token ${token} verification failed.`);
  return jsonReply(200, { error: false, message: `The token ${token} verification succeed.` });
}

/** The owner a secrets call acts on: the caller, or `userName` (superusers only). */
function secretsOwner(state: EmulatorState, req: EmuRequest): User {
  const caller = requireUser(state, req);
  const name = param(req, 'userName');
  if (name === undefined || name === '' || name === caller.name) return caller;
  if (!caller.superuser)
    throw new GsqlHttpError(403, `Permission denied: cannot manage secrets of user ${name}.`);
  const u = state.auth.users.get(name);
  if (!u) throw new GsqlHttpError(400, `User ${name} does not exist.`);
  return u;
}

export function secretsRoute(state: EmulatorState, req: EmuRequest, alias: string | undefined): EmuResponse {
  const owner = secretsOwner(state, req);
  const mine = [...state.auth.secrets.values()].filter((s) => s.user === owner.name);
  if (req.method === 'GET') {
    if (alias === undefined) {
      return jsonReply(200, {
        error: false,
        message: '',
        results: mine.map((s) => ({ alias: s.alias, value: s.value })),
      });
    }
    const s = mine.find((x) => x.alias === alias);
    if (!s)
      throw new GsqlHttpError(404, `The secret with alias ${alias} does not exist for user ${owner.name}.`);
    return jsonReply(200, { error: false, message: '', results: { alias: s.alias, value: s.value } });
  }
  if (req.method === 'POST' && alias === undefined) {
    const a = param(req, 'alias') || randomAlias();
    if (mine.some((x) => x.alias === a)) {
      throw new GsqlHttpError(409, `The secret with alias ${a} already exists for user ${owner.name}.`);
    }
    const value = param(req, 'value') || randomSecret();
    if (state.auth.secrets.has(value)) throw new GsqlHttpError(409, 'The secret value already exists.');
    state.auth.secrets.set(value, { value, alias: a, user: owner.name, graph: undefined });
    return jsonReply(200, { error: false, message: '', results: { alias: a, value } });
  }
  if (req.method === 'DELETE') {
    let names: string[];
    if (alias !== undefined) names = [alias];
    else {
      const raw = body(req)['secrets'];
      names = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
    }
    const hits = names.map((n) => mine.find((x) => x.alias === n || x.value === n));
    const missing = names.filter((_, i) => !hits[i]);
    if (missing.length > 0) {
      throw new GsqlHttpError(
        400,
        `Failed to drop secrets: [${missing.join(', ')}]. They do not exist for user ${owner.name}.`,
      );
    }
    for (const h of hits) if (h) state.auth.secrets.delete(h.value);
    return jsonReply(200, {
      error: false,
      message: `Successfully removed the secrets for user ${owner.name}.`,
    });
  }
  throw new GsqlHttpError(405, `Method ${req.method} is not allowed here.`);
}

export { gsqlCaller };
