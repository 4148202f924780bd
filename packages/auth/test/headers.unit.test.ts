import { describe, expect, it } from 'vitest';
import {
  basicAuth,
  chooseAuth,
  gsqlSecretAuth,
  jwtAuth,
  noAuth,
  passwordTokenAuth,
  secretTokenAuth,
  tokenAuth,
} from '../src/index.js';
import { ctxFor, decodeBasic, GENERATED, scripted } from './helpers/scripted.js';

const SECRET = 'n35lsqofc1if62fld2rmnb9hocqbh8ia';
const TOKEN3 = 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq';

describe('basicAuth', () => {
  const s = scripted();
  const auth = basicAuth({ username: 'tigergraph', password: 'tigergraph' });

  it('sends Basic to the GSQL server on every line', async () => {
    for (const line of ['3', '4', undefined] as const) {
      const h = await auth.headers(ctxFor(s, 'gsql', line));
      expect(h.Authorization).toBe('Basic dGlnZXJncmFwaDp0aWdlcmdyYXBo');
    }
  });

  it('sends Basic to RESTPP on 4.x (and an unknown line) but nothing on 3.x, which accepts only tokens', async () => {
    expect((await auth.headers(ctxFor(s, 'restpp', '4'))).Authorization).toBe(
      'Basic dGlnZXJncmFwaDp0aWdlcmdyYXBo',
    );
    expect((await auth.headers(ctxFor(s, 'restpp', undefined))).Authorization).toBe(
      'Basic dGlnZXJncmFwaDp0aWdlcmdyYXBo',
    );
    expect(await auth.headers(ctxFor(s, 'restpp', '3'))).toEqual({});
    expect(s.requests).toHaveLength(0);
  });

  it('encodes UTF-8 credentials without Buffer', async () => {
    const utf8 = basicAuth({ username: 'jürgen', password: 'pässwörd✓' });
    const h = await utf8.headers(ctxFor(s, 'gsql', '3'));
    expect(decodeBasic(h.Authorization)).toBe('jürgen:pässwörd✓');
  });

  it('rejects empty credentials with a ValidationError naming the field', () => {
    expect(() => basicAuth({ username: 'u', password: '' })).toThrow(/password must be a non-empty string/);
    expect(() => basicAuth({ username: '', password: 'p' })).toThrow(/username/);
  });
});

describe('gsqlSecretAuth', () => {
  const s = scripted();
  const auth = gsqlSecretAuth(SECRET);

  it('sends GSQL-Secret on 4.x to both services', async () => {
    expect((await auth.headers(ctxFor(s, 'restpp', '4'))).Authorization).toBe(`GSQL-Secret ${SECRET}`);
    expect((await auth.headers(ctxFor(s, 'gsql', '4'))).Authorization).toBe(`GSQL-Secret ${SECRET}`);
  });

  it('logs in to the 3.x GSQL server as __GSQL__secret and sends RESTPP nothing until RESTPP rejects it', async () => {
    const gsql = await auth.headers(ctxFor(s, 'gsql', '3'));
    expect(decodeBasic(gsql.Authorization)).toBe(`__GSQL__secret:${SECRET}`);
    expect(await auth.headers(ctxFor(s, 'restpp', '3'))).toEqual({});
    expect(s.requests).toHaveLength(0);
  });

  it('exchanges the secret for a token after a 3.x RESTPP rejection and sends Bearer from then on', async () => {
    const server = scripted({
      'POST /requesttoken': {
        body: { code: 'REST-0000', expiration: 4102444800, error: false, message: GENERATED, token: TOKEN3 },
      },
    });
    const p = gsqlSecretAuth(SECRET);
    const ctx = ctxFor(server, 'restpp', '3');
    expect(await p.headers(ctx)).toEqual({});
    expect(await p.onRejected?.(ctx, 'REST-10016')).toBe(true);
    expect(await p.headers(ctxFor(server, 'restpp', '3'))).toEqual({ Authorization: `Bearer ${TOKEN3}` });
    expect(server.requests).toEqual([
      { service: 'restpp', method: 'POST', path: '/requesttoken', json: { secret: SECRET } },
    ]);
    // The 3.x GSQL server still gets the secret as Basic: it accepts no tokens.
    expect(decodeBasic((await p.headers(ctxFor(server, 'gsql', '3'))).Authorization)).toBe(
      `__GSQL__secret:${SECRET}`,
    );
  });

  it('does not exchange when told not to', async () => {
    const server = scripted();
    const p = gsqlSecretAuth(SECRET, { exchangeOnRejection: false });
    expect(await p.onRejected?.(ctxFor(server, 'restpp', '3'), 'REST-10016')).toBe(false);
    expect(server.requests).toHaveLength(0);
  });
});

describe('tokenAuth and jwtAuth', () => {
  const s = scripted();

  it('tokenAuth sends a static Bearer everywhere and never refreshes', async () => {
    const auth = tokenAuth(TOKEN3);
    for (const service of ['restpp', 'gsql'] as const) {
      expect(await auth.headers(ctxFor(s, service, '3'))).toEqual({ Authorization: `Bearer ${TOKEN3}` });
    }
    expect(await auth.onRejected?.(ctxFor(s, 'restpp', '3'), 'REST-10019')).toBe(false);
    expect(auth.kind).toBe('token');
  });

  it('jwtAuth sends Bearer <jwt>; a function source is asked again after a rejection', async () => {
    let n = 0;
    const auth = jwtAuth(() => `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.sig${++n}`);
    expect((await auth.headers(ctxFor(s, 'restpp', '4'))).Authorization).toBe(
      'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.sig1',
    );
    expect(await auth.onRejected?.(ctxFor(s, 'restpp', '4'), 'REST-10019')).toBe(true);
    expect((await auth.headers(ctxFor(s, 'restpp', '4'))).Authorization).toMatch(/sig2$/);
    expect(auth.secrets()).toEqual([
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.sig1',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.sig2',
    ]);
  });

  it('jwtAuth with check verifies once on 4.x and fails clearly when the server rejects the JWT', async () => {
    const server = scripted({
      'POST /gsql/v1/tokens/check': (req) =>
        (req.json as { token: string }).token === 'good.jwt.x'
          ? { body: { error: false, message: 'The token good.jwt.x verification succeed.' } }
          : { status: 401, body: { error: true, message: 'The token bad.jwt.x verification failed.' } },
    });
    const good = jwtAuth('good.jwt.x', { check: true });
    await good.headers(ctxFor(server, 'restpp', '4'));
    await good.headers(ctxFor(server, 'gsql', '4'));
    expect(server.requests.filter((r) => r.path === '/gsql/v1/tokens/check')).toHaveLength(1);

    const bad = jwtAuth('bad.jwt.x', { check: true });
    const error = await bad.headers(ctxFor(server, 'restpp', '4')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AuthError' });
    expect(String(error)).toMatch(/did not pass the GSQL server's check/);
    expect(String(error)).not.toContain('bad.jwt.x');
  });
});

describe('secretTokenAuth', () => {
  it('exchanges exactly as the seed: POST /requesttoken {"secret","lifetime"} without Authorization, then Bearer (3.x)', async () => {
    const s = scripted({
      'POST /requesttoken': {
        body: { code: 'REST-0000', expiration: 4102444800, error: false, message: GENERATED, token: TOKEN3 },
      },
    });
    const auth = secretTokenAuth({ secret: SECRET, lifetimeSeconds: 100000 });
    expect(await auth.headers(ctxFor(s, 'restpp', '3'))).toEqual({ Authorization: `Bearer ${TOKEN3}` });
    expect(s.requests).toEqual([
      {
        service: 'restpp',
        method: 'POST',
        path: '/requesttoken',
        json: { secret: SECRET, lifetime: '100000' },
      },
    ]);
    expect(JSON.stringify(s.requests[0]?.json)).toBe(`{"secret":"${SECRET}","lifetime":"100000"}`);
    // 3.x GSQL server: Basic __GSQL__secret, no new exchange.
    expect(decodeBasic((await auth.headers(ctxFor(s, 'gsql', '3'))).Authorization)).toBe(
      `__GSQL__secret:${SECRET}`,
    );
    expect(s.requests).toHaveLength(1);
  });

  it('uses POST /gsql/v1/tokens on 4.x and the token on both services', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0aWdlcmdyYXBoIiwiZXhwIjo0MTAyNDQ0ODAwfQ.sig';
    const s = scripted({
      'POST /gsql/v1/tokens': {
        body: {
          expiration: 'Fri Jan 01 00:00:00 UTC 2100',
          error: false,
          message: 'Generate new JWT token successfully.',
          token: jwt,
        },
      },
    });
    const auth = secretTokenAuth({ secret: SECRET, lifetimeSeconds: 3600 });
    expect(await auth.headers(ctxFor(s, 'restpp', '4'))).toEqual({ Authorization: `Bearer ${jwt}` });
    expect(await auth.headers(ctxFor(s, 'gsql', '4'))).toEqual({ Authorization: `Bearer ${jwt}` });
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]).toMatchObject({
      service: 'gsql',
      method: 'POST',
      path: '/gsql/v1/tokens',
      json: { lifetime: '3600', secret: SECRET },
    });
    expect(s.requests[0]?.headers?.Authorization).toBeUndefined();
  });

  it('with the line unknown tries 4.x first and falls back to 3.x on a 404', async () => {
    const s = scripted({
      'POST /requesttoken': {
        body: { code: 'REST-0000', expiration: 4102444800, error: false, message: GENERATED, token: TOKEN3 },
      },
    });
    const auth = secretTokenAuth({ secret: SECRET });
    expect(await auth.headers(ctxFor(s, 'restpp', undefined))).toEqual({ Authorization: `Bearer ${TOKEN3}` });
    expect(s.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /gsql/v1/tokens',
      'POST /requesttoken',
    ]);
    // The detected line sticks: the GSQL server now gets Basic, and no more probing.
    expect(decodeBasic((await auth.headers(ctxFor(s, 'gsql', undefined))).Authorization)).toBe(
      `__GSQL__secret:${SECRET}`,
    );
    await auth.headers(ctxFor(s, 'restpp', undefined));
    expect(s.requests).toHaveLength(2);
  });
});

describe('passwordTokenAuth', () => {
  it('3.x: POST /requesttoken with Basic and {"graph"}; the token is read from results.token', async () => {
    const s = scripted({
      'POST /requesttoken': {
        body: {
          code: 'REST-0000',
          expiration: 4102444800,
          error: false,
          message: GENERATED,
          results: { token: TOKEN3 },
        },
      },
    });
    const auth = passwordTokenAuth({ username: 'tigergraph', password: 'tigergraph' });
    expect(await auth.headers(ctxFor(s, 'restpp', '3'))).toEqual({ Authorization: `Bearer ${TOKEN3}` });
    expect(s.requests[0]).toEqual({
      service: 'restpp',
      method: 'POST',
      path: '/requesttoken',
      json: { graph: 'MyGraph' },
      headers: { Authorization: 'Basic dGlnZXJncmFwaDp0aWdlcmdyYXBo' },
    });
    expect((await auth.headers(ctxFor(s, 'gsql', '3'))).Authorization).toBe(
      'Basic dGlnZXJncmFwaDp0aWdlcmdyYXBo',
    );
  });

  it('3.x without a graph is a ValidationError that says what to set', async () => {
    const s = scripted();
    const auth = passwordTokenAuth({ username: 'tigergraph', password: 'tigergraph' });
    await expect(auth.headers(ctxFor(s, 'restpp', '3', null))).rejects.toThrow(/set the connection graph/);
  });
});

describe('noAuth', () => {
  it('sends nothing', async () => {
    const s = scripted();
    const auth = noAuth();
    for (const service of ['restpp', 'gsql'] as const)
      expect(await auth.headers(ctxFor(s, service, '4'))).toEqual({});
    expect(await auth.onRejected?.(ctxFor(s, 'restpp', '4'), 'REST-10016')).toBe(false);
    expect(auth.secrets()).toEqual([]);
  });
});

describe('chooseAuth', () => {
  it('follows pyTigerGraph precedence: jwtToken > apiToken > gsqlSecret > username/password > none', () => {
    const all = { jwtToken: 'a.b.c', apiToken: TOKEN3, gsqlSecret: SECRET, username: 'u', password: 'p' };
    expect(chooseAuth(all).kind).toBe('jwt');
    expect(chooseAuth({ ...all, jwtToken: '' }).kind).toBe('token');
    expect(chooseAuth({ ...all, jwtToken: '', apiToken: '' }).kind).toBe('secret');
    expect(chooseAuth({ ...all, jwtToken: '', apiToken: '', exchange: true }).kind).toBe('secret-exchange');
    expect(chooseAuth({ username: 'u', password: 'p' }).kind).toBe('basic');
    expect(chooseAuth({ username: 'u', password: 'p', exchange: true }).kind).toBe('password-exchange');
    expect(chooseAuth({}).kind).toBe('none');
    expect(chooseAuth({ jwtToken: '  ', apiToken: '' }).kind).toBe('none');
  });

  it('a username without a password (or the reverse) is a ValidationError', () => {
    expect(() => chooseAuth({ username: 'u' })).toThrow(/without a password/);
    expect(() => chooseAuth({ password: 'p' })).toThrow(/without a username/);
  });

  it('exchange: false keeps a secret from ever being exchanged', async () => {
    const s = scripted();
    const auth = chooseAuth({ gsqlSecret: SECRET, exchange: false });
    expect(await auth.onRejected?.(ctxFor(s, 'restpp', '3'), 'REST-10016')).toBe(false);
  });
});
