// @tgraph/api/codegen: generate a typed schema module from a live schema.
export { type GenerateSchemaTypesOptions, generateSchemaTypes } from './codegen/generate.js';
