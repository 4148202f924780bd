// @tgraph/api: tree-shakeable resource functions over a client context. Each resource is also a
// subpath (`@tgraph/api/vertices`, …) so a bundle pulls only what it uses.

export * from './auth.js';
export * from './codegen.js';
export {
  type ApiContext,
  authContextOf,
  type CreateContextOptions,
  createContext,
  graphOf,
} from './context.js';
export * from './edges.js';
export * from './gsql.js';
export type { RequestOptions } from './internal/call.js';
export * from './loading.js';
export * from './paths.js';
export * from './queries.js';
export * from './rows.js';
export * from './schema.js';
export type {
  AnySchema,
  AttributeName,
  EdgeAttributes,
  EdgeShape,
  EdgeTypeName,
  SchemaShape,
  VectorName,
  VertexAttributes,
  VertexShape,
  VertexTypeName,
} from './schema-types.js';
export * from './system.js';
export * from './udts.js';
export {
  dropVectorQueries,
  type GetVectorsOptions,
  getVectors,
  type HelperQueryOptions,
  type InstallVectorQueriesOptions,
  installVectorQueries,
  type SearchVectorsOptions,
  searchVectors,
  type UpsertVectorsOptions,
  upsertVectors,
  type VectorMatch,
  type VectorQueryInstall,
  type VectorQuerySpec,
  type VectorRow,
  type VectorSearch,
  type VertexVector,
} from './vectors.js';
export * from './vertices.js';
