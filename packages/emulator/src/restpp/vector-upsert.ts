// Vector attributes in `POST /graph/{g}` (4.2): `"emb1": {"value": [0.1, 0.2, 0.3]}` next to the
// plain attributes of a vertex (ecosys VectorSearch.md, "RESTPP Loading"). The list must have the
// declared dimension; a bad one rejects the whole request, as any bad attribute value does.
import { isObject, type Json } from '../json.js';
import type { VertexRecord, VertexType } from '../store/catalog.js';
import { checkedVector, setVector, VectorValueError, vectorAttr } from '../store/vectors.js';
import { RestError } from './envelope.js';

export interface VectorUpdate {
  name: string;
  value: number[];
}

/** Splits a vertex's attribute object into its plain attributes and its checked vector values. */
export function vectorUpdates(
  t: VertexType,
  id: string,
  attrs: Json,
): { plain: Json; vectors: VectorUpdate[] } {
  if (!isObject(attrs) || !t.vectorAttributes?.length) return { plain: attrs, vectors: [] };
  const plain: Record<string, Json> = {};
  const vectors: VectorUpdate[] = [];
  for (const [name, spec] of Object.entries(attrs)) {
    const def = vectorAttr(t, name);
    if (!def) {
      plain[name] = spec;
      continue;
    }
    if (!isObject(spec) || !('value' in spec))
      throw new RestError(
        'REST-30200',
        `The payload format parsing error: vector attribute "${name}" needs an object with a "value" key holding a list of ${def.dimension} numbers.`,
      );
    try {
      vectors.push({ name, value: checkedVector(t, def, spec['value'], id) });
    } catch (e) {
      if (e instanceof VectorValueError) throw new RestError('REST-30200', e.message);
      throw e;
    }
  }
  return { plain, vectors };
}

export function applyVectorUpdates(
  t: VertexType,
  rec: VertexRecord,
  updates: VectorUpdate[],
  now: number,
): void {
  for (const u of updates) setVector(t, rec, u.name, u.value, now);
}
