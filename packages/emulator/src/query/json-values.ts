// JSONOBJECT / JSONARRAY values, as TigerGraph's GSQL reference describes them ("Type Conversion
// Functions": parse_json_object(), parse_json_array(); "JSON Object Methods"; "JSON Array Methods"):
// a STRING is parsed into one (malformed text is a run-time error), a getter reads a member by key
// (object) or index (array), and a missing member or one of another type is a run-time error.
import type { Json } from '../json.js';
import { QueryRuntimeError } from './accum.js';
import { QJson, type QV } from './values.js';

type Result = 'INT' | 'DOUBLE' | 'STRING' | 'BOOL' | 'JSONOBJECT' | 'JSONARRAY';

/** What each getter returns (lower-case name), for CREATE's type checks and the run-time checks. */
export const JSON_GETTERS: Record<string, Result> = {
  getint: 'INT',
  getdouble: 'DOUBLE',
  getstring: 'STRING',
  getbool: 'BOOL',
  getjsonobject: 'JSONOBJECT',
  getjsonarray: 'JSONARRAY',
};

/** The methods each type has (lower case): the getters, plus containsKey() or size(). */
export const JSON_METHODS: Record<'JSONOBJECT' | 'JSONARRAY', Set<string>> = {
  JSONOBJECT: new Set([...Object.keys(JSON_GETTERS), 'containskey']),
  JSONARRAY: new Set([...Object.keys(JSON_GETTERS), 'size']),
};

/** Parses JSON text keeping integers apart from other numbers (INT vs DOUBLE): integers are bigint. */
function parseExact(text: string): Json {
  return JSON.parse(text, (_k, v: unknown, ctx?: { source?: string }) =>
    typeof v === 'number' && ctx?.source !== undefined && /^-?\d+$/.test(ctx.source) ? BigInt(ctx.source) : v,
  ) as Json;
}

/** parse_json_object(s) / parse_json_array(s). */
export function parseJsonValue(fn: string, s: QV, want: 'JSONOBJECT' | 'JSONARRAY'): QJson {
  if (typeof s !== 'string')
    throw new QueryRuntimeError(
      `Runtime Error: ${fn}() takes a STRING, not ${s === null ? 'NULL' : typeof s}.`,
    );
  let v: Json;
  try {
    v = parseExact(s);
  } catch (e) {
    throw new QueryRuntimeError(
      `Runtime Error: ${fn}(): the string is not valid JSON (${(e as Error).message}).`,
    );
  }
  const got = jsonTypeName(v);
  if (got !== want)
    throw new QueryRuntimeError(`Runtime Error: ${fn}(): the string holds ${an(got)}, not ${an(want)}.`);
  return new QJson(v as { [key: string]: Json } | Json[]);
}

/** The GSQL name of a JSON member's type. */
function jsonTypeName(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'JSONARRAY';
  switch (typeof v) {
    case 'bigint':
      return 'INT';
    case 'number':
      return 'DOUBLE';
    case 'string':
      return 'STRING';
    case 'boolean':
      return 'BOOL';
    default:
      return 'JSONOBJECT';
  }
}

/** A JSONOBJECT / JSONARRAY method; undefined when the type has no such method. */
export function callJsonMethod(obj: QJson, name: string, args: QV[]): QV | undefined {
  const n = name.toLowerCase();
  const type = obj.typeName;
  if (!JSON_METHODS[type].has(n)) return undefined;
  const v = obj.value;
  if (n === 'size') return BigInt((v as Json[]).length);
  const arg = args[0] ?? null;
  if (n === 'containskey') return typeof arg === 'string' && Object.hasOwn(v, arg);
  const member = memberOf(obj, name, arg);
  return asResult(member, JSON_GETTERS[n] as Result, `${name}(${describeArg(arg)})`);
}

const an = (t: string): string => (t === 'null' ? t : /^[AEIOU]/.test(t) ? `an ${t}` : `a ${t}`);

const describeArg = (a: QV): string => (typeof a === 'string' ? JSON.stringify(a) : String(a));

/** The member a getter names: a key of an object, an index of an array. */
function memberOf(obj: QJson, name: string, arg: QV): Json {
  const v = obj.value;
  if (Array.isArray(v)) {
    if (typeof arg !== 'bigint')
      throw new QueryRuntimeError(`Runtime Error: JSONARRAY.${name}() takes an INT index.`);
    if (arg < 0n || arg >= BigInt(v.length))
      throw new QueryRuntimeError(`Runtime Error: JSONARRAY index ${arg} is out of range [0, ${v.length}).`);
    return v[Number(arg)] as Json;
  }
  if (typeof arg !== 'string')
    throw new QueryRuntimeError(`Runtime Error: JSONOBJECT.${name}() takes a STRING key.`);
  if (!Object.hasOwn(v, arg))
    throw new QueryRuntimeError(`Runtime Error: the JSONOBJECT has no key ${JSON.stringify(arg)}.`);
  return v[arg] as Json;
}

/** The member as the getter's type: a JSON number is a DOUBLE (an integer too), only an integer an INT. */
function asResult(m: Json, want: Result, call: string): QV {
  const got = jsonTypeName(m);
  if (want === 'DOUBLE' && (typeof m === 'number' || typeof m === 'bigint')) return Number(m);
  if (got !== want)
    throw new QueryRuntimeError(`Runtime Error: ${call}: the value is ${an(got)}, not ${an(want)}.`);
  if (want === 'JSONOBJECT' || want === 'JSONARRAY') return new QJson(m as { [key: string]: Json } | Json[]);
  return m as QV;
}
