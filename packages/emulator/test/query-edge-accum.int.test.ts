// Accumulators attached to edges (`OrAccum EDGE @visited`) and FOREACH over RANGE[a, b].STEP(s).
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX A (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE T (FROM A, TO A) WITH REVERSE_EDGE="T_rev"
CREATE UNDIRECTED EDGE U (FROM A, TO A)
CREATE GRAPH g (*)`;

let e: RunningEmulator;
beforeAll(async () => {
  e = await emulator({ gsqlScript: SCHEMA });
  const vertices = { A: { x: {}, y: {}, z: {} } };
  const edges = { A: { x: { T: { A: { y: {}, z: {} } }, U: { A: { y: {} } } }, y: { T: { A: { z: {} } } } } };
  await http(`${e.restppUrl}/graph/g`, { method: 'POST', body: JSON.stringify({ vertices, edges }) });
});

async function interpret(body: string): Promise<{ error: boolean; message: string; results: unknown[] }> {
  const r = await http(`${e.gsUrl}/gsql/v1/queries/interpret`, {
    method: 'POST',
    headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
    body: `INTERPRET QUERY () FOR GRAPH g SYNTAX v3 {\n${body}\n}`,
  });
  return r.json as { error: boolean; message: string; results: unknown[] };
}

describe('EDGE accumulators', () => {
  test('one value per edge, kept across blocks, not printed with vertices', async () => {
    const r = await interpret(
      'OrAccum EDGE @seen; SumAccum<INT> EDGE @n; S = SELECT b FROM (a:A {id: "x"})-[e:T]->(b) ACCUM e.@seen += TRUE, e.@n += 2; S = SELECT b FROM (a:A)-[e:T]->(b) WHERE NOT e.@seen; PRINT S; T2 = SELECT b FROM (a:A)-[e:T]->(b) WHERE e.@n == 2; PRINT T2.size() AS marked;',
    );
    expect(r.error, r.message).toBe(false);
    expect(r.results).toEqual([{ S: [{ v_id: 'z', v_type: 'A', attributes: { id: 'z' } }] }, { marked: 2 }]);
  });

  test('an undirected edge is one holder whichever end it is reached from', async () => {
    const r = await interpret(
      'SumAccum<INT> EDGE @n; S = SELECT b FROM (a:A)~[e:U]~(b) ACCUM e.@n += 1; S = SELECT a FROM (a:A {id: "x"})~[e:U]~(b) WHERE e.@n == 2; PRINT S.size() AS n;',
    );
    expect(r.results).toEqual([{ n: 1 }]);
  });

  test('an EDGE accumulator on a vertex is a run-time error; a global one is refused', async () => {
    const r = await interpret('SumAccum<INT> EDGE @n; S = SELECT a FROM (a:A) ACCUM a.@n += 1;');
    expect(r).toMatchObject({ error: true, message: 'Runtime Error: @n needs an edge.' });
    const g = await gsqlStatements(e, 'USE GRAPH g\nCREATE QUERY q() {\n  SumAccum<INT> EDGE @@n;\n}');
    expect(g.text).toContain('A global EDGE accumulator is outside the GSQL subset');
  });
});

describe('FOREACH … IN RANGE[a, b].STEP(s)', () => {
  test('steps up and down', async () => {
    const r = await interpret(
      'ListAccum<INT> @@up; ListAccum<INT> @@down; FOREACH k IN RANGE[-1, 4].STEP(2) DO @@up += k; END; FOREACH k IN RANGE[3, 0].STEP(-2) DO @@down += k; END; PRINT @@up, @@down;',
    );
    expect(r.results).toEqual([{ '@@up': [-1, 1, 3], '@@down': [3, 1] }]);
  });
});
