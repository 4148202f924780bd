// GSQL text forms of types (for `ls` and schema-change output).
import { type AttrType, typeToGsql } from '../store/attr-types.js';
import type { AttributeDef, Catalog, EdgeType, Graph, VertexType } from '../store/catalog.js';
import { edgeTypesOf, vertexTypesOf } from '../store/catalog.js';

function attrText(a: AttributeDef): string {
  const def = a.defaultValue === undefined ? '' : ` DEFAULT ${quoteDefault(a.type, a.defaultValue)}`;
  return `${a.name} ${typeToGsql(a.type)}${def}`;
}

function quoteDefault(t: AttrType, v: string): string {
  return t.kind === 'primitive' && (t.name === 'STRING' || t.name === 'DATETIME') ? `"${v}"` : v;
}

export function vertexText(t: VertexType): string {
  const parts: string[] = [];
  if (t.keyStyle === 'primary_id') {
    parts.push(`PRIMARY_ID ${t.primaryId.name} ${typeToGsql(t.primaryId.type)}`);
    for (const a of t.attributes) parts.push(attrText(a));
  } else if (t.keyStyle === 'primary_key') {
    for (const a of t.attributes)
      parts.push(a.name === t.primaryId.name ? `${attrText(a)} PRIMARY KEY` : attrText(a));
  } else {
    for (const a of t.attributes) parts.push(attrText(a));
    parts.push(`PRIMARY KEY (${t.compositeKey.join(', ')})`);
  }
  const asAttr =
    t.keyStyle === 'primary_id' && t.primaryIdAsAttribute ? ', PRIMARY_ID_AS_ATTRIBUTE="true"' : '';
  return `VERTEX ${t.name}(${parts.join(', ')}) WITH STATS="${t.stats}"${asAttr}`;
}

export function edgeText(t: EdgeType): string {
  const from = t.fromStar ? '*' : undefined;
  const to = t.toStar ? '*' : undefined;
  const pairs =
    from || to
      ? `FROM ${from ?? t.pairs[0]?.from}, TO ${to ?? t.pairs[0]?.to}`
      : t.pairs.map((p) => `FROM ${p.from}, TO ${p.to}`).join('|');
  const attrs = t.attributes.filter((a) => !t.discriminators.includes(a.name)).map(attrText);
  const disc = t.attributes.filter((a) => t.discriminators.includes(a.name)).map(attrText);
  const parts = [pairs, ...(disc.length ? [`DISCRIMINATOR(${disc.join(', ')})`] : []), ...attrs];
  const rev = t.directed && t.reverseName ? ` WITH REVERSE_EDGE="${t.reverseName}"` : '';
  return `${t.directed ? 'DIRECTED' : 'UNDIRECTED'} EDGE ${t.name}(${parts.join(', ')})${rev}`;
}

export function graphText(cat: Catalog, g: Graph): string {
  const items = [
    ...vertexTypesOf(cat, g).map((t) => `${t.name}:v`),
    ...edgeTypesOf(cat, g).map((t) => `${t.name}:e`),
  ];
  return `Graph ${g.name}(${items.join(', ')})`;
}
