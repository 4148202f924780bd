// Token replies (reference §3.2–3.3). 3.x `POST /requesttoken` puts the token at the top level
// (secret flow) or in `results.token` (user/password flow) and gives `expiration` in Unix seconds;
// 4.1+ `POST /gsql/v1/tokens` answers with a JWT and `expiration` as a Java date string.

import * as z from 'zod/mini';
import { codeSchema, errorFlagSchema } from './common.js';

const tokenResultsSchema = z.looseObject({ token: z.optional(z.string()) });

const hasToken = (v: { token?: string | undefined; results?: unknown }) =>
  typeof v.token === 'string' ||
  (typeof v.results === 'object' &&
    v.results !== null &&
    typeof (v.results as { token?: unknown }).token === 'string');

/**
 * 3.x `POST|PUT|DELETE /requesttoken` reply. The token is in `token` or in `results.token`.
 *
 * @example
 * requestTokenReplySchema.parse({ code: 'REST-0000', expiration: 1616042814, error: false, message: '…', token: 'tohv…' });
 */
export const requestTokenReplySchema = z
  .looseObject({
    code: z.optional(codeSchema),
    expiration: z.optional(z.union([z.number(), z.bigint(), z.string()])),
    error: errorFlagSchema,
    message: z.optional(z.string()),
    token: z.optional(z.string()),
    results: z.optional(z.union([tokenResultsSchema, z.unknown()])),
  })
  .check(
    z.refine(hasToken, { error: 'missing token (expected in "token" or "results.token")', path: ['token'] }),
  );

/**
 * 4.1+ `POST /gsql/v1/tokens` reply: `{expiration: "Wed Jul 10 06:12:47 UTC 2024", error, message, token}`
 * (some builds also echo `results.token`).
 */
export const gsqlTokenReplySchema = z
  .looseObject({
    expiration: z.optional(z.union([z.string(), z.number(), z.bigint()])),
    error: errorFlagSchema,
    message: z.optional(z.string()),
    token: z.optional(z.string()),
    results: z.optional(z.union([tokenResultsSchema, z.unknown()])),
  })
  .check(
    z.refine(hasToken, { error: 'missing token (expected in "token" or "results.token")', path: ['token'] }),
  );

/** A token reply of either line, as the schemas above output it. */
export interface TokenReply {
  error: boolean;
  message?: string | undefined;
  code?: string | undefined;
  token?: string | undefined;
  expiration?: number | bigint | string | undefined;
  results?: unknown;
  [key: string]: unknown;
}

/** A token and when it stops working. */
export interface TokenInfo {
  token: string;
  /** Expiry as epoch milliseconds; undefined when the server did not say (or said -1 on delete). */
  expiresAt: number | undefined;
  /** `expiration` exactly as the server sent it. */
  expiration: number | bigint | string | undefined;
}

/**
 * Normalises a parsed token reply of either line: finds the token (top level or `results.token`)
 * and converts `expiration` (Unix seconds, Java date string, or the JWT's `exp` claim) to epoch ms.
 *
 * @example
 * tokenInfo({ error: false, token: 't', expiration: 1700100000 }).expiresAt; // 1700100000000
 * tokenInfo({ error: false, token: jwt, expiration: 'Wed Jul 10 06:12:47 UTC 2024' }).expiresAt; // Date.UTC(2024, 6, 10, 6, 12, 47)
 */
export function tokenInfo(reply: TokenReply): TokenInfo {
  const nested = reply.results as { token?: unknown } | undefined;
  const token =
    reply.token ??
    (typeof nested === 'object' && nested !== null && typeof nested.token === 'string'
      ? nested.token
      : undefined);
  if (token === undefined) throw new TypeError('token reply has no token');
  const expiresAt = expirationToMs(reply.expiration) ?? jwtExpiry(token);
  return { token, expiresAt, expiration: reply.expiration };
}

/**
 * Converts a TigerGraph `expiration` to epoch milliseconds: numbers (and numeric strings) are Unix
 * seconds (`-1` or `0` → undefined); other strings are Java `Date.toString()` dates.
 */
export function expirationToMs(expiration: number | bigint | string | undefined): number | undefined {
  if (expiration === undefined) return undefined;
  if (typeof expiration === 'bigint') return expiration > 0n ? Number(expiration) * 1000 : undefined;
  if (typeof expiration === 'number') return expiration > 0 ? expiration * 1000 : undefined;
  const text = expiration.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return expirationToMs(Number(text));
  return parseJavaDate(text);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Offsets of the zone names a TigerGraph server is likely to print (Java prints the short name).
const ZONES: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  UT: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  CET: 1,
  CEST: 2,
  IST: 5.5,
  JST: 9,
};

/**
 * Parses Java's `Date.toString()` form `EEE MMM dd HH:mm:ss zzz yyyy` (e.g. `Wed Jul 10 06:12:47 UTC 2024`)
 * to epoch ms; falls back to `Date.parse` for other forms. Undefined when unparseable.
 */
export function parseJavaDate(text: string): number | undefined {
  const m =
    /^(?:\w{3}\s+)?(\w{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+([A-Za-z]+|[+-]\d{2}:?\d{2})\s+(\d{4})$/.exec(
      text.trim(),
    );
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase());
    const zone = m[6]!;
    const offsetHours = /^[+-]/.test(zone)
      ? (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) + Number(zone.slice(-2)) / 60)
      : ZONES[zone.toUpperCase()];
    if (month >= 0 && offsetHours !== undefined) {
      const utc = Date.UTC(Number(m[7]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
      return utc - offsetHours * 3_600_000;
    }
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/**
 * The `exp` claim of a JWT as epoch ms (no signature check: only for scheduling refreshes).
 * Undefined for non-JWT tokens (3.x 32-char tokens) or a missing claim.
 */
export function jwtExpiry(token: string): number | undefined {
  const claims = jwtClaims(token);
  const exp = claims?.['exp'];
  return typeof exp === 'number' && exp > 0 ? exp * 1000 : undefined;
}

/** Decodes a JWT's payload (base64url JSON) without verifying it; undefined when not a JWT. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** 4.x `DELETE /gsql/v1/tokens` and `POST /gsql/v1/tokens/check` replies: `{error, message}`. */
export const tokenMessageReplySchema = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
});

/** Request bodies of the token endpoints (the SDK sends `lifetime` in seconds, as a string, like pyTigerGraph). */
export interface RequestTokenBody {
  secret?: string | undefined;
  graph?: string | undefined;
  lifetime?: string | number | undefined;
  token?: string | undefined;
}

/** 4.x `DELETE /gsql/v1/tokens` body: the tokens to block, comma-joined. */
export interface DeleteGsqlTokensBody {
  tokens: string;
}
