// @tgraph/api/vectors: TigerGraph 4.2+ vector attributes — write, read, top-k similarity search
// and index status.

export type { BulkUpsertSummary } from './elements/upsert-request.js';
export type { BatchOptions, BatchProgress, BatchResult } from './internal/batch.js';
export { type GetVectorsOptions, getVectors, type VertexVector } from './vectors/get.js';
export {
  type SearchVectorsOptions,
  searchVectors,
  type VectorMatch,
  type VectorSearch,
} from './vectors/search.js';
export { type UpsertVectorsOptions, upsertVectors, type VectorRow } from './vectors/upsert.js';
export { getVertexVectors } from './vertices/schema-info.js';
export {
  getVectorStatus,
  type VectorIndexStatus,
  type VectorStatusOptions,
} from './vertices/vector-status.js';
