// 4.x `POST /gsql/v1/db-export` and `/gsql/v1/db-import` (pyTigerGraph's exportDatabase /
// importDatabase; TigerGraph's EXPORT/IMPORT GRAPH ALL). Paths are the server's: they resolve
// inside the emulator's `outputDir` (its writable filesystem), never outside it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { User } from '../auth/model.js';
import { isObject, type Json, parseJson, stringifyJson } from '../json.js';
import { outputPath } from '../query/files.js';
import type { EmulatorState } from '../state.js';
import { fromJson } from '../store/attr-types.js';
import type { Catalog, EdgeType, Graph, VertexType } from '../store/catalog.js';
import { edgeTypeIn, vertexTypeIn } from '../store/catalog.js';
import { insertEdge, newVertex, udtLookup } from '../store/data.js';
import { GsqlHttpError } from './common.js';
import {
  type ArchiveFile,
  type ArchiveParts,
  type DataEntry,
  dataFiles,
  FORMAT,
  MANIFEST,
  schemaGsql,
  templateGsql,
} from './db-archive.js';
import { declareVectors, loadVectors, type VectorEntry, vectorFiles } from './db-vectors.js';
import { gsqlOk } from './schema-json-gsql.js';
import { udfFiles } from './udf-files.js';

interface Manifest {
  format: string;
  version: string;
  graphs: string[];
  parts: ArchiveParts;
  data: DataEntry[];
  /** 4.2 vector attributes and their files (absent when nothing has vectors). */
  vectors?: VectorEntry[];
}

function folderOf(state: EmulatorState, path: Json | undefined, what: string): string {
  if (typeof path !== 'string' || path.trim() === '')
    throw new GsqlHttpError(400, `The ${what} path is required.`);
  try {
    return outputPath(state.outputDir, path);
  } catch {
    throw new GsqlHttpError(400, `The ${what} path ${path} is outside the server's file system.`);
  }
}

/** Whether `graphNames` asks for everything (TigerGraph's default `["*"]`). */
function isAll(list: Json | undefined): boolean {
  return !Array.isArray(list) || list.length === 0 || list.map(String).includes('*');
}

function graphsNamed(cat: Catalog, list: Json | undefined): Graph[] {
  if (isAll(list)) return [...cat.graphs.values()];
  const wanted = (list as Json[]).map(String);
  return wanted.map((n) => {
    const g = cat.graphs.get(n);
    if (!g) throw new GsqlHttpError(400, `Graph ${n} does not exist.`);
    return g;
  });
}

/** TigerGraph: no option set means a full export; otherwise the schema plus what was asked for. */
function partsOf(b: { [key: string]: Json }): ArchiveParts {
  const template = b['template'] === true;
  const data = b['data'] === true;
  if (b['schema'] !== true && !template && !data) return { schema: true, template: true, data: true };
  return { schema: true, template, data };
}

export function exportDatabase(state: EmulatorState, b: { [key: string]: Json }): void {
  const folder = folderOf(state, b['path'], 'export');
  const cat = state.catalog;
  const graphs = graphsNamed(cat, b['graphNames']);
  const all = isAll(b['graphNames']);
  const parts = partsOf(b);
  const files: ArchiveFile[] = [{ path: 'schema.gsql', text: schemaGsql(cat, graphs, all) }];
  if (parts.template) {
    files.push({ path: 'template.gsql', text: templateGsql(cat, graphs) });
    for (const [name, text] of udfFiles(state)) files.push({ path: `udf/${name}.hpp`, text });
  }
  const data = parts.data ? dataFiles(cat, graphs, all) : { files: [], entries: [] };
  files.push(...data.files);
  const vectors = parts.data ? vectorFiles(cat, graphs, all) : { files: [], entries: [] };
  files.push(...vectors.files);
  const manifest: Manifest = {
    format: FORMAT,
    version: state.version.full,
    graphs: graphs.map((g) => g.name),
    parts,
    data: data.entries,
    ...(vectors.entries.length > 0 ? { vectors: vectors.entries } : {}),
  };
  files.push({ path: MANIFEST, text: stringifyJson(manifest, 2) });
  for (const f of files) {
    const host = join(folder, f.path);
    mkdirSync(dirname(host), { recursive: true });
    writeFileSync(host, f.text);
  }
}

function readManifest(folder: string, path: string): Manifest {
  const file = join(folder, MANIFEST);
  if (!existsSync(file)) throw new GsqlHttpError(400, `The import path ${path} does not hold an export.`);
  const m = parseJson(readFileSync(file, 'utf8'));
  const readable =
    isObject(m) &&
    m['format'] === FORMAT &&
    Array.isArray(m['graphs']) &&
    Array.isArray(m['data']) &&
    isObject(m['parts']);
  if (!readable)
    throw new GsqlHttpError(400, `The import path ${path} does not hold an export this server can read.`);
  return m as unknown as Manifest;
}

/** A file named by the manifest, refused if it would leave the export folder. */
function archiveFile(folder: string, rel: string): string {
  const file = resolve(folder, rel);
  if (!file.startsWith(folder + sep))
    throw new GsqlHttpError(400, `The export file ${rel} is outside the export.`);
  return file;
}

/** IMPORT GRAPH ALL replaces the whole catalogue: drop everything, then run the archive. */
export function importDatabase(state: EmulatorState, user: User, b: { [key: string]: Json }): void {
  const path = b['path'];
  const folder = folderOf(state, path, 'import');
  const manifest = readManifest(folder, String(path));
  const wanted = Array.isArray(b['graphNames']) ? b['graphNames'].map(String) : ['*'];
  for (const n of wanted)
    if (n !== '*' && !manifest.graphs.includes(n))
      throw new GsqlHttpError(400, `The export at ${String(path)} has no graph ${n}.`);
  // Every file is checked before the catalogue is dropped.
  const data = manifest.data.map((entry) => ({ entry, file: archiveFile(folder, String(entry.path)) }));
  const vectors = (manifest.vectors ?? []).map((entry) => ({
    entry,
    file: archiveFile(folder, String(entry.path)),
  }));
  gsqlOk(state, user, 'DROP ALL');
  gsqlOk(state, user, readFileSync(join(folder, 'schema.gsql'), 'utf8'));
  declareVectors(state.catalog, manifest.vectors ?? []);
  for (const { entry, file } of data) loadData(state.catalog, entry, readFileSync(file, 'utf8'));
  for (const { entry, file } of vectors)
    loadVectors(state.catalog, entry, readFileSync(file, 'utf8'), state.clock.now());
  if (!manifest.parts.template) return;
  gsqlOk(state, user, readFileSync(join(folder, 'template.gsql'), 'utf8'));
  const udf = udfFiles(state);
  for (const name of udf.keys()) {
    const file = join(folder, 'udf', `${name}.hpp`);
    if (existsSync(file)) udf.set(name, readFileSync(file, 'utf8'));
  }
}

function typeOf(cat: Catalog, e: DataEntry): VertexType | EdgeType | undefined {
  if (e.graph === null) return e.kind === 'vertex' ? cat.vertices.get(e.type) : cat.edges.get(e.type);
  const g = cat.graphs.get(e.graph);
  if (!g) return undefined;
  return e.kind === 'vertex' ? vertexTypeIn(cat, g, e.type) : edgeTypeIn(cat, g, e.type);
}

function loadData(cat: Catalog, e: DataEntry, text: string): void {
  const t = typeOf(cat, e);
  const rows = parseJson(text);
  if (!t || !Array.isArray(rows))
    throw new GsqlHttpError(400, `The export file ${e.path} does not match its schema.`);
  const udts = udtLookup(cat);
  for (const row of rows) {
    if (!isObject(row) || !isObject(row['attributes'])) continue;
    const attrs = row['attributes'];
    if (t.kind === 'vertex') {
      const v = newVertex(cat, t, String(row['v_id']));
      const types = new Map([t.primaryId, ...t.attributes].map((a) => [a.name, a.type]));
      for (const [k, x] of Object.entries(attrs)) {
        const at = types.get(k);
        if (at) v.attrs.set(k, fromJson(at, x, udts));
      }
      t.data.set(v.id, v);
    } else {
      const r = row as { [k: string]: Json };
      const disc = String(r['discriminator'] ?? '');
      const { record } = insertEdge(
        cat,
        t,
        String(r['from_type']),
        String(r['from_id']),
        String(r['to_type']),
        String(r['to_id']),
        disc,
      );
      for (const a of t.attributes)
        if (attrs[a.name] !== undefined)
          record.attrs.set(a.name, fromJson(a.type, attrs[a.name] as Json, udts));
    }
  }
}
