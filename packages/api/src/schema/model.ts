// The typed schema model: the GSQL server's schema JSON (reference §6) turned into plain objects
// with camel-case names, every optional flag resolved, and edge endpoints as a list of pairs.
import type {
  Attribute,
  AttributeType,
  EdgeType,
  EmbeddingAttribute,
  GraphSchema,
  VertexType,
} from '@tgraph/protocol';
import { attributeTypeName } from '@tgraph/protocol/schemas/graph-schema';
import { type UdtModel, udtModel } from '../udts/model.js';

export { type UdtModel, udtModel };

/** An attribute type: `INT`, `LIST<STRING>`, `MAP<INT,DOUBLE>`, a UDT… */
export interface AttributeTypeModel {
  /** Base type: `INT`, `UINT`, `FLOAT`, `DOUBLE`, `BOOL`, `STRING`, `STRING COMPRESS`, `DATETIME`, `LIST`, `SET`, `MAP`, `UDT`, `FIXED_BINARY`… */
  name: string;
  /** Element type of `LIST`/`SET`, value type of `MAP` (`UDT` for tuples). */
  valueType: string | undefined;
  /** Key type of `MAP`. */
  keyType: string | undefined;
  /** Tuple name of a `UDT` attribute. */
  tupleName: string | undefined;
  /** Tuple name of UDT elements (`LIST<UDT>`, `MAP<…, UDT>`). */
  valueTupleName: string | undefined;
  /** Tuple name of UDT map keys. */
  keyTupleName: string | undefined;
  /** pyTigerGraph's text form: `MAP<INT,DOUBLE>`, `LIST<STRING>`, `INT`. */
  text: string;
}

/** One attribute of a vertex or edge type. */
export interface AttributeModel {
  name: string;
  type: AttributeTypeModel;
  /** Declared default (as the server prints it), if any. */
  defaultValue: string | undefined;
  /** Part of an edge's discriminator (multi-edges). */
  discriminator: boolean;
}

/** One vertex type. */
export interface VertexTypeModel {
  name: string;
  primaryId: {
    name: string;
    type: AttributeTypeModel;
    /** `PRIMARY_ID_AS_ATTRIBUTE` / `PRIMARY KEY`: the id is also readable as an attribute. */
    asAttribute: boolean;
  };
  /** Attribute names of a composite key (`PRIMARY KEY (a, b)`); empty otherwise. The REST id is their values joined with `,`. */
  compositeKey: string[];
  attributes: AttributeModel[];
  /** 4.2 vector attributes (not part of `attributes`). */
  embeddings: EmbeddingAttribute[];
  /** `Config.STATS`, e.g. `OUTDEGREE_BY_EDGETYPE`. */
  stats: string | undefined;
  /** Graph-local type (false for global types). */
  local: boolean;
  /** The server's JSON for this type. */
  raw: VertexType;
}

/** One edge type. */
export interface EdgeTypeModel {
  name: string;
  directed: boolean;
  /** Every (from, to) vertex-type pair the edge connects. */
  pairs: { from: string; to: string }[];
  /** Distinct source vertex types, in schema order. */
  from: string[];
  /** Distinct target vertex types, in schema order. */
  to: string[];
  /** The reverse edge type of a directed edge (`WITH REVERSE_EDGE=…`), if any. */
  reverseEdge: string | undefined;
  /** Discriminator attribute names (non-empty for multi-edges). */
  discriminators: string[];
  attributes: AttributeModel[];
  local: boolean;
  raw: EdgeType;
}

/** A graph's schema. */
export interface GraphSchemaModel {
  graph: string;
  vertexTypes: VertexTypeModel[];
  edgeTypes: EdgeTypeModel[];
  /** UDTs (fetched with the schema unless `udts: false`). */
  udts: UdtModel[];
  /** The server's JSON, with `UDTs` added when fetched (pyTigerGraph's `getSchema()` shape). */
  raw: GraphSchema;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Converts a server attribute type to {@link AttributeTypeModel}.
 *
 * @example
 * attributeTypeModel({ Name: 'MAP', KeyTypeName: 'INT', ValueTypeName: 'DOUBLE' }).text; // 'MAP<INT,DOUBLE>'
 */
export function attributeTypeModel(type: AttributeType): AttributeTypeModel {
  return {
    name: type.Name,
    valueType: type.ValueTypeName,
    keyType: type.KeyTypeName,
    tupleName: str(type['TupleName']),
    valueTupleName: str(type['ValueTypeTupleName']),
    keyTupleName: str(type['KeyTypeTupleName']),
    text: attributeTypeName(type),
  };
}

function attributeModel(a: Attribute): AttributeModel {
  const d = a.DefaultValue;
  return {
    name: a.AttributeName,
    type: attributeTypeModel(a.AttributeType),
    defaultValue: d === undefined || d === null ? undefined : String(d),
    discriminator: a.IsDiscriminator === true,
  };
}

function vertexTypeModel(v: VertexType): VertexTypeModel {
  const config = v.Config ?? {};
  const pidAsAttr =
    v.PrimaryId.PrimaryIdAsAttribute === true ||
    v.PrimaryId.IsPrimaryKey === true ||
    config['PRIMARY_ID_AS_ATTRIBUTE'] === true ||
    config['PRIMARY_ID_AS_ATTRIBUTE'] === 'true';
  const composite = v.Attributes.filter((a) => a.IsPartOfCompositeKey === true).map((a) => a.AttributeName);
  return {
    name: v.Name,
    primaryId: {
      name: v.PrimaryId.AttributeName,
      type: attributeTypeModel(v.PrimaryId.AttributeType),
      asAttribute: pidAsAttr,
    },
    compositeKey: composite.length > 1 ? composite : [],
    attributes: v.Attributes.map(attributeModel),
    embeddings: v.EmbeddingAttributes ?? [],
    stats: str(config['STATS']),
    local: v.IsLocal === true,
    raw: v,
  };
}

const distinct = (xs: string[]): string[] => [...new Set(xs)];

function edgeTypeModel(e: EdgeType): EdgeTypeModel {
  const pairs =
    e.EdgePairs && e.EdgePairs.length > 0
      ? e.EdgePairs.map((p) => ({ from: p.From, to: p.To }))
      : [{ from: e.FromVertexTypeName, to: e.ToVertexTypeName }];
  const discriminators =
    e.CompositeDiscriminator && e.CompositeDiscriminator.length > 0
      ? [...e.CompositeDiscriminator]
      : e.Attributes.filter((a) => a.IsDiscriminator === true).map((a) => a.AttributeName);
  const reverse = str(e.Config?.['REVERSE_EDGE']);
  return {
    name: e.Name,
    directed: e.IsDirected,
    pairs,
    from: distinct(pairs.map((p) => p.from)),
    to: distinct(pairs.map((p) => p.to)),
    reverseEdge: reverse === undefined || reverse === '' ? undefined : reverse,
    discriminators,
    attributes: e.Attributes.map(attributeModel),
    local: e.IsLocal === true,
    raw: e,
  };
}

/**
 * Builds the typed model from the server's schema JSON (with or without `UDTs`).
 *
 * @example
 * const model = toSchemaModel(rawSchemaJson);
 * model.vertexTypes.map((v) => v.name); // ['Patient', 'City', …]
 */
export function toSchemaModel(raw: GraphSchema): GraphSchemaModel {
  return {
    graph: raw.GraphName,
    vertexTypes: raw.VertexTypes.map(vertexTypeModel),
    edgeTypes: raw.EdgeTypes.map(edgeTypeModel),
    udts: (raw.UDTs ?? []).map(udtModel),
    raw,
  };
}

/**
 * The vertex type `name` of a schema, or undefined (a lookup for the vertices helpers).
 *
 * @example
 * const schema = await getSchema(ctx);
 * vertexTypeOf(schema, 'Patient')?.primaryId.name; // 'patient_id'
 */
export function vertexTypeOf(schema: GraphSchemaModel, name: string): VertexTypeModel | undefined {
  return schema.vertexTypes.find((v) => v.name === name);
}

/**
 * The edge type `name` of a schema, or undefined (a lookup for the edges helpers).
 *
 * @example
 * const schema = await getSchema(ctx);
 * edgeTypeOf(schema, 'INFECTED_BY')?.reverseEdge; // 'reverse_INFECTED_BY'
 */
export function edgeTypeOf(schema: GraphSchemaModel, name: string): EdgeTypeModel | undefined {
  return schema.edgeTypes.find((e) => e.name === name);
}
