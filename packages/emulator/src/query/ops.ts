// Operators and value conversions shared by the interpreter: arithmetic and comparison on
// interpreter values, type names for messages, stored attribute values ⇄ interpreter values.
import type { AttrType, PrimitiveName, Value } from '../store/attr-types.js';
import { QueryRuntimeError } from './accum.js';
import { compare, Dt, ERef, equals, QJson, QMap, QSet, QTuple, type QV, VRef, VSet } from './values.js';

/** UNION / INTERSECT / MINUS on sets, bags and lists (as sets, keeping the left order). */
function setOp(op: 'UNION' | 'INTERSECT' | 'MINUS', l: QV, r: QV): QV {
  const items = (x: QV): QV[] => {
    if (x instanceof QSet || x instanceof VSet) return x.values();
    if (Array.isArray(x)) return x;
    throw new QueryRuntimeError(`Runtime Error: ${op} needs two sets, got ${describe(x)}.`);
  };
  const right = new QSet(items(r));
  const left = items(l);
  if (op === 'UNION') return new QSet([...left, ...right.values()]);
  return new QSet(left.filter((x) => right.has(x) === (op === 'INTERSECT')));
}

export function binaryOp(op: string, l: QV, r: QV): QV {
  const num = (x: QV) => typeof x === 'bigint' || typeof x === 'number';
  switch (op) {
    case '+':
      if (typeof l === 'string' || typeof r === 'string') {
        if (typeof l === 'string' && typeof r === 'string') return l + r;
        throw new QueryRuntimeError('Runtime Error: + on a STRING needs two STRINGs (use to_string()).');
      }
      break;
    case '==':
      return equals(l, r);
    case '!=':
      return !equals(l, r);
    case '<':
      return compare(l, r) < 0;
    case '>':
      return compare(l, r) > 0;
    case '<=':
      return compare(l, r) <= 0;
    case '>=':
      return compare(l, r) >= 0;
    case 'LIKE': {
      if (typeof l !== 'string' || typeof r !== 'string') return false;
      const re = new RegExp(
        `^${r
          .replace(/[.+?^${}()|[\]\\*]/g, '\\$&')
          .replace(/%/g, '.*')
          .replace(/_/g, '.')}$`,
        's',
      );
      return re.test(l);
    }
  }
  if (op === 'UNION' || op === 'INTERSECT' || op === 'MINUS') return setOp(op, l, r);
  // ListAccum + ListAccum concatenates (`sequence + [t]`).
  if (op === '+' && Array.isArray(l) && Array.isArray(r)) return [...l, ...r];
  if (l instanceof QSet && r instanceof QSet) {
    if (op === '+') return new QSet([...l.values(), ...r.values()]);
    if (op === '-') return new QSet(l.values().filter((x) => !r.has(x)));
    if (op === '*') return new QSet(l.values().filter((x) => r.has(x)));
  }
  if (!num(l) || !num(r))
    throw new QueryRuntimeError(`Runtime Error: cannot apply ${op} to ${describe(l)} and ${describe(r)}.`);
  if (typeof l === 'bigint' && typeof r === 'bigint') {
    switch (op) {
      case '+':
        return l + r;
      case '-':
        return l - r;
      case '*':
        return l * r;
      case '/':
        if (r === 0n) throw new QueryRuntimeError('Runtime Error: divider is zero.');
        return l / r;
      case '%':
        if (r === 0n) throw new QueryRuntimeError('Runtime Error: divider is zero.');
        return l % r;
      // INT is 64-bit: bit operations wrap as they do in TigerGraph.
      case '&':
        return BigInt.asIntN(64, l & r);
      case '|':
        return BigInt.asIntN(64, l | r);
      case '<<':
        return BigInt.asIntN(64, l << (r & 63n));
      case '>>':
        return BigInt.asIntN(64, l >> (r & 63n));
    }
  }
  const a = Number(l);
  const b = Number(r);
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new QueryRuntimeError('Runtime Error: divider is zero.');
      return a / b;
    case '%':
      if (b === 0) throw new QueryRuntimeError('Runtime Error: divider is zero.');
      return a % b;
  }
  throw new QueryRuntimeError(`Runtime Error: unknown operator ${op}.`);
}

export function describe(v: QV): string {
  if (v === null) return 'NULL';
  if (typeof v === 'bigint') return 'INT';
  if (typeof v === 'number') return 'DOUBLE';
  if (typeof v === 'string') return 'STRING';
  if (typeof v === 'boolean') return 'BOOL';
  if (v instanceof Dt) return 'DATETIME';
  if (v instanceof VRef) return 'VERTEX';
  if (v instanceof ERef) return 'EDGE';
  if (v instanceof VSet) return 'vertex set';
  if (v instanceof QSet) return 'SET';
  if (v instanceof QMap) return 'MAP';
  if (v instanceof QTuple) return 'tuple';
  if (v instanceof QJson) return v.typeName;
  return 'LIST';
}

/** Stored attribute value → interpreter value. */
export function toQV(v: Value | undefined, t: AttrType): QV {
  if (v === undefined) return null;
  if (t.kind === 'primitive' && t.name === 'DATETIME' && typeof v === 'number') return new Dt(v);
  if (Array.isArray(v)) {
    const el = t.kind === 'collection' && t.element.kind === 'primitive' ? t.element : undefined;
    const items = v.map((x) =>
      toQV(x, el ? { kind: 'primitive', name: el.name } : { kind: 'primitive', name: 'STRING' }),
    );
    return t.kind === 'collection' && t.name === 'SET' ? new QSet(items) : items;
  }
  if (v instanceof Map) {
    const m = new QMap();
    for (const [k, x] of v) m.set(k, toQV(x, { kind: 'primitive', name: 'STRING' }));
    return m;
  }
  if (typeof v === 'object') {
    return new QTuple(
      'tuple',
      new Map([...v.tuple].map(([k, x]) => [k, toQV(x, { kind: 'primitive', name: 'STRING' })])),
    );
  }
  return v;
}

/** Interpreter value → stored attribute value (attribute writes in ACCUM / POST-ACCUM). */
export function fromQV(v: QV, t?: AttrType): Value {
  if (v instanceof Dt) return v.sec;
  if (v === null) return '';
  if (t?.kind === 'collection' && t.element.kind === 'primitive' && (Array.isArray(v) || v instanceof QSet))
    return collectionValue(Array.isArray(v) ? v : v.values(), t.element.name, t.name);
  if (typeof v === 'object')
    throw new QueryRuntimeError(
      'Runtime Error: only primitive attributes and LIST / SET / BAG of primitives can be written by a query.',
    );
  return v;
}

/** A list, set or bag (a ListAccum, SetAccum, … value) written to a LIST/SET/BAG attribute. */
function collectionValue(items: QV[], element: PrimitiveName, kind: 'LIST' | 'SET' | 'BAG'): Value[] {
  const out = items.map((x): Value => {
    if (x instanceof Dt) return x.sec;
    const integral = element === 'INT' || element === 'UINT';
    if (integral && typeof x === 'number') return BigInt(Math.trunc(x));
    if ((element === 'FLOAT' || element === 'DOUBLE') && typeof x === 'bigint') return Number(x);
    if (typeof x === 'object' || x === null)
      throw new QueryRuntimeError(
        `Runtime Error: a ${kind}<${element}> attribute cannot hold ${describe(x)}.`,
      );
    return x;
  });
  return kind === 'SET' ? [...new Map(out.map((x) => [`${typeof x}:${String(x)}`, x])).values()] : out;
}
