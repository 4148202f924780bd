// `tg.vertices`: @tgraph/api/vertices bound to the client. Written out by hand (not through a
// generic binder) so every method keeps the schema generics: with `createClient<MySchema>()`,
// `tg.vertices.get('Patient', { select: ['birth_year'] })` checks the type and attribute names and
// returns typed attributes. Option types are taken from the api functions themselves.
import type { ApiContext } from '@tgraph/api/context';
import type { SchemaShape, VertexTypeName } from '@tgraph/api/schema-types';
import type {
  CountVerticesByTypeOptions,
  CountVerticesOptions,
  countVerticesByType,
  deleteVertices,
  deleteVerticesById,
  deleteVerticesByType,
  getVectorStatus,
  getVertexAttributes,
  getVertexStats,
  getVertexType,
  getVertexTypes,
  getVertexVectors,
  getVertices,
  getVerticesById,
  OneOrMany,
  upsertVertex,
  upsertVertices,
  upsertVerticesInBatches,
  VertexAttributeName,
  VertexIdInput,
} from '@tgraph/api/vertices';
import { deferred } from './bind.js';
import { lazyModule } from './lazy.js';

/** `tg.vertices`: every function of `@tgraph/api/vertices` without the context argument. */
export interface VerticesNamespace<S extends SchemaShape> {
  /** Vertex type names of the graph (from the schema). @see getVertexTypes */
  types(options?: Parameters<typeof getVertexTypes<S>>[1]): ReturnType<typeof getVertexTypes<S>>;
  /** One vertex type's schema entry, or undefined. @see getVertexType */
  type(
    vertexType: VertexTypeName<S>,
    options?: Parameters<typeof getVertexType<S>>[2],
  ): ReturnType<typeof getVertexType<S>>;
  /** Attribute names and types of a vertex type. @see getVertexAttributes */
  attributes(
    vertexType: VertexTypeName<S>,
    options?: Parameters<typeof getVertexAttributes<S>>[2],
  ): ReturnType<typeof getVertexAttributes<S>>;
  /** Embedding (vector) attributes of a vertex type. @see getVertexVectors */
  vectors(
    vertexType: VertexTypeName<S>,
    options?: Parameters<typeof getVertexVectors<S>>[2],
  ): ReturnType<typeof getVertexVectors<S>>;
  /**
   * Number of vertices of a type, optionally filtered; with `'*'` or a list of types, the counts by
   * type. @see countVertices
   */
  count(vertexType: VertexTypeName<S>, options?: CountVerticesOptions): Promise<number>;
  count(
    vertexTypes: '*' | readonly VertexTypeName<S>[],
    options?: CountVerticesByTypeOptions,
  ): Promise<Partial<Record<VertexTypeName<S>, number>>>;
  /** Counts per type (`'*'` = every type, one type, or a list). @see countVerticesByType */
  countByType(
    vertexTypes?: '*' | OneOrMany<VertexTypeName<S>>,
    options?: Parameters<typeof countVerticesByType<S>>[2],
  ): ReturnType<typeof countVerticesByType<S>>;
  /**
   * Lists vertices of a type (select / filter / limit / sort). @see getVertices
   *
   * @example
   * const patients = await tg.vertices.get('Patient', { limit: 5, select: ['birth_year'] });
   */
  get<T extends VertexTypeName<S>, K extends VertexAttributeName<S, T> = never>(
    vertexType: T,
    options?: Parameters<typeof getVertices<S, T, K>>[2],
  ): ReturnType<typeof getVertices<S, T, K>>;
  /** Reads vertices by id (one id or a list). @see getVerticesById */
  getById<T extends VertexTypeName<S>, K extends VertexAttributeName<S, T> = never>(
    vertexType: T,
    vertexIds: OneOrMany<VertexIdInput>,
    options?: Parameters<typeof getVerticesById<S, T, K>>[3],
  ): ReturnType<typeof getVerticesById<S, T, K>>;
  /** Upserts one vertex. @see upsertVertex */
  upsert<T extends VertexTypeName<S>>(
    vertexType: T,
    vertexId: VertexIdInput,
    attributes?: Parameters<typeof upsertVertex<S, T>>[3],
    options?: Parameters<typeof upsertVertex<S, T>>[4],
  ): ReturnType<typeof upsertVertex<S, T>>;
  /** Upserts many vertices of one type in one request. @see upsertVertices */
  upsertMany<T extends VertexTypeName<S>>(
    vertexType: T,
    vertices: Parameters<typeof upsertVertices<S, T>>[2],
    options?: Parameters<typeof upsertVertices<S, T>>[3],
  ): ReturnType<typeof upsertVertices<S, T>>;
  /**
   * Upserts any number of vertices (array, iterable or async iterable) in batches by count and
   * bytes, with bounded concurrency, progress and per-batch results. @see upsertVerticesInBatches
   */
  upsertInBatches<T extends VertexTypeName<S>>(
    vertexType: T,
    vertices: Parameters<typeof upsertVerticesInBatches<S, T>>[2],
    options?: Parameters<typeof upsertVerticesInBatches<S, T>>[3],
  ): ReturnType<typeof upsertVerticesInBatches<S, T>>;
  /** Deletes vertices of a type matching a filter. @see deleteVertices */
  delete<T extends VertexTypeName<S>, K extends VertexAttributeName<S, T> = VertexAttributeName<S, T>>(
    vertexType: T,
    options?: Parameters<typeof deleteVertices<S, T, K>>[2],
  ): ReturnType<typeof deleteVertices<S, T, K>>;
  /** Deletes vertices by id (one id or a list). @see deleteVerticesById */
  deleteById<T extends VertexTypeName<S>>(
    vertexType: T,
    vertexIds: OneOrMany<VertexIdInput>,
    options?: Parameters<typeof deleteVerticesById<S, T>>[3],
  ): ReturnType<typeof deleteVerticesById<S, T>>;
  /** Deletes every vertex of a type. @see deleteVerticesByType */
  deleteByType<T extends VertexTypeName<S>>(
    vertexType: T,
    options?: Parameters<typeof deleteVerticesByType<S, T>>[2],
  ): ReturnType<typeof deleteVerticesByType<S, T>>;
  /** Attribute statistics per vertex type (`'*'`, one type or a list). @see getVertexStats */
  stats(
    vertexTypes: '*' | OneOrMany<VertexTypeName<S>>,
    options?: Parameters<typeof getVertexStats<S>>[2],
  ): ReturnType<typeof getVertexStats<S>>;
  /** Vector index status (TigerGraph 4.2+) of the graph, a type or one vector. @see getVectorStatus */
  vectorStatus(
    vertexType?: VertexTypeName<S>,
    vectorName?: string,
    options?: Parameters<typeof getVectorStatus>[3],
  ): ReturnType<typeof getVectorStatus>;
}

/** Binds `@tgraph/api/vertices` to a client context. */
export function verticesNamespace<S extends SchemaShape>(ctx: ApiContext<S>): VerticesNamespace<S> {
  const {
    countVertices,
    countVerticesByType,
    deleteVertices,
    deleteVerticesById,
    deleteVerticesByType,
    getVectorStatus,
    getVertexAttributes,
    getVertexStats,
    getVertexType,
    getVertexTypes,
    getVertexVectors,
    getVertices,
    getVerticesById,
    upsertVertex,
    upsertVertices,
    upsertVerticesInBatches,
  } = deferred(
    lazyModule(() => import('@tgraph/api/vertices')),
    [
      'countVertices',
      'countVerticesByType',
      'deleteVertices',
      'deleteVerticesById',
      'deleteVerticesByType',
      'getVectorStatus',
      'getVertexAttributes',
      'getVertexStats',
      'getVertexType',
      'getVertexTypes',
      'getVertexVectors',
      'getVertices',
      'getVerticesById',
      'upsertVertex',
      'upsertVertices',
      'upsertVerticesInBatches',
    ],
  );
  return {
    types: (options) => getVertexTypes(ctx, options),
    type: (vertexType, options) => getVertexType(ctx, vertexType, options),
    attributes: (vertexType, options) => getVertexAttributes(ctx, vertexType, options),
    vectors: (vertexType, options) => getVertexVectors(ctx, vertexType, options),
    count: ((vertexType: '*' | OneOrMany<VertexTypeName<S>>, options?: CountVerticesOptions) =>
      countVertices(ctx, vertexType as VertexTypeName<S>, options)) as VerticesNamespace<S>['count'],
    countByType: (vertexTypes, options) => countVerticesByType(ctx, vertexTypes, options),
    get: (vertexType, options) => getVertices(ctx, vertexType, options),
    getById: (vertexType, vertexIds, options) => getVerticesById(ctx, vertexType, vertexIds, options),
    upsert: (vertexType, vertexId, attributes, options) =>
      upsertVertex(ctx, vertexType, vertexId, attributes, options),
    upsertMany: (vertexType, vertices, options) => upsertVertices(ctx, vertexType, vertices, options),
    upsertInBatches: (vertexType, vertices, options) =>
      upsertVerticesInBatches(ctx, vertexType, vertices, options),
    delete: (vertexType, options) => deleteVertices(ctx, vertexType, options),
    deleteById: (vertexType, vertexIds, options) => deleteVerticesById(ctx, vertexType, vertexIds, options),
    deleteByType: (vertexType, options) => deleteVerticesByType(ctx, vertexType, options),
    stats: (vertexTypes, options) => getVertexStats(ctx, vertexTypes, options),
    vectorStatus: (vertexType, vectorName, options) =>
      getVectorStatus(ctx as ApiContext<SchemaShape>, vertexType, vectorName, options),
  };
}
