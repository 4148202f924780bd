// Token text → stored attribute values, the way the loader converts and writes them.
import {
  type AttrType,
  parseDatetime,
  primitiveFromText,
  type TupleValue,
  type Value,
} from '../store/attr-types.js';
import type { AttributeDef, EdgeType, VertexType } from '../store/catalog.js';
import { canonicalId } from '../store/data.js';

/** What a token expression yields: a token, a list (SPLIT) or a tuple (tuple constructor). */
export type Evaluated = string | string[] | TupleValue;

/**
 * A copy of `s` that does not share memory with the chunk it was cut from. V8 represents longer
 * substrings as slices of their parent: a stored token would keep a whole received chunk alive.
 * Concatenating and slicing forces a flat copy of just this token.
 */
export const own = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

/** Text → stored value for a primitive type, as the loader reads it (INT from "12", DATETIME from epoch or date). */
export function fromText(t: AttrType, raw: string): Value | undefined {
  if (t.kind === 'fixed_binary') return own(raw);
  if (t.kind !== 'primitive') return undefined;
  if (t.name === 'STRING') return own(raw);
  const text = raw.trim();
  if (t.name === 'DATETIME') {
    if (/^\d+$/.test(text)) return Number(text);
    return parseDatetime(text);
  }
  if (t.name === 'INT' || t.name === 'UINT') {
    const small = smallInt(text);
    if (small !== undefined) return small;
    if (/^[-+]?\d+\.0*$/.test(text)) return primitiveFromText(t.name, text.split('.')[0] as string);
  }
  const v = primitiveFromText(t.name, text);
  if (t.name === 'UINT' && typeof v === 'bigint' && v < 0n) return undefined;
  return v;
}

/** Shared BigInt instances for small integers (BigInts are immutable, so sharing is safe). */
const SMALL_INTS: bigint[] = Array.from({ length: 4096 }, (_v, i) => BigInt(i));

function smallInt(text: string): bigint | undefined {
  if (text.length === 0 || text.length > 4) return undefined;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return SMALL_INTS[n];
}

const EMPTY_DEFAULTS: Record<string, Value> = {
  INT: 0n,
  UINT: 0n,
  FLOAT: 0,
  DOUBLE: 0,
  DATETIME: 0,
  BOOL: false,
};

/** The value to store, or undefined when the token does not convert (→ invalidAttribute). */
export function convert(def: AttributeDef, v: Evaluated): { value: Value; append: boolean } | undefined {
  const t = def.type;
  if (typeof v === 'object' && !Array.isArray(v))
    return t.kind === 'udt' ? { value: v, append: false } : undefined;
  if (t.kind === 'collection') {
    const items = Array.isArray(v) ? v : [v];
    const el: AttrType | undefined =
      t.element.kind === 'primitive' ? { kind: 'primitive', name: t.element.name } : undefined;
    if (!el) return undefined;
    const out: Value[] = [];
    for (const item of items) {
      const x = fromText(el, item);
      if (x === undefined) return undefined;
      out.push(x);
    }
    return { value: out, append: true };
  }
  if (Array.isArray(v)) return undefined;
  if (t.kind === 'primitive' && v.trim() === '' && t.name !== 'STRING') {
    return { value: EMPTY_DEFAULTS[t.name] as Value, append: false };
  }
  const x = fromText(t, v);
  return x === undefined ? undefined : { value: x, append: false };
}

function appendTo(current: Value | undefined, items: Value[], set: boolean): Value[] {
  const base = Array.isArray(current) ? [...current] : [];
  for (const item of items) {
    if (set && base.some((b) => b === item || (typeof b === typeof item && String(b) === String(item))))
      continue;
    base.push(item);
  }
  return base;
}

export function writeAttr(
  attrs: Map<string, Value>,
  def: AttributeDef,
  c: { value: Value; append: boolean },
): void {
  if (c.append && def.type.kind === 'collection') {
    attrs.set(def.name, appendTo(attrs.get(def.name), c.value as Value[], def.type.name === 'SET'));
  } else if (attrs.get(def.name) !== c.value) {
    // Rewriting an equal value would only turn the stored one into old-generation garbage.
    attrs.set(def.name, c.value);
  }
}

/** The key RESTPP upserts use for discriminated edges (same encoding, so both paths meet). */
export function discriminatorKey(et: EdgeType, values: Map<string, Value>): string {
  if (et.discriminators.length === 0) return '';
  return et.discriminators
    .map((d) => {
      const v = values.get(d);
      return typeof v === 'bigint' ? v.toString() : JSON.stringify(v ?? null);
    })
    .join('\u0002');
}

/**
 * The stored id for a raw key token. Plain decimal INT/UINT ids are already canonical (the common
 * case of a bulk load), so they skip the BigInt round trip.
 */
export function canonicalKey(t: VertexType, raw: string): string | undefined {
  const k = t.keyStyle === 'composite' ? undefined : t.primaryId.type;
  if (k?.kind === 'primitive' && (k.name === 'INT' || k.name === 'UINT') && raw.length <= 15) {
    let plain = raw.length > 0 && (raw.charCodeAt(0) !== 48 || raw.length === 1);
    for (let i = 0; plain && i < raw.length; i++) {
      const d = raw.charCodeAt(i) - 48;
      plain = d >= 0 && d <= 9;
    }
    if (plain) return own(raw);
  }
  return canonicalId(t, own(raw));
}
