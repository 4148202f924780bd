// Vertex and edge data: ids, upserts with attribute ops, cascading deletes, edge traversal.
import {
  type AttrType,
  defaultValue,
  primitiveFromText,
  type UdtLookup,
  type Value,
  ValueError,
} from './attr-types.js';
import type { Catalog, EdgeRecord, EdgeType, VertexRecord, VertexType } from './catalog.js';

export const vkey = (type: string, id: string): string => `${type}\u0000${id}`;

export const udtLookup =
  (cat: Catalog): UdtLookup =>
  (name) =>
    cat.udts.get(name);

function keyTypes(t: VertexType): AttrType[] {
  if (t.keyStyle !== 'composite') return [t.primaryId.type];
  return t.compositeKey.map((k) => t.attributes.find((a) => a.name === k)?.type ?? t.primaryId.type);
}

function canonicalPart(type: AttrType, raw: string): string | undefined {
  if (type.kind !== 'primitive') return raw;
  if (type.name === 'INT' || type.name === 'UINT') {
    const v = primitiveFromText(type.name, raw);
    if (typeof v !== 'bigint' || (type.name === 'UINT' && v < 0n)) return undefined;
    return v.toString();
  }
  if (type.name === 'STRING') return raw;
  const v = primitiveFromText(type.name, raw);
  return v === undefined ? undefined : raw;
}

/** The canonical id string (INT ids normalised, composite parts checked), or undefined if invalid. */
export function canonicalId(t: VertexType, raw: string): string | undefined {
  const types = keyTypes(t);
  if (types.length === 1) return canonicalPart(types[0] as AttrType, raw);
  const parts = raw.split(',');
  if (parts.length !== types.length) return undefined;
  const out: string[] = [];
  for (const [i, p] of parts.entries()) {
    const c = canonicalPart(types[i] as AttrType, p);
    if (c === undefined) return undefined;
    out.push(c);
  }
  return out.join(',');
}

/** Values of key attributes that are also visible as attributes. */
function keyAttributeValues(t: VertexType, id: string): Map<string, Value> {
  const out = new Map<string, Value>();
  if (!t.primaryIdAsAttribute) return out;
  const names = t.keyStyle === 'composite' ? t.compositeKey : [t.primaryId.name];
  const parts = t.keyStyle === 'composite' ? id.split(',') : [id];
  const types = keyTypes(t);
  names.forEach((n, i) => {
    const type = types[i] as AttrType;
    const raw = parts[i] ?? '';
    const v = type.kind === 'primitive' ? primitiveFromText(type.name, raw) : raw;
    out.set(n, v ?? raw);
  });
  return out;
}

export function newVertex(cat: Catalog, t: VertexType, id: string): VertexRecord {
  const attrs = new Map<string, Value>();
  const udts = udtLookup(cat);
  const keys = keyAttributeValues(t, id);
  if (t.keyStyle === 'primary_id' && t.primaryIdAsAttribute)
    attrs.set(t.primaryId.name, keys.get(t.primaryId.name) ?? id);
  for (const a of t.attributes) {
    const k = keys.get(a.name);
    attrs.set(a.name, k ?? declaredDefault(a.type, a.defaultValue, udts));
  }
  return { id, attrs };
}

function declaredDefault(type: AttrType, text: string | undefined, udts: UdtLookup): Value {
  if (text !== undefined && type.kind === 'primitive') {
    const v = primitiveFromText(type.name, text);
    if (v !== undefined) return v;
  }
  return defaultValue(type, udts);
}

export function newEdgeAttrs(cat: Catalog, et: EdgeType): Map<string, Value> {
  const udts = udtLookup(cat);
  const attrs = new Map<string, Value>();
  for (const a of et.attributes) attrs.set(a.name, declaredDefault(a.type, a.defaultValue, udts));
  return attrs;
}

/** Applies an upsert op (`add`/`+`, `max`/`>`…) to the current value. */
export function applyOp(
  op: string | undefined,
  current: Value | undefined,
  next: Value,
  inserting: boolean,
): Value {
  switch (op) {
    case undefined:
    case '':
    case 'overwrite':
    case '=':
      return next;
    case 'ignore_if_exists':
    case '~':
      return inserting || current === undefined ? next : current;
    case 'add':
    case '+':
      return add(current, next);
    case 'and':
    case '&':
      return typeof current === 'boolean' && typeof next === 'boolean'
        ? current && next
        : bitwise(current, next, '&');
    case 'or':
    case '|':
      return typeof current === 'boolean' && typeof next === 'boolean'
        ? current || next
        : bitwise(current, next, '|');
    case 'max':
    case '>':
      return current !== undefined && compareValues(current, next) >= 0 ? current : next;
    case 'min':
    case '<':
      return current !== undefined && compareValues(current, next) <= 0 ? current : next;
    default:
      throw new ValueError(`Invalid operator ${op}`);
  }
}

function add(current: Value | undefined, next: Value): Value {
  if (current === undefined) return next;
  if (typeof current === 'bigint' && typeof next === 'bigint') return current + next;
  if (typeof current === 'number' && typeof next === 'number') return current + next;
  if (typeof current === 'string' && typeof next === 'string') return current + next;
  if (Array.isArray(current) && Array.isArray(next)) return [...current, ...next];
  if (current instanceof Map && next instanceof Map) return new Map([...current, ...next]);
  return next;
}

function bitwise(current: Value | undefined, next: Value, op: '&' | '|'): Value {
  if (typeof current === 'bigint' && typeof next === 'bigint')
    return op === '&' ? current & next : current | next;
  return next;
}

/** Orders primitive values (numbers/bigints mixed, strings, booleans). */
export function compareValues(a: Value, b: Value): number {
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

// ---- edges -----------------------------------------------------------------------------------

function recordKey(
  et: EdgeType,
  fromType: string,
  fromId: string,
  toType: string,
  toId: string,
  disc: string,
): string {
  let a = vkey(fromType, fromId);
  let b = vkey(toType, toId);
  // Undirected edges are one edge whichever end is named first.
  if (!et.directed && b < a) [a, b] = [b, a];
  return `${a}\u0001${b}\u0001${disc}`;
}

function indexAdd(index: Map<string, Set<string>>, k: string, rec: string): void {
  let set = index.get(k);
  if (!set) {
    set = new Set();
    index.set(k, set);
  }
  set.add(rec);
}

function indexRemove(index: Map<string, Set<string>>, k: string, rec: string): void {
  const set = index.get(k);
  if (!set) return;
  set.delete(rec);
  if (set.size === 0) index.delete(k);
}

export function findEdge(
  et: EdgeType,
  fromType: string,
  fromId: string,
  toType: string,
  toId: string,
  disc: string,
): EdgeRecord | undefined {
  return et.store.records.get(recordKey(et, fromType, fromId, toType, toId, disc));
}

export function insertEdge(
  cat: Catalog,
  et: EdgeType,
  fromType: string,
  fromId: string,
  toType: string,
  toId: string,
  disc: string,
): { record: EdgeRecord; inserted: boolean } {
  const key = recordKey(et, fromType, fromId, toType, toId, disc);
  const existing = et.store.records.get(key);
  if (existing) return { record: existing, inserted: false };
  const record: EdgeRecord = {
    fromType,
    fromId,
    toType,
    toId,
    discriminator: disc,
    attrs: newEdgeAttrs(cat, et),
  };
  et.store.records.set(key, record);
  indexAdd(et.store.bySource, vkey(fromType, fromId), key);
  indexAdd(et.store.byTarget, vkey(toType, toId), key);
  return { record, inserted: true };
}

function removeRecord(et: EdgeType, key: string): void {
  const rec = et.store.records.get(key);
  if (!rec) return;
  et.store.records.delete(key);
  indexRemove(et.store.bySource, vkey(rec.fromType, rec.fromId), key);
  indexRemove(et.store.byTarget, vkey(rec.toType, rec.toId), key);
}

/** An edge as seen from one of its ends (RESTPP's edge JSON before attribute selection). */
export interface EdgeView {
  type: EdgeType;
  record: EdgeRecord;
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
}

/** Edges of type `et` leaving the vertex (reverse types and undirected edges seen from this end). */
export function edgesFrom(et: EdgeType, type: string, id: string): EdgeView[] {
  const k = vkey(type, id);
  const out: EdgeView[] = [];
  const store = et.store;
  const asIs = (key: string) => {
    const r = store.records.get(key);
    if (r)
      out.push({
        type: et,
        record: r,
        fromType: r.fromType,
        fromId: r.fromId,
        toType: r.toType,
        toId: r.toId,
      });
  };
  const swapped = (key: string) => {
    const r = store.records.get(key);
    if (r)
      out.push({
        type: et,
        record: r,
        fromType: r.toType,
        fromId: r.toId,
        toType: r.fromType,
        toId: r.fromId,
      });
  };
  if (et.reverseOf) {
    for (const key of store.byTarget.get(k) ?? []) swapped(key);
    return out;
  }
  for (const key of store.bySource.get(k) ?? []) asIs(key);
  if (!et.directed) {
    for (const key of store.byTarget.get(k) ?? []) {
      const r = store.records.get(key);
      if (r && !(r.fromType === type && r.fromId === id)) swapped(key);
    }
  }
  return out;
}

export function deleteEdgeView(view: EdgeView): void {
  const r = view.record;
  removeRecord(view.type, recordKey(view.type, r.fromType, r.fromId, r.toType, r.toId, r.discriminator));
}

/** Every distinct edge type object in the catalogue (global and local; reverse types skipped). */
export function allEdgeTypes(cat: Catalog): EdgeType[] {
  const out = new Set<EdgeType>();
  for (const et of cat.edges.values()) if (!et.reverseOf) out.add(et);
  for (const g of cat.graphs.values()) {
    for (const t of g.local.values()) if (t.kind === 'edge' && !t.reverseOf) out.add(t);
  }
  return [...out];
}

/** Deletes a vertex and every edge touching it. */
export function deleteVertex(cat: Catalog, t: VertexType, id: string, permanent: boolean): boolean {
  if (!t.data.delete(id)) return false;
  if (permanent) t.permanentlyDeleted.add(id);
  const k = vkey(t.name, id);
  for (const et of allEdgeTypes(cat)) {
    const keys = [...(et.store.bySource.get(k) ?? []), ...(et.store.byTarget.get(k) ?? [])];
    for (const key of keys) removeRecord(et, key);
  }
  return true;
}

/** Number of stored edges of a type (undirected edges count once). */
export function edgeCount(et: EdgeType): number {
  return et.store.records.size;
}
