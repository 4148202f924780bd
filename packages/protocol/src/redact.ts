// Redaction of credentials from any text the SDK emits (errors, logs, toString).

const MASK = '***';

/**
 * Replaces every occurrence of each secret (and its URL-encoded form) with `***`, and the value of
 * any `Basic` / `Bearer` / `GSQL-Secret` credential in the text (which covers base64 Basic headers).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 3) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(MASK);
  }
  // Authorization header values of any scheme, wherever they appear.
  return out.replace(/\b(Basic|Bearer|GSQL-Secret)\s+[A-Za-z0-9._~+/=-]{6,}/g, `$1 ${MASK}`);
}

/** Masks a token as TigerGraph does in its messages: first 4 chars, `****`, last 3 (for display). */
export function maskToken(token: string): string {
  return token.length <= 8 ? '****' : `${token.slice(0, 4)}****${token.slice(-3)}`;
}
