// Installed-query output (one object per PRINT) regrouped as a graph: every vertex and edge that
// any PRINT returned, keyed by type and id, with how often and under which labels it appeared.
// pyTigerGraph's `parseQueryOutput`, with its edge branch fixed (it crashed on any edge set).

/** A vertex found in query output. */
export interface ParsedVertex {
  v_id: string;
  v_type: string;
  /** Attributes merged over every occurrence (later PRINTs add or overwrite keys). */
  attributes: Record<string, unknown>;
  /** How many times it appeared. */
  x_occurrences: number;
  /** The PRINT labels it appeared under, in order of first appearance. */
  x_sources: string[];
}

/** An edge found in query output. */
export interface ParsedEdge {
  e_type: string;
  from_type: string;
  from_id: string;
  to_type: string;
  to_id: string;
  directed?: boolean | undefined;
  attributes: Record<string, unknown>;
  x_occurrences: number;
  x_sources: string[];
}

export interface ParsedQueryOutput {
  /** `vertices[v_type][v_id]`. */
  vertices: Record<string, Record<string, ParsedVertex>>;
  /** `edges[e_type]["<from_type>(<from_id>)-><to_type>(<to_id>)"]`. */
  edges: Record<string, Record<string, ParsedEdge>>;
  /** Everything that is not a vertex or edge set, as `{ label, value }` (omitted with `graphOnly`). */
  output: { label: string; value: unknown }[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isVertex = (v: unknown): v is Json => isObject(v) && 'v_type' in v && 'v_id' in v;
const isEdge = (v: unknown): v is Json => isObject(v) && 'e_type' in v && 'from_id' in v && 'to_id' in v;

/**
 * Regroups query results into vertices and edges by type and id. With `graphOnly` (default true)
 * other printed values are dropped; otherwise they are kept in `output`.
 *
 * @example
 * const results = await runQuery(ctx, 'neighbourhood', { p: vertexParam('Patient', '1000000001') });
 * const { vertices, edges } = parseQueryOutput(results);
 * Object.keys(vertices.Patient ?? {}); // ['1000000001', '1000000003', …]
 */
export function parseQueryOutput(
  results: readonly unknown[],
  options: { graphOnly?: boolean | undefined } = {},
): ParsedQueryOutput {
  const parsed: ParsedQueryOutput = { vertices: {}, edges: {}, output: [] };
  for (const printed of results) {
    if (!isObject(printed)) continue;
    for (const [label, value] of Object.entries(printed)) {
      const items = Array.isArray(value) ? value : [value];
      const graphItems = items.length > 0 && items.every((i) => isVertex(i) || isEdge(i));
      if (!graphItems) {
        if (options.graphOnly === false) parsed.output.push({ label, value });
        continue;
      }
      for (const item of items as Json[]) {
        if (isVertex(item)) addVertex(parsed, item, label);
        else addEdge(parsed, item, label);
      }
    }
  }
  return parsed;
}

function entryOf<T>(record: Record<string, T>, key: string, make: () => T): T {
  const found = record[key];
  if (found !== undefined) return found;
  const made = make();
  record[key] = made;
  return made;
}

function note(entry: { x_occurrences: number; x_sources: string[] }, label: string): void {
  entry.x_occurrences++;
  if (!entry.x_sources.includes(label)) entry.x_sources.push(label);
}

function addVertex(parsed: ParsedQueryOutput, v: Json, label: string): void {
  const type = String(v['v_type']);
  const id = String(v['v_id']);
  const byId = entryOf(parsed.vertices, type, () => ({}));
  const entry = entryOf(byId, id, () => ({
    v_id: id,
    v_type: type,
    attributes: {},
    x_occurrences: 0,
    x_sources: [],
  }));
  if (isObject(v['attributes'])) Object.assign(entry.attributes, v['attributes']);
  note(entry, label);
}

function addEdge(parsed: ParsedQueryOutput, e: Json, label: string): void {
  const type = String(e['e_type']);
  const fromType = String(e['from_type'] ?? '');
  const toType = String(e['to_type'] ?? '');
  const fromId = String(e['from_id']);
  const toId = String(e['to_id']);
  const key = `${fromType}(${fromId})->${toType}(${toId})`;
  const byId = entryOf(parsed.edges, type, () => ({}));
  const entry = entryOf(byId, key, () => ({
    e_type: type,
    from_type: fromType,
    from_id: fromId,
    to_type: toType,
    to_id: toId,
    ...(typeof e['directed'] === 'boolean' ? { directed: e['directed'] } : {}),
    attributes: {},
    x_occurrences: 0,
    x_sources: [],
  }));
  if (isObject(e['attributes'])) Object.assign(entry.attributes, e['attributes']);
  note(entry, label);
}
