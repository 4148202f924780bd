// @tgraph/api/edges: edge types (direction, reverse edge, discriminators), counts, upserts
// (multi-edges kept), reads at every path depth, deletes, statistics and all edges of a type.
export { type GetEdgesByTypeOptions, getEdgesByType } from './edges/by-type.js';
export {
  type CountEdgesFromOptions,
  type CountEdgesOptions,
  countEdges,
  countEdgesByType,
  countEdgesFrom,
} from './edges/count.js';
export { type DeleteEdgesOptions, deleteEdges } from './edges/delete.js';
export { type GetEdgesOptions, getEdges } from './edges/get.js';
export {
  describeEdgeType,
  type EdgeTypeDescription,
  getDiscriminators,
  getEdgeAttributes,
  getEdgeSourceVertexTypes,
  getEdgeTargetVertexTypes,
  getEdgeType,
  getEdgeTypes,
  getReverseEdge,
  isDirected,
  isMultiEdge,
} from './edges/schema-info.js';
export type { EdgeSelection } from './edges/selector.js';
export { getEdgeStats } from './edges/stats.js';
export {
  type EdgeInput,
  type UpsertEdgesInBatchesOptions,
  type UpsertEdgesOptions,
  upsertEdge,
  upsertEdges,
  upsertEdgesInBatches,
} from './edges/upsert.js';
export type { OneOrMany } from './internal/one-or-many.js';
