// Vectors in Node, Chromium and Deno against emulators made through the control server, on the
// runtime's own fetch: writing vectors (RESTPP upsert, `{"value": [...]}`), reading them back
// (`PRINT S WITH VECTOR`) and top-k search (`vectorSearch()`), with the wire requests asserted in
// TigerGraph's documented forms; and the errors on servers without vectors. No node: imports here.
import { basicAuth } from '@tgraph/auth';
import { type ControlRecordedRequest, connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import { TigerGraphError, ValidationError } from '@tgraph/protocol';
import { createTransport, type Transport } from '@tgraph/transport';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiContext, createContext } from '../src/context.ts';
import { getVectorStatus, getVectors, searchVectors, upsertVectors } from '../src/vectors.ts';

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
}

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
  const ctx = createContext({ transport, graph: 'MyGraph', line });
  await transport.request({ service: 'restpp', method: 'GET', path: '/echo' });
  let seen = (await control.requests(emu.id)).at(-1)?.seq ?? 0;
  const sent = async () => {
    const all = await control.requests(emu.id);
    // Browsers add CORS preflights (OPTIONS): not part of what the SDK sent.
    const fresh = all.filter((r) => r.seq > seen && r.method !== 'OPTIONS');
    seen = all.at(-1)?.seq ?? seen;
    return fresh;
  };
  return { emu, transport, ctx, sent };
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

  it('reads vectors back with PRINT … WITH VECTOR, in the order asked, skipping unknown ids', async () => {
    const got = await getVectors(
      s.ctx,
      'Patient',
      ['1000000003', 'no_such', '1000000001', '1000000003'],
      'profile',
    );
    expect(got.map((g) => g.id)).toEqual(['1000000003', '1000000001']);
    expect(got[0]?.vector).toEqual([0, 1, 0, 0]);
    expect(got[1]?.vector).toEqual([1, 0, 0, 0]);
    const [req] = (await s.sent()).filter((q) => q.method === 'POST');
    expect(req?.path).toBe('/gsql/v1/queries/interpret');
    expect(req?.body).toContain('PRINT S WITH VECTOR;');
    expect(req?.query['ids']).toEqual(['1000000003', 'no_such', '1000000001']);
  });

  it('finds the k nearest vectors with vectorSearch, nearest first, with the reported distances', async () => {
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
    const [req] = (await s.sent()).filter((q) => q.method === 'POST');
    expect(req?.path).toBe('/gsql/v1/queries/interpret');
    expect(req?.body).toContain(
      'vectorSearch({Patient.profile}, @@query_vector, 3, {distance_map: @@distances});',
    );
    expect(req?.body).toContain('ListAccum<FLOAT> @@query_vector = [1, 0.05, 0, 0];');
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
    const [req] = (await s.sent()).filter((q) => q.method === 'POST');
    expect(req?.body).toContain('C = to_vertex_set(ids, "Patient");');
    expect(req?.body).toContain('{distance_map: @@distances, ef: 50, candidate_set: C}');
    expect(req?.body).toContain('PRINT R WITH VECTOR;');

    const filtered = await searchVectors(s.ctx, {
      type: 'Patient',
      attribute: 'profile',
      vector: query,
      k: 2,
      filter: 'v.birth_year > 1980',
    });
    // 1000000001 and 1000000003 were born in 1964 (covid seed): only the others are candidates.
    expect(filtered.map((m) => m.id)).toEqual(nearest(['1000000002', '1000000004', '1000000005'], 2));
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
