// Lossless JSON for TigerGraph: INT/UINT attributes, counts and ids can exceed 2^53, which
// `JSON.parse` silently rounds. Where the runtime passes the literal's source text to revivers
// (Node 22+, Deno 2, Chromium 114+) we use that; elsewhere a small spec-following parser does the
// same work. The same parser also reads TigerGraph's non-standard output when `lenient` is on:
// raw control characters inside strings (`/version`) and bare NaN / inf / Infinity tokens.

/**
 * How integer literals (no fraction, no exponent) are returned:
 * - `'number'`: plain `JSON.parse` (fastest; values beyond 2^53 lose precision),
 * - `'bigint'`: every integer as a `bigint` (predictable types),
 * - `'string'`: safe integers as numbers, unsafe ones as their decimal string,
 * - `'auto'`: safe integers as numbers, unsafe ones as `bigint`.
 */
export type IntegerMode = 'number' | 'bigint' | 'string' | 'auto';

export interface ParseJsonOptions {
  /** Default `'number'`. */
  integers?: IntegerMode | undefined;
  /**
   * Accept TigerGraph's invalid JSON: raw control characters in strings and the tokens `NaN`,
   * `nan`, `Infinity`, `inf` (also negated). Only used when strict parsing fails. Default true.
   */
  lenient?: boolean | undefined;
}

/** A JSON value as `parseJson` may return it (numbers may be `bigint` or strings, per mode). */
export type JsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

type SourceContext = { source?: string };

let sourceSupport: boolean | undefined;

/** True when `JSON.parse` hands revivers the source text of primitives (`context.source`). */
export function jsonSourceSupported(): boolean {
  if (sourceSupport === undefined) {
    let ok = false;
    try {
      JSON.parse('12345678901234567890', (_key: string, value: unknown, context?: SourceContext) => {
        ok = context?.source === '12345678901234567890';
        return value;
      });
    } catch {
      ok = false;
    }
    sourceSupport = ok;
  }
  return sourceSupport;
}

/**
 * Parses JSON text, keeping 64-bit integers exact when asked. Throws `SyntaxError` on invalid
 * input (callers that know the endpoint wrap it).
 *
 * @example
 * parseJson('{"v_id":"1","attributes":{"n":9007199254740993}}', { integers: 'auto' });
 * // { v_id: '1', attributes: { n: 9007199254740993n } }
 * parseJson('[1, 2.5, 12345678901234567890]', { integers: 'string' }); // [1, 2.5, '12345678901234567890']
 */
export function parseJson(text: string, options: ParseJsonOptions = {}): unknown {
  const mode = options.integers ?? 'number';
  const lenient = options.lenient ?? true;
  try {
    return parseStrict(text, mode);
  } catch (error) {
    if (!lenient) throw error;
    return parseJsonFallback(text, mode, true);
  }
}

function parseStrict(text: string, mode: IntegerMode): unknown {
  // No run of 16+ digits means every integer is safe: plain JSON.parse gives the same result.
  if (mode === 'number' || ((mode === 'auto' || mode === 'string') && !/\d{16}/.test(text))) {
    return JSON.parse(text);
  }
  if (!jsonSourceSupported()) return parseJsonFallback(text, mode, false);
  return JSON.parse(text, (_key: string, value: unknown, context?: SourceContext) => {
    if (typeof value !== 'number' || context?.source === undefined) return value;
    return isIntegerLiteral(context.source) ? convertInteger(context.source, value, mode) : value;
  });
}

function isIntegerLiteral(source: string): boolean {
  return /^-?\d+$/.test(source);
}

function convertInteger(literal: string, value: number, mode: IntegerMode): number | bigint | string {
  switch (mode) {
    case 'bigint':
      return BigInt(literal);
    case 'auto':
      return Number.isSafeInteger(value) ? value : BigInt(literal);
    case 'string':
      return Number.isSafeInteger(value) ? value : literal;
    default:
      return value;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * The portable parser used when the runtime lacks `context.source`, or for lenient input.
 * Exported for tests; use {@link parseJson}.
 */
export function parseJsonFallback(text: string, mode: IntegerMode, lenient: boolean): unknown {
  let i = 0;
  const n = text.length;

  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${i} in JSON`);
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const word = (w: string, v: unknown): unknown => {
    if (!text.startsWith(w, i)) fail(`Unexpected token '${text[i]}'`);
    i += w.length;
    return v;
  };
  const special = (): number | undefined => {
    // Lenient only: TigerGraph may print degenerate DOUBLEs as bare tokens.
    for (const [w, v] of SPECIALS) {
      if (text.startsWith(w, i)) {
        i += w.length;
        return v;
      }
    }
    return undefined;
  };

  const number = (): unknown => {
    if (lenient) {
      const s = special();
      if (s !== undefined) return s;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail(`Unexpected token '${text[i] ?? 'end'}'`);
    i += m[0].length;
    const value = Number(m[0]);
    return m[1] === undefined && m[2] === undefined ? convertInteger(m[0], value, mode) : value;
  };

  const string = (): string => {
    i++; // opening quote
    let out = '';
    let start = i;
    for (;;) {
      if (i >= n) fail('Unterminated string');
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Bad Unicode escape');
            out += String.fromCharCode(Number.parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            i -= 1;
            fail('Bad escaped character');
        }
        start = i;
        continue;
      }
      if (c < 32 && !lenient) fail('Bad control character in string literal');
      i++;
    }
  };

  const value = (): unknown => {
    ws();
    const c = text[i];
    switch (c) {
      case '{': {
        i++;
        const obj: Record<string, unknown> = {};
        ws();
        if (text[i] === '}') {
          i++;
          return obj;
        }
        for (;;) {
          ws();
          if (text[i] !== '"') fail('Expected a property name');
          const key = string();
          ws();
          if (text[i] !== ':') fail("Expected ':' after property name");
          i++;
          const v = value();
          // JSON.parse makes "__proto__" an own property; so must we (no prototype pollution).
          if (key === '__proto__') {
            Object.defineProperty(obj, key, {
              value: v,
              writable: true,
              enumerable: true,
              configurable: true,
            });
          } else obj[key] = v;
          ws();
          if (text[i] === ',') {
            i++;
            continue;
          }
          if (text[i] === '}') {
            i++;
            return obj;
          }
          fail("Expected ',' or '}' after property value");
        }
      }
      case '[': {
        i++;
        const arr: unknown[] = [];
        ws();
        if (text[i] === ']') {
          i++;
          return arr;
        }
        for (;;) {
          arr.push(value());
          ws();
          if (text[i] === ',') {
            i++;
            continue;
          }
          if (text[i] === ']') {
            i++;
            return arr;
          }
          fail("Expected ',' or ']' after array element");
        }
      }
      case '"':
        return string();
      case 't':
        return word('true', true);
      case 'f':
        return word('false', false);
      case 'n':
        return lenient && text.startsWith('nan', i) ? word('nan', Number.NaN) : word('null', null);
      case undefined:
        return fail('Unexpected end of JSON input');
      default:
        return number();
    }
  };

  const result = value();
  ws();
  if (i < n) fail('Unexpected non-whitespace character after JSON');
  return result;
}

const SPECIALS: ReadonlyArray<readonly [string, number]> = [
  ['NaN', Number.NaN],
  ['-NaN', Number.NaN],
  ['-nan', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['inf', Number.POSITIVE_INFINITY],
  ['-inf', Number.NEGATIVE_INFINITY],
];

type RawJson = (text: string) => unknown;

/**
 * `JSON.stringify` that writes `bigint` as a JSON number (exact digits) instead of throwing.
 * Uses `JSON.rawJSON` where available, else a small serializer with the same output.
 *
 * @example
 * stringifyJson({ id: 12345678901234567890n, n: 1 }); // '{"id":12345678901234567890,"n":1}'
 */
export function stringifyJson(value: unknown): string | undefined {
  const rawJSON = (JSON as unknown as { rawJSON?: RawJson }).rawJSON;
  if (typeof rawJSON === 'function') {
    // Without a replacer first (several times faster): it throws only on a bigint (or a circular
    // structure, which the second pass reports the same way).
    try {
      return JSON.stringify(value);
    } catch {
      return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? rawJSON(v.toString()) : v));
    }
  }
  return stringifyJsonFallback(value);
}

/** Portable serializer behind {@link stringifyJson}. Exported for tests. */
export function stringifyJsonFallback(value: unknown): string | undefined {
  const stack: object[] = [];
  const write = (key: string, input: unknown): string | undefined => {
    let v = input;
    if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
    }
    if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
    switch (typeof v) {
      case 'bigint':
        return v.toString();
      case 'string':
      case 'number':
      case 'boolean':
        return JSON.stringify(v);
      case 'object': {
        if (v === null) return 'null';
        if (stack.includes(v)) throw new TypeError('Converting circular structure to JSON');
        stack.push(v);
        let out: string;
        if (Array.isArray(v)) {
          out = `[${v.map((item, idx) => write(String(idx), item) ?? 'null').join(',')}]`;
        } else {
          const parts: string[] = [];
          for (const k of Object.keys(v)) {
            const s = write(k, (v as Record<string, unknown>)[k]);
            if (s !== undefined) parts.push(`${JSON.stringify(k)}:${s}`);
          }
          out = `{${parts.join(',')}}`;
        }
        stack.pop();
        return out;
      }
      default:
        return undefined;
    }
  };
  return write('', value);
}
