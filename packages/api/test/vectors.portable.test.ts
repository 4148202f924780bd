// Vectors in Node, Chromium and Deno against emulators made through the control server, on the
// runtime's own fetch: writing vectors (RESTPP upsert, `{"value": [...]}`), reading them back
// (`PRINT S WITH VECTOR`) and top-k search (`vectorSearch()`) through installed helper queries —
// TigerGraph runs neither in interpreted mode (tigergraph/tigergraph-mcp,
// src/tigergraph_mcp/tools/vector_tools.py: search_top_k_similarity, fetch_vector) — created and
// installed once (GSQL `POST /gsql/v1/queries`, `GET /gsql/v1/queries/install`), then run at
// `POST /restpp/query/MyGraph/<name>` with a JSON body (reference §4.8); and the errors on servers
// without vectors. No node: imports here.
import { basicAuth } from '@tgraph/auth';
import { type ControlRecordedRequest, connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import { NotFoundError, TigerGraphError, ValidationError } from '@tgraph/protocol';
import { createTransport, type Transport } from '@tgraph/transport';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiContext, createContext } from '../src/context.ts';
import { dropQueries, listQueries } from '../src/queries.ts';
import {
  dropVectorQueries,
  getVectorStatus,
  getVectors,
  installVectorQueries,
  searchVectors,
  upsertVectors,
} from '../src/vectors.ts';

const control = connectControl(inject('tgraphControlUrl'));

const ADD_PROFILE = `USE GLOBAL
CREATE GLOBAL SCHEMA_CHANGE JOB add_profile {
  ALTER VERTEX Patient ADD VECTOR ATTRIBUTE profile(DIMENSION=4, METRIC="COSINE");
}
RUN GLOBAL SCHEMA_CHANGE JOB add_profile`;

const PROFILES: Array<[string, number[]]> = [
  ['1000000001', [1, 0, 0, 0]],
  ['1000000002', [0.9, 0.1, 0, 0]],
  ['1000000003', [0, 1, 0, 0]],
  ['1000000004', [0, 0, 1, 0.5]],
  ['1000000005', [0.5, 0.5, 0.5, 0.5]],
];

const cosineDistance = (a: readonly number[], b: readonly number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  });
  return 1 - dot / Math.sqrt(na * nb);
};

async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

interface Setup {
  emu: EmulatorHandle;
  transport: Transport;
  ctx: ApiContext;
  sent(): Promise<ControlRecordedRequest[]>;
  /** Another client of the same server (its own cache of installed queries). */
  fresh(): ApiContext;
}

/** `METHOD path` of each request, RESTPP paths as sent through the nginx-style port. */
const lines = (requests: readonly ControlRecordedRequest[]) => requests.map((r) => `${r.method} ${r.path}`);

/** The created query's name, from its CREATE QUERY text. */
const createdName = (request: ControlRecordedRequest | undefined) =>
  /^CREATE QUERY (\w+)\(/.exec(request?.body ?? '')?.[1] as string;

async function setup(version: string): Promise<Setup> {
  const emu = await control.create({ version, seed: 'covid', auth: true, cors: { origins: '*' } });
  const line = version.startsWith('3') ? '3' : '4';
  const transport = createTransport({
    restppUrls: [line === '3' ? emu.restppUrl : emu.restppViaGsUrl],
    gsqlUrl: emu.gsUrl,
    auth: basicAuth({ username: 'tigergraph', password: 'tigergraph' }),
    line,
    graph: 'MyGraph',
    retry: { limit: 0 },
  });
  const fresh = () => createContext({ transport, graph: 'MyGraph', line });
  const ctx = fresh();
  await transport.request({ service: 'restpp', method: 'GET', path: '/echo' });
  let seen = (await control.requests(emu.id)).at(-1)?.seq ?? 0;
  const sent = async () => {
    const all = await control.requests(emu.id);
    // Browsers add CORS preflights (OPTIONS): not part of what the SDK sent.
    const fresh = all.filter((r) => r.seq > seen && r.method !== 'OPTIONS');
    seen = all.at(-1)?.seq ?? seen;
    return fresh;
  };
  return { emu, transport, ctx, sent, fresh };
}

describe('vectors on TigerGraph 4.2 in this runtime', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup('4.2');
    await control.gsql(s.emu.id, ADD_PROFILE);
    await s.sent();
  });
  afterAll(async () => {
    await s.transport.close();
    await control.destroy(s.emu.id);
  });

  it('writes vectors with the RESTPP upsert, as {"value": [...]}, in batches', async () => {
    const r = await upsertVectors(
      s.ctx,
      'Patient',
      'profile',
      PROFILES.map(([id, vector], i) =>
        i % 2 === 0 ? [id, vector] : { id, vector, attributes: { sex: 'male' } },
      ),
      { batchSize: 3 },
    );
    expect(r.accepted_vertices).toBe(5);
    const posts = (await s.sent()).filter((q) => q.method === 'POST');
    expect(posts.map((q) => q.path.replace(/^\/restpp/, ''))).toEqual(['/graph/MyGraph', '/graph/MyGraph']);
    // Batches may go out concurrently: find the first batch by its content, not its arrival.
    const bodies = posts.map((q) => JSON.parse(q.body ?? ''));
    const first = bodies.find((b) => '1000000001' in (b.vertices?.Patient ?? {}));
    expect(bodies.map((b) => Object.keys(b.vertices.Patient).length).sort()).toEqual([2, 3]);
    expect(first).toEqual({
      vertices: {
        Patient: {
          '1000000001': { profile: { value: [1, 0, 0, 0] } },
          '1000000002': { sex: { value: 'male' }, profile: { value: [0.9, 0.1, 0, 0] } },
          '1000000003': { profile: { value: [0, 1, 0, 0] } },
        },
      },
    });
    // Right after a write the HNSW index of the attribute is being rebuilt.
    const status = await getVectorStatus(s.ctx, 'Patient', 'profile');
    expect(status).toMatchObject({ upToDate: false, raw: { NeedRebuildServers: status.needRebuildServers } });
    expect(status.needRebuildServers.length).toBeGreaterThan(0);
  });

  it('reads vectors back with PRINT … WITH VECTOR in a query installed once, in the order asked, skipping unknown ids', async () => {
    const got = await getVectors(
      s.ctx,
      'Patient',
      ['1000000003', 'no_such', '1000000001', '1000000003'],
      'profile',
    );
    expect(got.map((g) => g.id)).toEqual(['1000000003', '1000000001']);
    expect(got[0]?.vector).toEqual([0, 1, 0, 0]);
    expect(got[1]?.vector).toEqual([1, 0, 0, 0]);
    // (The status read of the test before is left out.)
    const sent = (await s.sent()).filter((q) => !q.path.includes('/vector/status'));
    const create = sent.find((q) => q.path === '/gsql/v1/queries' && q.method === 'POST');
    const name = createdName(create);
    expect(name).toMatch(/^tgraph_vget_[0-9a-z]{13}$/);
    expect(create?.body).toBe(
      `CREATE QUERY ${name}(SET<STRING> ids) FOR GRAPH MyGraph {\n  S = to_vertex_set(ids, "Patient");\n  PRINT S WITH VECTOR;\n}`,
    );
    // Run, not found (REST-1000), so looked up, created, installed (request then status), run again
    // with the ids in a JSON body.
    expect(lines(sent)).toEqual([
      `POST /restpp/query/MyGraph/${name}`,
      'GET /gsql/v1/queries/info',
      'POST /gsql/v1/queries',
      'GET /gsql/v1/queries/install',
      expect.stringMatching(/^GET \/gsql\/v1\/queries\/install\/\w+$/),
      `POST /restpp/query/MyGraph/${name}`,
    ]);
    expect(sent[0]?.status).toBe(404);
    expect(sent[3]?.query).toMatchObject({ graph: 'MyGraph', queries: name });
    for (const run of [sent[0], sent[5]]) {
      expect(JSON.parse(run?.body ?? '')).toEqual({ ids: ['1000000003', 'no_such', '1000000001'] });
    }
    // Read again: the installed query is run straight away.
    expect(await getVectors(s.ctx, 'Patient', ['1000000002'], 'profile')).toEqual([
      { id: '1000000002', vector: [0.9, 0.1, 0, 0] },
    ]);
    expect(lines(await s.sent())).toEqual([`POST /restpp/query/MyGraph/${name}`]);
  });

  it('finds the k nearest vectors with vectorSearch in an installed query, nearest first, with the reported distances', async () => {
    const query = [1, 0.05, 0, 0];
    const matches = await searchVectors(s.ctx, {
      type: 'Patient',
      attribute: 'profile',
      vector: query,
      k: 3,
    });
    const expected = PROFILES.map(([id, v]) => ({ id, d: cosineDistance(query, v) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 3);
    expect(matches.map((m) => m.id)).toEqual(expected.map((e) => e.id));
    matches.forEach((m, i) => {
      expect(m.type).toBe('Patient');
      expect(m.distance).toBeCloseTo(expected[i]?.d as number, 5);
      expect(m.vector).toBeUndefined();
    });
    expect(matches[1]?.attributes).toMatchObject({ sex: 'male', birth_year: 1987 });
    const sent = await s.sent();
    const create = sent.find((q) => q.path === '/gsql/v1/queries' && q.method === 'POST');
    const name = createdName(create);
    expect(name).toMatch(/^tgraph_vsearch_[0-9a-z]{13}$/);
    expect(create?.body).toContain(
      `CREATE QUERY ${name}(LIST<FLOAT> query_vector, INT k, INT ef = 0, SET<STRING> ids) FOR GRAPH MyGraph SYNTAX v3 {`,
    );
    expect(create?.body).toContain('MapAccum<VERTEX, FLOAT> @@distances;');
    expect(create?.body).toContain(
      'R = vectorSearch({Patient.profile}, query_vector, k, {distance_map: @@distances});',
    );
    expect(create?.body).toContain(
      'R = vectorSearch({Patient.profile}, query_vector, k, {distance_map: @@distances, ef: ef, candidate_set: C});',
    );
    expect(create?.body).toContain('PRINT R;\n  PRINT @@distances;\n}');
    expect(sent.filter((q) => q.path === '/gsql/v1/queries/install')).toHaveLength(1);
    // The first run finds no such endpoint; the second, after the installation, answers.
    const runs = sent.filter((q) => q.path.startsWith('/restpp/query/'));
    expect(runs.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual([
      `POST /restpp/query/MyGraph/${name} 404`,
      `POST /restpp/query/MyGraph/${name} 200`,
    ]);
    expect(JSON.parse(runs[1]?.body ?? '')).toEqual({ query_vector: query, k: 3, ef: 0, ids: [] });

    // A second search runs the installed query: no look-up, no CREATE, no INSTALL.
    const other = await searchVectors(s.ctx, {
      type: 'Patient',
      attribute: 'profile',
      vector: [0, 1, 0, 0],
      k: 1,
    });
    expect(other.map((m) => m.id)).toEqual(['1000000003']);
    expect(lines(await s.sent())).toEqual([`POST /restpp/query/MyGraph/${name}`]);
  });

  it('narrows the candidates by ids or by a filter, and returns vectors on request', async () => {
    const query = [1, 0, 0.2, 0];
    const nearest = (ids: string[], k: number) =>
      PROFILES.filter(([id]) => ids.includes(id))
        .map(([id, v]) => ({ id, d: cosineDistance(query, v) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, k)
        .map((e) => e.id);
    const candidates = ['1000000003', '1000000004', '1000000005'];
    const byIds = await searchVectors(s.ctx, {
      type: 'Patient',
      attribute: 'profile',
      vector: query,
      k: 2,
      ids: candidates,
      withVectors: true,
      ef: 50,
    });
    expect(byIds.map((m) => m.id)).toEqual(nearest(candidates, 2));
    expect(byIds.map((m) => m.vector)).toEqual(byIds.map((m) => PROFILES.find(([id]) => id === m.id)?.[1]));
    let sent = await s.sent();
    // WITH VECTOR is part of the text: a query of its own.
    const withVectors = sent.find((q) => q.path === '/gsql/v1/queries' && q.method === 'POST');
    expect(withVectors?.body).toContain('C = to_vertex_set(ids, "Patient");');
    expect(withVectors?.body).toContain('PRINT R WITH VECTOR;');
    const run = sent.filter((q) => q.path === `/restpp/query/MyGraph/${createdName(withVectors)}`).at(-1);
    expect(JSON.parse(run?.body ?? '')).toEqual({ query_vector: query, k: 2, ef: 50, ids: candidates });

    const filtered = await searchVectors(s.ctx, {
      type: 'Patient',
      attribute: 'profile',
      vector: query,
      k: 2,
      filter: 'v.birth_year > 1980',
    });
    // 1000000001 and 1000000003 were born in 1964 (covid seed): only the others are candidates.
    expect(filtered.map((m) => m.id)).toEqual(nearest(['1000000002', '1000000004', '1000000005'], 2));
    sent = await s.sent();
    const withFilter = sent.find((q) => q.path === '/gsql/v1/queries' && q.method === 'POST');
    expect(withFilter?.body).toContain('C = SELECT v FROM (v:C) WHERE v.birth_year > 1980;');
    expect(withFilter?.body).toContain(
      'R = vectorSearch({Patient.profile}, query_vector, k, {distance_map: @@distances, candidate_set: C});',
    );
  });

  it('installs once when two searches need the same new query at the same time', async () => {
    const request = {
      type: 'Patient',
      attribute: 'profile',
      vector: [0, 0, 1, 0.5],
      k: 1,
      filter: 'v.birth_year < 2000',
    };
    const [a, b] = await Promise.all([searchVectors(s.ctx, request), searchVectors(s.ctx, request)]);
    expect(a?.map((m) => m.id)).toEqual(['1000000004']);
    expect(b).toEqual(a);
    const sent = await s.sent();
    expect(sent.filter((q) => q.path === '/gsql/v1/queries/info')).toHaveLength(1);
    expect(sent.filter((q) => q.path === '/gsql/v1/queries' && q.method === 'POST')).toHaveLength(1);
    expect(sent.filter((q) => q.path === '/gsql/v1/queries/install')).toHaveLength(1);
    // Each finds the endpoint missing, waits for the one installation, and runs again.
    expect(sent.filter((q) => q.path.startsWith('/restpp/query/')).map((q) => q.status)).toEqual([
      404, 404, 200, 200,
    ]);
  });

  it('with install: false, names the missing query and how to install it; installVectorQueries installs it beforehand', async () => {
    const request = {
      type: 'Patient',
      attribute: 'profile',
      vector: [1, 0, 0, 0],
      k: 2,
      filter: 'v.birth_year >= 1964',
    };
    const error = await thrown(searchVectors(s.ctx, request, { install: false }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe('TG-QUERY-NOT-INSTALLED');
    expect((error as Error).message).toMatch(
      /The vector search query tgraph_vsearch_\w+ is not installed on graph MyGraph/,
    );
    expect((error as Error).message).toContain(
      'installVectorQueries(ctx, {"type":"Patient","attribute":"profile","filter":"v.birth_year >= 1964"})',
    );
    // Run only (not found): nothing looked up, created or installed.
    const tried = await s.sent();
    expect(lines(tried)).toEqual([
      expect.stringMatching(/^POST \/restpp\/query\/MyGraph\/tgraph_vsearch_\w+$/),
    ]);
    expect(tried[0]?.status).toBe(404);

    // A deploy script on another client installs it (the get query of Patient is there already).
    const deploy = s.fresh();
    const progress: string[] = [];
    const installed = await installVectorQueries(
      deploy,
      { type: 'Patient', attribute: 'profile', filter: 'v.birth_year >= 1964' },
      { onInstall: (query, status) => progress.push(`${query} ${status.state}`) },
    );
    expect(installed.map((q) => [q.purpose, q.alreadyInstalled])).toEqual([
      ['search', false],
      ['get', true],
    ]);
    expect(progress.at(-1)).toBe(`${installed[0]?.name} SUCCESS`);
    expect((await s.sent()).find((q) => q.method === 'POST')?.body).toContain(
      `CREATE QUERY ${installed[0]?.name}(`,
    );
    const matches = await searchVectors(s.ctx, request, { install: false });
    expect(matches.map((m) => m.id)).toEqual(['1000000001', '1000000002']);
    expect(lines(await s.sent())).toEqual([`POST /restpp/query/MyGraph/${installed[0]?.name}`]);
  });

  it('installs a helper query again, once, when it was dropped on the server', async () => {
    const request = { type: 'Patient', attribute: 'profile', vector: [0, 1, 0, 0], k: 1 };
    await searchVectors(s.ctx, request);
    const [run] = (await s.sent()).filter((q) => q.path.startsWith('/restpp/query/'));
    const name = run?.path.split('/').at(-1) as string;
    // Dropped behind this client's back.
    await dropQueries(s.fresh(), [name]);
    await s.sent();
    expect((await searchVectors(s.ctx, request)).map((m) => m.id)).toEqual(['1000000003']);
    const sent = await s.sent();
    expect(lines(sent).filter((l) => !l.startsWith('GET /gsql/v1/queries/install/'))).toEqual([
      `POST /restpp/query/MyGraph/${name}`,
      'GET /gsql/v1/queries/info',
      'POST /gsql/v1/queries',
      'GET /gsql/v1/queries/install',
      `POST /restpp/query/MyGraph/${name}`,
    ]);
    expect(sent[0]?.status).toBe(404);
  });

  it('checks names, dimension and k against the schema before sending anything', async () => {
    await s.sent();
    const cases: Array<[() => Promise<unknown>, string]> = [
      [
        () => searchVectors(s.ctx, { type: 'Patient', attribute: 'profile', vector: [1, 2], k: 1 }),
        'DIMENSION is 4',
      ],
      [
        () => searchVectors(s.ctx, { type: 'Patient', attribute: 'profile', vector: [1, 0, 0, 0], k: 0 }),
        'k must be an integer',
      ],
      [
        () => searchVectors(s.ctx, { type: 'Patient', attribute: 'nope', vector: [1, 0, 0, 0], k: 1 }),
        'its vector attributes: profile',
      ],
      [
        () => searchVectors(s.ctx, { type: 'City', attribute: 'profile', vector: [1, 0, 0, 0], k: 1 }),
        'it has none',
      ],
      [
        () =>
          searchVectors(s.ctx, {
            type: 'Patient} PRINT 1; {',
            attribute: 'profile',
            vector: [1, 0, 0, 0],
            k: 1,
          }),
        'not a GSQL identifier',
      ],
      [
        () =>
          searchVectors(s.ctx, {
            type: 'Patient',
            attribute: 'profile',
            vector: [1, Number.NaN, 0, 0],
            k: 1,
          }),
        'vector[1] must be a finite number',
      ],
      [
        () => upsertVectors(s.ctx, 'Patient', 'profile', [['1000000001', [1, 2, 3]]]),
        'rows[0].vector has 3 elements',
      ],
      [() => getVectors(s.ctx, 'Patient', ['1000000001'], 'profile x'), 'not a GSQL identifier'],
    ];
    for (const [call, message] of cases) {
      const error = await thrown(call());
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toContain(message);
    }
    expect(
      (await s.sent()).filter((q) => q.method !== 'GET').map((q) => `${q.method} ${q.path} ${q.body}`),
    ).toEqual([]);
  });

  it('drops every vector helper query of the graph with dropVectorQueries', async () => {
    const { dropped } = await dropVectorQueries(s.ctx);
    expect(dropped.length).toBeGreaterThanOrEqual(5);
    expect(dropped.every((n) => /^tgraph_v(search|get)_[0-9a-z]{13}$/.test(n))).toBe(true);
    expect((await listQueries(s.ctx)).filter((q) => q.name.startsWith('tgraph_v'))).toEqual([]);
    // The next search installs what it needs again.
    await searchVectors(s.ctx, { type: 'Patient', attribute: 'profile', vector: [0, 1, 0, 0], k: 1 });
    expect((await listQueries(s.ctx)).filter((q) => q.name.startsWith('tgraph_v')).length).toBe(1);
  });
});

describe('vector search over several vertex types on TigerGraph 4.2 in this runtime', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup('4.2');
    await control.gsql(
      s.emu.id,
      `USE GLOBAL
CREATE GLOBAL SCHEMA_CHANGE JOB add_place {
  ALTER VERTEX Patient ADD VECTOR ATTRIBUTE place(DIMENSION=2, METRIC="L2");
  ALTER VERTEX City ADD VECTOR ATTRIBUTE place(DIMENSION=2, METRIC="L2");
}
RUN GLOBAL SCHEMA_CHANGE JOB add_place`,
    );
    await upsertVectors(s.ctx, 'Patient', 'place', [
      ['1000000001', [1, 0]],
      ['1000000002', [0.5, 0.5]],
    ]);
    await upsertVectors(s.ctx, 'City', 'place', [
      ['Seoul', [0.9, 0.1]],
      ['Busan', [0, 1]],
    ]);
    await s.sent();
  });
  afterAll(async () => {
    await s.transport.close();
    await control.destroy(s.emu.id);
  });

  it('searches every type in one query (no ids parameter), with and without a filter', async () => {
    const all: Array<[string, string, number[]]> = [
      ['Patient', '1000000001', [1, 0]],
      ['Patient', '1000000002', [0.5, 0.5]],
      ['City', 'Seoul', [0.9, 0.1]],
      ['City', 'Busan', [0, 1]],
    ];
    const query = [0, 0.2];
    const l2 = (v: number[]) => v.reduce((sum, x, i) => sum + (x - (query[i] as number)) ** 2, 0);
    const nearest = (types: string[], k: number) =>
      all
        .filter(([type]) => types.includes(type))
        .map(([type, id, v]) => ({ type, id, d: l2(v) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, k);
    const both = await searchVectors(s.ctx, {
      type: ['Patient', 'City'],
      attribute: 'place',
      vector: query,
      k: 3,
    });
    const expected = nearest(['Patient', 'City'], 3);
    expect(both.map((m) => [m.type, m.id])).toEqual(expected.map((e) => [e.type, e.id]));
    both.forEach((m, i) => {
      expect(m.distance).toBeCloseTo(expected[i]?.d as number, 5);
    });
    const cities = await searchVectors(s.ctx, {
      type: ['Patient', 'City'],
      attribute: 'place',
      vector: query,
      k: 3,
      filter: 'v.type == "City"',
    });
    expect(cities.map((m) => m.id)).toEqual(nearest(['City'], 3).map((e) => e.id));
    const sent = await s.sent();
    const created = sent
      .filter((q) => q.method === 'POST' && q.path === '/gsql/v1/queries')
      .map((q) => q.body);
    expect(created).toHaveLength(2);
    expect(created[0]).toMatch(
      /^CREATE QUERY tgraph_vsearch_\w+\(LIST<FLOAT> query_vector, INT k, INT ef = 0\) FOR GRAPH/,
    );
    expect(created[0]).toContain(
      'R = vectorSearch({Patient.place, City.place}, query_vector, k, {distance_map: @@distances});',
    );
    expect(created[1]).toContain(
      'C = {Patient.*, City.*};\n  C = SELECT v FROM (v:C) WHERE v.type == "City";',
    );
    // Each query: a run that finds it missing, then the run after its installation.
    const runs = sent.filter((q) => q.path.startsWith('/restpp/query/'));
    expect(runs.map((q) => q.status)).toEqual([404, 200, 404, 200]);
    for (const run of runs) expect(JSON.parse(run.body)).toEqual({ query_vector: query, k: 3, ef: 0 });
  });
});

for (const version of ['3.10', '4.1']) {
  describe(`vectors on TigerGraph ${version} in this runtime`, () => {
    let s: Setup;
    beforeAll(async () => {
      s = await setup(version);
    });
    afterAll(async () => {
      await s.transport.close();
      await control.destroy(s.emu.id);
    });

    it('says that vector search needs TigerGraph 4.2+', async () => {
      for (const call of [
        () => searchVectors(s.ctx, { type: 'Patient', attribute: 'profile', vector: [1, 0, 0, 0], k: 1 }),
        () => getVectors(s.ctx, 'Patient', ['1000000001'], 'profile'),
        () => upsertVectors(s.ctx, 'Patient', 'profile', [['1000000001', [1, 0, 0, 0]]]),
      ]) {
        const error = await thrown(call());
        expect(error).toBeInstanceOf(TigerGraphError);
        expect((error as TigerGraphError).code).toBe('TG-UNSUPPORTED');
        expect((error as Error).message).toContain('Vector search needs TigerGraph 4.2+');
      }
      // Nothing was written.
      expect(
        (await s.sent()).filter((q) => q.method === 'POST' && q.path.endsWith('/graph/MyGraph')),
      ).toEqual([]);
    });
  });
}
