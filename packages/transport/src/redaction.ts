// Redacted views of URLs and headers for errors, hooks and logs.
import { redact } from '@tgraph/protocol/redact';

const SECRET_PARAM = /secret|token|password|passwd|pwd|key/i;
const SECRET_HEADER = /^(cookie|set-cookie|proxy-authorization|x-api-key)$/i;

/** The URL with secret-looking query values masked and every known secret removed. */
export function redactUrl(url: string, secrets: readonly string[]): string {
  const q = url.indexOf('?');
  if (q === -1) return redact(url, secrets);
  const base = url.slice(0, q);
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      const key = pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {
        // keep the raw key
      }
      return SECRET_PARAM.test(name) ? `${key}=***` : pair;
    })
    .join('&');
  return redact(`${base}?${query}`, secrets);
}

/** Headers with `Authorization: <scheme> ***`, cookies masked and secrets removed from values. */
export function redactHeaders(headers: Headers | Record<string, string>, secrets: readonly string[]) {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) {
    if (/^authorization$/i.test(name)) {
      const scheme = value.trim().split(/\s+/, 1)[0] ?? '';
      out[name] = value.trim().includes(' ') ? `${scheme} ***` : '***';
    } else if (SECRET_HEADER.test(name)) {
      out[name] = '***';
    } else {
      out[name] = redact(value, secrets);
    }
  }
  return out;
}

/** The credential part of an `Authorization` value (`Bearer abc` → `abc`), to add to the secret list. */
export function credentialOf(value: string): string | undefined {
  const parts = value.trim().split(/\s+/);
  const cred = parts.length > 1 ? parts.slice(1).join(' ') : parts[0];
  return cred ? cred : undefined;
}

/** Base64 forms of `user:password` in Basic credentials leak the password too: decode and add both. */
export function expandSecrets(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    out.add(v);
    if (/^[A-Za-z0-9+/]+=*$/.test(v) && v.length % 4 === 0) {
      try {
        const decoded = atob(v);
        const colon = decoded.indexOf(':');
        if (colon > 0 && /^[\x20-\x7e]+$/.test(decoded)) out.add(decoded.slice(colon + 1));
      } catch {
        // not base64
      }
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}
