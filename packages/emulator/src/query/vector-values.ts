// Vector attributes as query values: `a.emb1` reads a LIST<FLOAT> (empty when never set), and
// `PRINT v WITH VECTOR` adds each vertex's vectors under "Embeddings" after its attributes, as the
// tutorial's q1.out … q4a.out show: {"v_id", "v_type", "attributes", "Embeddings": {"emb1": [...]}}.
import type { Json } from '../json.js';
import { type VertexRecord, type VertexType, vertexTypeIn } from '../store/catalog.js';
import {
  checkedVector,
  getVector,
  setVector,
  VectorValueError,
  vectorAttr,
  vectorAttrs,
} from '../store/vectors.js';
import { QueryRuntimeError } from './accum.js';
import type { Interp } from './interp.js';
import type { QV, VRef } from './values.js';
import { asFloat, vectorArg } from './vector-functions.js';

/** The value of vector attribute `name`, or undefined when `t` has no such vector attribute. */
export function vectorAttrValue(t: VertexType, rec: VertexRecord | undefined, name: string): QV | undefined {
  if (!vectorAttr(t, name)) return undefined;
  return [...((rec && getVector(rec, name)) ?? [])];
}

/** A printed vertex with its vectors added (only vertex types that have vector attributes get the key). */
export function withEmbeddings(q: Interp, v: VRef, json: Json): Json {
  const t = vertexTypeIn(q.cat, q.graph, v.type);
  if (!t || vectorAttrs(t).length === 0 || json === null || typeof json !== 'object' || Array.isArray(json))
    return json;
  const rec = t.data.get(v.id);
  const embeddings: Record<string, Json> = {};
  for (const a of vectorAttrs(t)) embeddings[a.name] = ((rec && getVector(rec, a.name)) ?? []).map(asFloat);
  return { ...json, Embeddings: embeddings };
}

/**
 * `v.emb = [...]` in a query ("vector attributes are fully editable", VectorSearch.md): the list must
 * have the attribute's dimension. False when `name` is not a vector attribute of `t`.
 */
export function writeVectorAttr(
  q: Interp,
  t: VertexType,
  rec: VertexRecord,
  name: string,
  op: '=' | '+=',
  v: QV,
): boolean {
  const def = vectorAttr(t, name);
  if (!def) return false;
  if (op !== '=')
    throw new QueryRuntimeError(`Runtime Error: the vector attribute ${name} can only be assigned with =.`);
  const values = vectorArg(v, `${t.name}.${name} =`);
  try {
    setVector(t, rec, name, checkedVector(t, def, values, rec.id), q.now());
  } catch (e) {
    if (e instanceof VectorValueError) throw new QueryRuntimeError(`Runtime Error: ${e.message}`);
    throw e;
  }
  return true;
}
