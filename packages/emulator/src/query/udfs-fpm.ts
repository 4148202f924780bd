// The frequent-pattern-mining UDFs of the library (UDF/tg_ExprFunctions.hpp, used by tg_fpm): rolling
// hashes of vertex-id sequences modulo a 63-bit prime, computed in C++ with __int128 intermediates.
// BigInt reproduces them exactly (C++ and BigInt `%` both truncate toward zero).
import { QueryRuntimeError } from './accum.js';
import type { Interp } from './interp.js';
import { QSet, QTuple, type QV, type VRef } from './values.js';

/** tg::BASE and tg::MOD of UDF/tg_ExprUtil.hpp. */
const BASE = 1n << 63n;
const MOD = 9223372036854775783n;

const int = (v: QV | undefined, fn: string): bigint => {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new QueryRuntimeError(`Runtime Error: ${fn}() takes integers.`);
};

const ints = (v: QV | undefined, fn: string): bigint[] => {
  if (Array.isArray(v)) return v.map((x) => int(x, fn));
  if (v instanceof QSet) return v.values().map((x) => int(x, fn));
  throw new QueryRuntimeError(`Runtime Error: ${fn}() takes a list of integers.`);
};

/** `static_cast<int64_t>` of a value already reduced below MOD in magnitude. */
const int64 = (x: bigint): bigint => BigInt.asIntN(64, x);

const field = (t: QV | undefined, name: string, fn: string): QV => {
  if (t instanceof QTuple && t.fields.has(name)) return t.fields.get(name) ?? null;
  throw new QueryRuntimeError(`Runtime Error: ${fn}() takes a tuple with a field ${name}.`);
};

/** HASH_CONST[i] = BASE^i mod MOD, i = 0..length. */
function initiateHashConst(length: bigint): bigint[] {
  const out = [1n];
  for (let i = 1n; i < length + 1n; i++) out.push(int64(((out[out.length - 1] as bigint) * BASE) % MOD));
  return out;
}

function withoutFirst(hash: bigint, first: bigint, size: bigint, hashConst: bigint[]): bigint {
  const c = hashConst[Number(size - 1n)];
  if (c === undefined)
    throw new QueryRuntimeError('Runtime Error: tg_get_hash_without_first_element(): index out of range.');
  let p = hash - ((first * c) % MOD);
  p = (((p % MOD) + MOD) % MOD) * BASE;
  return int64(p % MOD);
}

/** Whether `subset` occurs in order in `superset` and `ending` comes after its last match. */
function isSubset(subset: bigint[], ending: bigint, superset: bigint[]): boolean {
  if (subset.length === 0) throw new QueryRuntimeError('Runtime Error: tg_is_subset(): empty pattern.');
  let pos = 0;
  let i = 0;
  for (; i < superset.length; i++) {
    if (superset[i] === subset[pos]) {
      pos++;
      if (pos === subset.length) break;
    }
  }
  if (pos !== subset.length) return false;
  return superset.slice(i + 1).includes(ending);
}

function toVertexList(q: Interp, vids: bigint[]): VRef[] {
  return vids.map((vid) => {
    const v = q.vertexOfInternalId(vid);
    if (!v) throw new QueryRuntimeError(`Runtime Error: tg_to_vertex_list(): no vertex has id ${vid}.`);
    return v;
  });
}

export const FPM_UDFS: Record<string, (q: Interp, a: QV[]) => QV> = {
  tg_get_hash: (_q, [id]) => int(id, 'tg_get_hash') % MOD,
  tg_get_pattern_key: (_q, [t]) => field(t, 'pattern_key', 'tg_get_pattern_key'),
  tg_get_suffix_key: (_q, [t]) => field(t, 'suffix_key', 'tg_get_suffix_key'),
  tg_initiate_hash_const: (_q, [n]) => initiateHashConst(int(n, 'tg_initiate_hash_const')),
  tg_get_hash_without_first_element: (_q, [h, first, size, hc]) =>
    withoutFirst(
      int(h, 'tg_get_hash_without_first_element'),
      int(first, 'tg_get_hash_without_first_element'),
      int(size, 'tg_get_hash_without_first_element'),
      ints(hc, 'tg_get_hash_without_first_element'),
    ),
  tg_get_hash_without_last_element: (_q, [h, last]) => {
    const p = int(h, 'tg_get_hash_without_last_element') - int(last, 'tg_get_hash_without_last_element');
    return int64(((p % MOD) + MOD) % MOD);
  },
  tg_get_hash_concat: (_q, [h, app]) =>
    int64((((int(h, 'tg_get_hash_concat') * BASE) % MOD) + int(app, 'tg_get_hash_concat')) % MOD),
  tg_is_subset: (_q, [sub, end, sup]) =>
    isSubset(ints(sub, 'tg_is_subset'), int(end, 'tg_is_subset'), ints(sup, 'tg_is_subset')),
  tg_concat: (_q, [l, x]) => [...ints(l, 'tg_concat'), int(x, 'tg_concat')],
  tg_to_vertex_list: (q, [l]) => toVertexList(q, ints(l, 'tg_to_vertex_list')),
  tg_get_tup: (_q, [t]) => {
    if (!(t instanceof QTuple)) throw new QueryRuntimeError('Runtime Error: tg_get_tup() takes a tuple.');
    return t;
  },
};
