// A vertex expression set `PRINT S[S.a, …]` over a set whose vertices may be of several types. TigerGraph
// documents its per-type inference for ACCUM statements only (a statement runs on the types it can;
// tigergraph/gsql-docs modules/querying/pages/select-statement/index.adoc, "Edge/Vertex type inference
// and conflict"), and no TigerGraph output shows what a projection prints for a vertex whose type lacks
// the attribute. Such a projection is refused at CREATE rather than answered with a guess; one that
// every possible type has runs as usual.
import type { Token } from '../gsql/lexer.js';
import { type Catalog, type Graph, vertexTypeIn } from '../store/catalog.js';
import { vectorAttr } from '../store/vectors.js';
import type { Expr } from './ast.js';
import { UnsupportedConstruct } from './parse-expr.js';

/** Whether vertex type `type` has the attribute (or vector attribute) `attr`. */
function hasAttribute(cat: Catalog, g: Graph, type: string, attr: string): boolean {
  const t = vertexTypeIn(cat, g, type);
  if (!t) return true;
  return (
    t.primaryId.name === attr ||
    t.attributes.some((a) => a.name === attr) ||
    vectorAttr(t, attr) !== undefined
  );
}

/** The `set.attr` reads in a projection expression. */
function attributeReads(e: Expr, set: string, out: Extract<Expr, { k: 'attr' }>[] = []) {
  if (e.k === 'attr' && e.obj.k === 'name' && e.obj.name === set) out.push(e);
  for (const v of Object.values(e))
    if (v && typeof v === 'object' && 'k' in v) attributeReads(v as Expr, set, out);
    else if (Array.isArray(v)) for (const x of v) if (x && typeof x === 'object') attributeReads(x, set, out);
  return out;
}

/**
 * Refuses a projection of `set` (whose vertices are of `types`) that reads an attribute some of those
 * types have and others do not. An attribute no type has is left to the type check's own error.
 */
export function refusePartialProjection(
  cat: Catalog,
  g: Graph,
  set: string,
  types: string[],
  proj: Expr,
): void {
  for (const read of attributeReads(proj, set)) {
    if (read.name.toLowerCase() === 'type') continue;
    const lacking = types.filter((t) => !hasAttribute(cat, g, t, read.name));
    if (lacking.length === 0 || lacking.length === types.length) continue;
    const at = { line: read.line, column: read.column } as Token;
    throw new UnsupportedConstruct(
      `PRINT ${set}[${set}.${read.name}] over a set that may hold ${lacking.join(', ')} vertices, which have no attribute ${read.name},`,
      at,
    );
  }
}
