// GSQL accumulators: how each kind starts, accumulates (+=), is assigned (=) and is read.
import type { AccType, BaseType, JsonType, VarType } from './ast.js';
import { compare, Dt, equals, QJson, QMap, QSet, QTuple, type QV, VRef, valueKey } from './values.js';

export class QueryRuntimeError extends Error {
  /** Error code of the reply (a user EXCEPTION's number). */
  code: string | undefined;
}

/** A user-defined EXCEPTION raised by RAISE (caught by TRY … EXCEPTION WHEN name). */
export class RaisedException extends QueryRuntimeError {
  constructor(
    readonly exception: string,
    code: bigint,
    message: string,
  ) {
    super(message);
    this.code = String(code);
  }
}

/** `(k -> v)` / `(k1, k2 -> a, b)` as a value (MapAccum and GroupByAccum input). */
export class Arrow {
  constructor(
    readonly keys: QV[],
    readonly vals: QV[],
  ) {}
}

export type AccInput = QV | Arrow;

const INT_MIN = -(2n ** 63n);
const INT_MAX = 2n ** 63n - 1n;

export function typeDefault(t: BaseType | VarType | undefined): QV {
  if (!t) return null;
  // A declared JSONOBJECT / JSONARRAY holds an empty one until assigned.
  if (t.k === 'json') return new QJson(t.name === 'JSONOBJECT' ? {} : []);
  if (t.k === 'prim') {
    switch (t.name) {
      case 'INT':
      case 'UINT':
        return 0n;
      case 'FLOAT':
      case 'DOUBLE':
        return 0;
      case 'STRING':
        return '';
      case 'BOOL':
        return false;
      case 'DATETIME':
        return new Dt(0);
    }
  }
  return null;
}

/** Converts a value to a declared type (numeric widening/narrowing as GSQL assignment does). */
export function coerce(t: BaseType | VarType | undefined, v: QV): QV {
  if (!t || v === null || t.k !== 'prim') return v;
  switch (t.name) {
    case 'INT':
    case 'UINT':
      if (typeof v === 'number') return BigInt(Math.trunc(v));
      if (typeof v === 'boolean') return v ? 1n : 0n;
      return v;
    case 'FLOAT':
    case 'DOUBLE':
      return typeof v === 'bigint' ? Number(v) : v;
    default:
      return v;
  }
}

export function numAdd(a: QV, b: QV): QV {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a + b;
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number'))
    return Number(a) + Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  throw new QueryRuntimeError(`Runtime Error: cannot add ${typeof b} to ${typeof a}.`);
}

function intOf(x: QV): bigint {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1n : 0n;
  throw new QueryRuntimeError('Runtime Error: a bitwise accumulator takes INT values.');
}

export abstract class Accum {
  abstract add(v: AccInput): void;
  abstract set(v: QV): void;
  abstract get(): QV;
  /** Accumulator methods (`@@s.size()`…); undefined = no such method. */
  method(name: string, args: QV[]): QV | undefined {
    const v = this.get();
    switch (name.toLowerCase()) {
      case 'size':
        if (v instanceof QSet) return BigInt(v.size);
        if (Array.isArray(v)) return BigInt(v.length);
        if (v instanceof QMap) return BigInt(v.m.size);
        return undefined;
      case 'contains':
        if (v instanceof QSet) return v.has(args[0] ?? null);
        if (Array.isArray(v)) return v.some((x) => equals(x, args[0] ?? null));
        return undefined;
      default:
        return undefined;
    }
  }
}

class SimpleAccum extends Accum {
  private v: QV;
  private sum: QV = 0;
  private count = 0;
  constructor(
    readonly kind: 'Sum' | 'Max' | 'Min' | 'Avg' | 'Or' | 'And' | 'BitwiseOr' | 'BitwiseAnd',
    readonly el: BaseType | JsonType | undefined,
  ) {
    super();
    this.v = this.initial();
  }
  private initial(): QV {
    const el = this.el;
    switch (this.kind) {
      case 'Sum':
        return typeDefault(el);
      case 'Avg':
        return 0;
      case 'Or':
        return false;
      case 'And':
        return true;
      case 'BitwiseOr':
        return 0n;
      case 'BitwiseAnd':
        return -1n;
      case 'Max':
        if (el?.k === 'prim' && el.name === 'INT') return INT_MIN;
        if (el?.k === 'prim' && (el.name === 'DOUBLE' || el.name === 'FLOAT')) return -Number.MAX_VALUE;
        if (el?.k === 'prim' && el.name === 'UINT') return 0n;
        // Non-numeric MaxAccum / MinAccum start empty: the first value wins.
        return null;
      case 'Min':
        if (el?.k === 'prim' && el.name === 'INT') return INT_MAX;
        if (el?.k === 'prim' && el.name === 'UINT') return 2n ** 64n - 1n;
        if (el?.k === 'prim' && (el.name === 'DOUBLE' || el.name === 'FLOAT')) return Number.MAX_VALUE;
        return null;
    }
  }
  add(input: AccInput): void {
    if (input instanceof Arrow)
      throw new QueryRuntimeError(`Runtime Error: ${this.kind}Accum cannot take (k -> v).`);
    const x = coerce(this.el, input);
    switch (this.kind) {
      case 'Sum':
        this.v = numAdd(this.v, x);
        return;
      case 'Avg':
        this.sum = numAdd(this.sum, x);
        this.count++;
        this.v = Number(this.sum) / this.count;
        return;
      case 'Or':
        this.v = this.v === true || x === true;
        return;
      case 'And':
        this.v = this.v === true && x === true;
        return;
      case 'BitwiseOr':
        this.v = (this.v as bigint) | intOf(x);
        return;
      case 'BitwiseAnd':
        this.v = (this.v as bigint) & intOf(x);
        return;
      case 'Max':
        if (this.v === null || compare(x, this.v) > 0) this.v = x;
        return;
      case 'Min':
        if (this.v === null || compare(x, this.v) < 0) this.v = x;
        return;
    }
  }
  set(x: QV): void {
    this.v = this.kind === 'BitwiseOr' || this.kind === 'BitwiseAnd' ? intOf(x) : coerce(this.el, x);
    if (this.kind === 'Avg') {
      this.sum = typeof x === 'bigint' ? Number(x) : (x as number);
      this.count = 1;
    }
  }
  get(): QV {
    return this.v;
  }
}

const isColl = (v: QV): boolean => Array.isArray(v) || v instanceof QSet;
const collItems = (v: QV): QV[] => (Array.isArray(v) ? v : v instanceof QSet ? v.values() : []);

class CollAccum extends Accum {
  private items: QV[] = [];
  private set_ = new QSet();
  constructor(
    readonly kind: 'List' | 'Set' | 'Bag',
    readonly el: BaseType | JsonType | undefined,
    /** Element accumulator type when elements are collections themselves. */
    readonly nested?: AccType,
  ) {
    super();
  }
  /** An element of a nested accumulator: a collection of the inner kind. */
  private innerValue(x: QV): QV {
    if (!isColl(x))
      throw new QueryRuntimeError(
        `Runtime Error: ${this.kind}Accum of collections cannot take ${String(x)}.`,
      );
    const inner = this.nested as Extract<AccType, { k: 'simple' }>;
    const a = new CollAccum(inner.kind as 'List' | 'Set' | 'Bag', inner.el, inner.inner);
    a.add(x);
    return a.get();
  }
  private push(x: QV): void {
    const v = coerce(this.el, x);
    if (this.kind === 'Set') this.set_.add(v);
    else this.items.push(v);
  }
  add(input: AccInput): void {
    if (input instanceof Arrow)
      throw new QueryRuntimeError(`Runtime Error: ${this.kind}Accum cannot take (k -> v).`);
    // Nested (ListAccum<ListAccum<T>>): a collection of T is one element; a collection of
    // collections adds its elements.
    if (this.nested) {
      const elems = collItems(input);
      if (elems.length > 0 && !elems.some(isColl)) this.push(this.innerValue(input));
      else for (const x of elems) this.push(this.innerValue(x));
      return;
    }
    // Adding a collection adds its elements.
    if (Array.isArray(input)) for (const x of input) this.push(x);
    else if (input instanceof QSet) for (const x of input.values()) this.push(x);
    else this.push(input);
  }
  set(x: QV): void {
    this.items = [];
    this.set_ = new QSet();
    this.add(x);
  }
  get(): QV {
    return this.kind === 'Set' ? this.set_ : this.items;
  }
  override method(name: string, args: QV[]): QV | undefined {
    const n = name.toLowerCase();
    if (n === 'get' && this.kind === 'List') {
      const i = args[0];
      const idx = typeof i === 'bigint' ? Number(i) : typeof i === 'number' ? i : -1;
      if (idx < 0 || idx >= this.items.length)
        throw new QueryRuntimeError(`Runtime Error: ListAccum index ${String(i)} out of range.`);
      return this.items[idx] as QV;
    }
    if (n === 'clear') {
      this.set(this.kind === 'Set' ? new QSet() : []);
      return null;
    }
    if (n === 'remove' && this.kind === 'Set') {
      this.set_.delete(args[0] ?? null);
      return null;
    }
    return super.method(name, args);
  }
}

class MapAccum extends Accum {
  private entries = new Map<string, { k: QV; v: Accum | QV }>();
  constructor(
    readonly keyType: BaseType,
    readonly val: BaseType | AccType,
    readonly make: (t: AccType) => Accum,
  ) {
    super();
  }
  private isAcc(t: BaseType | AccType): t is AccType {
    return t.k === 'simple' || t.k === 'Map' || t.k === 'Heap' || t.k === 'GroupBy';
  }
  private put(k: QV, v: QV): void {
    const key = coerce(this.keyType, k);
    const id = valueKey(key);
    const cur = this.entries.get(id);
    if (this.isAcc(this.val)) {
      const acc = (cur?.v as Accum | undefined) ?? this.make(this.val);
      acc.add(v);
      this.entries.set(id, { k: key, v: acc });
      return;
    }
    const x = coerce(this.val, v);
    const merged =
      cur === undefined
        ? x
        : typeof x === 'bigint' || typeof x === 'number' || typeof x === 'string'
          ? numAdd(cur.v as QV, x)
          : x;
    this.entries.set(id, { k: key, v: merged });
  }
  add(input: AccInput): void {
    if (input instanceof Arrow) {
      this.put(input.keys[0] ?? null, input.vals[0] ?? null);
      return;
    }
    if (input instanceof QMap) {
      for (const [k, v] of input.m.values()) this.put(k, v);
      return;
    }
    throw new QueryRuntimeError('Runtime Error: MapAccum += needs (key -> value).');
  }
  set(x: QV): void {
    this.entries.clear();
    if (x instanceof QMap) for (const [k, v] of x.m.values()) this.put(k, v);
  }
  get(): QV {
    const m = new QMap();
    for (const { k, v } of this.entries.values()) m.set(k, v instanceof Accum ? v.get() : v);
    return m;
  }
  /** Entries with nested accumulators kept (for printing). */
  raw(): { k: QV; v: Accum | QV }[] {
    return [...this.entries.values()];
  }
  override method(name: string, args: QV[]): QV | undefined {
    const n = name.toLowerCase();
    if (n === 'get') {
      const e = this.entries.get(valueKey(coerce(this.keyType, args[0] ?? null)));
      if (e) return e.v instanceof Accum ? e.v.get() : e.v;
      return this.isAcc(this.val) ? this.make(this.val).get() : typeDefault(this.val);
    }
    if (n === 'containskey') return this.entries.has(valueKey(coerce(this.keyType, args[0] ?? null)));
    if (n === 'size') return BigInt(this.entries.size);
    if (n === 'clear') {
      this.entries.clear();
      return null;
    }
    return undefined;
  }
}

export interface TupleDef {
  name: string;
  fields: { name: string; type: BaseType }[];
}

class HeapAccum extends Accum {
  private items: QTuple[] = [];
  constructor(
    readonly tuple: TupleDef,
    private cap: number,
    readonly order: { field: string; desc: boolean }[],
  ) {
    super();
  }
  private sort(): void {
    this.items.sort((a, b) => {
      for (const o of this.order) {
        const c = compare(a.fields.get(o.field) ?? null, b.fields.get(o.field) ?? null);
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
    if (this.items.length > this.cap) this.items.length = this.cap;
  }
  add(input: AccInput): void {
    if (!(input instanceof QTuple))
      throw new QueryRuntimeError(
        `Runtime Error: HeapAccum<${this.tuple.name}> += needs a ${this.tuple.name} tuple.`,
      );
    this.items.push(input);
    this.sort();
  }
  set(x: QV): void {
    this.items = [];
    if (Array.isArray(x)) for (const t of x) if (t instanceof QTuple) this.items.push(t);
    this.sort();
  }
  get(): QV {
    return [...this.items];
  }
  override method(name: string, args: QV[]): QV | undefined {
    switch (name.toLowerCase()) {
      case 'top':
        return this.items[0] ?? null;
      case 'pop':
        return this.items.shift() ?? null;
      case 'size':
        return BigInt(this.items.length);
      case 'clear':
        this.items = [];
        return null;
      case 'resize': {
        const n = args[0];
        if (typeof n !== 'bigint' || n < 0n)
          throw new QueryRuntimeError('Runtime Error: HeapAccum.resize() takes a non-negative INT.');
        this.cap = Number(n);
        this.sort();
        return null;
      }
      default:
        return super.method(name, args);
    }
  }
}

export class GroupByAccum extends Accum {
  readonly groups = new Map<string, { keys: QV[]; accs: Accum[] }>();
  constructor(
    readonly spec: Extract<AccType, { k: 'GroupBy' }>,
    readonly make: (t: AccType) => Accum,
  ) {
    super();
  }
  add(input: AccInput): void {
    if (
      !(input instanceof Arrow) ||
      input.keys.length !== this.spec.keys.length ||
      input.vals.length !== this.spec.accs.length
    )
      throw new QueryRuntimeError(
        `Runtime Error: GroupByAccum += needs (${this.spec.keys.length} keys -> ${this.spec.accs.length} values).`,
      );
    const keys = input.keys.map((k, i) => coerce(this.spec.keys[i]?.type, k));
    const id = keys.map(valueKey).join('\u0002');
    let g = this.groups.get(id);
    if (!g) {
      g = { keys, accs: this.spec.accs.map((a) => this.make(a.type)) };
      this.groups.set(id, g);
    }
    g.accs.forEach((a, i) => {
      a.add(input.vals[i] ?? null);
    });
  }
  set(x: QV): void {
    if (Array.isArray(x) && x.length === 0) this.groups.clear();
  }
  get(): QV {
    return [...this.groups.values()].map(
      (g) =>
        new QTuple(
          'group',
          new Map<string, QV>([
            ...this.spec.keys.map((k, i): [string, QV] => [k.name, g.keys[i] ?? null]),
            ...this.spec.accs.map((a, i): [string, QV] => [a.name, g.accs[i]?.get() ?? null]),
          ]),
        ),
    );
  }
  override method(name: string, args: QV[]): QV | undefined {
    const n = name.toLowerCase();
    if (n === 'size') return BigInt(this.groups.size);
    if (n === 'containskey') return this.groups.has(args.map(valueKey).join('\u0002'));
    if (n === 'clear') {
      this.groups.clear();
      return null;
    }
    return undefined;
  }
}

/** Builds an accumulator; `evalCap` evaluates a HeapAccum capacity expression. */
export function makeAccum(
  t: AccType,
  tuples: Map<string, TupleDef>,
  evalCap: (e: Extract<AccType, { k: 'Heap' }>['cap']) => QV,
): Accum {
  const make = (x: AccType) => makeAccum(x, tuples, evalCap);
  switch (t.k) {
    case 'simple':
      return t.kind === 'List' || t.kind === 'Set' || t.kind === 'Bag'
        ? new CollAccum(t.kind, t.el, t.inner)
        : new SimpleAccum(t.kind, t.el);
    case 'Map':
      return new MapAccum(t.key, t.val, make);
    case 'Heap': {
      const def = tuples.get(t.tuple);
      if (!def) throw new QueryRuntimeError(`Runtime Error: tuple ${t.tuple} is not defined.`);
      const cap = evalCap(t.cap);
      return new HeapAccum(def, typeof cap === 'bigint' ? Number(cap) : Number(cap ?? 0), t.order);
    }
    case 'GroupBy':
      return new GroupByAccum(t, make);
    case 'Array':
      // Built by the interpreter (array-accum.ts) where it is declared with its sizes.
      throw new QueryRuntimeError('Runtime Error: an ArrayAccum cannot be nested in another accumulator.');
  }
}

export { HeapAccum, MapAccum, VRef };
