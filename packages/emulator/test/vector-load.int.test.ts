// Loading vectors (TigerGraph 4.2): `LOAD f TO VECTOR ATTRIBUTE emb ON VERTEX T VALUES ($0,
// SPLIT($n, ","))` next to the vertex LOAD of the same file, posted to RESTPP's /ddl as the
// tutorial's "Run Loading Job Remotely" does; then the gds.vector functions and exact top-k in
// queries, each value checked against plain arithmetic done here.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlStatements, http, installAndRun } from './helpers.js';

const SCHEMA = `
CREATE VERTEX Account (name STRING PRIMARY KEY, isBlocked BOOL)
CREATE DIRECTED EDGE transfer (FROM Account, TO Account, amount UINT)
CREATE GLOBAL SCHEMA_CHANGE JOB v { ALTER VERTEX Account ADD VECTOR ATTRIBUTE emb1(DIMENSION=3); }
RUN GLOBAL SCHEMA_CHANGE JOB v
CREATE GRAPH fin (*)
USE GRAPH fin
CREATE LOADING JOB load_emb {
  DEFINE FILENAME file1;
  LOAD file1 TO VERTEX Account VALUES ($1, $2) USING SEPARATOR="|";
  LOAD file1 TO VECTOR ATTRIBUTE emb1 ON VERTEX Account VALUES ($1, SPLIT($3, ",")) USING SEPARATOR="|", HEADER="false";
}
`;

// "1|Scott|n|-0.0177…, -0.0101…, -0.0165…" is the tutorial's typical embedding line (BOOL as true/false here).
const ROWS: [string, boolean, number[]][] = [
  ['Scott', false, [-0.017733968794345856, -0.01019224338233471, -0.016571875661611557]],
  ['Jenny', false, [-0.019265105947852135, 0.0004929182468913496, 0.006711316294968128]],
  ['Steven', true, [-0.01505514420568943, -0.016819344833493233, -0.0221870020031929]],
  ['Paul', false, [0.0011193430982530117, -0.001038988004438579, -0.017158523201942444]],
  ['Ed', false, [-0.003692442551255226, 0.010494389571249485, -0.004631792660802603]],
];
const TRANSFERS: [string, string][] = [
  ['Scott', 'Ed'],
  ['Jenny', 'Scott'],
  ['Paul', 'Jenny'],
  ['Steven', 'Jenny'],
  ['Ed', 'Paul'],
  ['Paul', 'Steven'],
];
const emb = new Map(ROWS.map(([n, , v]) => [n, v]));
const Q = ROWS[0]?.[2] ?? [];

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));
const cosine = (a: number[], b: number[]) => 1 - dot(a, b) / (norm(a) * norm(b));
const l2 = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, x, i) => s + (x - (b[i] as number)) ** 2, 0));

let e: RunningEmulator;
let loadReply: unknown;
beforeAll(async () => {
  e = await emulator({ version: '4.2' });
  expect((await gsqlStatements(e, SCHEMA)).text).toContain('Successfully created loading jobs: [load_emb].');
  const lines = ROWS.map(([n, b, v], i) => `${i + 1}|${n}|${b}|${v.join(', ')}`);
  lines.push('6|Bad|false|0.1, 0.2'); // two elements for a 3-dimension vector
  lines.push('7|Worse|false|0.1, x, 0.3'); // not a number
  loadReply = (
    await http(`${e.restppUrl}/ddl/fin?tag=load_emb&filename=file1&sep=%7C`, {
      method: 'POST',
      body: `${lines.join('\n')}\n`,
    })
  ).json;
  const edges = Object.fromEntries(
    ROWS.map(([n]) => [
      n,
      {
        transfer: {
          Account: Object.fromEntries(
            TRANSFERS.filter(([s]) => s === n).map(([, t]) => [t, { amount: { value: 1 } }]),
          ),
        },
      },
    ]),
  );
  await http(`${e.restppUrl}/graph/fin`, {
    method: 'POST',
    body: JSON.stringify({ edges: { Account: edges } }),
  });
});

/** Created and installed: PRINT … WITH VECTOR, vectorSearch() and ORDER BY do not run interpreted. */
async function installed(body: string): Promise<Record<string, unknown>[]> {
  const r = await installAndRun(e, 'fin', '', body);
  expect(r.json, r.text).toMatchObject({ error: false });
  return (r.json as { results: Record<string, unknown>[] }).results;
}

const qv = `[${Q.join(', ')}]`;

describe('LOAD … TO VECTOR ATTRIBUTE', () => {
  test('good lines load the vector; a wrong element count or a non-number is an invalid attribute', async () => {
    const stats = (loadReply as { results: { statistics: { parsingStatistics: Record<string, unknown> } }[] })
      .results[0]?.statistics.parsingStatistics;
    const account = (
      (stats?.['objectLevel'] ?? { vertex: [] }) as { vertex: Record<string, unknown>[] }
    ).vertex.find((v) => v['typeName'] === 'Account');
    expect(account).toMatchObject({
      typeName: 'Account',
      validObject: ROWS.length + 2,
      invalidAttribute: 2,
    });
    const [r] = await installed('S = {Account.*}; PRINT S WITH VECTOR;');
    const printed = r?.['S'] as {
      v_id: string;
      attributes: Record<string, unknown>;
      Embeddings: { emb1: number[] };
    }[];
    for (const [n, b, v] of ROWS) {
      const p = printed.find((x) => x.v_id === n);
      expect(p?.attributes).toEqual({ name: n, isBlocked: b });
      expect(p?.Embeddings.emb1).toEqual(v.map((x) => Number(Math.fround(x).toPrecision(7))));
    }
    // The vertex part of the bad lines loaded; their vectors did not.
    expect(printed.find((x) => x.v_id === 'Bad')?.Embeddings.emb1).toEqual([]);
  });

  test('a LOAD naming an unknown vector attribute fails at CREATE', async () => {
    const r = await gsqlStatements(
      e,
      'USE GRAPH fin\nCREATE LOADING JOB bad { DEFINE FILENAME f; LOAD f TO VECTOR ATTRIBUTE nope ON VERTEX Account VALUES ($0, SPLIT($1, ",")); }',
    );
    expect(r.text).toContain('the vector attribute nope does not exist in vertex type Account.');
  });
});

describe('gds.vector functions', () => {
  test('each function against plain arithmetic', async () => {
    const a = emb.get('Jenny') ?? [];
    const [r] = await installed(
      `ListAccum<DOUBLE> @@a; ListAccum<DOUBLE> @@b = ${qv};
       S = SELECT s FROM Account:s WHERE s.name == "Jenny" POST-ACCUM @@a += s.emb1;
       PRINT gds.vector.cosine_distance(@@a, @@b) AS cos, gds.vector.l2_distance(@@a, @@b) AS l2,
             gds.vector.ip_distance(@@a, @@b) AS ip, gds.vector.distance(@@a, @@b, "COSINE") AS dcos,
             gds.vector.distance(@@a, @@b, "l2") AS dl2, gds.vector.distance(@@a, @@b, "ip") AS dip,
             gds.vector.norm(@@a, "L2") AS norm, gds.vector.dimension_count(@@a) AS dim,
             gds.vector.elements_sum(@@a) AS total, gds.vector.kth_element(@@a, 1) AS second;`,
    );
    const near = (x: unknown, y: number) =>
      expect(Math.abs((x as number) - y)).toBeLessThan(1e-6 * Math.max(1, Math.abs(y)));
    near(r?.['cos'], cosine(a, Q));
    near(r?.['dcos'], cosine(a, Q));
    near(r?.['l2'], l2(a, Q));
    near(r?.['dl2'], l2(a, Q));
    near(r?.['ip'], dot(a, Q));
    near(r?.['dip'], dot(a, Q));
    near(r?.['norm'], norm(a));
    expect(r?.['dim']).toBe(3);
    near(
      r?.['total'],
      a.reduce((s, x) => s + x, 0),
    );
    near(r?.['second'], a[1] as number);
  });

  test('a bad metric or vectors of different dimensions are runtime errors saying so', async () => {
    const run = (body: string) =>
      http(`${e.gsUrl}/gsql/v1/queries/interpret`, {
        method: 'POST',
        headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
        body: `INTERPRET QUERY () FOR GRAPH fin { ${body} }`,
      });
    const metric = await run('PRINT gds.vector.distance([1.0, 2.0], [1.0, 2.0], "manhattan") AS d;');
    expect((metric.json as { message: string }).message).toContain(
      'takes the metric "cosine", "l2" or "ip", not "manhattan"',
    );
    const dims = await run('PRINT gds.vector.cosine_distance([1.0, 2.0], [1.0, 2.0, 3.0]) AS d;');
    expect((dims.json as { message: string }).message).toContain(
      'needs two vectors of the same dimension, got 2 and 3',
    );
  });

  test('exact top-k: ORDER BY gds.vector.cosine_distance … ASC LIMIT 3 over a pattern', async () => {
    const [r] = await installed(
      `ListAccum<FLOAT> @@q = ${qv};
       A = {Account.*};
       C = SELECT b FROM A:a -(transfer>)- Account:b ORDER BY gds.vector.cosine_distance(b.emb1, @@q) ASC LIMIT 3;
       PRINT C;`,
    );
    const targets = [...new Set(TRANSFERS.map(([, t]) => t))];
    const want = targets
      .map((t) => ({ t, d: cosine(emb.get(t) ?? [], Q) }))
      .sort((x, y) => x.d - y.d)
      .slice(0, 3)
      .map((x) => x.t);
    expect(((r?.['C'] ?? []) as { v_id: string }[]).map((x) => x.v_id)).toEqual(want);
  });

  test('a HeapAccum of (s, t, distance) keeps the most similar transfer pairs', async () => {
    const [r] = await installed(
      `TYPEDEF TUPLE <VERTEX s, VERTEX t, FLOAT distance> pair;
       HeapAccum<pair>(2, distance ASC) @@result;
       A = {Account.*};
       V = SELECT b FROM A:a -(transfer>)- Account:b ACCUM @@result += pair(a, b, gds.vector.distance(a.emb1, b.emb1, "COSINE"));
       PRINT @@result;`,
    );
    const want = TRANSFERS.map(([s, t]) => ({ s, t, d: cosine(emb.get(s) ?? [], emb.get(t) ?? []) }))
      .sort((x, y) => x.d - y.d)
      .slice(0, 2);
    const got = r?.['@@result'] as { s: string; t: string; distance: number }[];
    expect(got.map((x) => [x.s, x.t])).toEqual(want.map((x) => [x.s, x.t]));
    got.forEach((x, i) => {
      expect(Math.abs(x.distance - (want[i]?.d as number))).toBeLessThan(1e-6);
    });
  });

  test('a vectorSearch() result drives the next SELECT', async () => {
    const [, v] = await installed(
      `ListAccum<FLOAT> @@q = ${qv};
       R = vectorSearch({Account.emb1}, @@q, 2);
       PRINT R;
       V = SELECT t FROM R:s -(transfer>)- Account:t;
       PRINT V;`,
    );
    const top = ROWS.map(([n, , x]) => ({ n, d: cosine(x, Q) }))
      .sort((x, y) => x.d - y.d)
      .slice(0, 2)
      .map((x) => x.n);
    const want = [...new Set(TRANSFERS.filter(([s]) => top.includes(s)).map(([, t]) => t))].sort();
    expect(((v?.['V'] ?? []) as { v_id: string }[]).map((x) => x.v_id).sort()).toEqual(want);
  });
});
