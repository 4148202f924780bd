// Turns an option schema's first issue into a ValidationError that names the option
// (`options.control.gsqlTimeoutMs`), says what it must be and what was given, without echoing
// credentials. Used by resolveConnection, createTransport, the auth providers and createClient.
import type * as z from 'zod/mini';
import { ValidationError } from './errors.js';

/** Options whose values are never shown in a message, only their kind. */
const SENSITIVE = new Set(['password', 'gsqlSecret', 'apiToken', 'jwtToken', 'key', 'headers', 'secret']);

/**
 * Parses `value` with `schema`; on failure throws a ValidationError naming `prefix` + the path.
 *
 * @example
 * parseOptions(controlOptionsSchema, { gsqlTimeoutMs: 0 }, 'options.control');
 * // ValidationError: options.control.gsqlTimeoutMs must be a positive whole number of milliseconds, got 0
 */
export function parseOptions<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  prefix = 'options',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw optionError(prefix, issue.path, issue.message, valueAt(value, issue.path));
}

/** The error for one option: `<prefix>.<path> <message>, got <value or its kind>`. */
export function optionError(
  prefix: string,
  path: readonly PropertyKey[],
  message: string,
  value: unknown,
): ValidationError {
  const rest = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  const name = `${prefix}${rest}`;
  const field = name.replace(/^options\.?/, '');
  const sensitive = [...name.split(/[.[\]]/)].some((part) => SENSITIVE.has(part));
  // "must be …" messages say what was given; the others ("is not an option; …") carry their own detail.
  const got = message.startsWith('must be') ? `, got ${sensitive ? kindOf(value) : show(value)}` : '';
  return new ValidationError(`${name} ${message}${got}`, { field, code: 'TG-INVALID-OPTION' });
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${safeUrl(value).slice(0, 100)}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return kindOf(value);
}

/** How a value is described when it is not shown: `a string`, `an array`, `null`… */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'undefined';
  const t = typeof value;
  return t === 'object' ? 'an object' : `a ${t}`;
}

/** Removes `user:password@` from anything that looks like a URL before it is echoed. */
export function safeUrl(value: string): string {
  return value.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)?[^/@\s]*@/i,
    (_m, scheme: string | undefined) => `${scheme ?? ''}***@`,
  );
}
