// The gds.vector functions of TigerGraph 4.2 (`show package gds.vector`, ecosys VectorSearch.md):
// cosine_distance, dimension_count, distance(a, b, metric), elements_sum, ip_distance, kth_element,
// l2_distance, norm(a, metric). Vectors are FLOAT (32-bit) and results are FLOAT, so values are
// rounded to single precision and to the 7 significant digits TigerGraph prints a FLOAT with
// (the distances in the tutorial's q1a.out: 0.393388, 0.0325563, 0.5804119).

import type { VectorMetric } from '../store/vectors.js';
import { QueryRuntimeError } from './accum.js';
import type { Expr, Pos } from './ast.js';
import type { Interp } from './interp.js';
import { describe } from './ops.js';
import { QSet, type QV } from './values.js';

/** A FLOAT as TigerGraph computes and prints it: single precision, 7 significant digits. */
export const asFloat = (x: number): number =>
  Number.isFinite(x) ? Number(Math.fround(x).toPrecision(7)) : x;

/** A LIST<FLOAT>/LIST<DOUBLE> (or ListAccum) value as numbers; anything else is an error naming `fn`. */
export function vectorArg(v: QV, fn: string): number[] {
  const items = Array.isArray(v) ? v : v instanceof QSet ? v.values() : undefined;
  if (items === undefined)
    throw new QueryRuntimeError(
      `Runtime Error: ${fn}() needs a LIST of numbers as the vector, got ${describe(v)}.`,
    );
  return items.map((x) => {
    if (typeof x === 'number') return x;
    if (typeof x === 'bigint') return Number(x);
    throw new QueryRuntimeError(
      `Runtime Error: ${fn}() found ${describe(x)} in a vector; elements must be numbers.`,
    );
  });
}

function sameLength(a: number[], b: number[], fn: string): void {
  if (a.length !== b.length)
    throw new QueryRuntimeError(
      `Runtime Error: ${fn}() needs two vectors of the same dimension, got ${a.length} and ${b.length}.`,
    );
}

const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
const l2 = (a: number[], b: number[]): number =>
  Math.sqrt(a.reduce((s, x, i) => s + (x - (b[i] as number)) ** 2, 0));
const cosine = (a: number[], b: number[]): number => {
  const n = Math.sqrt(dot(a, a)) * Math.sqrt(dot(b, b));
  return n === 0 ? 1 : 1 - Math.fround(dot(a, b) / n);
};

const f32 = Math.fround;

/** a·b accumulated in single precision, as an HNSW index over FLOAT vectors computes it. */
function dot32(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s = f32(s + f32(f32(a[i] as number) * f32(b[i] as number)));
  return s;
}

/** The vector scaled to unit length in single precision (multiplying by 1/norm). */
function normalized32(a: number[]): number[] {
  const n = f32(Math.sqrt(dot32(a, a)));
  if (n === 0) return a.map(() => 0);
  const inv = f32(1 / n);
  return a.map((x) => f32(f32(x) * inv));
}

/**
 * The distance vectorSearch() ranks by and reports in distance_map, per the attribute's METRIC, in
 * single precision as hnswlib (the HNSW library TigerVector builds on) computes it: COSINE 1 − â·b̂
 * of the normalized vectors, L2 the squared Euclidean distance, IP 1 − a·b. The cosine form gives
 * exactly the distances of the tutorial's q1a.out (0.0325563, 0.393388, 0.5804119, 1.780404, …).
 */
export function metricDistance(metric: VectorMetric, a: number[], b: number[]): number {
  if (metric === 'COSINE') return asFloat(f32(1 - dot32(normalized32(a), normalized32(b))));
  if (metric === 'L2') {
    let s = 0;
    for (let i = 0; i < a.length; i++) {
      const d = f32(f32(a[i] as number) - f32(b[i] as number));
      s = f32(s + f32(d * d));
    }
    return asFloat(s);
  }
  return asFloat(f32(1 - dot32(a, b)));
}

function metricOf(v: QV, fn: string): VectorMetric {
  const m = typeof v === 'string' ? v.toUpperCase() : '';
  if (m === 'COSINE' || m === 'L2' || m === 'IP') return m;
  throw new QueryRuntimeError(
    `Runtime Error: ${fn}() takes the metric "cosine", "l2" or "ip", not ${typeof v === 'string' ? `"${v}"` : describe(v)}.`,
  );
}

type Fn = (args: QV[], name: string) => QV;

const pair = (args: QV[], name: string): [number[], number[]] => {
  const a = vectorArg(args[0] ?? null, name);
  const b = vectorArg(args[1] ?? null, name);
  sameLength(a, b, name);
  return [a, b];
};

const FNS: Record<string, Fn> = {
  cosine_distance: (args, n) => asFloat(cosine(...pair(args, n))),
  l2_distance: (args, n) => asFloat(l2(...pair(args, n))),
  ip_distance: (args, n) => asFloat(dot(...pair(args, n))),
  distance: (args, n) => {
    const [a, b] = pair(args, n);
    const m = metricOf(args[2] ?? null, n);
    return asFloat(m === 'COSINE' ? cosine(a, b) : m === 'L2' ? l2(a, b) : dot(a, b));
  },
  norm: (args, n) => {
    const a = vectorArg(args[0] ?? null, n);
    metricOf(args[1] ?? null, n);
    return asFloat(Math.sqrt(dot(a, a)));
  },
  dimension_count: (args, n) => BigInt(vectorArg(args[0] ?? null, n).length),
  elements_sum: (args, n) => asFloat(vectorArg(args[0] ?? null, n).reduce((s, x) => s + x, 0)),
  kth_element: (args, n) => {
    const a = vectorArg(args[0] ?? null, n);
    const k = args[1];
    const i = typeof k === 'bigint' ? Number(k) : -1;
    if (i < 0 || i >= a.length)
      throw new QueryRuntimeError(
        `Runtime Error: ${n}() index ${String(k)} is out of range for a vector of dimension ${a.length}.`,
      );
    return asFloat(a[i] as number);
  },
};

const PREFIX = 'gds.vector.';

/** Whether `name` is one of the vector functions (gds.vector.* or vectorSearch). */
export function isVectorFunction(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'vectorsearch' || (n.startsWith(PREFIX) && n.slice(PREFIX.length) in FNS);
}

export function callGdsVector(q: Interp, name: string, args: Expr[], at: Pos): QV {
  const fn = FNS[name.toLowerCase().slice(PREFIX.length)] as Fn;
  void at;
  return fn(
    args.map((a) => q.ev(a)),
    name,
  );
}

/** `gds.vector.f(…)` parses as a method on `gds.vector`; as a call it is `gds.vector.f`. */
export function packageCall(obj: Expr, name: string, args: Expr[], at: Pos): Expr | undefined {
  const parts = [name];
  let e: Expr = obj;
  while (e.k === 'attr') {
    parts.unshift(e.name);
    e = e.obj;
  }
  if (e.k !== 'name' || e.name.toLowerCase() !== 'gds') return undefined;
  return { ...at, k: 'call', name: ['gds', ...parts].join('.'), args };
}
