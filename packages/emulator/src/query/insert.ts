// INSERT INTO EDGE inside queries: `INSERT INTO EDGE E VALUES (from, to, attr…)`, the edge type
// possibly named by a STRING parameter. Values are converted to the attributes' declared types.
import type { AttrType, Value } from '../store/attr-types.js';
import { type Catalog, edgeTypeIn, type Graph } from '../store/catalog.js';
import { insertEdge } from '../store/data.js';
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

export function insertEdgeFrom(cat: Catalog, g: Graph, names: string[], values: QV[]): void {
  const [from, to, ...attrs] = values;
  if (names.length !== 1) throw new QueryRuntimeError('Runtime Error: INSERT INTO EDGE needs one edge type.');
  const et = edgeTypeIn(cat, g, names[0] as string);
  if (!et) throw new QueryRuntimeError(`Runtime Error: edge type ${names[0]} is not in graph ${g.name}.`);
  if (!(from instanceof VRef) || !(to instanceof VRef))
    throw new QueryRuntimeError(`Runtime Error: INSERT INTO EDGE ${et.name} takes two vertices first.`);
  if (!et.pairs.some((p) => (p.from === '*' || p.from === from.type) && (p.to === '*' || p.to === to.type)))
    throw new QueryRuntimeError(
      `Runtime Error: edge type ${et.name} does not join ${from.type} to ${to.type}.`,
    );
  if (attrs.length > et.attributes.length)
    throw new QueryRuntimeError(
      `Runtime Error: edge type ${et.name} has ${et.attributes.length} attributes.`,
    );
  const { record } = insertEdge(cat, et, from.type, from.id, to.type, to.id, '');
  attrs.forEach((v, i) => {
    const a = et.attributes[i];
    if (a) record.attrs.set(a.name, attrValue(v, a.type, a.name));
  });
}
