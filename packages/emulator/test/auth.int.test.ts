// Users, secrets and tokens: 3.x /requesttoken, 4.x /gsql/v1/tokens, RESTPP auth on/off.
import { describe, expect, test } from 'vitest';
import { basic, emulator, gsqlFile, http, VERSION_BLOCK } from './helpers.js';

const EMPTY_TOKEN = {
  version: VERSION_BLOCK,
  error: true,
  message: "Access Denied because the input token = '' is empty or too short",
  code: 'REST-10016',
};
const GENERATED =
  'Generate new token successfully.\nWarning: Tigergraph Support cannot restore access to secrets/tokens for security reasons. Please save your secret/token and keep it safe and accessible.';

/** The expiry, in whole seconds, of a token issued for `lifetimeMs` between two clock readings. */
const secondsBetween = (from: number, to: number, lifetimeMs: number) => {
  const first = Math.floor((from + lifetimeMs) / 1000);
  const last = Math.floor((to + lifetimeMs) / 1000);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
};

for (const version of ['3.10', '4.2']) {
  describe(`RESTPP auth on ${version}`, () => {
    test('auth off: Authorization ignored, /requesttoken is REST-1000', async () => {
      const e = await emulator({ version, seed: 'covid' });
      expect((await http(`${e.restppUrl}/graph/MyGraph/vertices/Patient?limit=1`)).status).toBe(200);
      expect(
        (await http(`${e.restppUrl}/echo`, { headers: { Authorization: 'Bearer nonsense' } })).status,
      ).toBe(200);
      const r = await http(`${e.restppUrl}/requesttoken`, { method: 'POST', body: '{"secret":"x"}' });
      expect(r.status).toBe(404);
      expect(r.json).toEqual({
        version: VERSION_BLOCK,
        error: true,
        message:
          'Endpoint is not found from url = /requesttoken, please use GET /endpoints to list all valid endpoints.',
        code: 'REST-1000',
      });
    });

    test('auth on: missing / unknown / expired token', async () => {
      const e = await emulator({
        version,
        seed: 'covid',
        auth: true,
        tokens: [{ token: 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq', lifetime: 10 }],
      });
      const url = `${e.restppUrl}/graph/MyGraph/vertices/Patient?limit=1`;
      const none = await http(url);
      expect(none.status).toBe(401);
      expect(none.json).toEqual(EMPTY_TOKEN);
      const bad = await http(url, { headers: { Authorization: 'Bearer lpa6aaaaaaaaaaaaaaaaaaaaaaaau1v' } });
      expect(bad.status).toBe(401);
      expect(bad.json).toEqual({
        version: VERSION_BLOCK,
        error: true,
        message: "Access Denied because the input token = 'lpa6****u1v' is not in correct format",
        code: 'REST-10016',
      });
      const good = await http(url, { headers: { Authorization: 'Bearer tohvf6khjqju8jf0r0l1cohhlm8gi5fq' } });
      expect(good.status).toBe(200);
      e.clock.advance(10_001);
      const expired = await http(url, {
        headers: { Authorization: 'Bearer tohvf6khjqju8jf0r0l1cohhlm8gi5fq' },
      });
      expect(expired.status).toBe(401);
      expect(expired.json).toEqual({
        version: VERSION_BLOCK,
        error: true,
        message: "Access Denied because the input token = 'tohv****5fq' is expired",
        code: 'REST-10019',
      });
      // /version needs a token too (TigerGraph's Spark connector probes auth this way).
      expect((await http(`${e.gsUrl}/restpp/version`)).status).toBe(401);
    });

    test('authErrorStatus 403 (Savanna-style)', async () => {
      const e = await emulator({ version, auth: true, authErrorStatus: 403 });
      const r = await http(`${e.gsUrl}/restpp/version`);
      expect(r.status).toBe(403);
      expect(r.json).toEqual(EMPTY_TOKEN);
    });

    test('POST /requesttoken: secret in body, in query, or Basic user/password; lifetime', async () => {
      const e = await emulator({
        version,
        seed: 'covid',
        auth: true,
        secrets: [{ secret: 'n35lsqofc1if62fld2rmnb9hocqbh8ia' }],
      });
      const now = Math.floor(e.clock.now() / 1000);
      const body = await http(`${e.restppUrl}/requesttoken`, {
        method: 'POST',
        body: '{"secret": "n35lsqofc1if62fld2rmnb9hocqbh8ia", "lifetime": "100000", "graph": "MyGraph"}',
      });
      expect(body.status).toBe(200);
      expect(body.json).toMatchObject({ code: 'REST-0000', error: false, message: GENERATED });
      expect((body.json as { expiration: number }).expiration - now).toBeGreaterThanOrEqual(100000);
      const query = await http(
        `${e.restppUrl}/requesttoken?secret=n35lsqofc1if62fld2rmnb9hocqbh8ia&lifetime=50`,
        { method: 'POST' },
      );
      expect((query.json as { expiration: number }).expiration - now).toBeLessThanOrEqual(51);
      const pwAsked = e.clock.now();
      const pw = await http(`${e.restppUrl}/requesttoken`, {
        method: 'POST',
        headers: { Authorization: basic() },
        body: '{"graph": "MyGraph"}',
      });
      const pwBody = pw.json as Record<string, unknown>;
      expect(Object.keys(pwBody)).toEqual(['code', 'expiration', 'error', 'message', 'results']);
      const token = (pwBody['results'] as { token: string }).token;
      // Default lifetime: one month.
      expect(pwBody['expiration']).toBeOneOf(secondsBetween(pwAsked, e.clock.now(), 2_592_000_000));
      const ok = await http(`${e.restppUrl}/graph/MyGraph/vertices/Patient?limit=1`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(ok.status).toBe(200);
      const wrong = await http(`${e.restppUrl}/requesttoken`, {
        method: 'POST',
        body: '{"secret": "wrongwrongwrongwrongwrongwrong12"}',
      });
      expect(wrong.status).toBe(401);
      expect(wrong.json).toMatchObject({ error: true, code: 'REST-10016' });
      // With user/password a 3.x token needs its graph: `{}` is refused (pyTigerGraph 2.0.2 sends it).
      const global = await http(`${e.restppUrl}/requesttoken`, {
        method: 'POST',
        headers: { Authorization: basic() },
        body: '{}',
      });
      if (version === '3.10') {
        expect(global.status).toBe(404);
        expect(global.json).toMatchObject({ error: true, code: 'REST-1004' });
      } else expect(global.status).toBe(200); // 4.x tokens may be global
    });

    test('PUT /requesttoken refreshes, DELETE drops (REST-3300 when unknown)', async () => {
      const e = await emulator({
        version,
        auth: true,
        secrets: [{ secret: 'n35lsqofc1if62fld2rmnb9hocqbh8ia' }],
        tokens: [{ token: 'fc6p0i2ijjt031n0sja6m9ci70p232h7', lifetime: 5 }],
      });
      if (version === '3.10') {
        const asked = e.clock.now();
        const put = await http(`${e.restppUrl}/requesttoken`, {
          method: 'PUT',
          body: '{"token": "fc6p0i2ijjt031n0sja6m9ci70p232h7", "secret": "n35lsqofc1if62fld2rmnb9hocqbh8ia", "lifetime": "15000"}',
        });
        expect(put.json).toEqual({
          code: 'REST-0000',
          expiration: expect.toBeOneOf(secondsBetween(asked, e.clock.now(), 15_000_000)),
          error: false,
          message: 'Refresh token successfully.',
          token: 'fc6p0i2ijjt031n0sja6m9ci70p232h7',
        });
      }
      const del = await http(`${e.restppUrl}/requesttoken`, {
        method: 'DELETE',
        body: '{"token": "fc6p0i2ijjt031n0sja6m9ci70p232h7", "secret": "n35lsqofc1if62fld2rmnb9hocqbh8ia"}',
      });
      expect(del.json).toEqual({
        code: 'REST-0000',
        expiration: -1,
        error: false,
        message: 'Drop token successfully.',
        token: 'fc6p0i2ijjt031n0sja6m9ci70p232h7',
      });
      const again = await http(`${e.restppUrl}/requesttoken`, {
        method: 'DELETE',
        body: '{"token": "fc6p0i2ijjt031n0sja6m9ci70p232h7", "secret": "n35lsqofc1if62fld2rmnb9hocqbh8ia"}',
      });
      expect(again.json).toMatchObject({ error: true, code: 'REST-3300' });
    });

    test('GSQL-Secret on RESTPP; Basic on RESTPP only in 4.x', async () => {
      const e = await emulator({
        version,
        seed: 'covid',
        auth: true,
        secrets: [{ secret: 's7s0000000000000000000000000a3k5' }],
      });
      const url = `${e.gsUrl}/restpp/graph/MyGraph/vertices/Patient?limit=1`;
      expect(
        (await http(url, { headers: { Authorization: 'GSQL-Secret s7s0000000000000000000000000a3k5' } }))
          .status,
      ).toBe(200);
      const b = await http(url, { headers: { Authorization: basic() } });
      if (version === '3.10') {
        expect(b.status).toBe(401);
        expect(b.json).toEqual(EMPTY_TOKEN);
      } else {
        expect(b.status).toBe(200);
      }
    });

    test('GSQL server: Basic always; wrong password → 401', async () => {
      const e = await emulator({ version, users: [{ username: 'hsolo', password: 'f4lc0n' }] });
      expect((await gsqlFile(e, 'ls', basic('hsolo', 'f4lc0n'))).status).toBe(200);
      expect((await gsqlFile(e, 'ls', basic('hsolo', 'nope'))).status).toBe(401);
      expect((await http(`${e.gsUrl}/gsqlserver/gsql/file`, { method: 'POST', body: 'ls' })).status).toBe(
        401,
      );
      const login = await http(`${e.gsUrl}/gsqlserver/gsql/login`, {
        method: 'POST',
        headers: { Authorization: basic('hsolo', 'bad') },
      });
      expect(login.status).toBe(401);
      expect(login.json).toEqual({ error: true, message: 'Wrong password!' });
    });

    test('CREATE SECRET / SHOW SECRET / DROP SECRET through the GSQL file endpoint', async () => {
      const e = await emulator({ version, seed: 'covid', auth: true });
      const created = await gsqlFile(e, 'USE GRAPH MyGraph\nCREATE SECRET HH');
      const m =
        /^Using graph 'MyGraph'\nThe secret: ([a-z0-9]{32}) has been created for user "tigergraph"\.\n__GSQL__RETURN__CODE__,0\n$/.exec(
          created.text,
        );
      expect(m).not.toBeNull();
      const secret = m?.[1] as string;
      const auto = await gsqlFile(e, 'USE GRAPH MyGraph\nCREATE SECRET');
      expect(auto.text).toMatch(/The secret: [a-z0-9]{32} has been created/);
      const dup = await gsqlFile(e, 'CREATE SECRET HH');
      expect(dup.text).toContain('already exists');
      const shown = await gsqlFile(e, 'USE GRAPH MyGraph\nSHOW SECRET');
      const lines = shown.text.split('\n');
      const i = lines.indexOf(`    - Secret: ${secret.slice(0, 3)}****${secret.slice(-3)}`);
      expect(i).toBeGreaterThan(0);
      expect(lines[i + 1]).toBe('      - Alias: HH');
      if (version === '3.10') expect(lines[i + 2]).toBe('      - GraphName: MyGraph');
      expect(shown.text).toMatch(/ {6}- Alias: AUTO_GENERATED_ALIAS_[A-Z0-9]{7}\n/);
      // The secret works for a token.
      const tok = await http(`${e.restppUrl}/requesttoken`, {
        method: 'POST',
        body: JSON.stringify({ secret }),
      });
      expect(tok.status).toBe(200);
      const dropped = await gsqlFile(e, 'DROP SECRET HH');
      expect(dropped.text).toBe('Successfully dropped secrets: [HH].\n__GSQL__RETURN__CODE__,0\n');
      const missing = await gsqlFile(e, 'DROP SECRET HH');
      expect(missing.text).toContain('Failed to drop secrets');
      expect(
        (await http(`${e.restppUrl}/requesttoken`, { method: 'POST', body: JSON.stringify({ secret }) }))
          .status,
      ).toBe(401);
    });
  });
}

describe('4.x JWT tokens and REST secrets', () => {
  test('POST /gsql/v1/tokens with Basic: JWT claims, expiry via the clock, block list', async () => {
    const e = await emulator({ version: '4.2', auth: true, seed: 'covid' });
    const r = await http(`${e.gsUrl}/gsql/v1/tokens`, {
      method: 'POST',
      headers: { Authorization: basic(), 'Content-Type': 'application/json' },
      body: '{"graph":"MyGraph","lifetime":"604800"}',
    });
    expect(r.status).toBe(200);
    const { token, expiration } = r.json as { token: string; expiration: string };
    const [head, payload] = token.split('.') as [string, string];
    expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toEqual({ alg: 'HS256' });
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(Object.keys(claims)).toEqual(['sub', 'iat', 'exp', 'iss', 'graph']);
    expect(claims).toMatchObject({ sub: 'tigergraph', iss: 'TigerGraph', graph: 'MyGraph' });
    expect(claims.exp - claims.iat).toBe(604800);
    expect(new Date(expiration.replace(' UTC', ' GMT')).getTime() / 1000).toBe(claims.exp);
    const url = `${e.gsUrl}/restpp/graph/MyGraph/vertices/Patient?limit=1`;
    expect((await http(url, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    // GSQL server accepts Bearer on 4.1+.
    expect(
      (
        await http(`${e.gsUrl}/gsql/v1/schema/graphs/MyGraph`, {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).status,
    ).toBe(200);
    const check = await http(`${e.gsUrl}/gsql/v1/tokens/check`, {
      method: 'POST',
      body: JSON.stringify({ token }),
    });
    expect(check.json).toEqual({ error: false, message: `The token ${token} verification succeed.` });
    const del = await http(`${e.gsUrl}/gsql/v1/tokens`, {
      method: 'DELETE',
      headers: { Authorization: basic(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ tokens: token }),
    });
    expect(del.json).toEqual({ error: false, message: 'Successfully dropped the specified JWT tokens' });
    const revoked = await http(url, { headers: { Authorization: `Bearer ${token}` } });
    expect(revoked.status).toBe(401);
    expect(revoked.json).toMatchObject({ error: true, code: 'REST-10016' });
    // Expiry: a fresh one-second token.
    const short = await http(`${e.gsUrl}/gsql/v1/tokens`, {
      method: 'POST',
      headers: { Authorization: basic() },
      body: '{"lifetime":"1"}',
    });
    const t2 = (short.json as { token: string }).token;
    e.clock.advance(1001);
    expect((await http(url, { headers: { Authorization: `Bearer ${t2}` } })).json).toMatchObject({
      code: 'REST-10019',
    });
  });

  test('tokens need credentials; 3.x GSQL server rejects Bearer', async () => {
    const e = await emulator({ version: '4.2', auth: true });
    expect((await http(`${e.gsUrl}/gsql/v1/tokens`, { method: 'POST', body: '{}' })).status).toBe(401);
    const v3 = await emulator({
      version: '3.10',
      auth: true,
      tokens: [{ token: 'abcdefghijklmnopqrstuvwxyz012345' }],
    });
    const r = await http(`${v3.gsUrl}/gsqlserver/gsql/schema?graph=x`, {
      headers: { Authorization: 'Bearer abcdefghijklmnopqrstuvwxyz012345' },
    });
    expect(r.status).toBe(401);
  });

  test('/gsql/v1/secrets: create (alias, value), list, get, delete', async () => {
    const e = await emulator({ version: '4.2' });
    const h = { Authorization: basic(), 'Content-Type': 'application/json' };
    const c = await http(`${e.gsUrl}/gsql/v1/secrets?alias=s1`, { method: 'POST', headers: h });
    expect(c.status).toBe(200);
    const created = c.json as { error: boolean; message: string; results: { alias: string; value: string } };
    expect(created.error).toBe(false);
    expect(created.results.alias).toBe('s1');
    expect(created.results.value).toMatch(/^[a-z0-9]{32}$/);
    const c2 = await http(`${e.gsUrl}/gsql/v1/secrets?value=59ccqdlqmkfcqjl99u2jv4qt2telmeoj`, {
      method: 'POST',
      headers: h,
    });
    const auto = (c2.json as { results: { alias: string; value: string } }).results;
    expect(auto.alias).toMatch(/^AUTO_GENERATED_ALIAS_[A-Z0-9]{7}$/);
    expect(auto.value).toBe('59ccqdlqmkfcqjl99u2jv4qt2telmeoj');
    const list = await http(`${e.gsUrl}/gsql/v1/secrets`, { headers: h });
    expect(list.json).toEqual({ error: false, message: '', results: [created.results, auto] });
    const one = await http(`${e.gsUrl}/gsql/v1/secrets/s1`, { headers: h });
    expect(one.json).toEqual({ error: false, message: '', results: created.results });
    const d = await http(`${e.gsUrl}/gsql/v1/secrets/s1`, { method: 'DELETE', headers: h });
    expect(d.json).toEqual({
      error: false,
      message: 'Successfully removed the secrets for user tigergraph.',
    });
    const d2 = await http(`${e.gsUrl}/gsql/v1/secrets`, {
      method: 'DELETE',
      headers: h,
      body: JSON.stringify({ secrets: [auto.alias] }),
    });
    expect(d2.json).toEqual({
      error: false,
      message: 'Successfully removed the secrets for user tigergraph.',
    });
    expect((await http(`${e.gsUrl}/gsql/v1/secrets`, { headers: h })).json).toEqual({
      error: false,
      message: '',
      results: [],
    });
  });

  test('__GSQL__secret Basic login and auth probes', async () => {
    const e = await emulator({ version: '4.2', secrets: [{ secret: 'oodvd1upqbj96vq22jof21o8nl8cjkd5' }] });
    const r = await http(`${e.gsUrl}/gsql/v1/auth/simple`, {
      headers: { Authorization: basic('__GSQL__secret', 'oodvd1upqbj96vq22jof21o8nl8cjkd5') },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      error: false,
      message: '',
      results: { name: 'tigergraph', isSuperUser: true, roles: { '1': ['superuser'] } },
    });
    const v3 = await emulator({
      version: '3.10',
      users: [{ username: 'u1', password: 'p1', roles: { MyGraph: ['designer'] } }],
    });
    const s3 = await http(`${v3.gsUrl}/gsqlserver/gsql/simpleauth`, {
      headers: { Authorization: basic('u1', 'p1') },
    });
    expect(s3.json).toMatchObject({
      error: false,
      message: '',
      name: 'u1',
      isSuperUser: false,
      roles: { MyGraph: ['designer'] },
    });
    expect(
      (await http(`${v3.gsUrl}/gsqlserver/gsql/simpleauth`, { headers: { Authorization: basic('u1', 'x') } }))
        .status,
    ).toBe(401);
  });
});
