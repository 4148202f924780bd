// `tg.vectors` through the facade in Node, Chromium and Deno (`import 'tgraph'` picks the runtime's
// entry) against an emulator made through the control server: typed by a schema that declares the
// vector attribute, as generateSchemaTypes writes it from the live schema. Reads and searches run
// installed helper queries (TigerGraph runs neither in interpreted mode), installed on first use.
import { connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import {
  createClient,
  NotFoundError,
  type SchemaShape,
  type TigerGraphClient,
  TigerGraphError,
  ValidationError,
} from 'tgraph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const control = connectControl(inject('tgraphControlUrl'));

interface VecSchema extends SchemaShape {
  vertices: {
    Patient: {
      id: string;
      attributes: { sex: string; birth_year: number };
      vectors: { profile: number[] };
    };
    City: { id: string; attributes: { city: string } };
  };
  edges: Record<string, never>;
}

const PROFILES: Array<[string, number[]]> = [
  ['1000000001', [1, 0, 0]],
  ['1000000002', [0.8, 0.6, 0]],
  ['1000000003', [0, 0, 1]],
];

describe('tg.vectors on TigerGraph 4.2 in this runtime', () => {
  let emu: EmulatorHandle;
  let tg: TigerGraphClient<VecSchema>;
  beforeAll(async () => {
    emu = await control.create({ version: '4.2', seed: 'covid', auth: true, cors: { origins: '*' } });
    await control.gsql(
      emu.id,
      `USE GLOBAL
CREATE GLOBAL SCHEMA_CHANGE JOB add_profile {
  ALTER VERTEX Patient ADD VECTOR ATTRIBUTE profile(DIMENSION=3, METRIC="L2");
}
RUN GLOBAL SCHEMA_CHANGE JOB add_profile`,
    );
    tg = createClient<VecSchema>({
      host: emu.gsUrl,
      graph: 'MyGraph',
      username: 'tigergraph',
      password: 'tigergraph',
      retries: 0,
    });
  });
  afterAll(async () => {
    await tg.close();
    await control.destroy(emu.id);
  });

  it('generates schema types that declare the vector attribute', async () => {
    const { generateSchemaTypes } = await import('tgraph');
    const text = generateSchemaTypes(await tg.schema.getSchema());
    expect(text).toContain('      vectors: { profile: number[] };');
  });

  it('upserts, reads back and searches vectors (squared L2 distances, nearest first)', async () => {
    const written = await tg.vectors.upsert('Patient', 'profile', PROFILES);
    expect(written.accepted_vertices).toBe(3);
    const got = await tg.vectors.get('Patient', ['1000000002', '1000000001'], 'profile');
    expect(got).toEqual([
      { id: '1000000002', vector: [0.8, 0.6, 0] },
      { id: '1000000001', vector: [1, 0, 0] },
    ]);
    const query = [0.9, 0.1, 0];
    const matches = await tg.vectors.search({ type: 'Patient', attribute: 'profile', vector: query, k: 2 });
    // The distance map holds hnswlib's L2 distance (TigerGraph's index is HNSW): the squared Euclidean one.
    const l2 = (v: number[]) => v.reduce((sum, x, i) => sum + (x - (query[i] as number)) ** 2, 0);
    const expected = PROFILES.map(([id, v]) => ({ id, d: l2(v) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 2);
    expect(matches.map((m) => m.id)).toEqual(expected.map((e) => e.id));
    matches.forEach((m, i) => {
      expect(m.distance).toBeCloseTo(expected[i]?.d as number, 5);
    });
    const year: number = matches[0]?.attributes.birth_year ?? 0;
    expect(year).toBe(1964);
    const status = await tg.vectors.status('Patient', 'profile');
    expect(status.raw).toHaveProperty('NeedRebuildServers');
    // Both went to installed queries, created with their GSQL text, never to the interpreter.
    // Browsers add CORS preflights (OPTIONS): not part of what the SDK sent.
    const sent = (await control.requests(emu.id)).filter((r) => r.method !== 'OPTIONS');
    expect(sent.filter((r) => r.path.includes('interpret'))).toEqual([]);
    const created = sent.filter((r) => r.method === 'POST' && r.path === '/gsql/v1/queries');
    expect(created.map((r) => /^CREATE QUERY (tgraph_v[a-z]+)_/.exec(r.body)?.[1])).toEqual([
      'tgraph_vget',
      'tgraph_vsearch',
    ]);
    expect(created[1]?.body).toContain('vectorSearch({Patient.profile}, query_vector, k,');
    // Each: a run that finds the endpoint missing, the installation, the run again.
    const runs = sent.filter((r) => r.path.startsWith('/restpp/query/MyGraph/tgraph_v'));
    expect(runs.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 404',
      'POST 200',
      'POST 404',
      'POST 200',
    ]);
  });

  it('installs the helper queries ahead with installQueries, runs them with install: false, drops them', async () => {
    const spec = { type: 'Patient', attribute: 'profile', filter: 'v.birth_year < 1970' } as const;
    const request = { ...spec, vector: [0.9, 0.1, 0], k: 2 };
    const missing = await tg.vectors.search(request, { install: false }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).code).toBe('TG-QUERY-NOT-INSTALLED');
    const installed = await tg.vectors.installQueries(spec);
    // The get query of Patient was installed by this client's tg.vectors.get above.
    expect(installed.map((q) => [q.purpose, q.alreadyInstalled])).toEqual([
      ['search', false],
      ['get', false],
    ]);
    const matches = await tg.vectors.search(request, { install: false });
    // Born before 1970: 1000000001 and 1000000003 (covid seed).
    expect(matches.map((m) => m.id)).toEqual(['1000000001', '1000000003']);
    const { dropped } = await tg.vectors.dropQueries();
    // The two just installed and the plain search query of the test before.
    expect(dropped).toHaveLength(3);
    expect(dropped).toEqual(expect.arrayContaining(installed.map((q) => q.name)));
  });

  it('refuses a wrong dimension and an unknown attribute with ValidationErrors', async () => {
    const wrongDimension = tg.vectors.search({ type: 'Patient', attribute: 'profile', vector: [1, 2], k: 1 });
    await expect(wrongDimension).rejects.toThrow(ValidationError);
    await expect(wrongDimension).rejects.toThrow('DIMENSION is 3');
    // @ts-expect-error: Patient declares only the vector attribute `profile` in VecSchema.
    const noVector = tg.vectors.get('Patient', ['1000000001'], 'profile_x');
    await expect(noVector).rejects.toThrow(
      "Vertex type 'Patient' has no vector attribute 'profile_x' (its vector attributes: profile)",
    );
  });
});

describe('tg.vectors on TigerGraph 3.10 in this runtime', () => {
  it('says that vector search needs TigerGraph 4.2+', async () => {
    const emu = await control.create({ version: '3.10', seed: 'covid', auth: false, cors: { origins: '*' } });
    const tg = createClient({ host: emu.gsUrl, graph: 'MyGraph', retries: 0 });
    try {
      const error = await tg.vectors
        .search({ type: 'Patient', attribute: 'profile', vector: [1, 0, 0], k: 1 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TigerGraphError);
      expect((error as TigerGraphError).code).toBe('TG-UNSUPPORTED');
      expect((error as Error).message).toContain('Vector search needs TigerGraph 4.2+');
    } finally {
      await tg.close();
      await control.destroy(emu.id);
    }
  });
});
