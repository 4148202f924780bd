// @tgraph/api/codegen: generate typed modules from a live server: the schema and installed queries.
export { type GenerateSchemaTypesOptions, generateSchemaTypes } from './codegen/generate.js';
export { type DescribeQueriesOptions, describeQueriesForCodegen } from './codegen/query-sources.js';
export {
  type GenerateQueryTypesOptions,
  generateQueryTypes,
  type QueryTypeSource,
} from './codegen/query-types.js';
