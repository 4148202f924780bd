// `tg.edges`: @tgraph/api/edges bound to the client, written out by hand so every method keeps
// the schema generics (edge type names, attribute names and types). Option types are taken from
// the api functions themselves.
import type { ApiContext } from '@tgraph/api/context';
import type {
  CountEdgesOptions,
  countEdgesByType,
  countEdgesFrom,
  deleteEdges,
  describeEdgeType,
  getDiscriminators,
  getEdgeAttributes,
  getEdgeSourceVertexTypes,
  getEdgeStats,
  getEdges,
  getEdgesByType,
  getEdgeTargetVertexTypes,
  getEdgeType,
  getEdgeTypes,
  getReverseEdge,
  isDirected,
  isMultiEdge,
  upsertEdge,
  upsertEdges,
  upsertEdgesInBatches,
} from '@tgraph/api/edges';
import type { EdgeTypeName, SchemaShape, VertexTypeName } from '@tgraph/api/schema-types';
import type { EdgeAttributeName, OneOrMany, VertexIdInput } from '@tgraph/api/vertices';
import { deferred } from './bind.js';
import { lazyModule } from './lazy.js';

/** `tg.edges`: every function of `@tgraph/api/edges` without the context argument. */
export interface EdgesNamespace<S extends SchemaShape> {
  /** Edge type names (from the schema). @see getEdgeTypes */
  types(options?: Parameters<typeof getEdgeTypes<S>>[1]): ReturnType<typeof getEdgeTypes<S>>;
  /** One edge type's schema entry. @see getEdgeType */
  type(
    edgeType: EdgeTypeName<S>,
    options?: Parameters<typeof getEdgeType<S>>[2],
  ): ReturnType<typeof getEdgeType<S>>;
  /** Direction, reverse edge, endpoints and discriminators in one object. @see describeEdgeType */
  describe(
    edgeType: EdgeTypeName<S>,
    options?: Parameters<typeof describeEdgeType<S>>[2],
  ): ReturnType<typeof describeEdgeType<S>>;
  /** Attribute names and types. @see getEdgeAttributes */
  attributes(
    edgeType: EdgeTypeName<S>,
    options?: Parameters<typeof getEdgeAttributes<S>>[2],
  ): ReturnType<typeof getEdgeAttributes<S>>;
  /** Source vertex types. @see getEdgeSourceVertexTypes */
  sourceVertexTypes(
    edgeType: EdgeTypeName<S>,
    options?: Parameters<typeof getEdgeSourceVertexTypes<S>>[2],
  ): ReturnType<typeof getEdgeSourceVertexTypes<S>>;
  /** Target vertex types. @see getEdgeTargetVertexTypes */
  targetVertexTypes(
    edgeType: EdgeTypeName<S>,
    options?: Parameters<typeof getEdgeTargetVertexTypes<S>>[2],
  ): ReturnType<typeof getEdgeTargetVertexTypes<S>>;
  /** @see isDirected */
  isDirected(
    edgeType: EdgeTypeName<S>,
    options?: Parameters<typeof isDirected<S>>[2],
  ): ReturnType<typeof isDirected<S>>;
  /** Name of the reverse edge type, if any. @see getReverseEdge */
  reverseEdge(
    edgeType: EdgeTypeName<S>,
    options?: Parameters<typeof getReverseEdge<S>>[2],
  ): ReturnType<typeof getReverseEdge<S>>;
  /** @see isMultiEdge */
  isMultiEdge(
    edgeType: EdgeTypeName<S>,
    options?: Parameters<typeof isMultiEdge<S>>[2],
  ): ReturnType<typeof isMultiEdge<S>>;
  /** Discriminator attributes. @see getDiscriminators */
  discriminators(
    edgeType: EdgeTypeName<S>,
    options?: Parameters<typeof getDiscriminators<S>>[2],
  ): ReturnType<typeof getDiscriminators<S>>;
  /** Number of edges of a type; with `'*'` or a list of types, the counts by type. @see countEdges */
  count(edgeType: EdgeTypeName<S>, options?: CountEdgesOptions): Promise<number>;
  count(
    edgeTypes: '*' | readonly EdgeTypeName<S>[],
    options?: CountEdgesOptions,
  ): Promise<Partial<Record<EdgeTypeName<S>, number>>>;
  /** Counts per edge type (`'*'`, one type or a list). @see countEdgesByType */
  countByType(
    edgeTypes?: '*' | OneOrMany<EdgeTypeName<S>>,
    options?: Parameters<typeof countEdgesByType<S>>[2],
  ): ReturnType<typeof countEdgesByType<S>>;
  /** Counts of the edges of one vertex. @see countEdgesFrom */
  countFrom<E extends EdgeTypeName<S> = EdgeTypeName<S>>(
    sourceType: VertexTypeName<S>,
    sourceId: VertexIdInput,
    options?: Parameters<typeof countEdgesFrom<S, E>>[3],
  ): ReturnType<typeof countEdgesFrom<S, E>>;
  /**
   * Edges of one vertex, at any depth (edge type, target type, target id). @see getEdges
   *
   * @example
   * const cities = await tg.edges.get('Patient', '6100000100', { edgeType: 'PATIENT_FROM_CITY' });
   */
  get<E extends EdgeTypeName<S> = EdgeTypeName<S>, K extends EdgeAttributeName<S, E> = never>(
    sourceType: VertexTypeName<S>,
    sourceId: VertexIdInput,
    options?: Parameters<typeof getEdges<S, E, K>>[3],
  ): ReturnType<typeof getEdges<S, E, K>>;
  /** Every edge of a type. @see getEdgesByType */
  getByType<E extends EdgeTypeName<S>, K extends EdgeAttributeName<S, E> = never>(
    edgeType: E,
    options?: Parameters<typeof getEdgesByType<S, E, K>>[2],
  ): ReturnType<typeof getEdgesByType<S, E, K>>;
  /** Upserts one edge. @see upsertEdge */
  upsert<E extends EdgeTypeName<S>>(
    sourceType: VertexTypeName<S>,
    sourceId: VertexIdInput,
    edgeType: E,
    targetType: VertexTypeName<S>,
    targetId: VertexIdInput,
    attributes?: Parameters<typeof upsertEdge<S, E>>[6],
    options?: Parameters<typeof upsertEdge<S, E>>[7],
  ): ReturnType<typeof upsertEdge<S, E>>;
  /** Upserts many edges of one type (multi-edges kept). @see upsertEdges */
  upsertMany<E extends EdgeTypeName<S>>(
    sourceType: VertexTypeName<S>,
    edgeType: E,
    targetType: VertexTypeName<S>,
    edges: Parameters<typeof upsertEdges<S, E>>[4],
    options?: Parameters<typeof upsertEdges<S, E>>[5],
  ): ReturnType<typeof upsertEdges<S, E>>;
  /** Upserts any number of edges of one type in batches, with progress. @see upsertEdgesInBatches */
  upsertInBatches<E extends EdgeTypeName<S>>(
    sourceType: VertexTypeName<S>,
    edgeType: E,
    targetType: VertexTypeName<S>,
    edges: Parameters<typeof upsertEdgesInBatches<S, E>>[4],
    options?: Parameters<typeof upsertEdgesInBatches<S, E>>[5],
  ): ReturnType<typeof upsertEdgesInBatches<S, E>>;
  /** Deletes edges of one vertex. @see deleteEdges */
  delete<
    E extends EdgeTypeName<S> = EdgeTypeName<S>,
    K extends EdgeAttributeName<S, E> = EdgeAttributeName<S, E>,
  >(
    sourceType: VertexTypeName<S>,
    sourceId: VertexIdInput,
    options?: Parameters<typeof deleteEdges<S, E, K>>[3],
  ): ReturnType<typeof deleteEdges<S, E, K>>;
  /** Attribute statistics per edge type (`'*'`, one type or a list). @see getEdgeStats */
  stats(
    edgeTypes: '*' | OneOrMany<EdgeTypeName<S>>,
    options?: Parameters<typeof getEdgeStats<S>>[2],
  ): ReturnType<typeof getEdgeStats<S>>;
}

/** Binds `@tgraph/api/edges` to a client context. */
export function edgesNamespace<S extends SchemaShape>(ctx: ApiContext<S>): EdgesNamespace<S> {
  const {
    countEdges,
    countEdgesByType,
    countEdgesFrom,
    deleteEdges,
    describeEdgeType,
    getDiscriminators,
    getEdgeAttributes,
    getEdgeSourceVertexTypes,
    getEdgeStats,
    getEdges,
    getEdgesByType,
    getEdgeTargetVertexTypes,
    getEdgeType,
    getEdgeTypes,
    getReverseEdge,
    isDirected,
    isMultiEdge,
    upsertEdge,
    upsertEdges,
    upsertEdgesInBatches,
  } = deferred(
    lazyModule(() => import('@tgraph/api/edges')),
    [
      'countEdges',
      'countEdgesByType',
      'countEdgesFrom',
      'deleteEdges',
      'describeEdgeType',
      'getDiscriminators',
      'getEdgeAttributes',
      'getEdgeSourceVertexTypes',
      'getEdgeStats',
      'getEdges',
      'getEdgesByType',
      'getEdgeTargetVertexTypes',
      'getEdgeType',
      'getEdgeTypes',
      'getReverseEdge',
      'isDirected',
      'isMultiEdge',
      'upsertEdge',
      'upsertEdges',
      'upsertEdgesInBatches',
    ],
  );
  return {
    types: (options) => getEdgeTypes(ctx, options),
    type: (edgeType, options) => getEdgeType(ctx, edgeType, options),
    describe: (edgeType, options) => describeEdgeType(ctx, edgeType, options),
    attributes: (edgeType, options) => getEdgeAttributes(ctx, edgeType, options),
    sourceVertexTypes: (edgeType, options) => getEdgeSourceVertexTypes(ctx, edgeType, options),
    targetVertexTypes: (edgeType, options) => getEdgeTargetVertexTypes(ctx, edgeType, options),
    isDirected: (edgeType, options) => isDirected(ctx, edgeType, options),
    reverseEdge: (edgeType, options) => getReverseEdge(ctx, edgeType, options),
    isMultiEdge: (edgeType, options) => isMultiEdge(ctx, edgeType, options),
    discriminators: (edgeType, options) => getDiscriminators(ctx, edgeType, options),
    count: ((edgeType: '*' | OneOrMany<EdgeTypeName<S>>, options?: CountEdgesOptions) =>
      countEdges(ctx, edgeType as EdgeTypeName<S>, options)) as EdgesNamespace<S>['count'],
    countByType: (edgeTypes, options) => countEdgesByType(ctx, edgeTypes, options),
    countFrom: (sourceType, sourceId, options) => countEdgesFrom(ctx, sourceType, sourceId, options),
    get: (sourceType, sourceId, options) => getEdges(ctx, sourceType, sourceId, options),
    getByType: (edgeType, options) => getEdgesByType(ctx, edgeType, options),
    upsert: (sourceType, sourceId, edgeType, targetType, targetId, attributes, options) =>
      upsertEdge(ctx, sourceType, sourceId, edgeType, targetType, targetId, attributes, options),
    upsertInBatches: (sourceType, edgeType, targetType, edges, options) =>
      upsertEdgesInBatches(ctx, sourceType, edgeType, targetType, edges, options),
    upsertMany: (sourceType, edgeType, targetType, edges, options) =>
      upsertEdges(ctx, sourceType, edgeType, targetType, edges, options),
    delete: (sourceType, sourceId, options) => deleteEdges(ctx, sourceType, sourceId, options),
    stats: (edgeTypes, options) => getEdgeStats(ctx, edgeTypes, options),
  };
}
