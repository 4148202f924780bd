// The seed documents' flows, sent exactly as written with only the host changed.
import { describe, expect, test } from 'vitest';
import { emulator, http } from './helpers.js';

// 000: TigerGraph Cloud "Send REST Requests to a Cluster".
const SECRET = 'n35lsqofc1if62fld2rmnb9hocqbh8ia';
const TOKEN = 'fc6p0i2ijjt031n0sja6m9ci70p232h7';
const EXPECTED_PATIENTS = {
  version: { edition: 'enterprise', api: 'v2', schema: 0 },
  error: false,
  message: '',
  results: [
    { v_id: '6100000100', v_type: 'Patient', attributes: { birth_year: 1959 } },
    { v_id: '6023000024', v_type: 'Patient', attributes: { birth_year: 0 } },
    { v_id: '6022000024', v_type: 'Patient', attributes: { birth_year: 1978 } },
    { v_id: '6020000020', v_type: 'Patient', attributes: { birth_year: 0 } },
    { v_id: '6015000008', v_type: 'Patient', attributes: { birth_year: 0 } },
  ],
};

for (const version of ['3.10', '4.2']) {
  describe(`seed document 000 on ${version}`, () => {
    const start = () =>
      emulator({
        version,
        auth: true,
        seed: 'covid',
        // The documented secrets/tokens are fixed strings, so they exist from the start.
        secrets: [
          { secret: SECRET, alias: 'doc' },
          { secret: TOKEN, alias: 'doc2' },
        ],
        tokens: [{ token: TOKEN }],
      });

    test('curl -X POST …:443/restpp/requesttoken -d \'{"secret": …, "lifetime": "100000"}\'', async () => {
      const e = await start();
      const before = Math.floor(e.clock.now() / 1000);
      // curl -d sends application/x-www-form-urlencoded; the server reads the JSON regardless.
      const r = await http(`${e.cloudUrl}/restpp/requesttoken`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: '{"secret": "n35lsqofc1if62fld2rmnb9hocqbh8ia", "lifetime": "100000"}',
      });
      expect(r.status).toBe(200);
      const body = r.json as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['code', 'expiration', 'error', 'message', 'token']);
      expect(body['code']).toBe('REST-0000');
      expect(body['error']).toBe(false);
      expect(body['message']).toBe(
        'Generate new token successfully.\nWarning: Tigergraph Support cannot restore access to secrets/tokens for security reasons. Please save your secret/token and keep it safe and accessible.',
      );
      expect(body['expiration']).toBeGreaterThanOrEqual(before + 100000);
      expect(body['expiration']).toBeLessThanOrEqual(before + 100001);
      if (version === '3.10') expect(body['token']).toMatch(/^[a-z0-9]{32}$/);
      else expect(body['token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      // The issued token works for the documented list request.
      const list = await http(
        `${e.cloudUrl}/restpp/graph/MyGraph/vertices/Patient?limit=5&select=birth_year`,
        {
          headers: { Authorization: `Bearer ${body['token']}` },
        },
      );
      expect(list.json).toEqual(EXPECTED_PATIENTS);
    });

    test('curl -H "Authorization: Bearer fc6p…" …/restpp/graph/MyGraph/vertices/Patient?limit=5&select=birth_year', async () => {
      const e = await start();
      const r = await http(`${e.cloudUrl}/restpp/graph/MyGraph/vertices/Patient?limit=5&select=birth_year`, {
        headers: { Authorization: 'Bearer fc6p0i2ijjt031n0sja6m9ci70p232h7' },
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(r.json).toEqual(EXPECTED_PATIENTS);
      expect(r.text).toBe(JSON.stringify(EXPECTED_PATIENTS));
    });

    test('curl -H "Authorization: GSQL-Secret fc6p…" …/restpp/graph/MyGraph/vertices/Patient?limit=5&select=birth_year', async () => {
      const e = await start();
      const r = await http(`${e.cloudUrl}/restpp/graph/MyGraph/vertices/Patient?limit=5&select=birth_year`, {
        headers: { Authorization: 'GSQL-Secret fc6p0i2ijjt031n0sja6m9ci70p232h7' },
      });
      expect(r.status).toBe(200);
      expect(r.json).toEqual(EXPECTED_PATIENTS);
    });

    test('the pre-June-2022 form: port 9000 without /restpp', async () => {
      const e = await start();
      const r = await http(`${e.restppUrl}/graph/MyGraph/vertices/Patient?limit=5&select=birth_year`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      expect(r.json).toEqual(EXPECTED_PATIENTS);
    });
  });
}

// 001/002: pyTigerGraph getToken(secret) — what the client sends first (3.x form, no Content-Type).
describe('seed documents 001/002: pyTigerGraph getToken', () => {
  test('3.x: POST R/requesttoken {"secret": …} then Bearer on RESTPP', async () => {
    const e = await emulator({ version: '3.10', auth: true, seed: 'covid' });
    const created = await http(`${e.gsUrl}/gsqlserver/gsql/file`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('tigergraph:tigergraph').toString('base64')}` },
      body: 'USE+GRAPH+MyGraph%0ACREATE+SECRET+s1',
    });
    const secret = /The secret: (\S+)/.exec(created.text)?.[1] as string;
    expect(secret).toMatch(/^[a-z0-9]{32}$/);
    const r = await http(`${e.restppUrl}/requesttoken`, { method: 'POST', body: JSON.stringify({ secret }) });
    expect(r.status).toBe(200);
    const token = (r.json as { token: string }).token;
    const v = await http(`${e.restppUrl}/graph/MyGraph/vertices/Patient?limit=1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(v.status).toBe(200);
  });

  test('4.x: POST G/gsql/v1/tokens {"secret": …} → JWT with date-string expiration', async () => {
    const e = await emulator({
      version: '4.2',
      auth: true,
      seed: 'covid',
      secrets: [{ secret: 'oodvd1upqbj96vq22jof21o8nl8cjkd5' }],
    });
    const r = await http(`${e.gsUrl}/gsql/v1/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"secret": "oodvd1upqbj96vq22jof21o8nl8cjkd5"}',
    });
    expect(r.status).toBe(200);
    const body = r.json as Record<string, string>;
    expect(Object.keys(body)).toEqual(['expiration', 'error', 'message', 'token']);
    expect(body['message']).toBe('Generate new JWT token successfully.');
    expect(body['expiration']).toMatch(
      /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/,
    );
    const v = await http(`${e.gsUrl}/restpp/graph/MyGraph/vertices/Patient?limit=1`, {
      headers: { Authorization: `Bearer ${body['token']}` },
    });
    expect(v.status).toBe(200);
  });
});
