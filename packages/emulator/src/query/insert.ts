// INSERT INTO EDGE inside queries: `INSERT INTO EDGE E [(FROM, TO, attr…)] VALUES (from, to, attr…)`,
// the edge type possibly named by a STRING parameter. Values are converted to the attributes'
// declared types; `_` (undefined) leaves an attribute at its default. Vertex inserts: insert-vertex.ts.

import { discriminatorKey } from '../loading/values.js';
import type { AttrType, Value } from '../store/attr-types.js';
import { type Catalog, type EdgeType, edgeTypeIn, type Graph, vertexTypeIn } from '../store/catalog.js';
import { canonicalId, insertEdge } from '../store/data.js';
import { QueryRuntimeError } from './accum.js';
import { describe, fromQV } from './ops.js';
import { Dt, type QV, VRef } from './values.js';

/** A query value as the stored value of an attribute of `type` (LIST / SET / BAG through fromQV). */
export function attrValue(v: QV, type: AttrType, name: string): Value {
  if (type.kind === 'collection') return fromQV(v, type);
  if (type.kind !== 'primitive' || (typeof v === 'object' && v !== null && !(v instanceof Dt)))
    throw new QueryRuntimeError(`Runtime Error: INSERT cannot write ${describe(v)} to attribute ${name}.`);
  if (v instanceof Dt) return v.sec;
  switch (type.name) {
    case 'FLOAT':
    case 'DOUBLE':
      if (typeof v === 'number' || typeof v === 'bigint') return Number(v);
      break;
    case 'INT':
    case 'UINT':
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number') return BigInt(Math.trunc(v));
      break;
    case 'STRING':
      if (typeof v === 'string') return v;
      break;
    case 'BOOL':
      if (typeof v === 'boolean') return v;
      break;
    default:
      if (v !== null) return v as Value;
  }
  throw new QueryRuntimeError(
    `Runtime Error: INSERT cannot write ${describe(v)} to ${type.name} attribute ${name}.`,
  );
}

/**
 * An endpoint: a vertex, or a primary id of the one vertex type the edge type allows at that end
 * (`INSERT INTO transfer VALUES (a.name, t.name, …)`), which must exist.
 */
function endpoint(cat: Catalog, g: Graph, et: EdgeType, raw: QV, end: 'from' | 'to', named?: string): VRef {
  if (raw instanceof VRef) return raw;
  // A numeric id is the id's text (`INSERT INTO KNOWS VALUES (100000000, t, …)` in the docs).
  const v = typeof raw === 'bigint' ? raw.toString() : raw;
  const types = named === undefined ? [...new Set(et.pairs.map((p) => p[end]))] : [named];
  const [type] = types;
  if (typeof v !== 'string' || types.length !== 1 || type === undefined || type === '*')
    throw new QueryRuntimeError(
      `Runtime Error: INSERT INTO EDGE ${et.name} takes a vertex (or the id of its one ${end.toUpperCase()} type), not ${describe(v)}.`,
    );
  const vt = vertexTypeIn(cat, g, type);
  const id = vt === undefined ? undefined : canonicalId(vt, v);
  if (vt === undefined || id === undefined || !vt.data.has(id))
    throw new QueryRuntimeError(
      `Runtime Error: INSERT INTO EDGE ${et.name}: vertex ${type} ${v} does not exist.`,
    );
  return new VRef(type, id);
}

/** Values of `INSERT INTO E (FROM, TO, a, …)` in declared order, unlisted attributes as `_`. */
export function edgeRow(
  cat: Catalog,
  g: Graph,
  names: string[],
  columns: string[],
  values: (QV | undefined)[],
) {
  const et = names.length === 1 ? edgeTypeIn(cat, g, names[0] as string) : undefined;
  if (!et) return values;
  const at = (n: string) => values[columns.findIndex((c) => c.toUpperCase() === n)];
  const attrs = et.attributes.map((a) =>
    columns.includes(a.name) ? values[columns.indexOf(a.name)] : undefined,
  );
  return [at('FROM'), at('TO'), ...attrs];
}

export function insertEdgeFrom(
  cat: Catalog,
  g: Graph,
  names: string[],
  values: (QV | undefined)[],
  types: (string | undefined)[] = [],
): void {
  const [rawFrom, rawTo, ...attrs] = values;
  if (names.length !== 1) throw new QueryRuntimeError('Runtime Error: INSERT INTO EDGE needs one edge type.');
  const et = edgeTypeIn(cat, g, names[0] as string);
  if (!et) throw new QueryRuntimeError(`Runtime Error: edge type ${names[0]} is not in graph ${g.name}.`);
  const from = endpoint(cat, g, et, rawFrom ?? null, 'from', types[0]);
  const to = endpoint(cat, g, et, rawTo ?? null, 'to', types[1]);
  if (!et.pairs.some((p) => (p.from === '*' || p.from === from.type) && (p.to === '*' || p.to === to.type)))
    throw new QueryRuntimeError(
      `Runtime Error: edge type ${et.name} does not join ${from.type} to ${to.type}.`,
    );
  if (attrs.length > et.attributes.length)
    throw new QueryRuntimeError(
      `Runtime Error: edge type ${et.name} has ${et.attributes.length} attributes.`,
    );
  const written = new Map<string, Value>();
  attrs.forEach((v, i) => {
    const a = et.attributes[i];
    if (a && v !== undefined) written.set(a.name, attrValue(v, a.type, a.name));
  });
  // A discriminated edge type keeps one edge per discriminator value (RESTPP and loading agree).
  const { record } = insertEdge(cat, et, from.type, from.id, to.type, to.id, discriminatorKey(et, written));
  for (const [k, v] of written) record.attrs.set(k, v);
}
