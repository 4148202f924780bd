// The graph-algorithm library's C++ UDFs (UDF/tg_ExprFunctions.hpp) as emulator built-ins, where
// their answers can be reproduced exactly (tg_hash_label: libstdc++'s std::hash, see std-hash.ts).
// Others stay unknown functions, so CREATE refuses the queries that call them.
import { QueryRuntimeError } from './accum.js';
import { stdHashString } from './std-hash.js';
import { QMap, QSet, type QV } from './values.js';

const num = (v: QV | undefined, fn: string): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  throw new QueryRuntimeError(`Runtime Error: ${fn}() takes numbers.`);
};

const list = (v: QV | undefined, fn: string): QV[] => {
  if (Array.isArray(v)) return v;
  if (v instanceof QSet) return v.values();
  throw new QueryRuntimeError(`Runtime Error: ${fn}() takes a list.`);
};

/** Cosine of the first `dim` entries, as the C++ computes it (doubles, 0 padding never reached). */
function cosine(a: QV[], b: QV[], dim: number, fn: string): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < dim; i++) {
    if (i >= a.length || i >= b.length)
      throw new QueryRuntimeError(`Runtime Error: ${fn}(): index ${i} out of range.`);
    const x = num(a[i], fn);
    const y = num(b[i], fn);
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / (Math.sqrt(na) * Math.sqrt(nb));
}

const f32 = Math.fround;

/** tg_GetDistance: haversine in single precision, as the UDF's `float` arithmetic does. */
function distance(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = (d: number) => f32((f32(d) * Math.PI) / 180.0);
  const radLat1 = rad(lat1);
  const radLat2 = rad(lat2);
  const a = f32(radLat1 - radLat2);
  const b = f32(rad(lng1) - rad(lng2));
  let s = f32(
    2 *
      Math.asin(
        Math.sqrt(Math.sin(a / 2) ** 2 + Math.cos(radLat1) * Math.cos(radLat2) * Math.sin(b / 2) ** 2),
      ),
  );
  s = f32(s * 6378.137);
  return f32(s / 1000);
}

/** tg_hash_label: the labels sorted as std::string sorts them (bytes), joined, std::hash, to_string. */
function hashLabel(labels: QV[]): string {
  const bytes = labels.map((l) => {
    if (typeof l !== 'string') throw new QueryRuntimeError('Runtime Error: tg_hash_label() takes strings.');
    return Buffer.from(l, 'utf8');
  });
  bytes.sort(Buffer.compare);
  return String(stdHashString(Buffer.concat(bytes).toString('utf8')));
}

/** tg_str_to_float: std::stof, a float read from the start of the text (leading spaces skipped). */
function strToFloat(v: QV | undefined): number {
  if (typeof v !== 'string') throw new QueryRuntimeError('Runtime Error: tg_str_to_float() takes a string.');
  const x = Number.parseFloat(v.replace(/^[ \t\n\v\f\r]+/, ''));
  if (Number.isNaN(x))
    throw new QueryRuntimeError(`Runtime Error: tg_str_to_float("${v}"): stof: no conversion.`);
  return f32(x);
}

export const LIBRARY_UDFS: Record<string, (a: QV[]) => QV> = {
  tg_str_to_float: ([x]) => strToFloat(x),
  tg_hash_label: ([labels]) => hashLabel(list(labels, 'tg_hash_label')),
  tg_log_2: ([x]) => Math.log2(num(x, 'tg_log_2')),
  tg_rand_int: ([lo, hi]) => {
    const min = Math.trunc(num(lo, 'tg_rand_int'));
    const max = Math.trunc(num(hi, 'tg_rand_int'));
    return BigInt(min + Math.floor(Math.random() * (max - min + 1)));
  },
  tg_pairwise_cosine_similarity: ([a, b, dim]) =>
    cosine(
      list(a, 'tg_pairwise_cosine_similarity'),
      list(b, 'tg_pairwise_cosine_similarity'),
      num(dim, 'tg_pairwise_cosine_similarity'),
      'tg_pairwise_cosine_similarity',
    ),
  tg_cosine_similarity: ([a, others, dim]) => {
    if (!(others instanceof QMap))
      throw new QueryRuntimeError('Runtime Error: tg_cosine_similarity() takes a map.');
    const out = new QMap();
    const emb = list(a, 'tg_cosine_similarity');
    for (const [k, v] of others.m.values())
      out.set(
        k,
        cosine(
          emb,
          list(v, 'tg_cosine_similarity'),
          num(dim, 'tg_cosine_similarity'),
          'tg_cosine_similarity',
        ),
      );
    return out;
  },
  tg_getdistance: ([a, b, c, d]) =>
    distance(
      num(a, 'tg_GetDistance'),
      num(b, 'tg_GetDistance'),
      num(c, 'tg_GetDistance'),
      num(d, 'tg_GetDistance'),
    ),
};
