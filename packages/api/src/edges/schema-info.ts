// Edge types from the graph schema: names, attributes, endpoints, direction, reverse edge and
// discriminators (pyTigerGraph's getEdgeTypes … getDiscriminators). Endpoint types are always
// lists here (pyTigerGraph returns a string or a set, depending on the edge).
import type { EdgeType } from '@tgraph/protocol';
import type { ApiContext } from '../context.js';
import { edgeTypeIn, readGraphSchema, type SchemaReadOptions } from '../elements/schema-read.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { EdgeTypeName, SchemaShape } from '../schema-types.js';
import { type AttributeDescription, attributeDescriptions } from '../vertices/schema-info.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_EDGE_TYPES_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const GET_EDGE_TYPE_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const DESCRIBE_EDGE_TYPE_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const GET_EDGE_ATTRIBUTES_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const GET_EDGE_SOURCE_VERTEX_TYPES_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const GET_EDGE_TARGET_VERTEX_TYPES_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const IS_DIRECTED_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const GET_REVERSE_EDGE_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const IS_MULTI_EDGE_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const GET_DISCRIMINATORS_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];

/** Everything the schema says about one edge type, in one object. */
export interface EdgeTypeDescription {
  name: string;
  directed: boolean;
  /** Name of the reverse edge type of a directed edge, if it has one. */
  reverseEdge: string | undefined;
  /** Source vertex types (several for multi-pair edges). */
  sourceTypes: string[];
  /** Target vertex types. */
  targetTypes: string[];
  /** Every `(from, to)` pair the edge type allows. */
  pairs: { from: string; to: string }[];
  /** A multi-edge type: parallel edges told apart by their discriminator attributes. */
  multiEdge: boolean;
  /** Discriminator attributes in schema order (the order a discriminator path segment needs). */
  discriminators: AttributeDescription[];
  attributes: AttributeDescription[];
}

const unique = (list: string[]) => [...new Set(list)];

/** Reads the endpoint pairs of an edge type, expanding `*` through `EdgePairs` (or legacy lists). */
export function edgePairs(t: EdgeType): { from: string; to: string }[] {
  if (t.EdgePairs !== undefined && t.EdgePairs.length > 0)
    return t.EdgePairs.map((p) => ({ from: p.From, to: p.To }));
  const froms = t.FromVertexTypeName === '*' ? (t.FromVertexTypeList ?? ['*']) : [t.FromVertexTypeName];
  const tos = t.ToVertexTypeName === '*' ? (t.ToVertexTypeList ?? ['*']) : [t.ToVertexTypeName];
  return froms.flatMap((from) => tos.map((to) => ({ from, to })));
}

/** Builds {@link EdgeTypeDescription} from a schema edge type. */
export function edgeTypeDescription(t: EdgeType): EdgeTypeDescription {
  const pairs = edgePairs(t);
  const reverse = t.Config?.['REVERSE_EDGE'];
  const attributes = attributeDescriptions(t.Attributes);
  const byName = new Map(attributes.map((a) => [a.name, a]));
  const order = t.CompositeDiscriminator ?? attributes.filter((a) => a.discriminator).map((a) => a.name);
  const discriminators = order
    .map((n) => byName.get(n))
    .filter((a): a is AttributeDescription => a !== undefined);
  return {
    name: t.Name,
    directed: t.IsDirected,
    reverseEdge: t.IsDirected && typeof reverse === 'string' && reverse !== '' ? reverse : undefined,
    sourceTypes: unique(pairs.map((p) => p.from)),
    targetTypes: unique(pairs.map((p) => p.to)),
    pairs,
    multiEdge: (t.DiscriminatorCount ?? 0) > 0 || discriminators.length > 0,
    discriminators,
    attributes,
  };
}

async function info(ctx: ApiContext<SchemaShape>, edgeType: string, options: SchemaReadOptions) {
  return edgeTypeDescription(edgeTypeIn(await readGraphSchema(ctx, options), edgeType));
}

/**
 * Names of the graph's edge types (reverse edge types included: the schema lists them too).
 *
 * @example
 * await getEdgeTypes(ctx); // ['PATIENT_FROM_CITY', …, 'INFECTED_BY', 'reverse_INFECTED_BY']
 */
export async function getEdgeTypes<S extends SchemaShape>(
  ctx: ApiContext<S>,
  options: SchemaReadOptions = {},
): Promise<EdgeTypeName<S>[]> {
  checkOptions(options, GET_EDGE_TYPES_KEYS, 'getEdgeTypes');
  const schema = await readGraphSchema(ctx, options);
  return schema.EdgeTypes.map((t) => t.Name as EdgeTypeName<S>);
}

/**
 * One edge type's schema object, or `undefined` when the graph has no such type.
 *
 * @example
 * (await getEdgeType(ctx, 'INFECTED_BY'))?.Config; // { REVERSE_EDGE: 'reverse_INFECTED_BY' }
 */
export async function getEdgeType<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeType: EdgeTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<EdgeType | undefined> {
  checkOptions(options, GET_EDGE_TYPE_KEYS, 'getEdgeType');
  const schema = await readGraphSchema(ctx, options);
  return schema.EdgeTypes.find((t) => t.Name === edgeType);
}

/**
 * Everything about one edge type: direction, reverse edge, endpoint types, discriminators and
 * attributes. Throws `NotFoundError` for an unknown type.
 *
 * @example
 * const e = await describeEdgeType(ctx, 'INFECTED_BY');
 * e.directed; // true
 * e.reverseEdge; // 'reverse_INFECTED_BY'
 */
export async function describeEdgeType<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeType: EdgeTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<EdgeTypeDescription> {
  checkOptions(options, DESCRIBE_EDGE_TYPE_KEYS, 'describeEdgeType');
  return info(ctx, edgeType, options);
}

/**
 * Attributes of an edge type with their types.
 *
 * @example
 * await getEdgeAttributes(ctx, 'Pays'); // [{ name: 'day', type: 'DATETIME', discriminator: true }, { name: 'amount', type: 'DOUBLE' }]
 */
export async function getEdgeAttributes<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeType: EdgeTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<AttributeDescription[]> {
  checkOptions(options, GET_EDGE_ATTRIBUTES_KEYS, 'getEdgeAttributes');
  return (await info(ctx, edgeType, options)).attributes;
}

/**
 * Source vertex types of an edge type (a list even when there is one).
 *
 * @example
 * await getEdgeSourceVertexTypes(ctx, 'PATIENT_FROM_CITY'); // ['Patient']
 */
export async function getEdgeSourceVertexTypes<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeType: EdgeTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<string[]> {
  checkOptions(options, GET_EDGE_SOURCE_VERTEX_TYPES_KEYS, 'getEdgeSourceVertexTypes');
  return (await info(ctx, edgeType, options)).sourceTypes;
}

/**
 * Target vertex types of an edge type (a list even when there is one).
 *
 * @example
 * await getEdgeTargetVertexTypes(ctx, 'PATIENT_FROM_CITY'); // ['City']
 */
export async function getEdgeTargetVertexTypes<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeType: EdgeTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<string[]> {
  checkOptions(options, GET_EDGE_TARGET_VERTEX_TYPES_KEYS, 'getEdgeTargetVertexTypes');
  return (await info(ctx, edgeType, options)).targetTypes;
}

/**
 * Whether an edge type is directed.
 *
 * @example
 * await isDirected(ctx, 'INFECTED_BY'); // true
 */
export async function isDirected<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeType: EdgeTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<boolean> {
  checkOptions(options, IS_DIRECTED_KEYS, 'isDirected');
  return (await info(ctx, edgeType, options)).directed;
}

/**
 * The reverse edge type of a directed edge, or `undefined` (undirected, or no reverse edge).
 *
 * @example
 * await getReverseEdge(ctx, 'INFECTED_BY'); // 'reverse_INFECTED_BY'
 */
export async function getReverseEdge<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeType: EdgeTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<string | undefined> {
  checkOptions(options, GET_REVERSE_EDGE_KEYS, 'getReverseEdge');
  return (await info(ctx, edgeType, options)).reverseEdge;
}

/**
 * Whether an edge type is a multi-edge (has discriminator attributes).
 *
 * @example
 * await isMultiEdge(ctx, 'Pays'); // true
 */
export async function isMultiEdge<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeType: EdgeTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<boolean> {
  checkOptions(options, IS_MULTI_EDGE_KEYS, 'isMultiEdge');
  return (await info(ctx, edgeType, options)).multiEdge;
}

/**
 * Discriminator attributes of a multi-edge type, in schema order (empty for other edges).
 *
 * @example
 * await getDiscriminators(ctx, 'Pays'); // [{ name: 'day', type: 'DATETIME', discriminator: true }]
 */
export async function getDiscriminators<S extends SchemaShape>(
  ctx: ApiContext<S>,
  edgeType: EdgeTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<AttributeDescription[]> {
  checkOptions(options, GET_DISCRIMINATORS_KEYS, 'getDiscriminators');
  return (await info(ctx, edgeType, options)).discriminators;
}
