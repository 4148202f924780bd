// The API's contract at its edges (issue 16): the right status for the wrong media type or
// method, real calendar dates, the CSV header checked before anything is loaded, validation
// messages in the API's words, and select/filter agreeing with what the listing returns.
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

type ProblemBody = { status: number; detail: string; errors?: { path: string; message: string }[] };

const post = (path: string, body: string, type: string) =>
  stack.get(path, { method: 'POST', headers: { 'content-type': type }, body });

/** Writes to the graph since `before` (vertex/edge upserts and loading runs). */
const writesSince = (before: number) =>
  requestsSince(stack.emulator, before).filter(
    (r) => r.method === 'POST' && (r.path === '/restpp/graph/MyGraph' || r.path === '/restpp/ddl/MyGraph'),
  );

describe('media types', () => {
  it('answers 415 to a case report that is not JSON, before reaching TigerGraph', async () => {
    const before = lastSeq(stack.emulator);
    const res = await post(
      '/api/cases',
      'patient[id]=3100000001&patient[confirmedDate]=2020-02-10',
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await json<ProblemBody>(res)).detail).toBe(
      'Send the request body as JSON, with Content-Type: application/json.',
    );
    const none = await stack.get('/api/cases', { method: 'POST', body: '{}' });
    expect(none.status).toBe(415);
    expect(requestsSince(stack.emulator, before)).toEqual([]);
  });

  it('still accepts JSON with a charset parameter', async () => {
    const res = await post(
      '/api/cases',
      JSON.stringify({ patient: { id: '3100000002', confirmedDate: '2020-02-10' } }),
      'application/json; charset=utf-8',
    );
    expect(res.status).toBe(201);
  });
});

describe('dates', () => {
  it('refuses dates that are not on the calendar, in reports and in filters', async () => {
    const before = lastSeq(stack.emulator);
    const res = await post(
      '/api/cases',
      JSON.stringify({
        patient: { id: '3100000003', confirmedDate: '2020-13-45' },
        travels: [{ cityId: 'mapo_gu', date: '2021-02-29' }],
      }),
      'application/json',
    );
    expect(res.status).toBe(400);
    const body = await json<ProblemBody>(res);
    expect(body.errors).toEqual([
      { path: 'json.patient.confirmedDate', message: '2020-13-45 is not a date on the calendar' },
      { path: 'json.travels.0.date', message: '2021-02-29 is not a date on the calendar' },
    ]);
    const leap = await post(
      '/api/cases',
      JSON.stringify({ patient: { id: '3100000004', confirmedDate: '2020-02-29' } }),
      'application/json',
    );
    expect(leap.status).toBe(201);
    const filter = await stack.get('/api/patients?filter=confirmed_date>=2020-02-30');
    expect(filter.status).toBe(400);
    expect((await json<ProblemBody>(filter)).detail).toBe(
      'filter[0]: confirmed_date takes a date on the calendar (YYYY-MM-DD), got 2020-02-30',
    );
    expect(writesSince(before).map((r) => r.body)).toEqual([expect.stringContaining('"3100000004"')]);
  });
});

describe('POST /api/import header', () => {
  it('answers 400 naming the expected header, and loads nothing', async () => {
    const before = lastSeq(stack.emulator);
    const res = await post('/api/import', 'id,sex,birth_year\n5100000001,male,1980\n', 'text/csv');
    expect(res.status).toBe(400);
    const body = await json<ProblemBody>(res);
    expect(body.detail).toBe(
      `The CSV's first line must be the header ${CSV_HEADER} (columns in any order); missing: patient_id, infection_case, confirmed_date, city_id, infected_by.`,
    );
    expect(writesSince(before)).toEqual([]);
  });

  it('takes the header in another column order, with a BOM and CRLF line ends', async () => {
    const columns = CSV_HEADER.split(',').reverse();
    const row = ['', 'mapo_gu', '2020-03-01', 'import test', '1980', 'male', '5100000002'];
    const before = lastSeq(stack.emulator);
    const res = await post('/api/import', `\uFEFF${columns.join(',')}\r\n${row.join(',')}\r\n`, 'text/csv');
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ validLines: 1, vertices: { Patient: 1 } });
    // The loading job splits lines at \n (EOL="\n"): TigerGraph gets the file without BOM and \r.
    const [load] = writesSince(before);
    expect(load?.body).toBe(`${columns.join(',')}\n${row.join(',')}\n`);
  });
});

describe('methods', () => {
  it('answers 405 with Allow for a known path and another method', async () => {
    for (const [method, path, allow] of [
      ['DELETE', '/api/patients', 'GET, HEAD'],
      ['DELETE', '/api/patients/1000000001', 'GET, HEAD'],
      ['PUT', '/api/cases', 'POST'],
      ['GET', '/api/import', 'POST'],
      ['POST', '/healthz', 'GET, HEAD'],
    ] as const) {
      const res = await stack.get(path, { method });
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 405`);
      expect(res.headers.get('allow')).toBe(allow);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect((await json<ProblemBody>(res)).detail).toBe(`${path} does not take ${method}; use ${allow}.`);
    }
    expect((await stack.get('/api/nope', { method: 'DELETE' })).status).toBe(404);
    // What Allow promises holds: HEAD works wherever GET does.
    expect((await stack.get('/api/patients?limit=1', { method: 'HEAD' })).status).toBe(200);
  });
});

describe('validation messages', () => {
  it('names a missing parameter in the API vocabulary', async () => {
    const res = await stack.get('/api/chain?from=1000000001');
    expect(res.status).toBe(400);
    const body = await json<ProblemBody>(res);
    expect(body.errors).toEqual([{ path: 'query.to', message: 'is required' }]);
    expect(body.detail).toBe('query.to: is required');
    const noPatient = await post('/api/cases', JSON.stringify({ contacts: [] }), 'application/json');
    expect((await json<ProblemBody>(noPatient)).detail).toBe('json.patient: is required');
  });

  it('says what type a field takes', async () => {
    const res = await post(
      '/api/cases',
      JSON.stringify({ patient: { id: '3100000005', confirmedDate: '2020-02-10', birthYear: '1990' } }),
      'application/json',
    );
    expect((await json<ProblemBody>(res)).detail).toBe(
      'json.patient.birthYear: must be a number, not a string',
    );
  });
});

describe('select agrees with the listing', () => {
  it('every attribute a default listing returns can be selected and filtered on', async () => {
    const page = await json<{ items: { attributes: Record<string, unknown> }[] }>(
      await stack.get('/api/patients?limit=1'),
    );
    const names = Object.keys(page.items[0]?.attributes ?? {});
    expect(names).toContain('global_num');
    for (const name of names) {
      const res = await stack.get(`/api/patients?limit=1&select=${name}`);
      expect(`${name} ${res.status}`).toBe(`${name} 200`);
      const one = await json<{ items: { attributes: Record<string, unknown> }[] }>(res);
      expect(Object.keys(one.items[0]?.attributes ?? {})).toEqual([name]);
    }
    const byNum = await json<{ items: { id: string }[] }>(
      await stack.get('/api/patients?filter=global_num=1005&select=global_num'),
    );
    expect(byNum.items.map((p) => p.id)).toEqual(['1000000001']);
  });
});
