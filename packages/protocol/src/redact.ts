// Redaction of credentials from any text the SDK emits (errors, logs, toString).

const MASK = '***';

/** Below this length a secret is masked only where it stands alone, not inside longer words. */
const SHORT_SECRET = 3;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for every occurrence of `secret` (and its URL-encoded form) in a text. A secret of one or
 * two characters is matched only as a whole token (not next to a letter, digit or `_`): masking every
 * `a` of a message would destroy it, and the letter inside a word does not reveal the credential.
 */
export function secretPattern(secret: string): RegExp {
  const forms = [...new Set([secret, encodeURIComponent(secret)])].map(escapeRegExp).join('|');
  if (secret.length >= SHORT_SECRET) return new RegExp(forms, 'g');
  return new RegExp(`(?<![A-Za-z0-9_])(?:${forms})(?![A-Za-z0-9_])`, 'g');
}

/** Whether `text` holds `secret` in a form `redact` would mask. */
export function containsSecret(text: string, secret: string): boolean {
  return secret !== '' && secretPattern(secret).test(text);
}

/**
 * Replaces every occurrence of each secret (and its URL-encoded form) with `***`, and the value of
 * any `Basic` / `Bearer` / `GSQL-Secret` credential in the text (which covers base64 Basic headers).
 * Longer secrets go first so that a short one never splits a longer one it is part of.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  const ordered = [...secrets].filter((s) => s !== '').sort((a, b) => b.length - a.length);
  for (const secret of ordered) out = out.replace(secretPattern(secret), MASK);
  // Authorization header values of any scheme, wherever they appear.
  return out.replace(/\b(Basic|Bearer|GSQL-Secret)\s+[A-Za-z0-9._~+/=-]{6,}/g, `$1 ${MASK}`);
}

/** Masks a token as TigerGraph does in its messages: first 4 chars, `****`, last 3 (for display). */
export function maskToken(token: string): string {
  return token.length <= 8 ? '****' : `${token.slice(0, 4)}****${token.slice(-3)}`;
}
