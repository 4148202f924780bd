// The shell's 1-block SELECT (`SELECT s FROM (s:T) …`, `LET … IN SELECT …`, one line or BEGIN…END):
// run at once, printed as Result_Vertex_Set then the LET block's global accumulators.
import { describe, expect, test } from 'vitest';
import { emulator, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX A (PRIMARY_ID id STRING, n INT) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE T (FROM A, TO A) WITH REVERSE_EDGE="T_rev"
CREATE GRAPH g (*)`;

async function setup() {
  const e = await emulator({ gsqlScript: SCHEMA });
  const vertices = { A: { x: { n: { value: 1 } }, y: { n: { value: 2 } }, z: { n: { value: 3 } } } };
  const edges = { A: { x: { T: { A: { y: {}, z: {} } } } } };
  await http(`${e.restppUrl}/graph/g`, { method: 'POST', body: JSON.stringify({ vertices, edges }) });
  return e;
}

const results = (text: string) => {
  const out: unknown[] = [];
  for (const chunk of text.split(/\n(?=\{)/).filter((c) => c.startsWith('{')))
    out.push((JSON.parse(chunk) as { results: unknown }).results);
  return out;
};

describe('1-block SELECT', () => {
  test('one line, with a node WHERE, and LET … IN with a global accumulator', async () => {
    const e = await setup();
    const r = await gsqlStatements(
      e,
      'USE GRAPH g\nSELECT s FROM (s:A WHERE s.n > 1)\nBEGIN\nLET\n  SumAccum<INT> @@cnt;\n  INT k = 2;\nIN\n  SELECT t FROM (s:A {id: "x"})-[e:T]->(t:A)\n  WHERE t.n >= k\n  ACCUM @@cnt += 1;\nEND',
    );
    const [first, second] = results(r.text) as Record<string, unknown>[][];
    const ids = (x: unknown) => (x as { v_id: string }[]).map((v) => v.v_id).sort();
    expect(ids(first?.[0]?.['Result_Vertex_Set'])).toEqual(['y', 'z']);
    expect(ids(second?.[0]?.['Result_Vertex_Set'])).toEqual(['y', 'z']);
    expect(second?.[1]).toEqual({ '@@cnt': 2 });
  });

  test('ORDER BY … LIMIT k OFFSET j skips j, then keeps k; LIMIT j, k is refused', async () => {
    const e = await setup();
    const r = await gsqlStatements(e, 'USE GRAPH g\nSELECT s FROM (s:A) ORDER BY s.n DESC LIMIT 1 OFFSET 1');
    const [rows] = results(r.text) as Record<string, unknown>[][];
    expect(((rows?.[0]?.['Result_Vertex_Set'] ?? []) as { v_id: string }[]).map((v) => v.v_id)).toEqual([
      'y',
    ]);
    const comma = await gsqlStatements(e, 'USE GRAPH g\nSELECT s FROM (s:A) LIMIT 1, 1');
    expect(comma.text).toContain('LIMIT j, k (write LIMIT k OFFSET j) is outside the GSQL subset');
  });

  test('a table output is refused with its position', async () => {
    const e = await setup();
    const r = await gsqlStatements(e, 'USE GRAPH g\nSELECT s, t FROM (s:A)-[e:T]->(t)');
    expect(r.text).toContain(
      'Semantic Check Fails: Tabular SELECT … INTO a table is outside the GSQL subset the emulator supports (line 2, column 9).',
    );
    const edge = await gsqlStatements(e, 'USE GRAPH g\nSELECT e FROM (s:A)-[e:T]->(t)');
    expect(edge.text).toContain(
      'SELECT of an edge alias (a table output) is outside the GSQL subset the emulator supports (line 2, column 8).',
    );
    const count = await gsqlStatements(e, 'USE GRAPH g\nSELECT count(s) FROM (s:A)');
    expect(count.text).toContain(
      'Tabular SELECT … INTO a table is outside the GSQL subset the emulator supports (line 2, column 13).',
    );
  });
});
