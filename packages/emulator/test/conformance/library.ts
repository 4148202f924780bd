// Runs library queries on an emulator holding the test shapes: one vertex type and one edge type per
// shape (V_<shape>, E_<shape>; directed shapes also have the reverse edge R_<shape>), in graph Algo,
// so each query is installed once and run per shape through RESTPP.
import { expect } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { emulator, gsqlStatements, http } from '../helpers.js';
import type { Shape } from './shapes.js';
import { libraryQuery } from './vendor.js';

export const GRAPH = 'Algo';

export const vType = (s: Shape) => `V_${s.name}`;
export const eType = (s: Shape) => `E_${s.name}`;
export const rType = (s: Shape) => `R_${s.name}`;

function ddl(shapes: Shape[]): string {
  const lines: string[] = [];
  for (const s of shapes) {
    // cid: where tg_louvain writes its communities, emb: where tg_fastRP writes its embeddings
    // (result_attribute).
    lines.push(
      `CREATE VERTEX ${vType(s)} (PRIMARY_ID id STRING, cid INT, emb LIST<DOUBLE>) WITH primary_id_as_attribute="true"`,
    );
    lines.push(
      s.directed
        ? `CREATE DIRECTED EDGE ${eType(s)} (FROM ${vType(s)}, TO ${vType(s)}, weight FLOAT) WITH REVERSE_EDGE="${rType(s)}"`
        : `CREATE UNDIRECTED EDGE ${eType(s)} (FROM ${vType(s)}, TO ${vType(s)}, weight FLOAT)`,
    );
  }
  lines.push(`CREATE GRAPH ${GRAPH} (*)`);
  return lines.join('\n');
}

function upsertBody(s: Shape): unknown {
  const vertices: Record<string, Record<string, object>> = { [vType(s)]: {} };
  for (let i = 0; i < s.n; i++) (vertices[vType(s)] as Record<string, object>)[String(i)] = {};
  const edges: Record<string, Record<string, Record<string, Record<string, Record<string, object>>>>> = {
    [vType(s)]: {},
  };
  const from = edges[vType(s)] as Record<string, Record<string, Record<string, Record<string, object>>>>;
  for (const [a, b, weight] of s.edges) {
    from[String(a)] ??= { [eType(s)]: { [vType(s)]: {} } };
    const to = (from[String(a)] as Record<string, Record<string, Record<string, object>>>)[
      eType(s)
    ] as Record<string, Record<string, object>>;
    (to[vType(s)] as Record<string, object>)[String(b)] = { weight: { value: weight } };
  }
  return { vertices, edges };
}

/** An emulator with the shapes loaded and the named library queries installed. */
export async function algoEmulator(shapes: Shape[], queries: string[]): Promise<RunningEmulator> {
  const e = await emulator();
  const made = await gsqlStatements(e, ddl(shapes));
  expect(made.text).toContain(`The graph ${GRAPH} is created`);
  for (const s of shapes) {
    const r = await http(`${e.restppUrl}/graph/${GRAPH}`, {
      method: 'POST',
      body: JSON.stringify(upsertBody(s)),
    });
    expect(r.json).toMatchObject({
      error: false,
      results: [{ accepted_vertices: s.n, accepted_edges: s.edges.length }],
    });
  }
  for (const q of queries) await install(e, q);
  return e;
}

/** CREATE and INSTALL the library query of one file (tg_<name>.gsql); fails with GSQL's own output when either is refused. */
export async function install(e: RunningEmulator, file: string): Promise<void> {
  const { name, text } = libraryQuery(file);
  const r = await gsqlStatements(e, `USE GRAPH ${GRAPH}\n${text}\nINSTALL QUERY ${name}`);
  if (
    !r.text.includes(`Successfully created queries: [${name}]`) ||
    !r.text.includes('Query installation finished')
  ) {
    throw new Error(`${name} was refused:\n${r.text}`);
  }
}

export type Param = string | number | boolean | (string | number)[];

/** Runs an installed query through RESTPP's GET encoding; returns the PRINT results. */
export async function runQuery(
  e: RunningEmulator,
  name: string,
  params: Record<string, Param>,
): Promise<Record<string, unknown>[]> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const x of Array.isArray(v) ? v : [v]) qs.append(k, String(x));
  }
  const r = await http(`${e.restppUrl}/query/${GRAPH}/${name}?${qs}`);
  const body = r.json as
    | { error?: boolean; message?: string; results?: Record<string, unknown>[] }
    | undefined;
  if (r.status !== 200 || body?.error !== false || body.results === undefined) {
    throw new Error(`${name}(${qs}) failed: ${r.status} ${r.text.slice(0, 2000)}`);
  }
  return body.results;
}

/** Every vertex's value of one attribute, read through RESTPP. */
export async function attributeOf(e: RunningEmulator, s: Shape, attr: string): Promise<Map<string, unknown>> {
  const r = await http(`${e.restppUrl}/graph/${GRAPH}/vertices/${vType(s)}?select=${attr}`);
  const body = r.json as { results: { v_id: string; attributes: Record<string, unknown> }[] };
  return new Map(body.results.map((v) => [v.v_id, v.attributes[attr]]));
}

/** The parameters of queries taking type sets (v_type_set, e_type_set). */
export const typeSetParams = (s: Shape) => ({ v_type_set: vType(s), e_type_set: eType(s) });

/** The reverse edge type to give for a shape: the reverse type when directed, else the type itself. */
export const reverseOf = (s: Shape) => (s.directed ? rType(s) : eType(s));

/** The common parameters of the library queries for one shape. */
export const typeParams = (s: Shape) => ({ v_type: vType(s), e_type: eType(s) });
