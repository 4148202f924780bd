// Vector attributes (4.2) in database export/import: the manifest lists each exported vertex type's
// vector attributes and a file of its vectors, `vectors/<graph|global>/<type>.json` =
// `{"<id>": {"<attr>": [...]}}`; import declares the attributes after schema.gsql has run and sets
// the vectors once the vertices are loaded. (schema.gsql stays free of vector DDL, which a pre-4.2
// server could not read.)
import { isObject, type Json, parseJson, stringifyJson } from '../json.js';
import type { Catalog, Graph, VertexType } from '../store/catalog.js';
import { vertexTypeIn, vertexTypesOf } from '../store/catalog.js';
import { setVector, type VectorAttrDef, vectorAttrs } from '../store/vectors.js';
import type { ArchiveFile } from './db-archive.js';

export interface VectorEntry {
  /** The graph of a local type; null for a global one. */
  graph: string | null;
  type: string;
  attributes: VectorAttrDef[];
  path: string;
}

/** Export: one entry and one file per exported vertex type that has vector attributes. */
export function vectorFiles(
  cat: Catalog,
  graphs: Graph[],
  all: boolean,
): { files: ArchiveFile[]; entries: VectorEntry[] } {
  const files: ArchiveFile[] = [];
  const entries: VectorEntry[] = [];
  const seen = new Set<VertexType>();
  const add = (g: Graph | undefined, t: VertexType) => {
    if (seen.has(t) || vectorAttrs(t).length === 0) return;
    seen.add(t);
    const graph = g?.local.has(t.name) ? g.name : null;
    const path = `vectors/${graph ?? 'global'}/${t.name}.json`;
    const values: Record<string, Record<string, number[]>> = {};
    for (const rec of t.data.values())
      if (rec.vectors?.size) values[rec.id] = Object.fromEntries(rec.vectors);
    files.push({ path, text: stringifyJson(values as Json) });
    entries.push({ graph, type: t.name, attributes: vectorAttrs(t).map((a) => ({ ...a })), path });
  };
  if (all) for (const t of cat.vertices.values()) add(undefined, t);
  for (const g of graphs) for (const t of vertexTypesOf(cat, g)) add(g, t);
  return { files, entries };
}

function typeOf(cat: Catalog, e: VectorEntry): VertexType | undefined {
  if (e.graph === null) return cat.vertices.get(e.type);
  const g = cat.graphs.get(e.graph);
  return g ? vertexTypeIn(cat, g, e.type) : undefined;
}

/** Import, after schema.gsql: the vector attributes of each type. */
export function declareVectors(cat: Catalog, entries: VectorEntry[]): void {
  for (const e of entries) {
    const t = typeOf(cat, e);
    if (t) t.vectorAttributes = e.attributes.map((a) => ({ ...a }));
  }
}

/** Import, after the vertices: the vectors of one entry's file (ids that were not imported are skipped). */
export function loadVectors(cat: Catalog, e: VectorEntry, text: string, now: number): void {
  const t = typeOf(cat, e);
  const values = parseJson(text);
  if (!t || !isObject(values)) return;
  for (const [id, byName] of Object.entries(values)) {
    const rec = t.data.get(id);
    if (!rec || !isObject(byName)) continue;
    for (const a of vectorAttrs(t)) {
      const v = byName[a.name];
      if (Array.isArray(v) && v.length === a.dimension) setVector(t, rec, a.name, v.map(Number), now);
    }
  }
}
