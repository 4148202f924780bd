// `tgraph vectors` against a TigerGraph 4.2 emulator (RESTPP auth on): vectors written from JSON,
// NDJSON and CSV files, read back, searched (by a vector or by a vertex's own vector) through
// installed helper queries (installed on first use, or ahead with `vectors install`; --no-install),
// the index status; what the server received; and input errors that name the CLI's flags and file
// lines.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Home, tempHome, tgraph, tgraphJson } from './helpers/cli.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

let em: RunningEmulator;
let home: Home;
let env: Record<string, string>;

const PROFILES: Record<string, number[]> = {
  '1000000001': [1, 0, 0],
  '1000000002': [0.8, 0.6, 0],
  '1000000003': [0, 0, 1],
  '1000000004': [0, 1, 0],
  '1000000005': [0.6, 0.8, 0],
};

const cosineDistance = (a: number[], b: number[]) => {
  const dot = a.reduce((s, x, i) => s + x * (b[i] as number), 0);
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return 1 - dot / (norm(a) * norm(b));
};
const nearest = (query: number[], k: number, among = Object.keys(PROFILES)) =>
  among
    .map((id) => ({ id, d: cosineDistance(query, PROFILES[id] as number[]) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k);

beforeAll(async () => {
  em = await startEmulator({ seed: 'covid', version: '4.2', auth: true });
  em.gsql(`USE GLOBAL
CREATE GLOBAL SCHEMA_CHANGE JOB add_profile {
  ALTER VERTEX Patient ADD VECTOR ATTRIBUTE profile(DIMENSION=3, METRIC="COSINE");
}
RUN GLOBAL SCHEMA_CHANGE JOB add_profile`);
  home = tempHome();
  env = { TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph', TG_USERNAME: 'tigergraph', TG_PASSWORD: 'tigergraph' };
});
afterAll(async () => {
  await em.stop();
  home.cleanup();
});

const run = (args: string[]) => tgraph(args, { home, env });
const json = <T = unknown>(args: string[]) => tgraphJson<T>(args, { home, env });
const file = (name: string, text: string) => {
  const path = join(home.dir, name);
  writeFileSync(path, text);
  return path;
};

describe('tgraph vectors', () => {
  it('upserts from a CSV file (header skipped) and from NDJSON, in batches, as {"value": [...]}', async () => {
    const ids = Object.keys(PROFILES);
    const csv = file(
      'profiles.csv',
      `id,x,y,z\n${ids
        .slice(0, 3)
        .map((id) => `${id},${PROFILES[id]?.join(',')}`)
        .join('\n')}\n`,
    );
    em.requests.length = 0;
    expect(
      await json(['vectors', 'upsert', 'Patient', 'profile', '--file', csv, '--batch-size', '2']),
    ).toEqual({
      accepted_vertices: 3,
      requests: 2,
    });
    const posts = em.requests.filter((r) => r.method === 'POST' && r.path === '/restpp/graph/MyGraph');
    expect(posts.map((r) => JSON.parse(r.body))).toEqual([
      {
        vertices: {
          Patient: {
            '1000000001': { profile: { value: [1, 0, 0] } },
            '1000000002': { profile: { value: [0.8, 0.6, 0] } },
          },
        },
      },
      { vertices: { Patient: { '1000000003': { profile: { value: [0, 0, 1] } } } } },
    ]);
    const ndjson = file(
      'profiles.ndjson',
      ids
        .slice(3)
        .map((id) => JSON.stringify({ id, vector: PROFILES[id], attributes: { sex: 'female' } }))
        .join('\n'),
    );
    expect(await json(['vectors', 'upsert', 'Patient', 'profile', '--file', ndjson])).toEqual({
      accepted_vertices: 2,
      requests: 1,
    });
  });

  it('reads vectors back by id, through a query it installs on first use', async () => {
    em.requests.length = 0;
    const r = await run(['vectors', 'get', 'Patient', 'profile', '1000000002', '1000000004', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: '1000000002', vector: [0.8, 0.6, 0] },
      { id: '1000000004', vector: [0, 1, 0] },
    ]);
    const create = em.requests.find((q) => q.method === 'POST' && q.path === '/gsql/v1/queries');
    const name = /^CREATE QUERY (tgraph_vget_\w+)\(SET<STRING> ids\)/.exec(create?.body ?? '')?.[1];
    expect(create?.body).toContain('PRINT S WITH VECTOR;');
    expect(r.stderr).toContain(`installing the helper query ${name} (first use on this graph`);
    // Run, not found, installed, run again.
    const runs = em.requests.filter((q) => q.path === `/restpp/query/MyGraph/${name}`);
    expect(runs.map((q) => q.status)).toEqual([404, 200]);
    expect(JSON.parse(runs[1]?.body ?? '')).toEqual({ ids: ['1000000002', '1000000004'] });
    expect(em.requests.filter((q) => q.path.includes('interpret'))).toEqual([]);
    const missing = await run(['vectors', 'get', 'Patient', 'profile', '1000000009']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('no Patient vertex with a profile vector among 1000000009');
  });

  it('searches by a vector and by a vertex (--like), with -k and --filter', async () => {
    const query = [0.7, 0.7, 0.1];
    const matches = await json<Array<{ id: string; type: string; distance: number }>>([
      'vectors',
      'search',
      'Patient',
      'profile',
      '--vector',
      query.join(','),
      '-k',
      '3',
    ]);
    const expected = nearest(query, 3);
    expect(matches.map((m) => m.id)).toEqual(expected.map((e) => e.id));
    matches.forEach((m, i) => {
      expect(m.type).toBe('Patient');
      expect(m.distance).toBeCloseTo(expected[i]?.d as number, 5);
    });
    const like = await json<Array<{ id: string }>>([
      'vectors',
      'search',
      'Patient',
      'profile',
      '--like',
      '1000000002',
      '-k',
      '2',
      '--filter',
      'v.birth_year > 1980',
    ]);
    // 1000000001 and 1000000003 were born in 1964 (covid seed).
    expect(like.map((m) => m.id)).toEqual(
      nearest(PROFILES['1000000002'] as number[], 2, ['1000000002', '1000000004', '1000000005']).map(
        (e) => e.id,
      ),
    );
  });

  it('installs the search query ahead with `vectors install`; --no-install fails on a missing one, saying how to install it', async () => {
    const filter = 'v.birth_year < 1970';
    const search = ['vectors', 'search', 'Patient', 'profile', '--vector', '1,0,0', '--filter', filter];
    const missing = await run([...search, '--no-install']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(
      /The vector search query tgraph_vsearch_\w+ is not installed on graph MyGraph, and --no-install forbids installing it/,
    );
    expect(missing.stderr).toContain(
      `with \`tgraph vectors install Patient profile --filter "${filter}"\`, or leave out --no-install`,
    );
    const installed = await json<Array<{ name: string; purpose: string; alreadyInstalled: boolean }>>([
      'vectors',
      'install',
      'Patient',
      'profile',
      '--filter',
      filter,
    ]);
    // The read query of Patient is there since `vectors get` above.
    expect(installed.map((q) => [q.purpose, q.alreadyInstalled])).toEqual([
      ['search', false],
      ['get', true],
    ]);
    em.requests.length = 0;
    const found = await json<Array<{ id: string }>>([...search, '--no-install', '-k', '2']);
    // Born before 1970: 1000000001 and 1000000003 (covid seed).
    expect(found.map((m) => m.id)).toEqual(
      nearest([1, 0, 0], 2, ['1000000001', '1000000003']).map((e) => e.id),
    );
    expect(em.requests.filter((q) => q.method === 'POST').map((q) => q.path)).toEqual([
      `/restpp/query/MyGraph/${installed[0]?.name}`,
    ]);
  });

  it('reports the index status', async () => {
    const status = await json<{
      type: string;
      attribute: string;
      upToDate: boolean;
      needRebuildServers: string[];
    }>(['vectors', 'status', 'Patient', 'profile']);
    expect(status).toMatchObject({ type: 'Patient', attribute: 'profile' });
    expect(status.upToDate).toBe(status.needRebuildServers.length === 0);
  });

  it('codegen --queries types the Embeddings of a vertex set printed WITH VECTOR', async () => {
    em.gsql(`USE GRAPH MyGraph
CREATE QUERY similar_profiles(LIST<FLOAT> q) FOR GRAPH MyGraph SYNTAX v3 {
  MapAccum<VERTEX, FLOAT> @@distances;
  v = vectorSearch({Patient.profile}, q, 3, {distance_map: @@distances});
  PRINT v WITH VECTOR;
  PRINT @@distances;
}
INSTALL QUERY similar_profiles`);
    const out = join(home.dir, 'queries.ts');
    const r = await run(['codegen', '--queries', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const { readFileSync } = await import('node:fs');
    const code = readFileSync(out, 'utf8');
    const member = code.slice(
      code.indexOf('  similar_profiles: {'),
      code.indexOf('  };', code.indexOf('  similar_profiles: {')),
    );
    expect(member).toContain('params: { q: readonly (number)[] };');
    // The SDK's own helper queries, installed by the searches above, are not the user's.
    expect(em.requests.some((r) => r.path.startsWith('/restpp/query/MyGraph/tgraph_vsearch_'))).toBe(true);
    expect(code).not.toContain('tgraph_v');
    expect(member).toMatch(/\{ v: Array<.* & \{ Embeddings: \{ profile\??: number\[\] \} \}> \}/);
  });

  it('says what is wrong with the input in terms of flags and file lines', async () => {
    const cases: Array<[string[], string]> = [
      [
        ['vectors', 'search', 'Patient', 'profile', '--vector', '1,2'],
        "--vector has 2 elements but the vector attribute's DIMENSION is 3",
      ],
      [
        ['vectors', 'search', 'Patient', 'profile', '--vector', '1,x,2'],
        "--vector must be a list of numbers (item 2 is 'x')",
      ],
      [['vectors', 'search', 'Patient', 'profile'], 'give the query vector with --vector or --like <id>'],
      [
        ['vectors', 'search', 'Patient', 'profile', '--vector', '1,0,0', '-k', '0'],
        '-k must be a whole number ≥ 1',
      ],
      [
        ['vectors', 'upsert', 'Patient', 'profile', '--file', file('bad.csv', '1000000001,0.1,oops,0.3\n')],
        "bad.csv line 1: expected an id then the vector's numbers",
      ],
      [
        ['vectors', 'upsert', 'Patient', 'profile', '--file', file('short.json', '[["1000000001", [1, 2]]]')],
        'short.json row 1: vector has 2 elements',
      ],
      [
        ['vectors', 'search', 'Patient', 'nope', '--vector', '1,0,0'],
        "Vertex type 'Patient' has no vector attribute 'nope'",
      ],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
