// 4.2 schema JSON: each vertex type carries `EmbeddingAttributes`, its vector attributes, apart from
// `Attributes` (pyTigerGraph's getVertexVectors reads `getVertexType(t)["EmbeddingAttributes"]`; the
// keys are the ones TigerGraph DevLabs' tigergraphx reads: Name, Dimension, IndexType, DataType, Metric).

import type { VertexType } from '../store/catalog.js';
import { vectorAttrs, versionHasVectors } from '../store/vectors.js';
import type { VersionProfile } from '../version.js';

type Obj = Record<string, unknown>;

/** Adds `EmbeddingAttributes` to a vertex type's JSON on 4.2+ when it has vector attributes (the
 * reference: "may be absent"; pyTigerGraph's async getVertexVectors checks for the key). */
export function withEmbeddingAttributes(version: VersionProfile, t: VertexType, json: Obj): Obj {
  if (!versionHasVectors(version) || vectorAttrs(t).length === 0) return json;
  json['EmbeddingAttributes'] = vectorAttrs(t).map((a) => ({
    Name: a.name,
    Dimension: a.dimension,
    IndexType: a.indexType,
    DataType: a.dataType,
    Metric: a.metric,
  }));
  return json;
}
