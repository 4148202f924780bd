// Random strings shaped like TigerGraph's: 32-char lowercase alphanumeric secrets/tokens,
// AUTO_GENERATED_ALIAS_ + 7 chars for secret aliases.
import { randomInt } from 'node:crypto';

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlnum(length: number, alphabet = ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const randomSecret = (): string => randomAlnum(32);
export const randomToken = (): string => randomAlnum(32);
export const randomAlias = (): string =>
  `AUTO_GENERATED_ALIAS_${randomAlnum(7, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`;

/** `abc****xyz`: the masked form SHOW SECRET prints (first and last three characters). */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 3)}****${secret.slice(-3)}`;
}

/** `abcd****xyz`: how RESTPP error messages quote a token. */
export function maskToken(token: string): string {
  if (token.length <= 8) return `${token.slice(0, 1)}****`;
  return `${token.slice(0, 4)}****${token.slice(-3)}`;
}
