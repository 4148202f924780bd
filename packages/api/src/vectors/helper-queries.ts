// The GSQL text of the installed helper queries behind searchVectors and getVectors. TigerGraph
// runs neither `vectorSearch()` nor `PRINT … WITH VECTOR` in interpreted mode (its MCP server,
// tigergraph/tigergraph-mcp, installs a query for both for that reason; TigerGraphX installs
// `api_search_<type>_<attr>` the same way), so each is an installed query whose name carries a
// hash of its text: a changed definition gets a new name, an unchanged one is found and reused.
// Everything that varies per call (the vector, k, ef, candidate ids) is a parameter; what cannot be
// one (the types, the attribute, the filter, WITH VECTOR) is part of the text.

/** What a helper query is for: `search` (vectorSearch) or `get` (PRINT … WITH VECTOR). */
export type HelperPurpose = 'search' | 'get';

/** One helper query: its name and its `CREATE QUERY` text. */
export interface HelperQuery {
  name: string;
  purpose: HelperPurpose;
  graph: string;
  text: string;
}

/** The prefixes of the helper queries' names (`dropVectorQueries` drops every query with one). */
export const HELPER_PREFIXES: Record<HelperPurpose, string> = {
  search: 'tgraph_vsearch_',
  get: 'tgraph_vget_',
};

/** What a search query is made of (names already checked to be GSQL identifiers). */
export interface SearchShape {
  types: readonly string[];
  attribute: string;
  filter?: string | undefined;
  withVectors?: boolean | undefined;
}

/** FNV-1a, 64 bits, of the UTF-8 bytes of `text`, as 13 base-36 digits. */
export function textHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(36).padStart(13, '0');
}

// Every search and read builds its query's text again; hashing it (BigInt steps per byte) costs
// tens of µs, so the few texts an application uses keep their hash.
const hashes = new Map<string, string>();
function cachedHash(text: string): string {
  let hash = hashes.get(text);
  if (hash === undefined) {
    if (hashes.size >= 256) hashes.clear();
    hash = textHash(text);
    hashes.set(text, hash);
  }
  return hash;
}

function helper(
  purpose: HelperPurpose,
  graph: string,
  signature: string,
  body: string[],
  syntax = '',
): HelperQuery {
  const header = `(${signature}) FOR GRAPH ${graph}${syntax === '' ? '' : ` SYNTAX ${syntax}`}`;
  const rest = `${header} {\n${body.map((l) => `  ${l}`).join('\n')}\n}`;
  const name = `${HELPER_PREFIXES[purpose]}${cachedHash(rest)}`;
  return { name, purpose, graph, text: `CREATE QUERY ${name}${rest}` };
}

/** `R = vectorSearch(…)` with and without `ef` (applied only when the caller gives one, ef > 0). */
function searchCall(shape: SearchShape, candidates: boolean): string[] {
  const targets = shape.types.map((t) => `${t}.${shape.attribute}`).join(', ');
  const call = (ef: boolean) => {
    const params = ['distance_map: @@distances'];
    if (ef) params.push('ef: ef');
    if (candidates) params.push('candidate_set: C');
    return `  R = vectorSearch({${targets}}, query_vector, k, {${params.join(', ')}});`;
  };
  return ['IF ef > 0 THEN', call(true), 'ELSE', call(false), 'END;'];
}

/**
 * The search query: parameters `query_vector` (LIST<FLOAT>), `k`, `ef` (0: the server's default)
 * and, for one type, `ids` (SET<STRING>; empty: every vertex is a candidate; unknown ids are skipped
 * by `to_vertex_set`, where a VERTEX parameter would fail the request). A filter narrows the
 * candidates with a SELECT; it is text, so each filter is a query of its own.
 */
export function searchQuery(graph: string, shape: SearchShape): HelperQuery {
  const one = shape.types.length === 1;
  const all = `{${shape.types.map((t) => `${t}.*`).join(', ')}}`;
  const fromIds = one ? `to_vertex_set(ids, "${shape.types[0]}")` : '';
  const body = ['MapAccum<VERTEX, FLOAT> @@distances;'];
  if (shape.filter !== undefined) {
    body.push(
      ...(one ? ['IF ids.size() > 0 THEN', `  C = ${fromIds};`, 'ELSE', `  C = ${all};`, 'END;'] : []),
      ...(one ? [] : [`C = ${all};`]),
      `C = SELECT v FROM (v:C) WHERE ${shape.filter};`,
      ...searchCall(shape, true),
    );
  } else if (one) {
    const indent = (lines: string[]) => lines.map((l) => `  ${l}`);
    body.push(
      'IF ids.size() > 0 THEN',
      `  C = ${fromIds};`,
      ...indent(searchCall(shape, true)),
      'ELSE',
      ...indent(searchCall(shape, false)),
      'END;',
    );
  } else {
    body.push(...searchCall(shape, false));
  }
  body.push(`PRINT R${shape.withVectors === true ? ' WITH VECTOR' : ''};`, 'PRINT @@distances;');
  const signature = `LIST<FLOAT> query_vector, INT k, INT ef = 0${one ? ', SET<STRING> ids' : ''}`;
  // SYNTAX v3, as every vectorSearch query TigerGraph publishes is written (the vector tutorial,
  // tigergraph-mcp, TigerGraphX).
  return helper('search', graph, signature, body, 'v3');
}

/** The read query: the vertices of `type` among `ids`, printed with their vectors. */
export function getQuery(graph: string, type: string): HelperQuery {
  return helper('get', graph, 'SET<STRING> ids', [
    `S = to_vertex_set(ids, "${type}");`,
    'PRINT S WITH VECTOR;',
  ]);
}
