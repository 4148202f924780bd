// Every resource command group against a TigerGraph 4.2 emulator with RESTPP authentication on:
// what the CLI prints and what the server received on the wire.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RecordedRequest, type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Home, tempHome, tgraph, tgraphJson } from './helpers/cli.js';

// Each test spawns the CLI several times; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

let em: RunningEmulator;
let home: Home;
let env: Record<string, string>;
const basic = `Basic ${Buffer.from('tigergraph:tigergraph').toString('base64')}`;

beforeAll(async () => {
  em = await startEmulator({ seed: 'covid', version: '4.2', auth: true });
  home = tempHome();
  env = { TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph', TG_USERNAME: 'tigergraph', TG_PASSWORD: 'tigergraph' };
});
afterAll(async () => {
  await em.stop();
  home.cleanup();
});
beforeEach(() => {
  em.requests.length = 0;
});

const run = (args: string[], input?: string) =>
  tgraph(args, { home, env, ...(input === undefined ? {} : { input }) });
const json = <T = unknown>(args: string[]) => tgraphJson<T>(args, { home, env });
const sent = (method: string, path: string): RecordedRequest => {
  const found = em.requests.find((r) => r.method === method && r.path === path);
  if (!found)
    throw new Error(
      `no ${method} ${path} among ${em.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`,
    );
  return found;
};

describe('vertices', () => {
  it("list sends limit and select and prints the seed document's five patients", async () => {
    const rows = await json<{ v_id: string; attributes: { birth_year: number } }[]>([
      'vertices',
      'list',
      'Patient',
      '--limit',
      '5',
      '--select',
      'birth_year',
    ]);
    expect(rows.map((r) => [r.v_id, r.attributes.birth_year])).toEqual([
      ['6100000100', 1959],
      ['6023000024', 0],
      ['6022000024', 1978],
      ['6020000020', 0],
      ['6015000008', 0],
    ]);
    const req = sent('GET', '/restpp/graph/MyGraph/vertices/Patient');
    expect(req.query).toEqual({ limit: '5', select: 'birth_year' });
    expect(req.headers['authorization']).toBe(basic);
  });

  it('list passes filter and sort', async () => {
    const rows = await json<{ attributes: { birth_year: number } }[]>([
      'vertices',
      'list',
      'Patient',
      '--filter',
      'birth_year>1990',
      '--sort',
      '-birth_year',
      '--select',
      'birth_year',
    ]);
    const years = rows.map((r) => r.attributes.birth_year);
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((y) => y > 1990)).toBe(true);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(sent('GET', '/restpp/graph/MyGraph/vertices/Patient').query).toMatchObject({
      filter: 'birth_year>1990',
      sort: '-birth_year',
    });
  });

  it('get, count, upsert and delete', async () => {
    const [one] = await json<{ v_id: string; attributes: Record<string, unknown> }[]>([
      'vertices',
      'get',
      'Patient',
      '6100000100',
      '--select',
      'sex,birth_year',
    ]);
    expect(one).toEqual({
      v_id: '6100000100',
      v_type: 'Patient',
      attributes: { sex: 'male', birth_year: 1959 },
    });
    expect(await json(['vertices', 'count', 'Patient'])).toEqual([{ type: 'Patient', count: 24 }]);
    const counts = await json<{ type: string; count: number }[]>(['vertices', 'count']);
    expect(counts).toEqual(
      expect.arrayContaining([
        { type: 'Patient', count: 24 },
        { type: 'Province', count: expect.any(Number) },
      ]),
    );

    em.requests.length = 0;
    expect(
      await json([
        'vertices',
        'upsert',
        'Patient',
        'cli-1',
        '--set',
        'birth_year=2001',
        '--set',
        'sex=female',
      ]),
    ).toMatchObject({ accepted_vertices: 1 });
    expect(JSON.parse(sent('POST', '/restpp/graph/MyGraph').body)).toEqual({
      vertices: { Patient: { 'cli-1': { birth_year: { value: 2001 }, sex: { value: 'female' } } } },
    });
    const file = join(home.dir, 'patients.ndjson');
    writeFileSync(
      file,
      '{"id":"cli-2","attributes":{"birth_year":1999}}\n{"id":"cli-3","attributes":{"birth_year":1998}}\n',
    );
    expect(await json(['vertices', 'upsert', 'Patient', '--file', file])).toMatchObject({
      accepted_vertices: 2,
    });
    expect(await json(['vertices', 'count', 'Patient'])).toEqual([{ type: 'Patient', count: 27 }]);

    em.requests.length = 0;
    expect(await json(['vertices', 'delete', 'Patient', 'cli-1'])).toEqual({ type: 'Patient', deleted: 1 });
    expect(
      em.requests.some(
        (r) => r.method === 'DELETE' && r.path.startsWith('/restpp/graph/MyGraph/vertices/Patient'),
      ),
    ).toBe(true);
    expect(
      await json([
        'vertices',
        'delete',
        'Patient',
        '--filter',
        'birth_year>=1998',
        '--filter',
        'birth_year<2000',
      ]),
    ).toEqual({ type: 'Patient', deleted: 2 });
    expect(await json(['vertices', 'count', 'Patient'])).toEqual([{ type: 'Patient', count: 24 }]);
    const refuse = await run(['vertices', 'delete', 'Patient']);
    expect(refuse.code).toBe(2);
    expect(refuse.stderr).toContain('say what to delete');
  });
});

describe('edges', () => {
  it('get, count, upsert and delete', async () => {
    const edges = await json<{ e_type: string; to_type: string }[]>([
      'edges',
      'get',
      'Patient',
      '6100000100',
    ]);
    expect(edges.map((e) => e.e_type).sort()).toEqual([
      'BELONGS_TO_CASE',
      'PATIENT_FROM_CITY',
      'PATIENT_FROM_PROVINCE',
    ]);
    expect(sent('GET', '/restpp/graph/MyGraph/edges/Patient/6100000100')).toBeDefined();
    const typed = await json<{ to_id: string }[]>([
      'edges',
      'get',
      'Patient',
      '6100000100',
      'PATIENT_FROM_CITY',
      'City',
    ]);
    expect(typed.map((e) => e.to_id)).toEqual(['changwon_si']);
    expect(await json(['edges', 'count', 'PATIENT_FROM_CITY'])).toEqual([
      { type: 'PATIENT_FROM_CITY', count: 24 },
    ]);
    expect(await json<unknown[]>(['edges', 'count'])).toEqual(
      expect.arrayContaining([{ type: 'CITY_IN_PROVINCE', count: 18 }]),
    );

    em.requests.length = 0;
    expect(
      await json(['edges', 'upsert', 'Patient', '6100000100', 'INFECTED_BY', 'Patient', '6023000024']),
    ).toMatchObject({ accepted_edges: 1 });
    expect(JSON.parse(sent('POST', '/restpp/graph/MyGraph').body)).toEqual({
      edges: { Patient: { '6100000100': { INFECTED_BY: { Patient: { '6023000024': {} } } } } },
    });
    const listed = await json<{ from_id: string; to_id: string }[]>(['edges', 'list', 'INFECTED_BY']);
    expect(listed).toContainEqual(expect.objectContaining({ from_id: '6100000100', to_id: '6023000024' }));
    expect(
      await json(['edges', 'delete', 'Patient', '6100000100', 'INFECTED_BY', 'Patient', '6023000024']),
    ).toEqual([{ type: 'INFECTED_BY', deleted: 1 }]);
    expect(
      em.requests.some(
        (r) =>
          r.method === 'DELETE' &&
          r.path === '/restpp/graph/MyGraph/edges/Patient/6100000100/INFECTED_BY/Patient/6023000024',
      ),
    ).toBe(true);
  });
});

describe('query', () => {
  it('lists the installed queries and runs one with --param (GET query string)', async () => {
    const list = await json<{ name: string; installed: boolean }[]>(['query', 'list']);
    expect(list).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'city_stats', installed: true })]),
    );
    em.requests.length = 0;
    const results = await json<Record<string, unknown>[]>([
      'query',
      'run',
      'neighbourhood',
      '--param',
      'p=6100000100',
    ]);
    expect(results[0]).toHaveProperty('patient');
    const req = sent('GET', '/restpp/query/MyGraph/neighbourhood');
    expect(req.query).toEqual({ p: '6100000100' });
  });

  it('creates, installs, runs (POST --params), runs async, and drops a query', async () => {
    const file = join(home.dir, 'hello.gsql');
    writeFileSync(
      file,
      'CREATE QUERY cli_hello(STRING name, INT n) FOR GRAPH $graphname { PRINT name AS greeting, n + 1 AS next; }',
    );
    const created = await run(['query', 'create', file, '--install']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain('installed cli_hello');
    const paramsFile = join(home.dir, 'params.json');
    writeFileSync(paramsFile, JSON.stringify({ name: 'world', n: 41 }));
    em.requests.length = 0;
    expect(await json(['query', 'run', 'cli_hello', '--params', paramsFile])).toEqual([
      { greeting: 'world', next: 42 },
    ]);
    expect(JSON.parse(sent('POST', '/restpp/query/MyGraph/cli_hello').body)).toEqual({
      name: 'world',
      n: 41,
    });

    const job = await json<{ requestId: string }>([
      'query',
      'run',
      'cli_hello',
      '--param',
      'name=a',
      '--param',
      'n=1',
      '--async',
    ]);
    expect(sent('GET', '/restpp/query/MyGraph/cli_hello').headers['gsql-async']).toBe('true');
    const result = await json(['query', 'result', job.requestId, '--wait']);
    expect(result).toEqual([{ greeting: 'a', next: 2 }]);
    const status = await json<{ requestid: string; status: string }>(['query', 'status', job.requestId]);
    expect(status).toMatchObject({ requestid: job.requestId, status: 'success' });

    expect(await json(['query', 'drop', 'cli_hello'])).toEqual({ dropped: ['cli_hello'], failedToDrop: [] });
    const gone = await run(['query', 'run', 'cli_hello']);
    expect(gone.code).toBe(4);
  });

  it('interprets query text from stdin', async () => {
    const r = await run(
      ['query', 'interpret', '-', '--json'],
      'INTERPRET QUERY () FOR GRAPH MyGraph { PRINT 1 + 1 AS two; }',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ two: 2 }]);
  });
});

describe('gsql, schema, codegen', () => {
  it('runs a statement, a file and stdin; a failing statement exits 5', async () => {
    const ls = await run(['gsql', 'ls']);
    expect(ls.code).toBe(0);
    expect(ls.stdout).toContain('VERTEX Patient(PRIMARY_ID patient_id STRING');
    expect(sent('POST', '/gsql/v1/statements').body).toBe('USE GRAPH MyGraph\nls');
    const file = join(home.dir, 'show.gsql');
    writeFileSync(file, 'USE GRAPH MyGraph\nSHOW QUERY city_stats\n');
    const shown = await run(['gsql', '-f', file]);
    expect(shown.stdout).toContain('CREATE QUERY city_stats');
    const piped = await run(['gsql'], 'USE GRAPH MyGraph\nls\n');
    expect(piped.stdout).toContain('---- Graph MyGraph');
    const bad = await run(['gsql', 'CREATE VERTX Oops(PRIMARY_ID id STRING)']);
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('error: GSQL reported an error: Encountered');
  });

  it('schema show, types and diff', async () => {
    const schema = await json<{ graph: string; vertexTypes: { name: string }[] }>(['schema', 'show']);
    expect(schema.graph).toBe('MyGraph');
    expect(schema.vertexTypes.map((v) => v.name)).toEqual(
      expect.arrayContaining(['Patient', 'City', 'Province', 'InfectionCase']),
    );
    const raw = await json<{ GraphName: string }>(['schema', 'show', '--raw']);
    expect(raw.GraphName).toBe('MyGraph');
    const types = await json<{ kind: string; name: string }[]>(['schema', 'types']);
    expect(types).toContainEqual(expect.objectContaining({ kind: 'directed edge', name: 'INFECTED_BY' }));
    const same = join(home.dir, 'same.json');
    writeFileSync(same, JSON.stringify({ vertexTypes: { Patient: { attributes: { birth_year: 'INT' } } } }));
    expect((await run(['schema', 'diff', same])).code).toBe(0);
    const other = join(home.dir, 'other.json');
    writeFileSync(other, JSON.stringify({ vertexTypes: { Doctor: {} } }));
    const diff = await run(['schema', 'diff', other, '--json']);
    expect(diff.code).toBe(1);
    expect(JSON.parse(diff.stdout)).toMatchObject({
      ok: false,
      differences: [expect.objectContaining({ kind: 'missing-vertex-type', path: 'Doctor' })],
    });
  });

  it('codegen writes TypeScript types and --check detects drift', async () => {
    const out = join(home.dir, 'schema.ts');
    const written = await run(['codegen', '--out', out]);
    expect(written.code, written.stderr).toBe(0);
    const { readFileSync } = await import('node:fs');
    const code = readFileSync(out, 'utf8');
    expect(code).toContain('MyGraphSchema');
    expect(code).toContain("from 'tgraph'");
    expect((await run(['codegen', '--out', out, '--check'])).code).toBe(0);
    writeFileSync(out, `${code}\n// edited\n`);
    const drift = await run(['codegen', '--out', out, '--check']);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain('differs from the live schema');
  });

  it("codegen --queries writes the installed queries' types and --check detects drift", async () => {
    const out = join(home.dir, 'queries.ts');
    const written = await run(['codegen', '--queries', '--out', out]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr + written.stdout).toMatch(/wrote .*queries\.ts \(\d+ installed queries\)/);
    const { readFileSync } = await import('node:fs');
    const code = readFileSync(out, 'utf8');
    expect(code).toContain("import type { VertexParam } from 'tgraph';");
    expect(code).toContain('export interface MyGraphQueries {');
    expect(code).toContain("    params: { p: VertexParam<'Patient'>; max_depth?: number | bigint };");
    expect((await run(['codegen', '--queries', '--out', out, '--check'])).code).toBe(0);
    writeFileSync(out, code.replace('max_depth?', 'max_depth'));
    const drift = await run(['codegen', '--queries', '--out', out, '--check']);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain('differs from the installed queries of MyGraph');
    expect(drift.stderr).toContain('tgraph codegen --queries --out');
  });
});

describe('load', () => {
  it('streams a file and stdin through a loading job and reports accepted and rejected lines', async () => {
    const job = await run([
      'gsql',
      'CREATE LOADING JOB cli_load FOR GRAPH MyGraph { DEFINE FILENAME f; LOAD f TO VERTEX Province VALUES ($0, $1, $2, $3) USING SEPARATOR=",", HEADER="false"; }',
    ]);
    expect(job.code, job.stderr).toBe(0);
    const file = join(home.dir, 'provinces.csv');
    writeFileSync(file, 'cli_p1,One,100,1.5\ncli_p2,Two,200,2.5\nbroken\n');
    em.requests.length = 0;
    const summary = await json(['load', 'cli_load', 'f', file]);
    expect(summary).toMatchObject({
      job: 'cli_load',
      filename: 'f',
      lines: 3,
      acceptedLines: 2,
      rejectedLines: 1,
      vertices: { Province: 2 },
    });
    const ddl = sent('POST', '/restpp/ddl/MyGraph');
    expect(ddl.query).toMatchObject({ tag: 'cli_load', filename: 'f' });
    expect(ddl.body).toBe('cli_p1,One,100,1.5\ncli_p2,Two,200,2.5\nbroken\n');
    const strict = await tgraph(['load', 'cli_load', 'f', '--strict', '--table'], {
      home,
      env,
      input: 'cli_p3,Three,300,3.5\nbad\n',
    });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('1 accepted');
    expect(strict.stdout).toContain('1 rejected');
    const missing = await run(['load', 'cli_load', 'f', join(home.dir, 'nope.csv')]);
    expect(missing.code).toBe(4);
  });
});

describe('paths, secrets, token, udt, system', () => {
  it('paths shortest and all', async () => {
    const shortest = await json<{ edges: { from_id: string; to_id: string }[] }>([
      'paths',
      'shortest',
      'Patient:1000000003',
      'Patient:1000000001',
    ]);
    expect(shortest.edges).toContainEqual(
      expect.objectContaining({ from_id: '1000000003', to_id: '1000000001' }),
    );
    const req = em.requests.find((r) => r.path === '/restpp/shortestpath/MyGraph');
    expect(req).toBeDefined();
    const all = await json<{ edges: unknown[] }>([
      'paths',
      'all',
      'Patient:1000000003',
      'Patient:1000000001',
      '--max-length',
      '2',
    ]);
    expect(all.edges.length).toBeGreaterThan(0);
    expect((await run(['paths', 'all', 'Patient:1', 'Patient:2'])).code).toBe(2);
  });

  it('secrets create, list, drop; token get and delete', async () => {
    const created = await json<{ alias: string; secret: string }>(['secrets', 'create', 'cli_s1']);
    expect(created.alias).toBe('cli_s1');
    expect(created.secret).toMatch(/^\w{32}$/);
    expect(sent('POST', '/gsql/v1/secrets').query).toEqual({ alias: 'cli_s1' });
    expect(await json<{ alias: string }[]>(['secrets', 'list'])).toContainEqual(
      expect.objectContaining({ alias: 'cli_s1' }),
    );

    em.requests.length = 0;
    const token = await json<{ token: string; expiresAt: string }>([
      'token',
      'get',
      '--secret',
      created.secret,
      '--lifetime',
      '600',
    ]);
    expect(JSON.parse(sent('POST', '/gsql/v1/tokens').body)).toEqual({
      secret: created.secret,
      lifetime: '600',
    });
    expect(Date.parse(token.expiresAt) - Date.now()).toBeLessThanOrEqual(600_000);
    const withToken = await tgraph(['vertices', 'count', 'Patient', '--json'], {
      home,
      env: { TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph', TG_TOKEN: token.token },
    });
    expect(withToken.code).toBe(0);
    expect(await json(['token', 'delete', token.token])).toEqual({ deleted: true });
    const revoked = await tgraph(['vertices', 'count', 'Patient'], {
      home,
      env: { TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph', TG_TOKEN: token.token },
    });
    expect(revoked.code).toBe(3);
    expect(await json(['secrets', 'drop', 'cli_s1'])).toMatchObject({ dropped: ['cli_s1'] });
  });

  it('udt list and show', async () => {
    expect((await run(['gsql', 'TYPEDEF TUPLE <street STRING, zip UINT(4)> CliAddress'])).code).toBe(0);
    const udts = await json<{ name: string }[]>(['udt', 'list']);
    expect(udts).toContainEqual(expect.objectContaining({ name: 'CliAddress' }));
    const fields = await json<{ name: string; type: string }[]>(['udt', 'show', 'CliAddress']);
    expect(fields.map((f) => f.name)).toEqual(['street', 'zip']);
    expect((await run(['udt', 'show', 'Nope'])).code).toBe(4);
  });

  it('system echo, version, endpoints, statistics', async () => {
    expect(await json(['system', 'echo'])).toEqual({ message: 'Hello GSQL' });
    expect(sent('GET', '/restpp/echo')).toBeDefined();
    expect(await json(['system', 'version'])).toMatchObject({ version: '4.2.0' });
    const endpoints = await json<Record<string, unknown>>(['system', 'endpoints']);
    expect(Object.keys(endpoints)).toContain('GET /echo');
    const stats = await run(['system', 'statistics', '--seconds', '60', '--json']);
    expect(stats.code).toBe(0);
    expect(sent('GET', '/restpp/statistics/MyGraph').query).toMatchObject({ seconds: '60' });
  });
});

describe('status and doctor', () => {
  it('status names the host, version, graph and auth style', async () => {
    expect(await json(['status'])).toMatchObject({
      host: em.gsUrl,
      hostFrom: 'env',
      version: '4.2.0',
      graph: 'MyGraph',
      auth: 'username/password (tigergraph)',
    });
  });

  it('doctor walks every step and passes against a healthy server', async () => {
    const steps = await json<{ step: string; status: string }[]>(['doctor']);
    expect(steps.map((s) => s.step)).toEqual([
      'config',
      'dns',
      'tcp',
      'tls',
      'ports',
      'version',
      'credentials',
      'restpp',
      'token',
      'graph',
    ]);
    expect(steps.filter((s) => s.status === 'fail')).toEqual([]);
    const text = await run(['doctor', '--table']);
    expect(text.stderr).toContain('no problems found');
  });

  it('doctor says what to fix: a closed port (exit 6), a wrong password (exit 3), a missing graph (exit 4)', async () => {
    const closed = await tgraph(['doctor', '--json'], {
      home,
      env: { ...env, TG_HOST: 'http://127.0.0.1:9' },
    });
    expect(closed.code).toBe(6);
    expect(JSON.parse(closed.stdout)).toContainEqual(
      expect.objectContaining({
        step: 'tcp',
        status: 'fail',
        fix: expect.stringContaining('is the server running'),
      }),
    );
    const wrong = await tgraph(['doctor', '--json'], { home, env: { ...env, TG_PASSWORD: 'nope-nope' } });
    expect(wrong.code).toBe(3);
    expect(JSON.parse(wrong.stdout)).toContainEqual(
      expect.objectContaining({
        step: 'credentials',
        status: 'fail',
        fix: expect.stringContaining('tgraph login'),
      }),
    );
    expect(wrong.stdout).not.toContain('nope-nope');
    const graph = await tgraph(['doctor', '--json'], { home, env: { ...env, TG_GRAPH: 'NoSuchGraph' } });
    expect(graph.code).toBe(4);
    expect(JSON.parse(graph.stdout)).toContainEqual(
      expect.objectContaining({ step: 'graph', status: 'fail' }),
    );
  });
});
