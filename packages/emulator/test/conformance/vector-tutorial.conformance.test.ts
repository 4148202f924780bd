// TigerGraph's vector-search tutorial (vendored ecosys tutorials/VectorSearch.md, vector/*.gsql,
// data/*.csv) run file by file, unchanged, through the 4.2 GSQL endpoint, the emulator's data
// directory holding the tutorial's CSV files in place of S3 and /home/tigergraph/tutorial/data.
// Answers are checked against distances computed here from the vendored embeddings with plain
// arithmetic, and against the shapes the tutorial's q*.out files show TigerGraph printing
// ({"v_id", "v_type", "attributes", "Embeddings": {"emb1": [...]}}, distances as FLOATs).
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { basic, emulator, gsqlStatements, http } from '../helpers.js';
import { readVendor, vendorPath } from './vendor.js';

const TUTORIAL = ['ecosys-tutorials', 'tutorials'] as const;
const gsqlFile = (name: string) => readVendor(...TUTORIAL, 'vector', name);
const rows = (name: string, sep: string) =>
  readVendor(...TUTORIAL, 'data', name)
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(sep).map((x) => x.trim()));

// ---- the data, read independently of the emulator --------------------------------------------

const embeddings = (file: string) =>
  new Map(rows(file, '|').map(([id, list]) => [id as string, (list as string).split(',').map(Number)]));
const accountEmb = () => embeddings('account_emb.csv');
const phoneEmb = () => embeddings('phone_emb.csv');
const blocked = (file: string, id: string) =>
  ['true', 't', '1'].includes((rows(file, ',').find((r) => r[0] === id)?.[1] ?? '').toLowerCase());

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
const cosineDistance = (a: number[], b: number[]) =>
  1 - dot(a, b) / (Math.sqrt(dot(a, a)) * Math.sqrt(dot(b, b)));

/** The query vector the tutorial runs every query with (Scott's embedding). */
const QUERY = [-0.017733968794345856, -0.01019224338233471, -0.016571875661611557];

function nearest(candidates: Map<string, number[]>, k: number): { id: string; d: number }[] {
  return [...candidates]
    .map(([id, v]) => ({ id, d: cosineDistance(v, QUERY) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k);
}

const transfers = () =>
  rows('transfer.csv', ',').map(([src, tgt, date, amount]) => ({
    src: src as string,
    tgt: tgt as string,
    date: date as string,
    amount: Number(amount),
  }));

// ---- running the files ------------------------------------------------------------------------

type Printed = {
  v_id: string;
  v_type: string;
  attributes: Record<string, unknown>;
  Embeddings?: Record<string, number[]>;
};

/** The JSON that `run query` printed at the end of a file's output. */
function runResults(text: string): Record<string, unknown>[] {
  const at = text.lastIndexOf('\n{\n');
  expect(at, text).toBeGreaterThan(0);
  const json = JSON.parse(text.slice(at + 1)) as { error: boolean; results: Record<string, unknown>[] };
  expect(json.error, text).toBe(false);
  return json.results;
}

async function runFile(e: RunningEmulator, name: string): Promise<string> {
  const r = await gsqlStatements(e, gsqlFile(name));
  expect(r.status).toBe(200);
  return r.text;
}

const idsOf = (v: unknown) => (v as Printed[]).map((x) => x.v_id).sort();

/** A printed vertex with its embedding, as the q*.out files show it. */
function expectPrintedWithVector(p: Printed): void {
  expect(Object.keys(p)).toEqual(['v_id', 'v_type', 'attributes', 'Embeddings']);
  const file = p.v_type === 'Account' ? 'account.csv' : 'phone.csv';
  expect(p.attributes).toEqual(
    p.v_type === 'Account'
      ? { name: p.v_id, isBlocked: blocked(file, p.v_id) }
      : { number: p.v_id, isBlocked: blocked(file, p.v_id) },
  );
  const want = (p.v_type === 'Account' ? accountEmb() : phoneEmb()).get(p.v_id) ?? [];
  const got = p.Embeddings?.['emb1'] ?? [];
  expect(got).toHaveLength(3);
  got.forEach((x, i) => {
    // FLOAT printed with 7 significant digits, e.g. -0.01773397 for -0.017733968794345856.
    expect(x).toBe(Number(Math.fround(want[i] as number).toPrecision(7)));
  });
}

function expectDistances(map: unknown, want: { id: string; d: number }[]): void {
  const m = map as Record<string, number>;
  expect(Object.keys(m).sort()).toEqual(want.map((w) => w.id).sort());
  for (const w of want) expect(Math.abs((m[w.id] as number) - w.d)).toBeLessThan(1e-6);
}

let e: RunningEmulator;
beforeAll(async () => {
  e = await emulator({ version: '4.2', dataDir: vendorPath(...TUTORIAL, 'data') });
});

describe('vector tutorial, setup', () => {
  test('00_ddl.gsql: gds functions, the schema with emb1 on Account and Phone, the graph', async () => {
    const text = await runFile(e, '00_ddl.gsql');
    expect(text).toContain('Global schema change succeeded.');
    expect(text).toContain('The graph financialGraph is created.');
    const schema = await http(`${e.gsUrl}/gsql/v1/schema/graphs/financialGraph`, {
      headers: { Authorization: basic() },
    });
    const types = (schema.json as { results: { VertexTypes: Record<string, unknown>[] } }).results
      .VertexTypes;
    const emb = (name: string) => types.find((t) => t['Name'] === name)?.['EmbeddingAttributes'];
    // "By default, the emb1 will use cosine metric"; HNSW is the index.
    const emb1 = [{ Name: 'emb1', Dimension: 3, IndexType: 'HNSW', DataType: 'FLOAT', Metric: 'COSINE' }];
    expect(emb('Account')).toEqual(emb1);
    expect(emb('Phone')).toEqual(emb1);
    expect(emb('City')).toBeUndefined();
  });

  // Both load files start by dropping the job (and data source) they then create, which do not exist
  // yet on a fresh install; the tutorial does not show whether TigerGraph's shell goes on after that
  // error, so (as the GSQL tutorial's test does for its 25_load2.gsql) these runs let the file continue.
  const loadFile = async (name: string) =>
    (await gsqlStatements(e, `SET exit_on_error = FALSE\n${gsqlFile(name)}`)).text;

  test('02_load2.gsql loads the same files from local paths', async () => {
    const text = await loadFile('02_load2.gsql');
    expect(text).toContain('LOAD SUCCESSFUL');
  });

  test('show package gds.vector lists the functions as the tutorial shows', async () => {
    const r = await gsqlStatements(e, 'show package gds.vector');
    expect(r.text.trimEnd()).toBe(
      [
        'Packages "gds.vector":',
        '  - Object:',
        '    - Functions:',
        '        - gds.vector.cosine_distance(list<double> list1, list<double> list2) RETURNS (float) (installed)',
        '        - gds.vector.dimension_count(list<double> list1) RETURNS (int) (installed)',
        '        - gds.vector.distance(list<double> list1, list<double> list2, string metric) RETURNS (float) (installed)',
        '        - gds.vector.elements_sum(list<double> list1) RETURNS (float) (installed)',
        '        - gds.vector.ip_distance(list<double> list1, list<double> list2) RETURNS (float) (installed)',
        '        - gds.vector.kth_element(list<double> list1, int kth_index) RETURNS (float) (installed)',
        '        - gds.vector.l2_distance(list<double> list1, list<double> list2) RETURNS (float) (installed)',
        '        - gds.vector.norm(list<double> list1, string metric) RETURNS (float) (installed)',
      ].join('\n'),
    );
  });
});

describe('vector tutorial, queries', () => {
  test('03_q1.gsql: top-5 Accounts nearest the query vector, with embeddings and distances', async () => {
    const [v, d] = runResults(await runFile(e, '03_q1.gsql'));
    const want = nearest(accountEmb(), 5);
    expect(idsOf(v?.['v'])).toEqual(want.map((w) => w.id).sort());
    for (const p of (v?.['v'] ?? []) as Printed[]) expectPrintedWithVector(p);
    expectDistances(d?.['@@distances'], want);
  });

  test('04_q1a.gsql: top-8 over Account.emb1 and Phone.emb1 together', async () => {
    const [v, d] = runResults(await runFile(e, '04_q1a.gsql'));
    const want = nearest(new Map([...accountEmb(), ...phoneEmb()]), 8);
    expect(idsOf(v?.['v'])).toEqual(want.map((w) => w.id).sort());
    for (const p of (v?.['v'] ?? []) as Printed[]) expectPrintedWithVector(p);
    expectDistances(d?.['@@distances'], want);
  });

  test('05_q1b.gsql: Scott’s own embedding as the query vector', async () => {
    const [v, d] = runResults(await runFile(e, '05_q1b.gsql'));
    const want = nearest(accountEmb(), 5);
    expect(idsOf(v?.['v'])).toEqual(want.map((w) => w.id).sort());
    expectDistances(d?.['@@distances'], want);
    expect(((d?.['@@distances'] ?? {}) as Record<string, number>)['Scott']).toBe(0);
  });

  test('06_q1c.gsql: a vertex parameter printed with its vector, then the nearest of a set parameter', async () => {
    const [one, best] = runResults(await runFile(e, '06_q1c.gsql'));
    expect(idsOf(one?.['v'])).toEqual(['Scott']);
    expectPrintedWithVector(((one?.['v'] ?? []) as Printed[])[0] as Printed);
    const emb = accountEmb();
    const want = nearest(new Map(['Steven', 'Jenny'].map((n) => [n, emb.get(n) as number[]])), 1);
    expect(idsOf(best?.['v'])).toEqual(want.map((w) => w.id));
  });

  test('07_q2.gsql: range search, cosine distance below 0.394', async () => {
    const [v] = runResults(await runFile(e, '07_q2.gsql'));
    const want = [...accountEmb()].filter(([, x]) => cosineDistance(x, QUERY) < 0.394).map(([id]) => id);
    expect(idsOf(v?.['v'])).toEqual(want.sort());
  });

  test('08_q3.gsql: top-2 within the candidate set {Scott, Paul, Steven}', async () => {
    const [v, d] = runResults(await runFile(e, '08_q3.gsql'));
    const emb = accountEmb();
    const want = nearest(new Map(['Scott', 'Paul', 'Steven'].map((n) => [n, emb.get(n) as number[]])), 2);
    expect(idsOf(v?.['v'])).toEqual(want.map((w) => w.id).sort());
    expectDistances(d?.['@@distances'], want);
  });
});

// These files need the GSQL tutorial's constructs: data
// sources with triple-quoted paths (01_load.gsql), multi-hop and variable-length SYNTAX v3
// patterns (q4, q4a, q5, q6); q5a's tabular `SELECT a, b, … INTO T`. They check the vector parts (vectorSearch over pattern results, ORDER BY a
// gds.vector distance, similarity joins) the same way as above.
describe('vector tutorial, files built on the GSQL tutorial constructs', () => {
  test('01_load.gsql loads from the S3 data source (files from the data directory)', async () => {
    const text = (await gsqlStatements(e, gsqlFile('01_load.gsql'))).text;
    expect(text).toContain('LOAD SUCCESSFUL');
    expect(text).toContain(`Account: valid objects ${rows('account.csv', ',').length}`);
    expect(text).toContain(`transfer: valid objects ${rows('transfer.csv', ',').length}`);
  });

  test('09_q4.gsql: vector search over two-hop and variable-length transfer patterns from Scott', async () => {
    const [v1, d1, v2, d2] = runResults(await runFile(e, '09_q4.gsql'));
    const t = transfers();
    const inYear = (x: (typeof t)[number]) => x.date >= '2024-01-01' && x.date <= '2024-12-31';
    const c1 = new Set<string>();
    for (const a of t.filter((x) => x.src === 'Scott' && inYear(x) && x.amount > 500))
      for (const b of t.filter((x) => x.src === a.tgt && x.amount > 500)) c1.add(b.tgt);
    const reach = new Set<string>();
    let frontier = ['Scott'];
    while (frontier.length > 0) {
      const next = t.filter((x) => frontier.includes(x.src) && !reach.has(x.tgt)).map((x) => x.tgt);
      for (const n of next) reach.add(n);
      frontier = [...new Set(next)];
    }
    reach.delete('Scott');
    const emb = accountEmb();
    const pick = (ids: Set<string>) => nearest(new Map([...ids].map((n) => [n, emb.get(n) as number[]])), 2);
    expect(idsOf(v1?.['v'])).toEqual(
      pick(c1)
        .map((w) => w.id)
        .sort(),
    );
    expectDistances(d1?.['@@distances1'], pick(c1));
    expect(idsOf(v2?.['v'])).toEqual(
      pick(reach)
        .map((w) => w.id)
        .sort(),
    );
    expectDistances(d2?.['@@distances2'], pick(reach));
  });

  test('10_q4a.gsql: exact top-k with ORDER BY gds.vector.cosine_distance, ASC and DESC', async () => {
    const [c1, v1, d1, c2, v2, d2] = runResults(await runFile(e, '10_q4a.gsql'));
    const emb = accountEmb();
    const byDistance = (ids: Iterable<string>, desc: boolean, k: number) =>
      [...new Set(ids)]
        .map((id) => ({ id, d: cosineDistance(emb.get(id) as number[], QUERY) }))
        .sort((a, b) => (desc ? b.d - a.d : a.d - b.d))
        .slice(0, k)
        .map((x) => x.id);
    const t = transfers();
    expect(((c1?.['c1'] ?? []) as Printed[]).map((p) => p.v_id)).toEqual(
      byDistance(
        t.map((x) => x.tgt),
        false,
        3,
      ),
    );
    expectDistances(d1?.['@@distances1'], nearest(emb, 3));
    expect(idsOf(v1?.['v'])).toEqual(
      nearest(emb, 3)
        .map((w) => w.id)
        .sort(),
    );
    const reach = new Set<string>();
    let frontier = ['Scott'];
    while (frontier.length > 0) {
      const next = t.filter((x) => frontier.includes(x.src) && !reach.has(x.tgt)).map((x) => x.tgt);
      for (const n of next) reach.add(n);
      frontier = [...new Set(next)];
    }
    reach.delete('Scott');
    expect(((c2?.['c2'] ?? []) as Printed[]).map((p) => p.v_id)).toEqual(byDistance(reach, true, 3));
    expect(idsOf(v2?.['v'])).toEqual(
      nearest(emb, 5)
        .map((w) => w.id)
        .sort(),
    );
    expectDistances(d2?.['@@distances2'], nearest(emb, 5));
  });

  test('11_q5.gsql: the two most similar (a, b) pairs two transfers apart', async () => {
    const [r] = runResults(await runFile(e, '11_q5.gsql'));
    const emb = accountEmb();
    const t = transfers();
    const pairs = t.flatMap((x) =>
      t
        .filter((y) => y.src === x.tgt)
        .map((y) => ({
          s: x.src,
          t: y.tgt,
          d: cosineDistance(emb.get(x.src) as number[], emb.get(y.tgt) as number[]),
        })),
    );
    pairs.sort((a, b) => a.d - b.d);
    const got = r?.['@@result'] as { s: string; t: string; distance: number }[];
    expect(got).toHaveLength(2);
    got.forEach((g, i) => {
      expect(Math.abs(g.distance - (pairs[i]?.d as number))).toBeLessThan(1e-6);
    });
    expect(got.map((g) => `${g.s}->${g.t}`).sort()).toEqual(
      pairs
        .slice(0, 2)
        .map((p) => `${p.s}->${p.t}`)
        .sort(),
    );
  });

  // The table prints one row per path match, keyed by column, vertices as ids (TigerGraph's own
  // run of this file: tigergraph/ecosys demos/guru_scripts/docker/tutorial/4.x/vector/q5a.out,
  // where Scott→Paul appears once per two-hop path).
  test('12_q5a.gsql: pairs two transfers apart closer than 0.8, one table row per path', async () => {
    const [r] = runResults(await runFile(e, '12_q5a.gsql'));
    const emb = accountEmb();
    const t = transfers();
    const want = t.flatMap((x) =>
      t
        .filter((y) => y.src === x.tgt)
        .filter((y) => cosineDistance(emb.get(x.src) as number[], emb.get(y.tgt) as number[]) < 0.8)
        .map((y) => `${x.src}->${y.tgt}`),
    );
    const got = r?.['T'] as { a: string; b: string; dist: number }[];
    for (const row of got) expect(Object.keys(row)).toEqual(['a', 'b', 'dist']);
    expect(got.map((x) => `${x.a}->${x.b}`).sort()).toEqual(want.sort());
    for (const x of got)
      expect(
        Math.abs(x.dist - cosineDistance(emb.get(x.b) as number[], emb.get(x.a) as number[])),
      ).toBeLessThan(1e-6);
  });

  test('13_q6.gsql: the top-3 drive a two-hop transfer pattern', async () => {
    const [r, v] = runResults(await runFile(e, '13_q6.gsql'));
    const top = nearest(accountEmb(), 3).map((w) => w.id);
    expect(idsOf(r?.['R'])).toEqual([...top].sort());
    const t = transfers();
    const want = new Set<string>();
    for (const a of t.filter((x) => top.includes(x.src)))
      for (const b of t.filter((x) => x.src === a.tgt)) want.add(b.tgt);
    expect(idsOf(v?.['V'])).toEqual([...want].sort());
  });
});
