// The PER clause (https://docs.tigergraph.com/gsql-ref/4.2/tutorials/pattern-matching/adv/per-clause):
// `PER (a, …) ACCUM …` runs the ACCUM once per distinct group of those vertex aliases in the match
// table instead of once per row. The graph below gives the docs' own match table of
// `S:s -(E1)- M:m -(E2)- T:t`: (v1,v3,v2), (v1,v4,v2), (v5,v6,v7), (v8,v9,v7) — 4 rows, 2 distinct t,
// 3 distinct (s, t) pairs — and the tests also count those groups by brute force over the rows.
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, gsqlFile, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX S (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE VERTEX M (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE VERTEX T (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE E1 (FROM S, TO M)
CREATE DIRECTED EDGE E2 (FROM M, TO T)
CREATE GRAPH g (*)`;

const VERSIONS = [
  { version: '3.10', gsql: gsqlFile },
  { version: '4.2', gsql: gsqlStatements },
] as const;
type Version = (typeof VERSIONS)[number];

const ROWS = [
  ['v1', 'v3', 'v2'],
  ['v1', 'v4', 'v2'],
  ['v5', 'v6', 'v7'],
  ['v8', 'v9', 'v7'],
] as const;

async function graph(v: Version): Promise<RunningEmulator> {
  const e = await emulator({ version: v.version, gsqlScript: SCHEMA });
  const ids = (i: 0 | 1 | 2) => Object.fromEntries(ROWS.map((r) => [r[i], {}]));
  const e1: Record<string, { E1: { M: Record<string, object> } }> = {};
  const e2: Record<string, { E2: { T: Record<string, object> } }> = {};
  for (const [s, m, t] of ROWS) {
    const from = e1[s] ?? { E1: { M: {} } };
    from.E1.M[m] = {};
    e1[s] = from;
    const mid = e2[m] ?? { E2: { T: {} } };
    mid.E2.T[t] = {};
    e2[m] = mid;
  }
  const body = { vertices: { S: ids(0), M: ids(1), T: ids(2) }, edges: { S: e1, M: e2 } };
  const r = await http(`${e.restppUrl}/graph/g`, { method: 'POST', body: JSON.stringify(body) });
  expect(r.json, r.text).toMatchObject({ error: false });
  return e;
}

async function run(e: RunningEmulator, v: Version, name: string, body: string): Promise<unknown> {
  const made = await v.gsql(
    e,
    `USE GRAPH g\nCREATE QUERY ${name}() FOR GRAPH g {\n${body}\n}\nINSTALL QUERY ${name}`,
  );
  expect(made.text).toContain('Query installation finished');
  const r = await http(`${e.restppUrl}/query/g/${name}`);
  expect(r.json, r.text).toMatchObject({ error: false });
  return (r.json as { results: unknown[] }).results;
}

const distinct = (cols: number[]) => new Set(ROWS.map((r) => cols.map((c) => r[c]).join('|'))).size;

describe.each(VERSIONS)('PER on $version', (v) => {
  test('ACCUM runs per row without PER, per distinct t with PER (t), per (s, t) with PER (s, t)', async () => {
    const e = await graph(v);
    const results = await run(
      e,
      v,
      'counts',
      `SumAccum<INT> @@rows; SumAccum<INT> @@perT; SumAccum<INT> @@perST;
  R = SELECT t FROM S:s -(E1>)- M:m -(E2>)- T:t ACCUM @@rows += 1;
  R = SELECT t FROM S:s -(E1>)- M:m -(E2>)- T:t PER (t) ACCUM @@perT += 1;
  R = SELECT t FROM S:s -(E1>)- M:m -(E2>)- T:t PER (s, t) ACCUM @@perST += 1;
  PRINT @@rows, @@perT, @@perST;`,
    );
    // The docs: @@cnt = 4 per row; 2 distinct path endings; 3 distinct (start, end) pairs.
    expect(results).toEqual([{ '@@rows': 4, '@@perT': 2, '@@perST': 3 }]);
    expect([ROWS.length, distinct([2]), distinct([0, 2])]).toEqual([4, 2, 3]);
  });

  test('a vertex accumulator written under PER (s, t) counts the distinct partners, not the paths', async () => {
    const e = await graph(v);
    const results = await run(
      e,
      v,
      'partners',
      `SumAccum<INT> @paths; SumAccum<INT> @starts;
  R = SELECT t FROM S:s -(E1>)- M:m -(E2>)- T:t ACCUM t.@paths += 1;
  R = SELECT t FROM S:s -(E1>)- M:m -(E2>)- T:t PER (s, t) ACCUM t.@starts += 1 ORDER BY t.id ASC LIMIT 10;
  PRINT R[R.@paths, R.@starts];`,
    );
    const brute = (t: string, cols: number[]) =>
      new Set(ROWS.filter((r) => r[2] === t).map((r) => cols.map((c) => r[c]).join('|'))).size;
    expect(results).toEqual([
      {
        R: ['v2', 'v7'].map((t) => ({
          v_id: t,
          v_type: 'T',
          attributes: { 'R.@paths': brute(t, [0, 1, 2]), 'R.@starts': brute(t, [0]) },
        })),
      },
    ]);
  });

  // The docs' three illegal cases: SELECT, ACCUM or POST-ACCUM naming a vertex alias outside PER.
  test.each([
    [
      'SELECT t',
      'PER (s, m) ACCUM @@cnt += 1',
      'SELECT t, but t is not in the PER clause (line 4, column 14)',
    ],
    [
      'SELECT s',
      'PER (s, m) ACCUM t.@cnt += 1',
      'ACCUM uses t, which is not in the PER clause (line 4, column 66)',
    ],
    [
      'SELECT s',
      'PER (s) ACCUM s.@cnt += 1 POST-ACCUM t.@cnt = 1',
      'POST-ACCUM uses t, which is not in the PER clause (line 4, column 86)',
    ],
  ])('%s … %s is a semantic error', async (select, rest, message) => {
    const e = await graph(v);
    const r = await v.gsql(
      e,
      `USE GRAPH g
CREATE QUERY illegal() FOR GRAPH g {
  SumAccum<INT> @@cnt; SumAccum<INT> @cnt;
  R = ${select} FROM S:s -(E1>)- M:m -(E2>)- T:t ${rest};
}`,
    );
    expect(r.text).toContain(`Semantic Check Fails: ${message}.`);
  });

  test('refuses an alias that is not a vertex alias of the FROM pattern, with its position', async () => {
    const e = await graph(v);
    const r = await v.gsql(
      e,
      `USE GRAPH g
CREATE QUERY bad() FOR GRAPH g {
  SumAccum<INT> @@n;
  R = SELECT t FROM S:s -(E1>:e)- M:m PER (e) ACCUM @@n += 1;
}`,
    );
    expect(r.text).toContain(
      'Semantic Check Fails: PER (e): e is not a vertex alias of the FROM pattern (line 4, column 44).',
    );
  });
});
