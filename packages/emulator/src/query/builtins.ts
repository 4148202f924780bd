// Built-in functions and value methods of the supported GSQL subset. FUNCTIONS / METHODS list
// every name so CREATE QUERY can reject anything else up front.
import { formatDatetime, parseDatetime } from '../store/attr-types.js';
import { edgeTypesOf, vertexTypeIn } from '../store/catalog.js';
import { edgesFrom } from '../store/data.js';
import { Arrow, QueryRuntimeError } from './accum.js';
import type { Expr, Pos } from './ast.js';
import { asTypeName } from './get-attr.js';
import type { Interp } from './interp.js';
import { callJsonMethod, JSON_GETTERS, parseJsonValue } from './json-values.js';
import { describe } from './ops.js';
import { LIBRARY_UDFS } from './udfs.js';
import { FPM_UDFS } from './udfs-fpm.js';
import { compare, Dt, ERef, QJson, QMap, QSet, QTuple, type QV, VRef, VSet } from './values.js';
import { isVectorFunction } from './vector-functions.js';
import { callVectorFunction } from './vector-search.js';

const num = (v: QV, fn: string): number => {
  if (typeof v === 'bigint' || typeof v === 'number') return Number(v);
  throw new QueryRuntimeError(`Runtime Error: ${fn}() needs a number, got ${describe(v)}.`);
};
const str = (v: QV, fn: string): string => {
  if (typeof v === 'string') return v;
  throw new QueryRuntimeError(`Runtime Error: ${fn}() needs a STRING, got ${describe(v)}.`);
};
const dt = (v: QV, fn: string): number => {
  if (v instanceof Dt) return v.sec;
  throw new QueryRuntimeError(`Runtime Error: ${fn}() needs a DATETIME, got ${describe(v)}.`);
};
const int = (n: number): bigint => BigInt(Math.trunc(n));

const UNIT_SECONDS: Record<string, number> = { SECOND: 1, MINUTE: 60, HOUR: 3600, DAY: 86400 };

function items(q: Interp, v: QV): QV[] {
  return q.iterable(v).map((x) => (x instanceof Arrow ? (x.vals[0] ?? null) : x));
}

/** Formats like GSQL's datetime_format (strftime-style %Y %m %d %H %M %S). */
function datetimeFormat(sec: number, fmt: string): string {
  const full = formatDatetime(sec);
  const [date, time] = full.split(' ') as [string, string];
  const [Y, m, d] = date.split('-') as [string, string, string];
  const [H, M, S] = time.split(':') as [string, string, string];
  return fmt.replace(/%([YmdHMS%])/g, (_x, c: string) => ({ Y, m, d, H, M, S, '%': '%' })[c] ?? c);
}

/**
 * instr(str, sub [, start [, occurrence]]): where the occurrence-th `sub` at or after `start` begins,
 * counting from 0, or -1. GSQL's function pages do not list it; this is how the library's tg_fastRP
 * (TigerGraph's own code) reads it: `substr(s, 0, instr(s, ","))` is the text before the first comma,
 * `instr(s, ",", 0, 2)` the second comma, and a loop over `instr(s, ",", from)` stops at -1.
 */
function instr(s: QV, sub: QV, start: QV | undefined, nth: QV | undefined): bigint {
  const text = str(s, 'instr');
  const needle = str(sub, 'instr');
  let at = start === undefined ? 0 : Math.trunc(num(start, 'instr'));
  const count = nth === undefined ? 1 : Math.trunc(num(nth, 'instr'));
  if (at < 0 || count < 1) return -1n;
  for (let i = 0; i < count; i++) {
    const found = text.indexOf(needle, at);
    if (found < 0) return -1n;
    if (i === count - 1) return BigInt(found);
    at = found + Math.max(needle.length, 1);
  }
  return -1n;
}

type Fn = (q: Interp, a: QV[], at: Pos) => QV;

const FNS: Record<string, Fn> = {
  abs: (_q, [x]) => (typeof x === 'bigint' ? (x < 0n ? -x : x) : Math.abs(num(x ?? null, 'abs'))),
  ceil: (_q, [x]) => int(Math.ceil(num(x ?? null, 'ceil'))),
  floor: (_q, [x]) => int(Math.floor(num(x ?? null, 'floor'))),
  round: (_q, [x]) => int(Math.round(num(x ?? null, 'round'))),
  sqrt: (_q, [x]) => Math.sqrt(num(x ?? null, 'sqrt')),
  pow: (_q, [x, y]) => num(x ?? null, 'pow') ** num(y ?? null, 'pow'),
  exp: (_q, [x]) => Math.exp(num(x ?? null, 'exp')),
  log: (_q, [x]) => Math.log(num(x ?? null, 'log')),
  log10: (_q, [x]) => Math.log10(num(x ?? null, 'log10')),
  float_to_int: (_q, [x]) => int(num(x ?? null, 'float_to_int')),
  to_string: (_q, [x]) => {
    const v = x ?? null;
    if (typeof v === 'string') return v;
    if (v instanceof Dt) return formatDatetime(v.sec);
    if (v instanceof VRef) return v.id;
    if (v instanceof QJson) return v.text();
    if (v === null || typeof v !== 'object') return String(v);
    return describe(v);
  },
  str_to_int: (_q, [x]) => {
    const s = str(x ?? null, 'str_to_int').trim();
    if (!/^[-+]?\d+$/.test(s))
      throw new QueryRuntimeError(`Runtime Error: str_to_int("${s}"): not an integer.`);
    return BigInt(s);
  },
  str_to_double: (_q, [x]) => {
    const n = Number(str(x ?? null, 'str_to_double'));
    if (Number.isNaN(n)) throw new QueryRuntimeError('Runtime Error: str_to_double(): not a number.');
    return n;
  },
  lower: (_q, [x]) => str(x ?? null, 'lower').toLowerCase(),
  upper: (_q, [x]) => str(x ?? null, 'upper').toUpperCase(),
  trim: (_q, [x]) => str(x ?? null, 'trim').trim(),
  length: (_q, [x]) => BigInt([...str(x ?? null, 'length')].length),
  substr: (_q, [s, start, len]) => {
    const text = str(s ?? null, 'substr');
    const from = num(start ?? null, 'substr');
    return len === undefined ? text.slice(from) : text.substr(from, num(len, 'substr'));
  },
  find: (_q, [s, sub]) => BigInt(str(s ?? null, 'find').indexOf(str(sub ?? null, 'find'))),
  instr: (_q, [s, sub, start, nth]) => instr(s ?? null, sub ?? null, start, nth),
  replace: (_q, [s, a, b]) =>
    str(s ?? null, 'replace')
      .split(str(a ?? null, 'replace'))
      .join(str(b ?? null, 'replace')),
  concat: (_q, args) => args.map((a) => str(a, 'concat')).join(''),
  to_datetime: (_q, [x]) => {
    const s = parseDatetime(str(x ?? null, 'to_datetime'));
    if (s === undefined)
      throw new QueryRuntimeError(`Runtime Error: "${String(x)}" cannot be converted to DATETIME.`);
    return new Dt(s);
  },
  epoch_to_datetime: (_q, [x]) => new Dt(Math.trunc(num(x ?? null, 'epoch_to_datetime'))),
  datetime_to_epoch: (_q, [x]) => BigInt(dt(x ?? null, 'datetime_to_epoch')),
  datetime_diff: (_q, [a, b]) => BigInt(dt(a ?? null, 'datetime_diff') - dt(b ?? null, 'datetime_diff')),
  datetime_format: (_q, [x, f]) =>
    datetimeFormat(
      dt(x ?? null, 'datetime_format'),
      f === undefined ? '%Y-%m-%d %H:%M:%S' : str(f, 'datetime_format'),
    ),
  datetime_add: (_q, [x, i]) => new Dt(dt(x ?? null, 'datetime_add') + num(i ?? null, 'datetime_add')),
  datetime_sub: (_q, [x, i]) => new Dt(dt(x ?? null, 'datetime_sub') - num(i ?? null, 'datetime_sub')),
  interval: (_q, [n, unit]) => {
    const s = UNIT_SECONDS[String(unit)];
    if (s === undefined)
      throw new QueryRuntimeError(
        `Runtime Error: INTERVAL unit ${String(unit)} is not supported (SECOND, MINUTE, HOUR, DAY).`,
      );
    return num(n ?? null, 'INTERVAL') * s;
  },
  year: (_q, [x]) => BigInt(new Date(dt(x ?? null, 'year') * 1000).getUTCFullYear()),
  month: (_q, [x]) => BigInt(new Date(dt(x ?? null, 'month') * 1000).getUTCMonth() + 1),
  day: (_q, [x]) => BigInt(new Date(dt(x ?? null, 'day') * 1000).getUTCDate()),
  hour: (_q, [x]) => BigInt(new Date(dt(x ?? null, 'hour') * 1000).getUTCHours()),
  minute: (_q, [x]) => BigInt(new Date(dt(x ?? null, 'minute') * 1000).getUTCMinutes()),
  second: (_q, [x]) => BigInt(new Date(dt(x ?? null, 'second') * 1000).getUTCSeconds()),
  now: (q) => new Dt(Math.floor(q.now() / 1000)),
  getvid: (q, [v]) => {
    if (!(v instanceof VRef)) throw new QueryRuntimeError('Runtime Error: getvid() needs a vertex.');
    return q.internalId(v);
  },
  to_vertex: (q, [id, type]) => {
    const t = vertexTypeIn(q.cat, q.graph, str(type ?? null, 'to_vertex'));
    const key = typeof id === 'bigint' ? id.toString() : str(id ?? null, 'to_vertex');
    if (!t?.data.has(key))
      throw new QueryRuntimeError(`Runtime Error: to_vertex(): ${String(type)} ${key} does not exist.`);
    return new VRef(t.name, key);
  },
  to_vertex_set: (q, [ids, type]) => {
    const t = vertexTypeIn(q.cat, q.graph, str(type ?? null, 'to_vertex_set'));
    if (!t) throw new QueryRuntimeError(`Runtime Error: to_vertex_set(): unknown type ${String(type)}.`);
    return new VSet(
      items(q, ids ?? null)
        .map((x) => (typeof x === 'bigint' ? x.toString() : String(x)))
        .filter((k) => t.data.has(k))
        .map((k) => new VRef(t.name, k)),
    );
  },
  count: (q, [x]) => BigInt(items(q, x ?? null).length),
  coalesce: (_q, args) => args.find((a) => a !== null) ?? null,
  isempty: (q, [x]) => items(q, x ?? null).length === 0,
  sum: (q, [x]) => items(q, x ?? null).reduce((a: QV, b) => q.binary('+', a, b), 0n),
  avg: (q, [x]) => {
    const xs = items(q, x ?? null);
    return xs.length === 0 ? 0 : xs.reduce((a: number, b) => a + num(b, 'avg'), 0) / xs.length;
  },
  max: (q, args) => {
    const xs = args.length === 1 ? items(q, args[0] ?? null) : args;
    return xs.reduce((a: QV, b) => (a === null || compare(b, a) > 0 ? b : a), null);
  },
  min: (q, args) => {
    const xs = args.length === 1 ? items(q, args[0] ?? null) : args;
    return xs.reduce((a: QV, b) => (a === null || compare(b, a) < 0 ? b : a), null);
  },
  parse_json_object: (_q, [s]) => parseJsonValue('parse_json_object', s ?? null, 'JSONOBJECT'),
  parse_json_array: (_q, [s]) => parseJsonValue('parse_json_array', s ?? null, 'JSONARRAY'),
  range: (_q, [a, b, step]) => {
    const out: QV[] = [];
    const s = step === undefined ? 1n : BigInt(num(step, 'RANGE'));
    if (s === 0n) throw new QueryRuntimeError('Runtime Error: RANGE step must not be 0.');
    const end = BigInt(num(b ?? null, 'RANGE'));
    for (let i = BigInt(num(a ?? null, 'RANGE')); s > 0n ? i <= end : i >= end; i += s) out.push(i);
    return out;
  },
};

for (const [name, fn] of Object.entries(LIBRARY_UDFS)) FNS[name] = (_q, a) => fn(a);
for (const [name, fn] of Object.entries(FPM_UDFS)) FNS[name] = (q, a) => fn(q, a);

export const FUNCTIONS = new Set(Object.keys(FNS));

export const METHODS = new Set([
  'resize',
  'reallocate',
  'setattr',
  'println',
  'outdegree',
  'size',
  'contains',
  'get',
  'containskey',
  'top',
  'pop',
  'clear',
  'remove',
  'neighbors',
  'getattr',
  // vertex-methods.ts
  'edgeattribute',
  'neighborattribute',
  'filter',
  'isdirected',
  ...Object.keys(JSON_GETTERS),
]);

export function callFunction(q: Interp, name: string, args: Expr[], at: Pos): QV {
  if (isVectorFunction(name)) return callVectorFunction(q, name, args, at);
  const tuple = q.tuples.get(name);
  if (tuple) {
    if (args.length !== tuple.fields.length)
      throw new QueryRuntimeError(`Runtime Error: ${name}() takes ${tuple.fields.length} values.`);
    return new QTuple(name, new Map(tuple.fields.map((f, i) => [f.name, q.ev(args[i] as Expr)])));
  }
  const fn = FNS[name.toLowerCase()];
  if (!fn) {
    // A FILE object passed to another query is the object itself, not a value (files.ts).
    const fileOf = (a: Expr) => (a.k === 'name' ? q.files.get(a.name) : undefined);
    const called = q.callQuery(
      name,
      args.map((a) => (fileOf(a) ? null : q.ev(a))),
      args.map(fileOf),
    );
    if (called !== undefined) return called;
  }
  if (!fn) throw new QueryRuntimeError(`Runtime Error: unknown function ${name}() (line ${at.line}).`);
  return fn(
    q,
    args.map((a) => q.ev(a)),
    at,
  );
}

/** A STRING or SET<STRING> of type names (outdegree("E") / outdegree(e_type_set)). */
function typeNameSet(v: QV, fn: string): Set<string> {
  if (v instanceof QSet || Array.isArray(v)) return new Set(items0(v).map((x) => str(x, fn)));
  return new Set([str(v, fn)]);
}

const items0 = (v: QSet | QV[]): QV[] => (Array.isArray(v) ? v : v.values());

export function callMethod(q: Interp, obj: QV, name: string, argExprs: Expr[], at: Pos): QV {
  const args = argExprs.map((a) => q.ev(a));
  const n = name.toLowerCase();
  const json = obj instanceof QJson ? callJsonMethod(obj, name, args) : undefined;
  if (json !== undefined) return json;
  if (obj instanceof VRef) {
    if (n === 'outdegree') {
      const only = args[0] === undefined ? undefined : typeNameSet(args[0], 'outdegree');
      let count = 0;
      for (const et of edgeTypesOf(q.cat, q.graph)) {
        if (only !== undefined && !only.has(et.name)) continue;
        count += edgesFrom(et, obj.type, obj.id).length;
      }
      return BigInt(count);
    }
  }
  if ((obj instanceof VRef || obj instanceof ERef) && n === 'getattr') {
    const v = q.ev({
      ...at,
      k: 'attr',
      obj: { ...at, k: 'lit', v: obj },
      name: str(args[0] ?? null, 'getAttr'),
    });
    return args[1] === undefined ? v : asTypeName(v, str(args[1], 'getAttr'), at);
  }
  if (n === 'size') {
    if (obj instanceof VSet || obj instanceof QSet) return BigInt(obj.size);
    if (obj instanceof QMap) return BigInt(obj.m.size);
    if (Array.isArray(obj)) return BigInt(obj.length);
    if (typeof obj === 'string') return BigInt([...obj].length);
  }
  if (n === 'contains') {
    const x = args[0] ?? null;
    if (obj instanceof VSet) return x instanceof VRef && obj.m.has(x.key);
    if (obj instanceof QSet) return obj.has(x);
    if (Array.isArray(obj)) return new QSet(obj).has(x);
  }
  if (obj instanceof QMap) {
    if (n === 'get') return obj.get(args[0] ?? null) ?? null;
    if (n === 'containskey') return obj.get(args[0] ?? null) !== undefined;
  }
  if (Array.isArray(obj) && n === 'get') {
    const i = Number(args[0]);
    if (!(i >= 0 && i < obj.length))
      throw new QueryRuntimeError(`Runtime Error: index ${String(args[0])} is out of range.`);
    return obj[i] as QV;
  }
  throw new QueryRuntimeError(`Runtime Error: ${describe(obj)} has no method ${name}() (line ${at.line}).`);
}
