// Vertex types and their attributes, read from the graph schema (pyTigerGraph's getVertexTypes,
// getVertexType, getVertexAttrs, getVertexVectors).
import {
  type Attribute,
  attributeTypeName,
  type EmbeddingAttribute,
  type VertexType,
} from '@tgraph/protocol/schemas/graph-schema';
import type { ApiContext } from '../context.js';
import { readGraphSchema, type SchemaReadOptions, vertexTypeIn } from '../elements/schema-read.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape, VertexTypeName } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_VERTEX_TYPES_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const GET_VERTEX_TYPE_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const GET_VERTEX_ATTRIBUTES_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];
const GET_VERTEX_VECTORS_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh'];

/** One attribute of a vertex or edge type. */
export interface AttributeDescription {
  name: string;
  /** pyTigerGraph's normal form: `INT`, `LIST<INT>`, `MAP<STRING,DOUBLE>`… (server casing). */
  type: string;
  /** Declared default, as the schema prints it. */
  defaultValue?: unknown;
  /** Part of an edge type's discriminator (multi-edge key). */
  discriminator?: boolean | undefined;
}

/** Turns schema attributes into {@link AttributeDescription}s. */
export function attributeDescriptions(attributes: readonly Attribute[]): AttributeDescription[] {
  return attributes.map((a) => {
    const info: AttributeDescription = { name: a.AttributeName, type: attributeTypeName(a.AttributeType) };
    if (a.DefaultValue !== undefined) info.defaultValue = a.DefaultValue;
    if (a.IsDiscriminator === true) info.discriminator = true;
    return info;
  });
}

/**
 * Names of the graph's vertex types.
 *
 * @example
 * await getVertexTypes(ctx); // ['Patient', 'City', 'Province', 'InfectionCase']
 */
export async function getVertexTypes<S extends SchemaShape>(
  ctx: ApiContext<S>,
  options: SchemaReadOptions = {},
): Promise<VertexTypeName<S>[]> {
  checkOptions(options, GET_VERTEX_TYPES_KEYS, 'getVertexTypes');
  const schema = await readGraphSchema(ctx, options);
  return schema.VertexTypes.map((t) => t.Name as VertexTypeName<S>);
}

/**
 * One vertex type's schema object (`Name`, `PrimaryId`, `Attributes`, `Config`…), or `undefined`
 * when the graph has no such type.
 *
 * @example
 * const patient = await getVertexType(ctx, 'Patient');
 * patient?.PrimaryId.AttributeName; // 'patient_id'
 */
export async function getVertexType<S extends SchemaShape>(
  ctx: ApiContext<S>,
  vertexType: VertexTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<VertexType | undefined> {
  checkOptions(options, GET_VERTEX_TYPE_KEYS, 'getVertexType');
  const schema = await readGraphSchema(ctx, options);
  return schema.VertexTypes.find((t) => t.Name === vertexType);
}

/**
 * Attributes of a vertex type with their types (the primary id is not one unless the type keeps it
 * as an attribute). Throws `NotFoundError` for an unknown type.
 *
 * @example
 * await getVertexAttributes(ctx, 'Province');
 * // [{ name: 'province', type: 'STRING' }, { name: 'population', type: 'INT' }, { name: 'area', type: 'DOUBLE' }]
 */
export async function getVertexAttributes<S extends SchemaShape>(
  ctx: ApiContext<S>,
  vertexType: VertexTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<AttributeDescription[]> {
  checkOptions(options, GET_VERTEX_ATTRIBUTES_KEYS, 'getVertexAttributes');
  const schema = await readGraphSchema(ctx, options);
  return attributeDescriptions(vertexTypeIn(schema, vertexType).Attributes);
}

/**
 * Vector (embedding) attributes of a vertex type (TigerGraph 4.2+; empty elsewhere).
 *
 * @example
 * await getVertexVectors(ctx, 'Document'); // [{ Name: 'embedding', Dimension: 1536, Metric: 'COSINE', … }]
 */
export async function getVertexVectors<S extends SchemaShape>(
  ctx: ApiContext<S>,
  vertexType: VertexTypeName<S>,
  options: SchemaReadOptions = {},
): Promise<EmbeddingAttribute[]> {
  checkOptions(options, GET_VERTEX_VECTORS_KEYS, 'getVertexVectors');
  const schema = await readGraphSchema(ctx, options);
  return vertexTypeIn(schema, vertexType).EmbeddingAttributes ?? [];
}
