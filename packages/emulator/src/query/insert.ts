// INSERT INTO EDGE inside queries: `INSERT INTO EDGE E VALUES (from, to, attr…)`, the edge type
// possibly named by a STRING parameter. Values are converted to the attributes' declared types.

import { discriminatorKey } from '../loading/values.js';
import type { AttrType, Value } from '../store/attr-types.js';
import { type Catalog, type EdgeType, edgeTypeIn, type Graph, vertexTypeIn } from '../store/catalog.js';
import { canonicalId, insertEdge } from '../store/data.js';
import { QueryRuntimeError } from './accum.js';
import { describe } from './ops.js';
import { Dt, type QV, VRef } from './values.js';

function attrValue(v: QV, type: AttrType, name: string): Value {
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
function endpoint(cat: Catalog, g: Graph, et: EdgeType, v: QV, end: 'from' | 'to'): VRef {
  if (v instanceof VRef) return v;
  const types = [...new Set(et.pairs.map((p) => p[end]))];
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

export function insertEdgeFrom(cat: Catalog, g: Graph, names: string[], values: QV[]): void {
  const [rawFrom, rawTo, ...attrs] = values;
  if (names.length !== 1) throw new QueryRuntimeError('Runtime Error: INSERT INTO EDGE needs one edge type.');
  const et = edgeTypeIn(cat, g, names[0] as string);
  if (!et) throw new QueryRuntimeError(`Runtime Error: edge type ${names[0]} is not in graph ${g.name}.`);
  const from = endpoint(cat, g, et, rawFrom ?? null, 'from');
  const to = endpoint(cat, g, et, rawTo ?? null, 'to');
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
    if (a) written.set(a.name, attrValue(v, a.type, a.name));
  });
  // A discriminated edge type keeps one edge per discriminator value (RESTPP and loading agree).
  const { record } = insertEdge(cat, et, from.type, from.id, to.type, to.id, discriminatorKey(et, written));
  for (const [k, v] of written) record.attrs.set(k, v);
}
