// What every entry exports besides its own `createClient`: types, the error classes to catch, and
// helpers that need no client (schema codegen, typed query parameters, attribute operators, rows
// and query output).
export {
  type DescribeQueriesOptions,
  describeQueriesForCodegen,
  type GenerateQueryTypesOptions,
  type GenerateSchemaTypesOptions,
  generateQueryTypes,
  generateSchemaTypes,
  type QueryTypeSource,
} from '@tgraph/api/codegen';
export type { ApiContext } from '@tgraph/api/context';
// The helpers come from @tgraph/api/helpers, not from the resource modules the namespaces load
// on first use: a bundle's first chunk then holds no namespace's code.
export {
  type AnyVertexParam,
  type AttributeOp,
  anyVertexParam,
  attrOp,
  type DatetimeParam,
  datetimeParam,
  type MapParam,
  mapParam,
  type QueryParams,
  type TupleParam,
  tupleParam,
  type VertexParam,
  vertexParam,
} from '@tgraph/api/helpers';
export {
  edgeRows,
  edgesFromRows,
  parseQueryOutput,
  toColumns,
  vertexRows,
  verticesFromRows,
} from '@tgraph/api/rows';
export type {
  AnySchema,
  AttributeName,
  EdgeAttributes,
  EdgeTypeName,
  QueriesOf,
  QueryParamsOf,
  QueryResultOf,
  QueryShape,
  SchemaShape,
  VectorName,
  VertexAttributes,
  VertexTypeName,
} from '@tgraph/api/schema-types';
export type {
  GetVectorsOptions,
  InstallVectorQueriesOptions,
  SearchVectorsOptions,
  UpsertVectorsOptions,
  VectorMatch,
  VectorQueryInstall,
  VectorQuerySpec,
  VectorRow,
  VectorSearch,
  VertexVector,
} from '@tgraph/api/vectors';
export type { CreatedSecret, IssuedToken, SecretInfo } from '@tgraph/auth';
export {
  AbortError,
  AuthError,
  GsqlError,
  NetworkError,
  NotFoundError,
  ResponseShapeError,
  TigerGraphError,
  TimeoutError,
  ValidationError,
} from '@tgraph/protocol/errors';
export type { IntegerMode } from '@tgraph/protocol/json';
export type { ConnectionOptions, ServerLine } from '@tgraph/protocol/options';
export type { TransportAdapter, TransportHooks, TransportLogger } from '@tgraph/transport';
export type { ClientRuntime, TigerGraphClient } from './client.js';
export type { AuthNamespace } from './namespaces/auth.js';
export type { EdgesNamespace } from './namespaces/edges.js';
export type { GsqlFunction } from './namespaces/gsql.js';
export type { LoadingNamespace } from './namespaces/loading.js';
export type { PathsNamespace } from './namespaces/paths.js';
export type { QueriesMethods, QueriesNamespace, TypedRun, UntypedRun } from './namespaces/queries.js';
export type { SchemaNamespace, SystemNamespace, UdtsNamespace } from './namespaces/schema.js';
export type { VectorsNamespace } from './namespaces/vectors.js';
export type { VerticesNamespace } from './namespaces/vertices.js';
export type { ClientOptions } from './options.js';
