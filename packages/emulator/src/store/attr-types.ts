// GSQL attribute types and how their values are checked, defaulted and written as JSON.
import { isObject, type Json } from '../json.js';

export type PrimitiveName = 'INT' | 'UINT' | 'FLOAT' | 'DOUBLE' | 'BOOL' | 'STRING' | 'DATETIME';

/** An element of a collection: a primitive or a UDT (tuple) name. */
export type ElementType = { kind: 'primitive'; name: PrimitiveName } | { kind: 'udt'; name: string };

export type AttrType =
  | { kind: 'primitive'; name: PrimitiveName; compress?: boolean }
  | { kind: 'fixed_binary'; size: number }
  | { kind: 'collection'; name: 'LIST' | 'SET' | 'BAG'; element: ElementType }
  | { kind: 'map'; key: ElementType; value: ElementType }
  | { kind: 'udt'; name: string };

/** A tuple field: primitive with optional byte size (INT/UINT) or length (STRING). */
export interface UdtField {
  name: string;
  type: PrimitiveName;
  size?: number;
}

export interface Udt {
  name: string;
  fields: UdtField[];
}

/** Stored attribute values. INT/UINT are bigint, DATETIME is epoch seconds, MAP is a JS Map. */
export type Value =
  | bigint
  | number
  | boolean
  | string
  | Value[]
  | Map<string | bigint | number, Value>
  | TupleValue;
export interface TupleValue {
  tuple: Map<string, Value>;
}

export type UdtLookup = (name: string) => Udt | undefined;

/** A conversion failure; `message` is TigerGraph's REST-30200 wording. */
export class ValueError extends Error {}

export function typeToGsql(t: AttrType): string {
  switch (t.kind) {
    case 'primitive':
      return t.compress ? `${t.name} COMPRESS` : t.name;
    case 'fixed_binary':
      return `FIXED_BINARY(${t.size})`;
    case 'collection':
      return `${t.name}<${t.element.name}>`;
    case 'map':
      return `MAP<${t.key.name}, ${t.value.name}>`;
    case 'udt':
      return t.name;
  }
}

export function defaultValue(t: AttrType, udts: UdtLookup): Value {
  switch (t.kind) {
    case 'primitive':
      return primitiveDefault(t.name);
    case 'fixed_binary':
      return '';
    case 'collection':
      return [];
    case 'map':
      return new Map();
    case 'udt':
      return tupleDefault(t.name, udts);
  }
}

function primitiveDefault(name: PrimitiveName): Value {
  switch (name) {
    case 'INT':
    case 'UINT':
      return 0n;
    case 'FLOAT':
    case 'DOUBLE':
    case 'DATETIME':
      return 0;
    case 'BOOL':
      return false;
    case 'STRING':
      return '';
  }
}

function tupleDefault(name: string, udts: UdtLookup): TupleValue {
  const udt = udts(name);
  const tuple = new Map<string, Value>();
  for (const f of udt?.fields ?? []) tuple.set(f.name, primitiveDefault(f.type));
  return { tuple };
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Converts an upsert JSON value; strict like RESTPP (no string→number coercion). */
export function fromJson(t: AttrType, v: Json, udts: UdtLookup): Value {
  if (v === null) throw new ValueError('Null JSON value');
  switch (t.kind) {
    case 'primitive':
      return primitiveFromJson(t.name, v);
    case 'fixed_binary':
      if (typeof v !== 'string') throw new ValueError('value cannot be converted to FIXED_BINARY');
      return v;
    case 'collection': {
      if (!Array.isArray(v)) throw new ValueError(`value cannot be converted to ${t.name}`);
      const items = v.map((x) => elementFromJson(t.element, x, udts));
      return t.name === 'SET' ? dedupe(items) : items;
    }
    case 'map':
      return mapFromJson(t, v, udts);
    case 'udt':
      return tupleFromJson(t.name, v, udts);
  }
}

function elementFromJson(e: ElementType, v: Json, udts: UdtLookup): Value {
  if (v === null) throw new ValueError('Null JSON value');
  return e.kind === 'primitive' ? primitiveFromJson(e.name, v) : tupleFromJson(e.name, v, udts);
}

function dedupe(items: Value[]): Value[] {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const item of items) {
    const key = valueKey(item);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

function valueKey(v: Value): string {
  if (typeof v === 'bigint') return `n${v}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  return `j${JSON.stringify(toJson(v), (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))}`;
}

function mapFromJson(t: { key: ElementType; value: ElementType }, v: Json, udts: UdtLookup): Value {
  if (!isObject(v)) throw new ValueError('value cannot be converted to MAP');
  const keys = v['keylist'] ?? v['keyList'];
  const values = v['valuelist'] ?? v['valueList'];
  const out = new Map<string | bigint | number, Value>();
  if (Array.isArray(keys) && Array.isArray(values)) {
    if (keys.length !== values.length) throw new ValueError('keylist and valuelist have different sizes');
    keys.forEach((k, i) => {
      out.set(mapKey(elementFromJson(t.key, k, udts)), elementFromJson(t.value, values[i] ?? null, udts));
    });
    return out;
  }
  throw new ValueError('value cannot be converted to MAP');
}

function mapKey(v: Value): string | bigint | number {
  if (typeof v === 'string' || typeof v === 'bigint' || typeof v === 'number') return v;
  return String(v);
}

function tupleFromJson(name: string, v: Json, udts: UdtLookup): TupleValue {
  const udt = udts(name);
  if (!udt || !isObject(v)) throw new ValueError(`value cannot be converted to ${name}`);
  const tuple = new Map<string, Value>();
  const keys = v['keylist'];
  const values = v['valuelist'];
  const given = new Map<string, Json>();
  if (Array.isArray(keys) && Array.isArray(values)) {
    keys.forEach((k, i) => {
      given.set(String(k), values[i] ?? null);
    });
  } else {
    for (const [k, x] of Object.entries(v)) given.set(k, x);
  }
  for (const f of udt.fields) {
    const x = given.get(f.name);
    tuple.set(f.name, x === undefined ? primitiveDefault(f.type) : primitiveFromJson(f.type, x));
  }
  return { tuple };
}

export function primitiveFromJson(name: PrimitiveName, v: Json): Value {
  if (v === null) throw new ValueError('Null JSON value');
  switch (name) {
    case 'INT':
    case 'UINT': {
      const n = toBigInt(v);
      if (n === undefined) throw new ValueError(`value cannot be converted to ${name}`);
      if (name === 'UINT' ? n < 0n || n > UINT64_MAX : n < INT64_MIN || n > INT64_MAX) {
        throw new ValueError(`value is out of range for ${name}`);
      }
      return n;
    }
    case 'FLOAT':
    case 'DOUBLE':
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return Number(v);
      throw new ValueError(`value cannot be converted to ${name}`);
    case 'BOOL':
      if (typeof v === 'boolean') return v;
      throw new ValueError('value cannot be converted to BOOL');
    case 'STRING':
      if (typeof v === 'string') return v;
      throw new ValueError('value cannot be converted to STRING');
    case 'DATETIME': {
      const s = typeof v === 'string' ? parseDatetime(v) : undefined;
      if (s === undefined) throw new ValueError('value cannot be converted to Datetime');
      return s;
    }
  }
}

function toBigInt(v: Json): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  return undefined;
}

/** "YYYY-MM-DD[ HH:MM:SS]" (UTC) → epoch seconds. */
export function parseDatetime(s: string): number | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(s.trim());
  if (!m) return undefined;
  const ms = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
  );
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

export function formatDatetime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Writes a stored value as RESTPP JSON (bigint stays bigint for exact output). */
export function toJson(v: Value, t?: AttrType): Json {
  if (t?.kind === 'primitive' && t.name === 'DATETIME' && typeof v === 'number') return formatDatetime(v);
  if (Array.isArray(v)) {
    const el = t?.kind === 'collection' ? t.element : undefined;
    return v.map((x) =>
      toJson(x, el?.kind === 'primitive' ? { kind: 'primitive', name: el.name } : undefined),
    );
  }
  if (v instanceof Map) {
    const out: { [k: string]: Json } = {};
    const vt = t?.kind === 'map' && t.value.kind === 'primitive' ? t.value : undefined;
    const kt = t?.kind === 'map' && t.key.kind === 'primitive' ? t.key : undefined;
    for (const [k, x] of v) {
      const key = kt?.name === 'DATETIME' && typeof k === 'number' ? formatDatetime(k) : String(k);
      out[key] = toJson(x, vt ? { kind: 'primitive', name: vt.name } : undefined);
    }
    return out;
  }
  if (typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, x] of v.tuple) out[k] = toJson(x);
    return out;
  }
  return v;
}

/** Parses a value written as text (ids in URLs, filter literals, GSQL defaults). */
export function primitiveFromText(name: PrimitiveName, text: string): Value | undefined {
  switch (name) {
    case 'INT':
    case 'UINT':
      return /^[-+]?\d+$/.test(text.trim()) ? BigInt(text.trim()) : undefined;
    case 'FLOAT':
    case 'DOUBLE': {
      const n = Number(text);
      return text.trim() === '' || Number.isNaN(n) ? undefined : n;
    }
    case 'BOOL': {
      const l = text.trim().toLowerCase();
      if (l === 'true' || l === '1') return true;
      if (l === 'false' || l === '0') return false;
      return undefined;
    }
    case 'STRING':
      return text;
    case 'DATETIME':
      return parseDatetime(text);
  }
}

export { isObject };
