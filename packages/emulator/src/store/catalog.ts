// The schema catalogue: global and graph-local vertex/edge types, graphs, UDTs, schema-change jobs.
// Each type object also owns its data (vertices/edges), so dropping a type drops its data.
import type { AttrType, Udt, Value } from './attr-types.js';
import type { VectorAttrDef } from './vectors.js';

export interface AttributeDef {
  name: string;
  type: AttrType;
  /** DEFAULT as written in the DDL (string form, as the schema JSON shows it). */
  defaultValue?: string;
}

export type KeyStyle = 'primary_id' | 'primary_key' | 'composite';

export interface VertexRecord {
  id: string;
  attrs: Map<string, Value>;
  /** Vector attribute values by name (4.2; see vectors.ts). */
  vectors?: Map<string, number[]>;
}

export interface VertexType {
  kind: 'vertex';
  name: string;
  keyStyle: KeyStyle;
  /** PRIMARY_ID name/type, or the PRIMARY KEY attribute, or the first composite-key attribute. */
  primaryId: AttributeDef;
  /** Composite key attribute names in schema order (composite style only). */
  compositeKey: string[];
  primaryIdAsAttribute: boolean;
  /** Declared attributes; for PRIMARY KEY / composite styles the key attributes are included. */
  attributes: AttributeDef[];
  stats: string;
  graph?: string;
  data: Map<string, VertexRecord>;
  /** Ids deleted with permanent=true: they cannot be inserted again. */
  permanentlyDeleted: Set<string>;
  /** Vector attributes (4.2), kept apart from `attributes` as the schema JSON keeps them. */
  vectorAttributes?: VectorAttrDef[];
  /** Per vector attribute: clock time until which its index counts as being rebuilt. */
  vectorRebuildUntil?: Map<string, number>;
}

export interface EdgeRecord {
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  discriminator: string;
  attrs: Map<string, Value>;
}

/** Storage shared by an edge type and its reverse edge type. */
export interface EdgeStore {
  records: Map<string, EdgeRecord>;
  bySource: Map<string, Set<string>>;
  byTarget: Map<string, Set<string>>;
}

export interface EdgePair {
  from: string;
  to: string;
}

export interface EdgeType {
  kind: 'edge';
  name: string;
  directed: boolean;
  pairs: EdgePair[];
  /** `FROM *` / `TO *` as written (schema JSON shows "*" for multi-pair edges). */
  fromStar: boolean;
  toStar: boolean;
  reverseName?: string;
  /** Set on a reverse edge type: the forward type whose data it mirrors. */
  reverseOf?: string;
  attributes: AttributeDef[];
  discriminators: string[];
  graph?: string;
  store: EdgeStore;
}

export interface SchemaChangeJob {
  name: string;
  graph: string;
  /** Statement texts as written, for `ls`. */
  text: string;
  /** Parsed actions, resolved when the job runs (types may not exist yet at creation time). */
  actions: JobAction[];
}

export interface Graph {
  name: string;
  /** Global and local type names in the graph, in declaration order. */
  vertexNames: string[];
  edgeNames: string[];
  local: Map<string, VertexType | EdgeType>;
  schemaVersion: number;
  jobs: Map<string, SchemaChangeJob>;
}

export interface Catalog {
  vertices: Map<string, VertexType>;
  edges: Map<string, EdgeType>;
  udts: Map<string, Udt>;
  graphs: Map<string, Graph>;
  globalJobs: Map<string, SchemaChangeJob>;
}

export function newCatalog(): Catalog {
  return { vertices: new Map(), edges: new Map(), udts: new Map(), graphs: new Map(), globalJobs: new Map() };
}

export function newEdgeStore(): EdgeStore {
  return { records: new Map(), bySource: new Map(), byTarget: new Map() };
}

export function vertexTypeIn(cat: Catalog, graph: Graph, name: string): VertexType | undefined {
  if (!graph.vertexNames.includes(name)) return undefined;
  const local = graph.local.get(name);
  if (local) return local.kind === 'vertex' ? local : undefined;
  return cat.vertices.get(name);
}

export function edgeTypeIn(cat: Catalog, graph: Graph, name: string): EdgeType | undefined {
  if (!graph.edgeNames.includes(name)) return undefined;
  const local = graph.local.get(name);
  if (local) return local.kind === 'edge' ? local : undefined;
  return cat.edges.get(name);
}

export function vertexTypesOf(cat: Catalog, graph: Graph): VertexType[] {
  return graph.vertexNames.map((n) => vertexTypeIn(cat, graph, n)).filter((t): t is VertexType => !!t);
}

export function edgeTypesOf(cat: Catalog, graph: Graph): EdgeType[] {
  return graph.edgeNames.map((n) => edgeTypeIn(cat, graph, n)).filter((t): t is EdgeType => !!t);
}

/** The attributes RESTPP returns for a vertex (the id only when it doubles as an attribute). */
export function visibleVertexAttributes(t: VertexType): AttributeDef[] {
  if (t.keyStyle === 'primary_id' && t.primaryIdAsAttribute) return [t.primaryId, ...t.attributes];
  return t.attributes;
}

// Parsed type definitions and schema-change actions, as jobs keep them.
export interface VertexDef {
  name: string;
  keyStyle: KeyStyle;
  primaryId: AttributeDef;
  compositeKey: string[];
  attributes: AttributeDef[];
  options: Map<string, string>;
}

export interface EdgeDef {
  name: string;
  directed: boolean;
  pairs: EdgePair[];
  fromStar: boolean;
  toStar: boolean;
  attributes: AttributeDef[];
  discriminators: string[];
  options: Map<string, string>;
}

export type JobAction =
  | { kind: 'addVertex'; def: VertexDef }
  | { kind: 'addEdge'; def: EdgeDef }
  | { kind: 'dropVertex'; names: string[] }
  | { kind: 'dropEdge'; names: string[] }
  | { kind: 'alterAddAttributes'; typeKind: 'vertex' | 'edge'; type: string; attributes: AttributeDef[] }
  | { kind: 'alterDropAttributes'; typeKind: 'vertex' | 'edge'; type: string; names: string[] }
  | { kind: 'alterAddVector'; type: string; name: string; params: [string, string][]; at: TokenAt }
  | { kind: 'alterDropVector'; type: string; names: string[]; at: TokenAt };

/** Where a keyword stood (for the syntax error an older parser gives). */
export interface TokenAt {
  line: number;
  column: number;
}
