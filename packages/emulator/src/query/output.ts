// PRINT output in TigerGraph's JSON shape (reference §7.3): a lone vertex is its id, vertex sets
// are arrays of {v_id, v_type, attributes}, datetimes are "YYYY-MM-DD HH:MM:SS", maps are objects.
import type { Json } from '../json.js';
import { formatDatetime } from '../store/attr-types.js';
import { vertexTypeIn, visibleVertexAttributes } from '../store/catalog.js';
import { Arrow, QueryRuntimeError } from './accum.js';
import type { Interp } from './interp.js';
import { describe, toQV } from './ops.js';
import { Dt, ERef, QJson, QMap, QSet, QTuple, type QV, VRef, VSet } from './values.js';

function keyText(k: QV): string {
  if (k instanceof VRef) return k.id;
  if (k instanceof Dt) return formatDatetime(k.sec);
  if (typeof k === 'string') return k;
  return String(k);
}

/** One println item in a FILE: vertices as their id, scalars as PRINT writes them. */
export function fileText(q: Interp, v: QV): string {
  if (v instanceof VRef) return v.id;
  if (v === null || typeof v === 'object')
    throw new QueryRuntimeError(
      `Runtime Error: the emulator writes only vertices and scalar values to a FILE, not ${describe(v)}.`,
    );
  return String(printValue(q, v));
}

export function printValue(q: Interp, v: QV): Json {
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v instanceof Dt) return formatDatetime(v.sec);
  if (v instanceof VRef) return v.id;
  if (v instanceof ERef) return edgeJson(v);
  // A JSONOBJECT / JSONARRAY prints as the JSON it holds.
  if (v instanceof QJson) return v.value;
  if (v instanceof QTuple) {
    const out: Record<string, Json> = {};
    for (const [k, x] of v.fields) out[k] = printValue(q, x);
    return out;
  }
  if (v instanceof QSet) return v.values().map((x) => printValue(q, x));
  if (v instanceof VSet) return v.values().map((x) => vertexJson(q, x));
  if (v instanceof QMap) {
    const out: Record<string, Json> = {};
    for (const [k, x] of v.m.values()) out[keyText(k)] = printValue(q, x);
    return out;
  }
  if ((v as unknown) instanceof Arrow) {
    const a = v as unknown as Arrow;
    return { [keyText(a.keys[0] ?? null)]: printValue(q, a.vals[0] ?? null) };
  }
  return (v as QV[]).map((x) => printValue(q, x));
}

/** A vertex of a printed vertex set: its attributes, then its vertex accumulators. */
export function vertexJson(q: Interp, v: VRef): Json {
  const t = vertexTypeIn(q.cat, q.graph, v.type);
  const rec = t?.data.get(v.id);
  const attributes: Record<string, Json> = {};
  if (t && rec) {
    for (const a of visibleVertexAttributes(t))
      attributes[a.name] = printValue(q, toQV(rec.attrs.get(a.name), a.type));
  }
  for (const name of q.vaccTypes.keys()) {
    // EDGE accumulators belong to edges, which a printed vertex does not show.
    if (!q.edgeAccs.has(name)) attributes[`@${name}`] = printValue(q, q.vacc(name, v).get());
  }
  return { v_id: v.id, v_type: v.type, attributes };
}

export function edgeJson(e: ERef): Json {
  const attributes: Record<string, Json> = {};
  for (const a of e.et.attributes) {
    const x = toQV(e.rec.attrs.get(a.name), a.type);
    attributes[a.name] = x instanceof Dt ? formatDatetime(x.sec) : (x as Json);
  }
  return {
    e_type: e.et.name,
    directed: e.et.directed,
    from_id: e.fromId,
    from_type: e.fromType,
    to_id: e.toId,
    to_type: e.toType,
    attributes,
  };
}
