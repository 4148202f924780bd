// "Patients with a similar profile": the first request adds the `profile` vector attribute and
// writes every patient's profile; the answer is the k nearest other patients by cosine distance of
// the stored vectors (checked here by brute force over what TigerGraph holds); bad input is a 400,
// an unknown patient a 404; TigerGraph before 4.2 a 501 that says vector search needs 4.2+.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_DIMENSION, patientProfile } from '../src/domain/profile.js';
import { json, lastSeq, requestsSince, type Stack, startStack } from './helpers.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface Similar {
  id: string;
  profile: number[];
  similar: Array<{ id: string; distance: number; sex: string; birthYear: number; infectionCase: string }>;
}

const cosineDistance = (a: readonly number[], b: readonly number[]) => {
  const dot = a.reduce((s, x, i) => s + x * (b[i] as number), 0);
  const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return 1 - dot / (norm(a) * norm(b));
};

describe('patientProfile', () => {
  it('encodes age, sex and infection route with equal weight', () => {
    expect(patientProfile({ birth_year: 1964, sex: 'male', infection_case: 'overseas inflow' })).toEqual([
      0.56, 1, 0, 1, 0, 0,
    ]);
    expect(patientProfile({ birth_year: 0, sex: '', infection_case: 'Shincheonji Church' })).toEqual([
      0.5, 0.5, 0.5, 0, 0, 1,
    ]);
    expect(patientProfile({ sex: 'female', infection_case: 'contact with patient' })).toHaveLength(
      PROFILE_DIMENSION,
    );
  });
});

describe('GET /api/patients/{id}/similar', () => {
  it('indexes the profiles once, then answers the k nearest other patients by the stored vectors', async () => {
    const before = lastSeq(stack.emulator);
    const res = await stack.get('/api/patients/1000000002/similar?k=4');
    expect(
      res.status,
      stack.logs
        .filter((l) => l.includes('error'))
        .join('\n')
        .slice(-3000),
    ).toBe(200);
    const body = await json<Similar>(res);
    const tg = stack.service.gateway.client;
    // The schema now has the vector attribute TigerGraph describes in EmbeddingAttributes.
    const [attr] = await tg.vertices.vectors('Patient', { refresh: true });
    expect(attr).toMatchObject({ Name: 'profile', Dimension: PROFILE_DIMENSION, Metric: 'COSINE' });
    // Every patient's stored vector is its profile.
    const patients = await tg.vertices.get('Patient', { select: ['birth_year', 'sex', 'infection_case'] });
    const stored = await tg.vectors.get(
      'Patient',
      patients.map((p) => p.v_id),
      'profile',
    );
    expect(stored).toHaveLength(patients.length);
    for (const p of patients) {
      const v = stored.find((s) => s.id === p.v_id)?.vector as number[];
      patientProfile(p.attributes).forEach((x, i) => {
        expect(v[i]).toBeCloseTo(x, 5);
      });
    }
    // The answer: brute force over the stored vectors, the patient itself left out.
    const mine = stored.find((s) => s.id === '1000000002')?.vector as number[];
    const expected = stored
      .filter((s) => s.id !== '1000000002')
      .map((s) => ({ id: s.id, d: cosineDistance(mine, s.vector) }))
      .sort((a, b) => a.d - b.d);
    expect(body.similar).toHaveLength(4);
    body.similar.forEach((s, i) => {
      expect(s.distance).toBeCloseTo(expected[i]?.d as number, 5);
      const p = patients.find((x) => x.v_id === s.id);
      expect(s).toMatchObject({ sex: p?.attributes['sex'], birthYear: p?.attributes['birth_year'] });
    });
    expect(body.profile).toEqual(
      patientProfile(patients.find((p) => p.v_id === '1000000002')?.attributes ?? {}),
    );
    // The search went to TigerGraph as vectorSearch in a query installed once (TigerGraph does not
    // run vectorSearch in interpreted mode), run at its RESTPP endpoint with the profile.
    const sent = requestsSince(stack.emulator, before);
    const created = sent.filter(
      (r) =>
        r.method === 'POST' &&
        r.path === '/gsql/v1/queries' &&
        r.body.includes('vectorSearch({Patient.profile}'),
    );
    expect(created).toHaveLength(1);
    const name = /^CREATE QUERY (tgraph_vsearch_\w+)\(/.exec(created[0]?.body ?? '')?.[1];
    expect(
      sent.filter((r) => r.path === '/gsql/v1/queries/install' && r.query['queries'] === name),
    ).toHaveLength(1);
    const searches = sent.filter((r) => r.path === `/restpp/query/MyGraph/${name}`);
    expect(searches.map((r) => JSON.parse(r.body))).toEqual([
      { query_vector: body.profile, k: 5, ef: 0, ids: [] },
    ]);
    expect(sent.filter((r) => r.path.includes('interpret'))).toEqual([]);

    // A second request does not index again: one upsert of the subject, one search, no install.
    const again = lastSeq(stack.emulator);
    expect((await stack.get('/api/patients/1000000003/similar')).status).toBe(200);
    const next = requestsSince(stack.emulator, again);
    const upserts = next.filter((r) => r.method === 'POST' && r.path.endsWith('/graph/MyGraph'));
    expect(upserts.map((r) => Object.keys(JSON.parse(r.body).vertices.Patient))).toEqual([['1000000003']]);
    expect(next.filter((r) => r.path.startsWith('/restpp/query/')).map((r) => r.path)).toEqual([
      `/restpp/query/MyGraph/${name}`,
    ]);
    expect(next.filter((r) => r.path.startsWith('/gsql/v1/queries'))).toEqual([]);
  });

  it('answers 400 for a bad k and 404 for an unknown patient', async () => {
    const bad = await stack.get('/api/patients/1000000002/similar?k=0');
    expect(bad.status).toBe(400);
    expect((await json<{ detail: string }>(bad)).detail).toContain('query.k');
    const missing = await stack.get('/api/patients/nobody_here/similar');
    expect(missing.status).toBe(404);
    expect((await json<{ detail: string }>(missing)).detail).toBe('No patient has the id nobody_here.');
  });
});

describe('on TigerGraph 4.1', () => {
  it('answers 501, saying that vector search needs TigerGraph 4.2', async () => {
    const old = await startStack({ version: '4.1' });
    try {
      const res = await old.get('/api/patients/1000000002/similar');
      expect(res.status).toBe(501);
      expect((await json<{ detail: string }>(res)).detail).toMatch(/vector search.*TigerGraph 4\.2/i);
    } finally {
      await old.stop();
    }
  });
});
