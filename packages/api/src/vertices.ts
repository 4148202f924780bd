// @tgraph/api/vertices: vertex types and attributes, counts, upserts, reads, deletes and statistics.

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
export { type AttributeOp, attrOp, encodeAttributes, formatDatetime } from './vertices/encode.js';
export {
  type ByIdStrategy,
  type GetVerticesByIdOptions,
  type GetVerticesOptions,
  getVertices,
  getVerticesById,
} from './vertices/get.js';
export type { FilterInput } from './vertices/read-params.js';
export {
  type AttributeDescription,
  getVertexAttributes,
  getVertexType,
  getVertexTypes,
  getVertexVectors,
} from './vertices/schema-info.js';
export type { SchemaReadOptions } from './vertices/schema-read.js';
export { type AttributeStats, type AttributeStatsOptions, getVertexStats } from './vertices/stats.js';
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
} from './vertices/types.js';
export {
  type UpsertVerticesInBatchesOptions,
  type UpsertVerticesOptions,
  upsertVertex,
  upsertVertices,
  upsertVerticesInBatches,
  type VertexInput,
} from './vertices/upsert.js';
export type { BulkUpsertSummary, UpsertOptions, UpsertSummary } from './vertices/upsert-request.js';
export {
  getVectorStatus,
  type VectorIndexStatus,
  type VectorStatusOptions,
} from './vertices/vector-status.js';
