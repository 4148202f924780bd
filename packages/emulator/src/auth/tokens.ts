// Token issue/refresh/drop shared by 3.x /requesttoken and 4.x /gsql/v1/tokens.
import type { EmulatorState } from '../state.js';
import { signJwt } from './jwt.js';
import type { Token } from './model.js';
import { randomToken } from './random.js';

/** One month: the documented default lifetime of 3.x tokens. */
export const DEFAULT_3X_LIFETIME_S = 2_592_000;
/** One week: the default lifetime of 4.x JWTs. */
export const DEFAULT_JWT_LIFETIME_S = 604_800;

/** Parses `lifetime` (string or number of seconds); undefined when absent, NaN when malformed. */
export function parseLifetime(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'bigint'
        ? Number(v)
        : typeof v === 'string'
          ? Number(v)
          : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : Number.NaN;
}

export function issueToken(
  state: EmulatorState,
  user: string,
  graph: string | undefined,
  lifetimeSeconds: number,
  jwt: boolean,
): Token {
  const now = state.clock.now();
  const expiresAt = now + lifetimeSeconds * 1000;
  let token: string;
  if (jwt) {
    const claims = {
      sub: user,
      iat: Math.floor(now / 1000),
      exp: Math.floor(expiresAt / 1000),
      iss: 'TigerGraph',
      ...(graph !== undefined ? { graph } : {}),
    };
    token = signJwt(claims, state.auth.jwtKey);
  } else {
    token = randomToken();
  }
  const t: Token = { token, user, graph, expiresAt, jwt };
  state.auth.tokens.set(token, t);
  return t;
}

/** An existing token of this user/graph with at least a day left (3.9.3+ allowExisting). */
export function reusableToken(
  state: EmulatorState,
  user: string,
  graph: string | undefined,
): Token | undefined {
  const limit = state.clock.now() + 86_400_000;
  for (const t of state.auth.tokens.values()) {
    if (t.user === user && t.graph === graph && t.expiresAt >= limit && !state.auth.blockedJwts.has(t.token))
      return t;
  }
  return undefined;
}

export const expirationSeconds = (t: Token): number => Math.floor(t.expiresAt / 1000);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Java's Date.toString() in UTC: "Wed Jul 10 06:12:47 UTC 2024". */
export function javaDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
