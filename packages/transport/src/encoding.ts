// Building the wire form of a request: exact query strings, TigerGraph's control headers and
// header checks a fetch would otherwise fail on with a bare TypeError.
import { ValidationError } from '@tgraph/protocol/errors';
import { HEADER_NAME_PATTERN, HEADER_VALUE_FORBIDDEN } from '@tgraph/protocol/options';
import type { SearchParams } from './types.js';

function encodeComponent(value: string, key: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // Only a lone UTF-16 surrogate makes encodeURIComponent throw (a bare URIError).
    throw new ValidationError(
      `query parameter '${key.replace(/[\uD800-\uDFFF]/g, '\uFFFD')}' holds a lone UTF-16 surrogate, which has no UTF-8 form and cannot be sent; fix the string (text.toWellFormed() replaces it with U+FFFD)`,
      { field: 'searchParams' },
    );
  }
}

function scalar(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** Encodes query parameters exactly: `%20` for spaces, arrays as repeated keys, `undefined`/`null` skipped. */
export function encodeSearchParams(params: SearchParams | undefined): string {
  if (params === undefined) return '';
  const pairs: string[] = [];
  const add = (k: string, v: unknown) =>
    pairs.push(`${encodeComponent(k, k)}=${encodeComponent(scalar(v), k)}`);
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) add(k, v);
  } else if (Array.isArray(params)) {
    for (const [k, v] of params as ReadonlyArray<readonly [string, unknown]>) add(k, v);
  } else {
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) for (const item of v) add(k, item);
      else add(k, v);
    }
  }
  return pairs.join('&');
}

/** TigerGraph's control headers (§5 of the wire reference): @tgraph/protocol's, one name per option. */
export { controlHeaders } from '@tgraph/protocol/options';

/** Refuses headers a fetch would reject, so the error says the request could not be built. */
export function checkHeaders(headers: Record<string, string>): void {
  for (const name in headers) {
    if (!HEADER_NAME_PATTERN.test(name)) throw new TypeError(`invalid header name '${name}'`);
    if (HEADER_VALUE_FORBIDDEN.test(headers[name] as string)) {
      throw new TypeError(`the value of header '${name}' holds a line break or NUL`);
    }
  }
}

export function hasHeader(headers: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((k) => k.toLowerCase() === lower);
}

/** Sets a header, replacing any differently-cased copy. */
export function setHeader(headers: Record<string, string>, name: string, value: string): void {
  const lower = name.toLowerCase();
  for (const k of Object.keys(headers)) if (k.toLowerCase() === lower) delete headers[k];
  headers[name] = value;
}
