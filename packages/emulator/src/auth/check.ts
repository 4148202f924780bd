// Who is calling: RESTPP token/secret checks and GSQL-server credential checks (reference §3).
import { type EmuRequest, header } from '../http/types.js';
import { RestError } from '../restpp/envelope.js';
import { DEFAULT_USER, type EmulatorState } from '../state.js';
import type { Secret, Token, User } from './model.js';
import { maskToken } from './random.js';

export interface Caller {
  user: User;
  /** Graph a token or secret is bound to (3.x tokens are graph-bound; global JWTs have none). */
  graph: string | undefined;
}

type Scheme = { scheme: 'basic' | 'bearer' | 'secret' | 'other'; value: string } | undefined;

export function authorization(req: EmuRequest): Scheme {
  const h = header(req, 'authorization');
  if (h === undefined) return undefined;
  const m = /^(\S+)\s*(.*)$/.exec(h.trim());
  if (!m) return { scheme: 'other', value: '' };
  const name = (m[1] as string).toLowerCase();
  const value = (m[2] as string).trim();
  if (name === 'basic') return { scheme: 'basic', value };
  if (name === 'bearer') return { scheme: 'bearer', value };
  if (name === 'gsql-secret') return { scheme: 'secret', value };
  return { scheme: 'other', value: h };
}

/** user:password from a Basic credential; the `__GSQL__secret` user logs in with a secret. */
export function basicUser(state: EmulatorState, value: string): Caller | undefined {
  let decoded: string;
  try {
    decoded = Buffer.from(value, 'base64').toString('utf8');
  } catch {
    return undefined;
  }
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  const name = decoded.slice(0, i);
  const password = decoded.slice(i + 1);
  if (name === '__GSQL__secret') return secretUser(state, password);
  const user = state.auth.users.get(name);
  return user && user.password === password ? { user, graph: undefined } : undefined;
}

export function findSecret(state: EmulatorState, value: string): Secret | undefined {
  return state.auth.secrets.get(value);
}

export function secretUser(state: EmulatorState, value: string): Caller | undefined {
  const s = findSecret(state, value);
  const user = s && state.auth.users.get(s.user);
  return user ? { user, graph: s?.graph } : undefined;
}

const denied = (token: string, why: string): RestError =>
  new RestError('REST-10016', `Access Denied because the input token = '${token}' ${why}`);

/** A live token's caller, or the RESTPP error for a missing/unknown/expired/revoked one. */
export function tokenCaller(state: EmulatorState, token: string, graph: string | undefined): Caller {
  if (token.length < 6) throw denied(token === '' ? '' : maskToken(token), 'is empty or too short');
  const t: Token | undefined = state.auth.tokens.get(token);
  if (!t) throw denied(maskToken(token), 'is not in correct format');
  if (state.auth.blockedJwts.has(token)) throw denied(maskToken(token), 'has been revoked');
  if (t.expiresAt <= state.clock.now()) {
    throw new RestError(
      'REST-10019',
      `Access Denied because the input token = '${maskToken(token)}' is expired`,
    );
  }
  const user = state.auth.users.get(t.user);
  if (!user) throw denied(maskToken(token), 'belongs to a user that does not exist');
  if (t.graph !== undefined && graph !== undefined && t.graph !== graph) {
    throw denied(maskToken(token), `is not valid for graph ${graph}`);
  }
  return { user, graph: t.graph };
}

function withStatus(state: EmulatorState, e: RestError): RestError {
  return new RestError(e.code, e.message, state.authErrorStatus);
}

/** RESTPP: anyone when auth is off; otherwise Bearer token, GSQL-Secret, or (4.x) Basic. */
export function restppCaller(state: EmulatorState, req: EmuRequest, graph: string | undefined): Caller {
  const anonymous = { user: state.auth.users.get(DEFAULT_USER) as User, graph: undefined };
  if (!state.authEnabled) return anonymous;
  const auth = authorization(req);
  try {
    if (!auth || auth.scheme === 'other') throw denied('', 'is empty or too short');
    if (auth.scheme === 'bearer') return tokenCaller(state, auth.value, graph);
    if (auth.scheme === 'secret') {
      const c = secretUser(state, auth.value);
      if (!c) throw denied(maskToken(auth.value), 'is not in correct format');
      return c;
    }
    // Basic: 3.x RESTPP treats it as no token at all; 4.x accepts user/password.
    if (!state.version.restppBasic) throw denied('', 'is empty or too short');
    const c = basicUser(state, auth.value);
    if (!c) throw denied('', 'is empty or too short');
    return c;
  } catch (e) {
    throw e instanceof RestError ? withStatus(state, e) : e;
  }
}

/** GSQL server: Basic always; Bearer and GSQL-Secret on 4.1+. Undefined means 401. */
export function gsqlCaller(state: EmulatorState, req: EmuRequest): Caller | undefined {
  const auth = authorization(req);
  if (!auth) return undefined;
  if (auth.scheme === 'basic') return basicUser(state, auth.value);
  if (!state.version.gsqlV1) return undefined;
  if (auth.scheme === 'secret') return secretUser(state, auth.value);
  if (auth.scheme === 'bearer') {
    try {
      return tokenCaller(state, auth.value, undefined);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
