// The synchronous helpers the facade (`tgraph`) exports or binds eagerly, without the resource
// modules they belong to: a bundle that splits the facade's namespaces into chunks loaded on first
// use keeps only these in its first chunk. Each is also exported by its resource module.
// What the facade binds eagerly comes through `export *` from modules that export exactly it: a
// named re-export the facade's first chunk used would make esbuild walk every import of this file
// and put the modules the lazy chunks share with it (the query parameter helpers) in that chunk.
export { type AttributeOp, attrOp } from './elements/values.js';
export * from './gsql/reserved.js';
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
export * from './schema/invalidate.js';
