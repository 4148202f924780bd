// The seed documents' flows, exactly as written (seeds 000 and 001), against the emulator.
import { describe, expect, it } from 'vitest';
import { basicAuth, getToken, gsqlSecretAuth, noAuth, secretTokenAuth } from '../src/index.js';
import { connect, emulator, header, received, SECRET, SEED_PATH, SEED_QUERY } from './helpers/connect.js';

type Patients = { results: { v_id: string; v_type: string; attributes: { birth_year: number } }[] };

function expectFivePatients(data: unknown): void {
  const { results } = data as Patients;
  expect(results).toHaveLength(5);
  for (const v of results) {
    expect(v.v_type).toBe('Patient');
    expect(Object.keys(v.attributes)).toEqual(['birth_year']);
  }
}

describe('seed 000: secret → POST /requesttoken {secret, lifetime} → Bearer (3.x, RESTPP auth on)', () => {
  it('getToken(secret, {lifetime: 100000}) then GET …/vertices/Patient?limit=5&select=birth_year with Bearer', async () => {
    const e = await emulator({
      version: '3.10',
      auth: true,
      secrets: [{ secret: SECRET, graph: 'MyGraph' }],
    });
    const c = connect(e, noAuth());
    // The server stamps the expiry in whole seconds of its clock, which may tick during the call.
    const before = Math.floor(e.clock.now() / 1000);
    const issued = await getToken(c.ctx, SECRET, { lifetime: 100000 });
    const after = Math.floor(e.clock.now() / 1000);
    expect(issued.token).toMatch(/^[a-z0-9]{32}$/);
    expect(issued.expiresAt.getTime()).toBeGreaterThanOrEqual((before + 100000) * 1000);
    expect(issued.expiresAt.getTime()).toBeLessThanOrEqual((after + 100000) * 1000);
    expect(issued.expiresAt.getTime() % 1000).toBe(0);
    expectFivePatients((await c.restpp(SEED_PATH, SEED_QUERY)).data);

    const [exchange] = received(e, 'POST', '/requesttoken');
    expect(exchange?.body).toBe(`{"secret":"${SECRET}","lifetime":"100000"}`);
    expect(header(exchange!, 'authorization')).toBeUndefined();
    const [list] = received(e, 'GET', SEED_PATH);
    expect(list?.url).toBe(`${SEED_PATH}?limit=5&select=birth_year`);
    expect(header(list!, 'authorization')).toBe(`Bearer ${issued.token}`);
  });

  it('the same flow as a provider: secretTokenAuth exchanges once and sends Bearer', async () => {
    const e = await emulator({
      version: '3.10',
      auth: true,
      secrets: [{ secret: SECRET, graph: 'MyGraph' }],
    });
    const c = connect(e, secretTokenAuth({ secret: SECRET, lifetimeSeconds: 100000 }));
    expectFivePatients((await c.restpp(SEED_PATH, SEED_QUERY)).data);
    expectFivePatients((await c.restpp(SEED_PATH, SEED_QUERY)).data);
    const exchanges = received(e, 'POST', '/requesttoken');
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.body).toBe(`{"secret":"${SECRET}","lifetime":"100000"}`);
    const sent = received(e, 'GET', SEED_PATH).map((r) => header(r, 'authorization'));
    expect(new Set(sent).size).toBe(1);
    expect(sent[0]).toMatch(/^Bearer [a-z0-9]{32}$/);
  });
});

describe('seed 000: Authorization: GSQL-Secret <secret> (4.x, RESTPP auth on, Cloud layout /restpp)', () => {
  it('gsqlSecretAuth sends the secret itself; no token exchange', async () => {
    const e = await emulator({ version: '4.2', auth: true, secrets: [{ secret: SECRET }] });
    const c = connect(e, gsqlSecretAuth(SECRET));
    expectFivePatients((await c.restpp(SEED_PATH, SEED_QUERY)).data);
    const [list] = received(e, 'GET', SEED_PATH);
    expect(list?.path).toBe(`/restpp${SEED_PATH}`);
    expect(header(list!, 'authorization')).toBe(`GSQL-Secret ${SECRET}`);
    expect(e.requests.filter((r) => /tokens|requesttoken/.test(r.path))).toHaveLength(0);
  });

  it('on 4.x the secret → token flow uses POST /gsql/v1/tokens', async () => {
    const e = await emulator({ version: '4.2', auth: true, secrets: [{ secret: SECRET }] });
    const c = connect(e, noAuth());
    const issued = await getToken(c.ctx, SECRET, { lifetime: 100000 });
    expect(issued.line).toBe('4');
    expect(typeof issued.expiration).toBe('string');
    expectFivePatients((await c.restpp(SEED_PATH, SEED_QUERY)).data);
    const [exchange] = received(e, 'POST', '/gsql/v1/tokens');
    expect(JSON.parse(exchange!.body)).toEqual({ lifetime: '100000', secret: SECRET });
    expect(header(received(e, 'GET', SEED_PATH)[0]!, 'authorization')).toBe(`Bearer ${issued.token}`);
  });
});

describe('seed 001: username/password, then getToken(secret)', () => {
  for (const version of ['3.10', '4.2'] as const) {
    it(`${version}: the token from getToken is used for RESTPP afterwards; the GSQL server keeps Basic`, async () => {
      const e = await emulator({ version, auth: true, secrets: [{ secret: SECRET, graph: 'MyGraph' }] });
      const c = connect(e, basicAuth({ username: 'tigergraph', password: 'tigergraph' }));
      const { token } = await getToken(c.ctx, SECRET);
      expectFivePatients((await c.restpp(SEED_PATH, SEED_QUERY)).data);
      expect((await c.gsqlSchema()).status).toBe(200);
      expect(header(received(e, 'GET', SEED_PATH)[0]!, 'authorization')).toBe(`Bearer ${token}`);
      const schema = e.requests.find((r) => r.path.includes('schema'));
      expect(header(schema!, 'authorization')).toMatch(/^Basic /);
    });
  }
});
