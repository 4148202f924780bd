// Turns parsed definitions into catalogue types, with GSQL's semantic checks.
import type { EdgeDef, VertexDef } from '../gsql/ast.js';
import type { AttrType } from './attr-types.js';
import { type AttributeDef, type Catalog, type EdgeType, newEdgeStore, type VertexType } from './catalog.js';

export class SemanticError extends Error {}

function checkAttrType(cat: Catalog, t: AttrType, where: string): void {
  const udt = (name: string) => {
    if (!cat.udts.has(name)) throw new SemanticError(`The type ${name} of ${where} is not defined.`);
  };
  if (t.kind === 'udt') udt(t.name);
  if (t.kind === 'collection' && t.element.kind === 'udt') udt(t.element.name);
  if (t.kind === 'map') {
    if (t.key.kind === 'udt')
      throw new SemanticError(`The key type of MAP attribute ${where} must be a primitive type.`);
    if (t.value.kind === 'udt') udt(t.value.name);
  }
}

function checkAttributes(cat: Catalog, owner: string, attrs: AttributeDef[]): void {
  const seen = new Set<string>();
  for (const a of attrs) {
    if (seen.has(a.name))
      throw new SemanticError(`The attribute name ${a.name} is used more than once in ${owner}.`);
    seen.add(a.name);
    checkAttrType(cat, a.type, `attribute ${a.name} in ${owner}`);
  }
}

export function buildVertexType(cat: Catalog, def: VertexDef, graph?: string): VertexType {
  checkAttributes(cat, def.name, def.attributes);
  const asAttr = (def.options.get('PRIMARY_ID_AS_ATTRIBUTE') ?? 'false').toLowerCase() === 'true';
  const t: VertexType = {
    kind: 'vertex',
    name: def.name,
    keyStyle: def.keyStyle,
    primaryId: def.primaryId,
    compositeKey: def.compositeKey,
    primaryIdAsAttribute: def.keyStyle !== 'primary_id' || asAttr,
    attributes: def.attributes,
    stats: def.options.get('STATS') ?? 'OUTDEGREE_BY_EDGETYPE',
    data: new Map(),
    permanentlyDeleted: new Set(),
  };
  if (graph !== undefined) t.graph = graph;
  return t;
}

/** Builds the edge type (and its reverse type when WITH REVERSE_EDGE is given). */
export function buildEdgeTypes(
  cat: Catalog,
  def: EdgeDef,
  vertexNames: string[],
  graph?: string,
): [EdgeType] | [EdgeType, EdgeType] {
  checkAttributes(cat, def.name, def.attributes);
  const known = new Set(vertexNames);
  for (const p of def.pairs) {
    for (const v of [p.from, p.to]) {
      if (v !== '*' && !known.has(v)) {
        throw new SemanticError(`The FROM/TO vertex type ${v} of edge ${def.name} does not exist.`);
      }
    }
  }
  // FROM * / TO * expand to every vertex type known at creation time (as the schema JSON reports).
  const pairs = def.pairs.flatMap((p) => {
    const froms = p.from === '*' ? vertexNames : [p.from];
    const tos = p.to === '*' ? vertexNames : [p.to];
    return froms.flatMap((from) => tos.map((to) => ({ from, to })));
  });
  const reverseName = def.directed ? def.options.get('REVERSE_EDGE') : undefined;
  const store = newEdgeStore();
  const base = {
    kind: 'edge' as const,
    directed: def.directed,
    attributes: def.attributes,
    discriminators: def.discriminators,
    store,
  };
  const forward: EdgeType = {
    ...base,
    name: def.name,
    pairs,
    fromStar: def.fromStar,
    toStar: def.toStar,
  };
  if (graph !== undefined) forward.graph = graph;
  if (!reverseName) return [forward];
  forward.reverseName = reverseName;
  const reverse: EdgeType = {
    ...base,
    name: reverseName,
    pairs: pairs.map((p) => ({ from: p.to, to: p.from })),
    fromStar: def.toStar,
    toStar: def.fromStar,
    reverseName: def.name,
    reverseOf: def.name,
  };
  if (graph !== undefined) reverse.graph = graph;
  return [forward, reverse];
}
