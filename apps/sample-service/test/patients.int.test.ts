// Patients: list/search with keyset paging, allow-listed select/filter, the neighbourhood route,
// and bad input answered with 400 problem+json before anything reaches TigerGraph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, lastSeq, requestsSince, SECRET, type Stack, startStack } from './helpers.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Page = { items: { id: string; attributes: Record<string, unknown> }[]; nextCursor: string | null };
type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  errors?: { path: string; message: string }[];
};

async function problem(path: string, status: number): Promise<ProblemBody> {
  const before = lastSeq(stack.emulator);
  const res = await stack.get(path);
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = await json<ProblemBody>(res);
  expect(body.status).toBe(status);
  expect(body.requestId).toBe(res.headers.get('x-request-id'));
  // Bad input never reaches TigerGraph.
  if (status === 400) expect(requestsSince(stack.emulator, before)).toEqual([]);
  return body;
}

describe('GET /api/patients', () => {
  it('pages through every patient in id order with a cursor, sending a keyset filter', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const before = lastSeq(stack.emulator);
      const res = await stack.get(`/api/patients?limit=10${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { 'x-request-id': `page-${pages}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe(`page-${pages}`);
      const page: Page = await json<Page>(res);
      seen.push(...page.items.map((p) => p.id));
      const [sent] = requestsSince(stack.emulator, before).filter((r) =>
        r.path.endsWith('/vertices/Patient'),
      );
      expect(sent?.method).toBe('GET');
      expect(sent?.path).toBe('/restpp/graph/MyGraph/vertices/Patient');
      expect(sent?.query).toMatchObject({ sort: 'patient_id', limit: '11' });
      expect(sent?.query['filter']).toBe(cursor ? `patient_id>"${cursor}"` : undefined);
      // The service's request id travels to TigerGraph, next to a token obtained from the secret.
      expect(sent?.headers['x-request-id']).toBe(`page-${pages}`);
      expect(String(sent?.headers['authorization'])).toMatch(/^Bearer /);
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    // The SDK's view of each TigerGraph call is logged under the same request id: the client takes
    // its request ids from the service's (the requestId option), so hooks and errors carry it too.
    const tgLine = stack.logs
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'tigergraph response' && l.requestId === 'page-1');
    expect(tgLine).toMatchObject({ method: 'GET', status: 200, tgRequestId: 'page-1' });
    expect(tgLine.url).toContain('/restpp/graph/MyGraph/vertices/Patient');
    expect(seen).toHaveLength(24);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(24);
  });

  it('filters on allow-listed attributes, quoting strings itself', async () => {
    const before = lastSeq(stack.emulator);
    const res = await stack.get(
      '/api/patients?filter=birth_year>=1990&filter=sex=female&select=sex,birth_year',
    );
    expect(res.status).toBe(200);
    const page = await json<Page>(res);
    expect(page.items.map((p) => p.id)).toEqual(['1000000005', '1000000010']);
    for (const p of page.items) {
      expect(Object.keys(p.attributes).sort()).toEqual(['birth_year', 'sex']);
      expect(p.attributes['sex']).toBe('female');
    }
    const [sent] = requestsSince(stack.emulator, before);
    expect(sent?.query).toMatchObject({ filter: 'birth_year>=1990,sex="female"', select: 'sex,birth_year' });
  });

  it('searches by id prefix as a range on the primary id', async () => {
    const before = lastSeq(stack.emulator);
    const page = await json<Page>(await stack.get('/api/patients?q=11&select=patient_id'));
    expect(page.items.map((p) => p.id)).toEqual(['1100000001', '1100000002']);
    expect(requestsSince(stack.emulator, before)[0]?.query['filter']).toBe(
      'patient_id>="11",patient_id<"12"',
    );
  });

  it('refuses filter text that would change the RESTPP filter', async () => {
    const injected = await problem(
      `/api/patients?filter=${encodeURIComponent('sex=male",birth_year>0')}`,
      400,
    );
    expect(injected.detail).toContain('quotes, commas and backslashes are not allowed');
    const unknown = await problem('/api/patients?filter=password=x', 400);
    expect(unknown.detail).toContain("'password' cannot be filtered on");
    const shape = await problem('/api/patients?filter=birth_year', 400);
    expect(shape.detail).toContain('is not a condition');
    const number = await problem('/api/patients?filter=birth_year>=nineteen', 400);
    expect(number.detail).toContain('birth_year takes a whole number');
  });

  it('answers bad paging and select with 400 naming the field', async () => {
    const limit = await problem('/api/patients?limit=0', 400);
    expect(limit.errors?.[0]?.path).toBe('query.limit');
    expect(limit.title).toBe('Bad Request');
    const big = await problem('/api/patients?limit=1000', 400);
    expect(big.detail).toContain('query.limit');
    const cursor = await problem(`/api/patients?cursor=${encodeURIComponent('1"')}`, 400);
    expect(cursor.detail).toContain('query.cursor: must be a patient id');
    const select = await problem('/api/patients?select=sex,secret_notes', 400);
    expect(select.detail).toContain("'secret_notes' is not a patient attribute");
  });
});

describe('GET /api/patients/{id}', () => {
  it('returns the neighbourhood from the installed query and the chain of infectors', async () => {
    const before = lastSeq(stack.emulator);
    const res = await stack.get('/api/patients/1000000007');
    expect(res.status).toBe(200);
    const body = await json<{
      patient: { id: string; sex: string; birthYear: number };
      infectedBy: { id: string }[];
      infected: { id: string }[];
      homeCity: { id: string; name: string };
      chain: string[];
      contactCount: number;
      graph: {
        nodes: { id: string; role: string }[];
        edges: { source: string; target: string; chain: boolean }[];
      };
    }>(res);
    expect(body.patient).toMatchObject({ id: '1000000007', sex: 'male', birthYear: 1995 });
    expect(body.infectedBy.map((p) => p.id)).toEqual(['1000000003']);
    expect(body.infected).toEqual([]);
    expect(body.homeCity).toEqual({ id: 'jongno_gu', name: 'Jongno-gu' });
    expect(body.chain).toEqual(['1000000003', '1000000001']);
    expect(body.graph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining([
        'Patient:1000000007',
        'Patient:1000000003',
        'Patient:1000000001',
        'City:jongno_gu',
      ]),
    );
    expect(body.graph.edges.filter((e) => e.chain).map((e) => `${e.source}>${e.target}`)).toEqual([
      'Patient:1000000007>Patient:1000000003',
      'Patient:1000000003>Patient:1000000001',
    ]);
    const sent = requestsSince(stack.emulator, before).map((r) => `${r.method} ${r.url}`);
    expect(sent).toEqual(
      expect.arrayContaining([
        'GET /restpp/query/MyGraph/neighbourhood?p=1000000007',
        'GET /restpp/query/MyGraph/infection_chain?p=1000000007',
      ]),
    );
  });

  it('answers 404 for an unknown patient and 400 for a malformed id', async () => {
    const missing = await problem('/api/patients/9999999999', 404);
    expect(missing.detail).toBe('No patient has the id 9999999999.');
    const bad = await problem('/api/patients/1%22%2C2', 400);
    expect(bad.errors?.[0]?.path).toBe('param.id');
  });
});

describe('errors never leak', () => {
  it('unknown routes are problem+json and logs never hold the secret', async () => {
    const body = await problem('/api/nope', 404);
    expect(body.detail).toContain('/openapi.json');
    expect(stack.logs.length).toBeGreaterThan(10);
    expect(stack.logs.join('\n')).not.toContain(SECRET);
    const line = JSON.parse(stack.logs.find((l) => l.includes('"msg":"request"')) as string);
    expect(line).toMatchObject({ level: 'info', method: expect.any(String), status: expect.any(Number) });
    expect(line.requestId).toEqual(expect.any(String));
  });
});
