// getAttr(name, "TYPE") on a vertex or edge (docs.tigergraph.com/gsql-ref/current/querying/func/
// edge-methods): the value read as TYPE, a base type (STRING INT UINT DATETIME DOUBLE FLOAT BOOL) or
// LIST<T> / SET<T> with T one of INT DATETIME DOUBLE STRING. Numbers convert between numeric types and
// a LIST attribute reads as a SET and back; anything else is a runtime error, as in GSQL.
import { QueryRuntimeError } from './accum.js';
import type { Pos } from './ast.js';
import { describe } from './ops.js';
import { Dt, QSet, type QV } from './values.js';

const CONTAINER = /^(LIST|SET)\s*<\s*(INT|DATETIME|DOUBLE|STRING)\s*>$/;

/** One value as a base type, or undefined when it is not one. */
function asBase(v: QV, t: string): QV | undefined {
  const isNum = typeof v === 'number' || typeof v === 'bigint';
  if ((t === 'FLOAT' || t === 'DOUBLE') && isNum) return Number(v);
  if (t === 'INT' && isNum) return typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  if (t === 'UINT' && isNum && v >= 0) return typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  if (t === 'STRING' && typeof v === 'string') return v;
  if (t === 'BOOL' && typeof v === 'boolean') return v;
  if (t === 'DATETIME' && v instanceof Dt) return v;
  return undefined;
}

/** `v` as the type named `type`; `at` places the runtime error. */
export function asTypeName(v: QV, type: string, at: Pos): QV {
  if (v === null) return v;
  const t = type.toUpperCase().trim();
  const container = CONTAINER.exec(t);
  const items = Array.isArray(v) ? v : v instanceof QSet ? v.values() : undefined;
  if (container && items) {
    const out = items.map((x) => asBase(x, container[2] as string));
    if (out.every((x) => x !== undefined)) return container[1] === 'SET' ? new QSet(out) : out;
  }
  const base = container ? undefined : asBase(v, t);
  if (base !== undefined) return base;
  throw new QueryRuntimeError(
    `Runtime Error: getAttr() found ${describe(v)}, not ${t} (line ${at.line}, column ${at.column}).`,
  );
}
