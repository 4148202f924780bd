// Query descriptions (reference §4.13 4.0 form, §4.14): PUT/GET/DELETE with the documented body;
// 3.x servers do not have the endpoint.
import { describe, expect, test } from 'vitest';
import { basic, emulator, http } from './helpers.js';

const BODY = {
  queries: [
    { queryName: 'neighbourhood', description: 'd', parameters: [{ paramName: 'p', description: 'pd' }] },
  ],
};

describe('query descriptions', () => {
  test('4.2 /gsql/v1/description round-trips the documented shape', async () => {
    const e = await emulator({ version: '4.2', seed: 'covid' });
    const url = `${e.gsUrl}/gsql/v1/description?graph=MyGraph`;
    const headers = { Authorization: basic(), 'Content-Type': 'application/json' };
    const put = await http(url, { method: 'PUT', headers, body: JSON.stringify(BODY) });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ error: false });
    const got = await http(`${url}&query=neighbourhood`, { headers });
    expect(got.json).toEqual({ error: false, message: '', results: BODY });
    const bad = await http(url, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ queries: [{ queryName: 'neighbourhood', parameters: [{ paramName: 'x' }] }] }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error: true, message: 'Parameter x does not exist in query neighbourhood.' });
  });

  test('3.10 has no description endpoint', async () => {
    const e = await emulator({ version: '3.10', seed: 'covid' });
    const r = await http(`${e.gsUrl}/gsqlserver/gsql/description?graph=MyGraph`, {
      headers: { Authorization: basic() },
    });
    expect(r.status).toBe(404);
  });
});
