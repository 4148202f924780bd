// Runtime values of the GSQL interpreter. INT/UINT are bigint (exact 64-bit), FLOAT/DOUBLE are
// number, DATETIME is a Dt (epoch seconds) so it prints as a date, vertices are VRef.
import { type Json, stringifyJson } from '../json.js';
import type { EdgeRecord, EdgeType } from '../store/catalog.js';

export class Dt {
  constructor(readonly sec: number) {}
}

export class VRef {
  constructor(
    readonly type: string,
    readonly id: string,
  ) {}
  get key(): string {
    return `${this.type}\u0000${this.id}`;
  }
}

export class ERef {
  constructor(
    readonly et: EdgeType,
    readonly rec: EdgeRecord,
    readonly fromType: string,
    readonly fromId: string,
    readonly toType: string,
    readonly toId: string,
  ) {}
}

export class QTuple {
  constructor(
    readonly name: string,
    readonly fields: Map<string, QV>,
  ) {}
}

/** An ordered set (insertion order) of values, keyed by valueKey. */
export class QSet {
  readonly m = new Map<string, QV>();
  constructor(items: Iterable<QV> = []) {
    for (const x of items) this.add(x);
  }
  add(x: QV): void {
    const k = valueKey(x);
    if (!this.m.has(k)) this.m.set(k, x);
  }
  has(x: QV): boolean {
    return this.m.has(valueKey(x));
  }
  delete(x: QV): void {
    this.m.delete(valueKey(x));
  }
  get size(): number {
    return this.m.size;
  }
  values(): QV[] {
    return [...this.m.values()];
  }
}

/** A map value (MAP parameter, MapAccum snapshot). */
export class QMap {
  readonly m = new Map<string, [QV, QV]>();
  set(k: QV, v: QV): void {
    this.m.set(valueKey(k), [k, v]);
  }
  get(k: QV): QV | undefined {
    return this.m.get(valueKey(k))?.[1];
  }
}

/** A JSONOBJECT or JSONARRAY value (immutable, as GSQL's are): integers are bigint, other numbers number. */
export class QJson {
  constructor(readonly value: { [key: string]: Json } | Json[]) {}
  get typeName(): 'JSONOBJECT' | 'JSONARRAY' {
    return Array.isArray(this.value) ? 'JSONARRAY' : 'JSONOBJECT';
  }
  /** Compact JSON text, keys in the order parsed. */
  text(): string {
    return stringifyJson(this.value);
  }
}

/** A vertex-set variable: distinct vertices in insertion order. */
export class VSet {
  readonly m = new Map<string, VRef>();
  constructor(items: Iterable<VRef> = []) {
    for (const v of items) this.m.set(v.key, v);
  }
  get size(): number {
    return this.m.size;
  }
  values(): VRef[] {
    return [...this.m.values()];
  }
}

export type QV =
  | null
  | boolean
  | bigint
  | number
  | string
  | Dt
  | VRef
  | ERef
  | QTuple
  | QSet
  | QMap
  | VSet
  | QJson
  | QV[];

export function valueKey(v: QV): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'bigint':
      return `n${v}`;
    case 'number':
      return Number.isInteger(v) ? `n${v}` : `d${v}`;
    case 'string':
      return `s${v}`;
    case 'boolean':
      return `b${v}`;
  }
  if (v instanceof VRef) return `v${v.key}`;
  if (v instanceof Dt) return `t${v.sec}`;
  if (v instanceof ERef) return `e${v.et.name}\u0000${v.fromId}\u0000${v.toId}`;
  if (v instanceof QTuple) return `(${[...v.fields.values()].map(valueKey).join('\u0001')})`;
  if (Array.isArray(v)) return `[${v.map(valueKey).join('\u0001')}]`;
  if (v instanceof QJson) return `j${v.text()}`;
  if (v instanceof QSet || v instanceof VSet) return `{${[...v.m.keys()].join('\u0001')}}`;
  return `m${[...v.m.keys()].join('\u0001')}`;
}

/** Orders values for ORDER BY, HeapAccum and MIN/MAX: numbers, strings, booleans, datetimes. */
export function compare(a: QV, b: QV): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number'))
    return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Dt && b instanceof Dt) return a.sec - b.sec;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof VRef && b instanceof VRef) return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  if (a instanceof QTuple && b instanceof QTuple) return compareTuples(a, b);
  const sa = typeof a === 'string' ? a : valueKey(a);
  const sb = typeof b === 'string' ? b : valueKey(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Tuples order field by field in declaration order (MaxAccum/MinAccum of a tuple: the library's
 *  tg_louvain keeps "highest dQ, then highest -weight, then highest cc" in one MaxAccum<move>). */
function compareTuples(a: QTuple, b: QTuple): number {
  const bs = [...b.fields.values()];
  let i = 0;
  for (const x of a.fields.values()) {
    const c = compare(x, bs[i++] ?? null);
    if (c !== 0) return c;
  }
  return 0;
}

export function equals(a: QV, b: QV): boolean {
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number'))
    // biome-ignore lint/suspicious/noDoubleEquals: bigint/number comparison by value
    return a == b;
  return valueKey(a) === valueKey(b);
}
