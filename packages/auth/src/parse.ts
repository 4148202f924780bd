// Parsing of token replies (3.x `/requesttoken`, 4.x `/gsql/v1/tokens`) and of the GSQL text the
// 3.x shell prints for CREATE SECRET / SHOW SECRET / DROP SECRET.
import { parseCreateSecretOutput, parseShowSecretOutput } from '@tgraph/protocol/schemas/secrets';
import { expirationToMs, jwtExpiry } from '@tgraph/protocol/schemas/tokens';
import { isRecord } from './internal/http.js';

/** Server default token lifetime on 3.x (one month, 2,592,000 s). */
export const DEFAULT_LIFETIME_3X_SECONDS = 2_592_000;
/** Server default JWT lifetime on 4.1+ (one week, 604,800 s). */
export const DEFAULT_LIFETIME_4X_SECONDS = 604_800;

/** A token reply reduced to what the SDK needs. */
export interface ParsedTokenReply {
  token: string;
  /** When the token stops working (from `expiration`, else the JWT `exp`, else now + lifetime). */
  expiresAt: Date;
  /** `expiration` exactly as the server sent it: Unix seconds on 3.x, a date string on 4.x. */
  expiration: number | string | undefined;
}

export interface ParseTokenOptions {
  /** Current time in epoch ms (for replies without an expiration). */
  now: number;
  /** The lifetime that was requested, in seconds. */
  lifetimeSeconds?: number | undefined;
  /** The server's default lifetime when none was requested. */
  defaultLifetimeSeconds?: number | undefined;
}

/**
 * Reads an `expiration` value: Unix seconds (or ms when > 10^12), a numeric string, or Java's
 * `Date.toString()` form (4.x). Undefined for -1/0 and for text no parser understands.
 */
export function parseExpiration(value: unknown): Date | undefined {
  if (typeof value === 'number' && value > 1e12) return new Date(value);
  if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'bigint') return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  const ms = expirationToMs(value);
  return ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms);
}

const jwtExpiryDate = (token: string): Date | undefined => {
  const ms = jwtExpiry(token);
  return ms === undefined ? undefined : new Date(ms);
};

/**
 * Extracts the token and its expiry from a token reply of either line: the token top-level
 * (secret requests, 4.x) or in `results` (3.x username/password requests); `expiration` as Unix
 * seconds (3.x) or a date string (4.x). Returns undefined when the reply holds no token.
 */
export function parseTokenReply(body: unknown, options: ParseTokenOptions): ParsedTokenReply | undefined {
  if (!isRecord(body)) return undefined;
  const results = isRecord(body.results) ? body.results : undefined;
  const token =
    typeof body.token === 'string' && body.token !== ''
      ? body.token
      : typeof results?.token === 'string' && results.token !== ''
        ? results.token
        : undefined;
  if (token === undefined) return undefined;
  const rawExpiration = body.expiration ?? results?.expiration;
  const expiration =
    typeof rawExpiration === 'number' || typeof rawExpiration === 'string' ? rawExpiration : undefined;
  const lifetime = options.lifetimeSeconds ?? options.defaultLifetimeSeconds;
  const expiresAt =
    (typeof expiration === 'number' ||
    (typeof expiration === 'string' && /^\d+(\.\d+)?$/.test(expiration.trim()))
      ? parseExpiration(expiration)
      : undefined) ??
    jwtExpiryDate(token) ??
    parseExpiration(expiration) ??
    new Date(options.now + (lifetime ?? DEFAULT_LIFETIME_4X_SECONDS) * 1000);
  return { token, expiresAt, expiration };
}

/** One secret as TigerGraph lists it. */
export interface SecretInfo {
  /** The secret's alias (`AUTO_GENERATED_ALIAS_…` when none was given at creation). */
  alias: string;
  /** The value as the server returns it: masked on 3.x (`abc****xyz`), plain on 4.x. */
  value: string;
  /** 3.x only: the graph the secret is bound to. */
  graph?: string;
}

/**
 * Parses SHOW SECRET output (3.x):
 * ```
 *     - Secret: s7s****3k5
 *       - Alias: HH
 *       - GraphName: Hogwarts
 * ```
 */
export function parseShowSecrets(text: string): SecretInfo[] {
  return parseShowSecretOutput(text).map((s) => ({
    alias: s.alias ?? '',
    value: s.masked,
    ...(s.graph === undefined ? {} : { graph: s.graph }),
  }));
}

/** The secret printed by CREATE SECRET (`The secret: <value> ...`), or undefined. */
export function parseCreatedSecret(text: string): string | undefined {
  return parseCreateSecretOutput(text).secret;
}
