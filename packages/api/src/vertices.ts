// @tgraph/api/vertices: vertex types and attributes, counts, upserts, reads, deletes and statistics.

export { type AttributeOp, attrOp, encodeAttributes, formatDatetime } from './elements/encode.js';
export type { FilterInput } from './elements/read-params.js';
export type { SchemaReadOptions } from './elements/schema-read.js';
export type {
  AttributeInput,
  AttributesInput,
  AttributeValueInput,
  EdgeAttributeName,
  EdgeResult,
  Selected,
  SortKey,
  VertexAttributeName,
  VertexIdInput,
  VertexResult,
} from './elements/types.js';
export type { BulkUpsertSummary, UpsertOptions, UpsertSummary } from './elements/upsert-request.js';
export type { BatchOptions, BatchProgress, BatchResult } from './internal/batch.js';
export type { OneOrMany } from './internal/one-or-many.js';
export {
  type CountVerticesByTypeOptions,
  type CountVerticesOptions,
  countVertices,
  countVerticesByType,
} from './vertices/count.js';
export {
  type DeleteVerticesByIdOptions,
  type DeleteVerticesByTypeOptions,
  type DeleteVerticesOptions,
  deleteVertices,
  deleteVerticesById,
  deleteVerticesByType,
} from './vertices/delete.js';
export {
  type ByIdStrategy,
  type GetVerticesByIdOptions,
  type GetVerticesOptions,
  getVertices,
  getVerticesById,
} from './vertices/get.js';
export {
  type AttributeDescription,
  getVertexAttributes,
  getVertexType,
  getVertexTypes,
  getVertexVectors,
} from './vertices/schema-info.js';
export { type AttributeStats, type AttributeStatsOptions, getVertexStats } from './vertices/stats.js';
export {
  type UpsertVerticesInBatchesOptions,
  type UpsertVerticesOptions,
  upsertVertex,
  upsertVertices,
  upsertVerticesInBatches,
  type VertexInput,
} from './vertices/upsert.js';
export {
  getVectorStatus,
  type VectorIndexStatus,
  type VectorStatusOptions,
} from './vertices/vector-status.js';
