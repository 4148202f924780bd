// @tgraph/api/schema: read the schema as a typed model (cached per graph), manage graphs, change the
// schema (GSQL text on every line, JSON on 4.1+), global vertex types, and schema validation.

export { type UpsertDataOptions, upsertData } from './elements/upsert-data.js';
export {
  runSchemaChange,
  type SchemaChangeJson,
  type SchemaChangeOptions,
  schemaChangeScript,
} from './schema/change.js';
export { type GetSchemaOptions, getSchema } from './schema/get.js';
export {
  addGlobalVerticesToGraph,
  createGlobalVertices,
  dropGlobalVertices,
} from './schema/global-vertices.js';
export {
  type CreateGraphOptions,
  createGraph,
  type DropGraphOptions,
  dropGraph,
  type GraphSummary,
  listGraphs,
  parseGraphList,
  type SchemaOperationResult,
} from './schema/graphs.js';
export { invalidateSchema } from './schema/invalidate.js';
export {
  createSchemaChangeJob,
  dropSchemaChangeJobs,
  listSchemaChangeJobs,
  parseSchemaJobs,
  runSchemaChangeJob,
  type SchemaChangeJob,
  type SchemaJobOptions,
} from './schema/jobs.js';
export {
  type AttributeModel,
  type AttributeTypeModel,
  attributeTypeModel,
  type EdgeTypeModel,
  edgeTypeOf,
  type GraphSchemaModel,
  toSchemaModel,
  type UdtModel,
  udtModel,
  type VertexTypeModel,
  vertexTypeOf,
} from './schema/model.js';
export {
  checkSchema,
  compareSchema,
  type DesiredAttributes,
  type DesiredSchema,
  type SchemaDifference,
  type SchemaDifferenceKind,
  type SchemaValidation,
  type ValidateSchemaOptions,
  validateSchema,
} from './schema/validate.js';
export { getSchemaVersion } from './schema/version.js';
