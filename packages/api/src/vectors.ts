// @tgraph/api/vectors: TigerGraph 4.2+ vector attributes — write, read, top-k similarity search
// (read and search through installed helper queries) and index status.

export type { BulkUpsertSummary } from './elements/upsert-request.js';
export type { BatchOptions, BatchProgress, BatchResult } from './internal/batch.js';
export { type GetVectorsOptions, getVectors, type VertexVector } from './vectors/get.js';
export {
  dropVectorQueries,
  type InstallVectorQueriesOptions,
  installVectorQueries,
  type VectorQueryInstall,
  type VectorQuerySpec,
} from './vectors/install.js';
export type { HelperQueryOptions } from './vectors/installed.js';
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
