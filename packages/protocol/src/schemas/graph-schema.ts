// Schema JSON of the GSQL server (reference §6): 3.x `GET /gsqlserver/gsql/schema?graph=g` and
// 4.x `GET /gsql/v1/schema/graphs/{g}` share one shape. 4.x drops boolean flags that are false, so
// every flag is optional (absent = false).

import * as z from 'zod/mini';

/** `AttributeType`: `{Name}` plus `ValueTypeName`/`KeyTypeName` for containers; other keys pass through. */
export const attributeTypeSchema = z.looseObject({
  Name: z.string(),
  ValueTypeName: z.optional(z.string()),
  KeyTypeName: z.optional(z.string()),
});

export interface AttributeType {
  /** `INT`, `UINT`, `FLOAT`, `DOUBLE`, `BOOL`, `STRING`, `STRING COMPRESS`, `DATETIME`, `LIST`, `SET`, `MAP`, `UDT`, `FIXED_BINARY`… */
  Name: string;
  ValueTypeName?: string | undefined;
  KeyTypeName?: string | undefined;
  [key: string]: unknown;
}

/** One attribute (also the `PrimaryId` of a vertex type). */
export const attributeSchema = z.looseObject({
  AttributeName: z.string(),
  AttributeType: attributeTypeSchema,
  DefaultValue: z.optional(z.unknown()),
  IsPartOfCompositeKey: z.optional(z.boolean()),
  PrimaryIdAsAttribute: z.optional(z.boolean()),
  HasIndex: z.optional(z.boolean()),
  IsPrimaryKey: z.optional(z.boolean()),
  IsDiscriminator: z.optional(z.boolean()),
  IsUsingNewSyntax: z.optional(z.boolean()),
});

export interface Attribute {
  AttributeName: string;
  AttributeType: AttributeType;
  DefaultValue?: unknown;
  IsPartOfCompositeKey?: boolean | undefined;
  PrimaryIdAsAttribute?: boolean | undefined;
  HasIndex?: boolean | undefined;
  IsPrimaryKey?: boolean | undefined;
  IsDiscriminator?: boolean | undefined;
  IsUsingNewSyntax?: boolean | undefined;
  [key: string]: unknown;
}

/** 4.2 vector attribute (`EmbeddingAttributes`, not part of `Attributes`). */
export const embeddingAttributeSchema = z.looseObject({
  Name: z.string(),
  Dimension: z.optional(z.number()),
  IndexType: z.optional(z.string()),
  DataType: z.optional(z.string()),
  Metric: z.optional(z.string()),
});

export interface EmbeddingAttribute {
  Name: string;
  Dimension?: number | undefined;
  IndexType?: string | undefined;
  DataType?: string | undefined;
  Metric?: string | undefined;
  [key: string]: unknown;
}

export const vertexTypeSchema = z.looseObject({
  Name: z.string(),
  PrimaryId: attributeSchema,
  Attributes: z.array(attributeSchema),
  Config: z.optional(z.record(z.string(), z.unknown())),
  IsLocal: z.optional(z.boolean()),
  EmbeddingAttributes: z.optional(z.array(embeddingAttributeSchema)),
});

export interface VertexType {
  Name: string;
  PrimaryId: Attribute;
  Attributes: Attribute[];
  Config?: Record<string, unknown> | undefined;
  IsLocal?: boolean | undefined;
  EmbeddingAttributes?: EmbeddingAttribute[] | undefined;
  [key: string]: unknown;
}

export const edgeTypeSchema = z.looseObject({
  Name: z.string(),
  FromVertexTypeName: z.string(),
  ToVertexTypeName: z.string(),
  IsDirected: z.boolean(),
  Config: z.optional(z.record(z.string(), z.unknown())),
  Attributes: z.array(attributeSchema),
  EdgePairs: z.optional(z.array(z.looseObject({ From: z.string(), To: z.string() }))),
  DiscriminatorCount: z.optional(z.number()),
  CompositeDiscriminator: z.optional(z.array(z.string())),
  IsLocal: z.optional(z.boolean()),
  /** Legacy (3.0) keys. */
  FromVertexTypeList: z.optional(z.array(z.string())),
  ToVertexTypeList: z.optional(z.array(z.string())),
});

export interface EdgeType {
  Name: string;
  /** `"*"` for multi-pair edges (see `EdgePairs`). */
  FromVertexTypeName: string;
  ToVertexTypeName: string;
  IsDirected: boolean;
  /** `{REVERSE_EDGE: "<name>"}` for directed edges with a reverse type; `{}` otherwise. */
  Config?: Record<string, unknown> | undefined;
  Attributes: Attribute[];
  EdgePairs?: { From: string; To: string; [key: string]: unknown }[] | undefined;
  DiscriminatorCount?: number | undefined;
  CompositeDiscriminator?: string[] | undefined;
  IsLocal?: boolean | undefined;
  FromVertexTypeList?: string[] | undefined;
  ToVertexTypeList?: string[] | undefined;
  [key: string]: unknown;
}

/** One UDT (tuple) of 3.x `udtlist` / 4.x `udt/tuples`. */
export const udtSchema = z.looseObject({
  name: z.string(),
  fields: z.array(
    z.looseObject({ fieldName: z.string(), fieldType: z.string(), length: z.optional(z.number()) }),
  ),
});

export interface Udt {
  name: string;
  fields: { fieldName: string; fieldType: string; length?: number | undefined; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** The graph object (`results` of the schema endpoints). `UDTs` is added client-side, like pyTigerGraph. */
export const graphSchemaSchema = z.looseObject({
  GraphName: z.string(),
  VertexTypes: z.array(vertexTypeSchema),
  EdgeTypes: z.array(edgeTypeSchema),
  UDTs: z.optional(z.array(udtSchema)),
  Config: z.optional(z.record(z.string(), z.unknown())),
});

export interface GraphSchema {
  GraphName: string;
  VertexTypes: VertexType[];
  EdgeTypes: EdgeType[];
  UDTs?: Udt[] | undefined;
  Config?: Record<string, unknown> | undefined;
  [key: string]: unknown;
}

/** 4.x `GET /gsql/v1/schema/graphs` item: `{graphName, vertices, edges}` (reply key `graphs`). */
export const graphSummarySchema = z.looseObject({
  graphName: z.string(),
  vertices: z.optional(z.array(z.string())),
  edges: z.optional(z.array(z.string())),
});

/**
 * pyTigerGraph's normal form of an attribute type: `Name`, or `Name<Value>` / `Name<Key,Value>` for
 * containers.
 *
 * @example
 * attributeTypeName({ Name: 'MAP', KeyTypeName: 'INT', ValueTypeName: 'DOUBLE' }); // 'MAP<INT,DOUBLE>'
 * attributeTypeName({ Name: 'LIST', ValueTypeName: 'STRING' }); // 'LIST<STRING>'
 */
export function attributeTypeName(type: AttributeType): string {
  if (type.KeyTypeName !== undefined && type.ValueTypeName !== undefined) {
    return `${type.Name}<${type.KeyTypeName},${type.ValueTypeName}>`;
  }
  if (type.ValueTypeName !== undefined) return `${type.Name}<${type.ValueTypeName}>`;
  return type.Name;
}
