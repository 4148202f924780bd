// What 4.x `POST /gsql/v1/db-export` writes and `db-import` reads (TigerGraph's EXPORT/IMPORT GRAPH
// ALL, docs "Database Import/Export"): GSQL DDL that recreates the schema, the queries and jobs as
// written, and the data. TigerGraph zips CSV files; the emulator writes a plain folder with a
// manifest, GSQL text files and one JSON file per vertex/edge type (values as RESTPP writes them).

import { edgeText, vertexText } from '../gsql/format.js';
import { type Json, stringifyJson } from '../json.js';
import { loadingJobs } from '../loading/registry.js';
import { queriesOf } from '../query/store.js';
import type { Udt } from '../store/attr-types.js';
import { toJson } from '../store/attr-types.js';
import type { Catalog, EdgeType, Graph, VertexType } from '../store/catalog.js';
import { edgeTypesOf, vertexTypesOf } from '../store/catalog.js';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'tgraph-emulator-export/1';

/** Archive parts, named after TigerGraph's export options (`schema`, `template`, `data`). */
export interface ArchiveParts {
  schema: boolean;
  template: boolean;
  data: boolean;
}

/** One file of the archive: a path relative to the export folder and its text. */
export interface ArchiveFile {
  path: string;
  text: string;
}

function udtText(u: Udt): string {
  const fields = u.fields.map((f) => `${f.name} ${f.type}${f.size !== undefined ? `(${f.size})` : ''}`);
  return `TYPEDEF TUPLE<${fields.join(', ')}> ${u.name}`;
}

const isLocal = (g: Graph, name: string): boolean => g.local.has(name);

/** Global DDL, then each graph and its local types (added by a schema-change job, as GSQL requires). */
export function schemaGsql(cat: Catalog, graphs: Graph[], all: boolean): string {
  // A full export (`graphNames: ["*"]`) also keeps global types no graph uses.
  const globalV = new Set<string>(all ? cat.vertices.keys() : []);
  const globalE = new Set<string>(
    all ? [...cat.edges.values()].filter((t) => !t.reverseOf).map((t) => t.name) : [],
  );
  for (const g of graphs) {
    for (const n of g.vertexNames) if (!isLocal(g, n)) globalV.add(n);
    for (const n of g.edgeNames) if (!isLocal(g, n) && !cat.edges.get(n)?.reverseOf) globalE.add(n);
  }
  const lines = [...cat.udts.values()].map(udtText);
  for (const n of globalV) lines.push(`CREATE ${vertexText(cat.vertices.get(n) as VertexType)}`);
  for (const n of globalE) lines.push(`CREATE ${edgeText(cat.edges.get(n) as EdgeType)}`);
  for (const g of graphs) {
    const shared = [...g.vertexNames, ...g.edgeNames].filter(
      (n) => !isLocal(g, n) && !cat.edges.get(n)?.reverseOf,
    );
    lines.push(`CREATE GRAPH ${g.name}(${shared.join(', ')})`);
    const local = [...g.local.values()].filter((t) => t.kind === 'vertex' || !t.reverseOf);
    if (local.length === 0) continue;
    const job = `tgraph_export_local_${g.name}`;
    const adds = local.map((t) => `  ADD ${t.kind === 'vertex' ? vertexText(t) : edgeText(t)};`);
    lines.push(`USE GRAPH ${g.name}`, `CREATE SCHEMA_CHANGE JOB ${job} FOR GRAPH ${g.name} {`, ...adds, '}');
    lines.push(`RUN SCHEMA_CHANGE JOB ${job}`, `DROP JOB ${job}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Queries, loading jobs and schema-change jobs as written, per graph; installed queries reinstalled. */
export function templateGsql(cat: Catalog, graphs: Graph[]): string {
  const lines = [...cat.globalJobs.values()].map((j) => j.text);
  for (const g of graphs) {
    lines.push(`USE GRAPH ${g.name}`);
    for (const j of g.jobs.values()) lines.push(j.text);
    for (const j of loadingJobs(g).values()) lines.push(j.text);
    const queries = [...queriesOf(g).values()];
    for (const q of queries) lines.push(q.def.text);
    const installed = queries.filter((q) => q.installed).map((q) => q.def.name);
    if (installed.length > 0) lines.push(`INSTALL QUERY ${installed.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function vertexRows(t: VertexType): Json[] {
  const types = new Map([t.primaryId, ...t.attributes].map((a) => [a.name, a.type]));
  return [...t.data.values()].map((v) => {
    const attributes: { [k: string]: Json } = {};
    for (const [k, x] of v.attrs) attributes[k] = toJson(x, types.get(k));
    return { v_id: v.id, attributes };
  });
}

function edgeRows(t: EdgeType): Json[] {
  const types = new Map(t.attributes.map((a) => [a.name, a.type]));
  return [...t.store.records.values()].map((e) => {
    const attributes: { [k: string]: Json } = {};
    for (const [k, x] of e.attrs) attributes[k] = toJson(x, types.get(k));
    return {
      from_type: e.fromType,
      from_id: e.fromId,
      to_type: e.toType,
      to_id: e.toId,
      discriminator: e.discriminator,
      attributes,
    };
  });
}

/** A data file's entry in the manifest. */
export interface DataEntry {
  kind: 'vertex' | 'edge';
  type: string;
  /** The graph of a local type; null for a global one. */
  graph: string | null;
  path: string;
  count: number;
}

/** One JSON file per vertex type and per (forward) edge type of the exported graphs. */
export function dataFiles(
  cat: Catalog,
  graphs: Graph[],
  all: boolean,
): { files: ArchiveFile[]; entries: DataEntry[] } {
  const files: ArchiveFile[] = [];
  const entries: DataEntry[] = [];
  const seen = new Set<VertexType | EdgeType>();
  const add = (g: Graph, t: VertexType | EdgeType, rows: Json[]) => {
    if (seen.has(t)) return;
    seen.add(t);
    const local = isLocal(g, t.name);
    const path = `data/${local ? g.name : 'global'}/${t.kind}_${t.name}.json`;
    files.push({ path, text: stringifyJson(rows) });
    entries.push({ kind: t.kind, type: t.name, graph: local ? g.name : null, path, count: rows.length });
  };
  const none: Graph = {
    name: '',
    vertexNames: [],
    edgeNames: [],
    local: new Map(),
    schemaVersion: 0,
    jobs: new Map(),
  };
  if (all) {
    for (const t of cat.vertices.values()) add(none, t, vertexRows(t));
    for (const t of cat.edges.values()) if (!t.reverseOf) add(none, t, edgeRows(t));
  }
  for (const g of graphs) {
    for (const t of vertexTypesOf(cat, g)) add(g, t, vertexRows(t));
    for (const t of edgeTypesOf(cat, g)) if (!t.reverseOf) add(g, t, edgeRows(t));
  }
  return { files, entries };
}
