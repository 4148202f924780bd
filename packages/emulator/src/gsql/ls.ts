// `ls`: the catalogue listing, globally or for the graph in use (reference §10).
import { queryListing } from '../query/commands.js';
import { type Catalog, edgeTypesOf, type Graph, vertexTypesOf } from '../store/catalog.js';
import { edgeText, graphText, vertexText } from './format.js';
import { loadingJobLsItems } from './ls-loading-job.js';
import { vectorLsLines } from './vector-ddl.js';

const item = (text: string) => `  - ${text}`;

/**
 * The session parameters set in this session, after the queries (GSQL 101's `ls` after
 * `SET syntax_version="v2"`: docs.tigergraph.com/gsql-ref/3.10/tutorials/gsql-101/parameterized-gsql-query).
 */
function sessionLines(params: ReadonlyMap<string, string>): string[] {
  if (params.size === 0) return [];
  return ['SessionParameters:', ...[...params].map(([k, v]) => item(`${k}: ${v}`)), ''];
}

export function lsText(
  cat: Catalog,
  graph: Graph | undefined,
  params: ReadonlyMap<string, string> = new Map(),
): string {
  const lines: string[] = [];
  if (!graph) {
    lines.push('---- Global vertices, edges, and all graphs');
    lines.push('Vertex Types:');
    for (const t of cat.vertices.values()) lines.push(item(vertexText(t)));
    lines.push('Edge Types:');
    for (const t of cat.edges.values()) if (!t.reverseOf) lines.push(item(edgeText(t)));
    lines.push(...vectorLsLines([...cat.vertices.values()]));
    lines.push('');
    lines.push('Graphs:');
    for (const g of cat.graphs.values()) lines.push(item(graphText(cat, g)));
    lines.push('Jobs:');
    for (const j of cat.globalJobs.values()) lines.push(item(j.text));
    lines.push('');
    lines.push('');
    if (cat.udts.size > 0) {
      lines.push('User defined tuples:');
      for (const u of cat.udts.values()) {
        const fields = u.fields.map((f) => `${f.name} ${f.type}${f.size !== undefined ? `(${f.size})` : ''}`);
        lines.push(item(`${u.name}(${fields.join(', ')})`));
      }
      lines.push('');
    }
    lines.push('JSON API version: v2');
    lines.push('Syntax version: v2');
    return lines.join('\n');
  }
  lines.push(`---- Graph ${graph.name}`);
  lines.push('Vertex Types:');
  for (const t of vertexTypesOf(cat, graph)) lines.push(item(vertexText(t)));
  lines.push('Edge Types:');
  for (const t of edgeTypesOf(cat, graph)) if (!t.reverseOf) lines.push(item(edgeText(t)));
  lines.push(...vectorLsLines(vertexTypesOf(cat, graph)));
  lines.push('');
  lines.push('Graphs:');
  lines.push(item(graphText(cat, graph)));
  lines.push('Jobs:');
  for (const j of graph.jobs.values()) lines.push(item(j.text));
  lines.push(...loadingJobLsItems(graph));
  lines.push('Queries:');
  lines.push(...queryListing(graph));
  lines.push('');
  lines.push(...sessionLines(params));
  return lines.join('\n');
}
