// The synchronous helpers the facade (`tgraph`) exports or binds eagerly, without the resource
// modules they belong to: a bundle that splits the facade's namespaces into chunks loaded on first
// use keeps only these in its first chunk. Each is also exported by its resource module.
export { type AttributeOp, attrOp } from './elements/values.js';
export { getReservedKeywords, isReservedKeyword } from './gsql/reserved.js';
export {
  type AnyVertexParam,
  anyVertexParam,
  type DatetimeParam,
  datetimeParam,
  type MapParam,
  mapParam,
  type QueryParams,
  type TupleParam,
  tupleParam,
  type VertexParam,
  vertexParam,
} from './queries/param-values.js';
export { invalidateSchema } from './schema/cache.js';
