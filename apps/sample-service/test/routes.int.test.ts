// The other routes: infection chain (path finding), city statistics (installed query), case
// reports (upserts), CSV import (a streamed loading job), health and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../src/routes/import.js';
import { json, lastSeq, requestsSince, type Stack, startStack } from './helpers.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

type ProblemBody = { status: number; detail: string; errors?: { path: string }[] };

const post = (path: string, body: string, type = 'application/json') =>
  stack.get(path, { method: 'POST', headers: { 'content-type': type }, body });

describe('health', () => {
  it('/healthz and /readyz are ok, readiness asking TigerGraph with our token', async () => {
    expect(await json(await stack.get('/healthz'))).toEqual({ status: 'ok' });
    const before = lastSeq(stack.emulator);
    const ready = await stack.get('/readyz');
    expect(ready.status).toBe(200);
    expect(await json(ready)).toEqual({ status: 'ok', tigergraph: 'ok' });
    const sent = requestsSince(stack.emulator, before).filter((r) => r.path.startsWith('/restpp'));
    expect(sent.length).toBeGreaterThan(0);
    expect(String(sent.at(-1)?.headers['authorization'])).toMatch(/^Bearer /);
  });
});

describe('GET /api/chain', () => {
  it('finds the chain between two patients through INFECTED_BY only', async () => {
    const before = lastSeq(stack.emulator);
    const res = await stack.get('/api/chain?from=1000000007&to=1000000001');
    expect(res.status).toBe(200);
    const body = await json<{ path: string[]; edges: { from: string; to: string; type: string }[] }>(res);
    expect(body.path).toEqual(['1000000007', '1000000003', '1000000001']);
    expect(body.edges).toEqual(
      expect.arrayContaining([
        { from: '1000000007', to: '1000000003', type: expect.stringMatching(/INFECTED_BY$/) },
        { from: '1000000003', to: '1000000001', type: expect.stringMatching(/INFECTED_BY$/) },
      ]),
    );
    const [sent] = requestsSince(stack.emulator, before).filter((r) => r.path.includes('shortestpath'));
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/restpp/shortestpath/MyGraph');
    const payload = JSON.parse(sent?.body ?? '{}');
    expect(payload.sources).toEqual([{ type: 'Patient', id: '1000000007' }]);
    expect(payload.targets).toEqual([{ type: 'Patient', id: '1000000001' }]);
    expect(payload.maxLength).toBe(6);
    expect(payload.vertexFilters.map((f: { type: string }) => f.type)).toEqual([
      'City',
      'Province',
      'InfectionCase',
    ]);
  });

  it('gives each link in the direction of the infection, in path order', async () => {
    const res = await stack.get('/api/chain?from=1000000007&to=1000000006');
    const body = await json<{ path: string[]; edges: unknown[] }>(res);
    expect(body.path).toEqual(['1000000007', '1000000003', '1000000006']);
    // 1000000006 was infected by 1000000003, though the search walked that edge from 1000000003.
    expect(body.edges).toEqual([
      { from: '1000000007', to: '1000000003', type: 'INFECTED_BY' },
      { from: '1000000006', to: '1000000003', type: 'INFECTED_BY' },
    ]);
  });

  it('answers 404 when no chain links them, and for unknown patients', async () => {
    const none = await stack.get('/api/chain?from=1000000001&to=1100000001');
    expect(none.status).toBe(404);
    expect((await json<ProblemBody>(none)).detail).toBe(
      'No infection chain of at most 6 steps links 1000000001 and 1100000001.',
    );
    const unknown = await stack.get('/api/chain?from=1000000001&to=77');
    expect(unknown.status).toBe(404);
    expect((await json<ProblemBody>(unknown)).detail).toBe('No patient has the id 77.');
  });

  it('answers 400 for missing, equal or out-of-range parameters', async () => {
    const missing = await stack.get('/api/chain?from=1000000001');
    expect(missing.status).toBe(400);
    expect((await json<ProblemBody>(missing)).errors?.map((e) => e.path)).toEqual(['query.to']);
    const same = await stack.get('/api/chain?from=1000000001&to=1000000001');
    expect(same.status).toBe(400);
    expect((await json<ProblemBody>(same)).detail).toBe('from and to must be two different patients');
    const long = await stack.get('/api/chain?from=1&to=2&maxLength=50');
    expect(long.status).toBe(400);
    expect((await json<ProblemBody>(long)).detail).toContain('query.maxLength');
  });
});

describe('GET /api/cities/stats', () => {
  it('runs the installed query with the province as a parameter', async () => {
    const before = lastSeq(stack.emulator);
    const res = await stack.get('/api/cities/stats?province=Seoul');
    expect(res.status).toBe(200);
    const body = await json<{
      patients: number;
      byCase: Record<string, number>;
      cities: { id: string; name: string; patients: number }[];
    }>(res);
    expect(body.patients).toBe(10);
    expect(body.byCase).toEqual({ 'overseas inflow': 4, 'contact with patient': 6 });
    expect(body.cities[0]).toEqual({ id: 'jongno_gu', name: 'Jongno-gu', patients: 3 });
    expect(body.cities.reduce((n, c) => n + c.patients, 0)).toBe(10);
    const [sent] = requestsSince(stack.emulator, before);
    expect(`${sent?.method} ${sent?.url}`).toBe('GET /restpp/query/MyGraph/city_stats?province=Seoul');
  });

  it('covers every province without one, and refuses odd province text', async () => {
    const all = await json<{ province: null; patients: number }>(await stack.get('/api/cities/stats'));
    expect(all).toMatchObject({ province: null, patients: 24 });
    const bad = await stack.get(`/api/cities/stats?province=${encodeURIComponent('Seoul"; DROP')}`);
    expect(bad.status).toBe(400);
    expect((await json<ProblemBody>(bad)).detail).toContain('query.province: must be a province name');
  });
});

describe('POST /api/cases', () => {
  it('upserts the patient and its contact edges, then the neighbourhood shows them', async () => {
    const before = lastSeq(stack.emulator);
    const res = await post(
      '/api/cases',
      JSON.stringify({
        patient: {
          id: '3000000001',
          sex: 'female',
          birthYear: 1990,
          cityId: 'mapo_gu',
          infectionCase: 'contact with patient',
          confirmedDate: '2020-02-10',
        },
        infectedBy: '1000000004',
        contacts: ['1000000010'],
        travels: [{ cityId: 'jongno_gu', date: '2020-02-08' }],
      }),
    );
    expect(res.status).toBe(201);
    expect(await json(res)).toEqual({ id: '3000000001', acceptedVertices: 1, acceptedEdges: 5 });
    const upserts = requestsSince(stack.emulator, before).filter(
      (r) => r.method === 'POST' && r.path === '/restpp/graph/MyGraph',
    );
    expect(upserts).toHaveLength(5);
    expect(JSON.parse(upserts[0]?.body ?? '{}')).toEqual({
      vertices: {
        Patient: {
          '3000000001': {
            sex: { value: 'female' },
            confirmed_date: { value: '2020-02-10 00:00:00' },
            birth_year: { value: 1990 },
            infection_case: { value: 'contact with patient' },
          },
        },
      },
    });
    expect(JSON.parse(upserts[1]?.body ?? '{}')).toEqual({
      edges: {
        Patient: {
          '3000000001': { INFECTED_BY: { Patient: { '1000000004': {} } } },
          '1000000010': { INFECTED_BY: { Patient: { '3000000001': {} } } },
        },
      },
    });
    expect(upserts[1]?.query).toMatchObject({ vertex_must_exist: 'true' });
    // The case is an edge to the seed's InfectionCase vertex (UNDIRECTED, Patient → InfectionCase).
    expect(JSON.parse(upserts[4]?.body ?? '{}')).toEqual({
      edges: {
        Patient: { '3000000001': { BELONGS_TO_CASE: { InfectionCase: { contact_with_patient: {} } } } },
      },
    });
    const n = await json<{
      infectedBy: { id: string }[];
      infected: { id: string }[];
      homeCity: { id: string };
      visited: { id: string }[];
      infectionCase: { id: string; name: string } | null;
    }>(await stack.get('/api/patients/3000000001'));
    expect(n.infectionCase).toEqual({ id: 'contact_with_patient', name: 'contact with patient' });
    expect(n.infectedBy.map((p) => p.id)).toEqual(['1000000004']);
    expect(n.infected.map((p) => p.id)).toEqual(['1000000010']);
    expect(n.homeCity.id).toBe('mapo_gu');
    expect(n.visited.map((c) => c.id)).toEqual(['jongno_gu']);
  });

  it('creates an infection case the graph does not know yet, and links the patient to it', async () => {
    const before = lastSeq(stack.emulator);
    const res = await post(
      '/api/cases',
      JSON.stringify({
        patient: { id: '3000000009', confirmedDate: '2020-05-08', infectionCase: 'Itaewon Clubs' },
      }),
    );
    expect(res.status).toBe(201);
    expect(await json(res)).toEqual({ id: '3000000009', acceptedVertices: 2, acceptedEdges: 1 });
    const upserts = requestsSince(stack.emulator, before).filter(
      (r) => r.method === 'POST' && r.path === '/restpp/graph/MyGraph',
    );
    expect(JSON.parse(upserts[1]?.body ?? '{}')).toEqual({
      vertices: { InfectionCase: { itaewon_clubs: { infection_case: { value: 'Itaewon Clubs' } } } },
    });
    const n = await json<{ infectionCase: unknown }>(await stack.get('/api/patients/3000000009'));
    expect(n.infectionCase).toEqual({ id: 'itaewon_clubs', name: 'Itaewon Clubs' });
  });

  it('answers 422 for unknown contacts and cities, without writing anything', async () => {
    const before = lastSeq(stack.emulator);
    const res = await post(
      '/api/cases',
      JSON.stringify({
        patient: { id: '3000000002', confirmedDate: '2020-02-11', cityId: 'atlantis' },
        contacts: ['4040404040'],
      }),
    );
    expect(res.status).toBe(422);
    expect((await json<ProblemBody>(res)).detail).toBe('Unknown patient 4040404040, city atlantis.');
    expect(
      requestsSince(stack.emulator, before).filter(
        (r) => r.method === 'POST' && r.path === '/restpp/graph/MyGraph',
      ),
    ).toEqual([]);
  });

  it('answers 400 for malformed bodies', async () => {
    const noDate = await post('/api/cases', JSON.stringify({ patient: { id: '3000000003' } }));
    expect(noDate.status).toBe(400);
    expect((await json<ProblemBody>(noDate)).errors?.map((e) => e.path)).toEqual([
      'json.patient.confirmedDate',
    ]);
    const badJson = await post('/api/cases', '{"patient":');
    expect(badJson.status).toBe(400);
    expect(badJson.headers.get('content-type')).toBe('application/problem+json');
    expect((await json<ProblemBody>(badJson)).detail).toBe(
      'Malformed JSON in request body; send a JSON object',
    );
    const badDate = await post(
      '/api/cases',
      JSON.stringify({ patient: { id: 'x1', confirmedDate: '10/02/2020' } }),
    );
    expect((await json<ProblemBody>(badDate)).detail).toContain(
      'json.patient.confirmedDate: must be a date YYYY-MM-DD',
    );
  });
});

describe('POST /api/import', () => {
  it('streams the CSV body to the loading job and reports the statistics', async () => {
    const rows = [
      CSV_HEADER,
      '5000000001,male,1980,import test,2020-03-01,gangseo_gu,',
      '5000000002,female,1985,import test,2020-03-02,mapo_gu,5000000001',
      '5000000003,female,1999,import test,2020-03-03,,5000000002',
    ];
    const encoder = new TextEncoder();
    // A request body that arrives in pieces, as an upload would.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const row of rows) controller.enqueue(encoder.encode(`${row}\n`));
        controller.close();
      },
    });
    const before = lastSeq(stack.emulator);
    const res = await fetch(`${stack.url}/api/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      lines: 4,
      validLines: 3,
      rejectedLines: 0,
      vertices: { Patient: 3 },
      edges: { PATIENT_FROM_CITY: 2, INFECTED_BY: 2 },
    });
    const ddl = requestsSince(stack.emulator, before).filter((r) => r.path === '/restpp/ddl/MyGraph');
    expect(ddl).toHaveLength(1);
    expect(ddl[0]?.query).toEqual({ tag: 'load_cases', filename: 'cases' });
    expect(ddl[0]?.body).toBe(`${rows.join('\n')}\n`);
    // Streamed: no Content-Length, chunked transfer (the service never held the whole body).
    expect(ddl[0]?.headers['content-length']).toBeUndefined();
    expect(ddl[0]?.headers['transfer-encoding']).toBe('chunked');
    const chain = await json<{ path: string[] }>(await stack.get('/api/chain?from=5000000003&to=5000000001'));
    expect(chain.path).toEqual(['5000000003', '5000000002', '5000000001']);
  });

  it('answers 415 for other content types and 400 for an empty body', async () => {
    const wrongType = await post('/api/import', '{}', 'application/json');
    expect(wrongType.status).toBe(415);
    expect((await json<ProblemBody>(wrongType)).detail).toBe('Send the CSV with Content-Type: text/csv.');
    const empty = await post('/api/import', '', 'text/csv');
    expect(empty.status).toBe(400);
    expect((await json<ProblemBody>(empty)).detail).toBe('The request body is empty; send CSV data.');
  });
});

describe('GET /openapi.json', () => {
  it('documents every route', async () => {
    const doc = await json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      await stack.get('/openapi.json'),
    );
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/cases',
      '/api/chain',
      '/api/cities/stats',
      '/api/import',
      '/api/overview',
      '/api/patients',
      '/api/patients/{id}',
      '/api/patients/{id}/similar',
      '/healthz',
      '/readyz',
    ]);
    expect(Object.keys(doc.paths['/api/import'] ?? {})).toEqual(['post']);
  });
});
