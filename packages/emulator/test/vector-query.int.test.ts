// vectorSearch() and PRINT … WITH VECTOR in installed queries (TigerGraph 4.2; interpreted mode refuses
// both, see interpreted-limits.int.test.ts), over
// seeded random vectors: every answer is checked against a brute-force search computed here with
// plain arithmetic, for the three metrics, candidate sets, several vertex types and k.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, gsqlStatements, http, installAndRun } from './helpers.js';

const DIM = 4;
const SCHEMA = `
CREATE VERTEX Item (id STRING PRIMARY KEY, label STRING)
CREATE VERTEX Doc (id STRING PRIMARY KEY)
CREATE GLOBAL SCHEMA_CHANGE JOB vecs {
  ALTER VERTEX Item ADD VECTOR ATTRIBUTE cos(DIMENSION=${DIM});
  ALTER VERTEX Item ADD VECTOR ATTRIBUTE l2(DIMENSION=${DIM}, METRIC="L2");
  ALTER VERTEX Item ADD VECTOR ATTRIBUTE ip(DIMENSION=${DIM}, METRIC="IP");
  ALTER VERTEX Doc ADD VECTOR ATTRIBUTE cos(DIMENSION=${DIM});
}
RUN GLOBAL SCHEMA_CHANGE JOB vecs
CREATE GRAPH vg (*)
`;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = rng(42);
const vec = () => Array.from({ length: DIM }, () => Math.fround(rand() * 2 - 1));
const items = Array.from({ length: 30 }, (_, i) => ({ id: `i${i}`, cos: vec(), l2: vec(), ip: vec() }));
const docs = Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, cos: vec() }));
const query = vec();

// Independent distances (the emulator's conventions, documented in its README).
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));
const DIST = {
  cos: (a: number[], b: number[]) => 1 - dot(a, b) / (norm(a) * norm(b)),
  l2: (a: number[], b: number[]) => a.reduce((s, x, i) => s + (x - (b[i] as number)) ** 2, 0),
  ip: (a: number[], b: number[]) => 1 - dot(a, b),
};

function bruteForce(
  rows: { id: string; vec: number[] }[],
  metric: keyof typeof DIST,
  k: number,
): { id: string; d: number }[] {
  return rows
    .map((r) => ({ id: r.id, d: DIST[metric](r.vec, query) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k);
}

let e: RunningEmulator;
beforeAll(async () => {
  e = await emulator({ version: '4.2' });
  expect((await gsqlStatements(e, SCHEMA)).text).toContain('Global schema change succeeded.');
  const vertices = {
    Item: Object.fromEntries(
      items.map((x) => [
        x.id,
        { label: { value: `L${x.id}` }, cos: { value: x.cos }, l2: { value: x.l2 }, ip: { value: x.ip } },
      ]),
    ),
    Doc: Object.fromEntries(docs.map((x) => [x.id, { cos: { value: x.cos } }])),
  };
  const r = await http(`${e.restppUrl}/graph/vg`, { method: 'POST', body: JSON.stringify({ vertices }) });
  expect(r.json).toMatchObject({ results: [{ accepted_vertices: 40 }] });
});

type Printed = {
  v_id: string;
  v_type: string;
  attributes: Record<string, unknown>;
  Embeddings?: Record<string, number[]>;
};

/** vectorSearch() and PRINT … WITH VECTOR do not run interpreted (TigerGraph's MCP server installs them). */
async function installed(body: string): Promise<Record<string, unknown>[]> {
  const r = await installAndRun(e, 'vg', '', body);
  expect(r.json, r.text).toMatchObject({ error: false });
  return (r.json as { results: Record<string, unknown>[] }).results;
}

const qv = `[${query.join(', ')}]`;

function expectTopK(
  printed: Printed[],
  distances: Record<string, number>,
  want: { id: string; d: number }[],
): void {
  expect(printed.map((p) => p.v_id).sort()).toEqual(want.map((w) => w.id).sort());
  expect(Object.keys(distances).sort()).toEqual(want.map((w) => w.id).sort());
  for (const w of want) expect(Math.abs((distances[w.id] as number) - w.d)).toBeLessThan(1e-5);
}

describe('vectorSearch() against brute force', () => {
  test.each([
    ['cos', 5],
    ['l2', 7],
    ['ip', 3],
  ] as const)('Item.%s, k=%i (installed)', async (metric, k) => {
    const [v, d] = await installed(
      `ListAccum<FLOAT> @@q = ${qv}; MapAccum<VERTEX, FLOAT> @@d;
       R = vectorSearch({Item.${metric}}, @@q, ${k}, {distance_map: @@d, ef: 40});
       PRINT R; PRINT @@d;`,
    );
    const want = bruteForce(
      items.map((x) => ({ id: x.id, vec: x[metric] })),
      metric,
      k,
    );
    expectTopK(v?.['R'] as Printed[], d?.['@@d'] as Record<string, number>, want);
  });

  test('installed with LIST<FLOAT> and INT parameters, called over RESTPP with a JSON body', async () => {
    const create = await gsqlStatements(
      e,
      `USE GRAPH vg
CREATE QUERY knn (LIST<FLOAT> query_vector, INT k) {
  MapAccum<VERTEX, FLOAT> @@distances;
  v = vectorSearch({Item.cos, Doc.cos}, query_vector, k, {distance_map: @@distances});
  PRINT v WITH VECTOR;
  PRINT @@distances;
}
INSTALL QUERY knn`,
    );
    expect(create.text).toContain('Query installation finished.');
    const r = await http(`${e.restppUrl}/query/vg/knn`, {
      method: 'POST',
      body: JSON.stringify({ query_vector: query, k: 8 }),
    });
    expect(r.json, r.text).toMatchObject({ error: false });
    const [v, d] = (r.json as { results: Record<string, unknown>[] }).results;
    // The same call as pyTigerGraph's runInstalledQuery makes it: the list repeated in the query string.
    const viaGet = await http(
      `${e.restppUrl}/query/vg/knn?${query.map((x) => `query_vector=${x}`).join('&')}&k=8`,
    );
    expect((viaGet.json as { results: unknown }).results).toEqual([v, d]);
    const want = bruteForce(
      [...items.map((x) => ({ id: x.id, vec: x.cos })), ...docs.map((x) => ({ id: x.id, vec: x.cos }))],
      'cos',
      8,
    );
    const printed = v?.['v'] as Printed[];
    expectTopK(printed, d?.['@@distances'] as Record<string, number>, want);
    // PRINT … WITH VECTOR: "Embeddings" after "attributes", the stored FLOAT values.
    for (const p of printed) {
      expect(Object.keys(p)).toEqual(['v_id', 'v_type', 'attributes', 'Embeddings']);
      const src =
        p.v_type === 'Item' ? items.find((x) => x.id === p.v_id) : docs.find((x) => x.id === p.v_id);
      const names = p.v_type === 'Item' ? ['cos', 'l2', 'ip'] : ['cos'];
      expect(Object.keys(p.Embeddings ?? {})).toEqual(names);
      (p.Embeddings?.['cos'] ?? []).forEach((x, i) => {
        expect(x).toBeCloseTo(src?.cos[i] as number, 6);
      });
    }
  });

  test('candidate_set restricts the search; plain PRINT leaves vectors out', async () => {
    const [v, d] = await installed(
      `ListAccum<FLOAT> @@q = ${qv}; MapAccum<VERTEX, FLOAT> @@d;
       C = SELECT s FROM Item:s WHERE s.label < "Li2";
       R = vectorSearch({Item.l2}, @@q, 4, {candidate_set: C, distance_map: @@d});
       PRINT R; PRINT @@d;`,
    );
    const allowed = items.filter((x) => `L${x.id}` < 'Li2');
    const want = bruteForce(
      allowed.map((x) => ({ id: x.id, vec: x.l2 })),
      'l2',
      4,
    );
    const printed = v?.['R'] as Printed[];
    expectTopK(printed, d?.['@@d'] as Record<string, number>, want);
    expect(printed[0]).not.toHaveProperty('Embeddings');
  });

  test('a vector attribute reads as a LIST<FLOAT>, e.g. into a ListAccum used as the query vector', async () => {
    const [v] = await installed(
      `ListAccum<FLOAT> @@q; MapAccum<VERTEX, FLOAT> @@d;
       S = SELECT s FROM Item:s WHERE s.id == "i3" POST-ACCUM @@q += s.cos;
       R = vectorSearch({Item.cos}, @@q, 1, {distance_map: @@d});
       PRINT @@q, @@d;`,
    );
    const want = items[3]?.cos ?? [];
    const got = (v?.['@@q'] ?? []) as number[];
    expect(got).toHaveLength(want.length);
    got.forEach((x, i) => {
      expect(x).toBeCloseTo(want[i] as number, 6);
    });
    // Its own vector at distance 0, up to single precision (1 − â·â of a normalized FLOAT vector).
    expect(Object.keys(v?.['@@d'] ?? {})).toEqual(['i3']);
    expect(Math.abs(((v?.['@@d'] ?? {}) as { i3: number }).i3)).toBeLessThan(1e-6);
  });
});

describe('vector attributes written by a query', () => {
  test('v.vec = list in POST-ACCUM sets the vector (searchable at once), marks a rebuild; a wrong length is an error', async () => {
    const fresh = [0.5, -0.25, 0.125, 1];
    const [, d] = await installed(
      `ListAccum<FLOAT> @@q = [${fresh.join(', ')}]; MapAccum<VERTEX, FLOAT> @@d;
       S = SELECT s FROM Doc:s WHERE s.id == "d0" POST-ACCUM s.cos = [${fresh.join(', ')}];
       PRINT S WITH VECTOR;
       R = vectorSearch({Doc.cos}, @@q, 1, {distance_map: @@d});
       PRINT @@d;`,
    );
    expect(Object.keys(d?.['@@d'] ?? {})).toEqual(['d0']);
    const status = await http(`${e.restppUrl}/vector/status/vg/Doc/cos`);
    expect(status.json).toMatchObject({ results: { NeedRebuildServers: ['GPE_1#1'] } });
    const bad = await installAndRun(
      e,
      'vg',
      '',
      'S = SELECT s FROM Doc:s WHERE s.id == "d1" POST-ACCUM s.cos = [1.0];',
    );
    expect((bad.json as { message: string }).message).toContain(
      `The vector attribute cos of vertex type Doc has dimension ${DIM}, but the value for 'd1' has 1 elements.`,
    );
    docs[0] = { id: 'd0', cos: fresh.map(Math.fround) };
  });
});

describe('vectorSearch() errors', () => {
  test('an unknown vector attribute is refused at install', async () => {
    const r = await gsqlStatements(
      e,
      'USE GRAPH vg\nCREATE QUERY bad (LIST<FLOAT> q) { R = vectorSearch({Item.nope}, q, 3); PRINT R; }',
    );
    expect(r.text).toContain('The vector attribute nope does not exist in vertex type Item');
  });

  test('a query vector of the wrong dimension is a runtime error naming both sizes', async () => {
    const r = await installAndRun(
      e,
      'vg',
      '',
      'ListAccum<FLOAT> @@q = [1.0, 2.0]; R = vectorSearch({Item.cos}, @@q, 3); PRINT R;',
    );
    expect(r.json).toMatchObject({ error: true });
    expect((r.json as { message: string }).message).toContain(
      `the query vector has 2 elements, but Item.cos has dimension ${DIM}`,
    );
  });

  test('a distance_map that is not a MapAccum is refused', async () => {
    const r = await installAndRun(
      e,
      'vg',
      '',
      `SumAccum<FLOAT> @@s; ListAccum<FLOAT> @@q = ${qv}; R = vectorSearch({Item.cos}, @@q, 3, {distance_map: @@s}); PRINT R;`,
    );
    expect((r.json as { message: string }).message).toContain('@@s is not a MapAccum');
  });

  test('an unknown option is named with the ones that exist', async () => {
    const r = await installAndRun(
      e,
      'vg',
      '',
      `ListAccum<FLOAT> @@q = ${qv}; R = vectorSearch({Item.cos}, @@q, 3, {filter: 1}); PRINT R;`,
    );
    expect((r.json as { message: string }).message).toContain(
      'vectorSearch() has no optional parameter filter; use candidate_set, ef, distance_map',
    );
  });
});
