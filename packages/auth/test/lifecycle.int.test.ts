// Token expiry and refresh, deleteToken, secrets and wrong credentials against the emulator, plus a
// scan of every error thrown for credential text.
import { AuthError, NotFoundError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import {
  basicAuth,
  createSecret,
  deleteToken,
  dropSecret,
  getSecrets,
  getToken,
  gsqlSecretAuth,
  noAuth,
  passwordTokenAuth,
  refreshToken,
  secretTokenAuth,
  tokenAuth,
} from '../src/index.js';
import { connect, emulator, received, SECRET, SEED_PATH, SEED_QUERY } from './helpers/connect.js';

const VERSIONS = ['3.10', '4.2'] as const;
const HOUR = 3_600_000;
const PASSWORD = 'Wr0ng-pässword!';

/** Every error the tests below provoked, with the credentials that were in play. */
const thrown: { error: unknown; secrets: string[] }[] = [];

async function capture(promise: Promise<unknown>, secrets: string[]): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    thrown.push({ error, secrets });
    return error;
  }
  throw new Error('expected a rejection');
}

const tokenRequests = (e: Awaited<ReturnType<typeof emulator>>) =>
  e.requests.filter((r) => r.method === 'POST' && /\/(requesttoken|gsql\/v1\/tokens)$/.test(r.path));

for (const version of VERSIONS) {
  describe(`token expiry on ${version}`, () => {
    it('refreshes shortly before expiry: 20 concurrent requests, exactly one exchange (emulator clock injected)', async () => {
      const e = await emulator({ version, auth: true, secrets: [{ secret: SECRET, graph: 'MyGraph' }] });
      const c = connect(
        e,
        secretTokenAuth({ secret: SECRET, lifetimeSeconds: 3600, now: () => e.clock.now() }),
      );
      expect((await c.restpp(SEED_PATH, SEED_QUERY)).status).toBe(200);
      expect(tokenRequests(e)).toHaveLength(1);
      e.clock.advance(HOUR);
      const all = await Promise.all(Array.from({ length: 20 }, () => c.restpp(SEED_PATH, SEED_QUERY)));
      expect(all.every((r) => r.status === 200)).toBe(true);
      expect(tokenRequests(e)).toHaveLength(2);
      // No request was rejected: the new token was in place before they were sent.
      expect(received(e, 'GET', SEED_PATH).every((r) => r.status === 200)).toBe(true);
    });

    it('refreshes once after an expired-token rejection (REST-10019): 20 concurrent requests, exactly one exchange', async () => {
      const e = await emulator({ version, auth: true, secrets: [{ secret: SECRET, graph: 'MyGraph' }] });
      // No clock injected: the provider learns about the expiry from the server's rejection.
      const c = connect(e, secretTokenAuth({ secret: SECRET, lifetimeSeconds: 3600 }));
      expect((await c.restpp(SEED_PATH, SEED_QUERY)).status).toBe(200);
      e.clock.advance(2 * HOUR);
      const all = await Promise.all(Array.from({ length: 20 }, () => c.restpp(SEED_PATH, SEED_QUERY)));
      expect(all.every((r) => r.status === 200)).toBe(true);
      expect(tokenRequests(e)).toHaveLength(2);
      const rejected = received(e, 'GET', SEED_PATH).filter((r) => r.status !== 200);
      expect(rejected.length).toBeGreaterThan(0);
      expect(rejected.every((r) => r.status === 401 && r.body === '')).toBe(true);
    });

    it('a static token is not refreshed: after expiry the request fails with an AuthError', async () => {
      const e = await emulator({ version, auth: true, secrets: [{ secret: SECRET, graph: 'MyGraph' }] });
      const minted = connect(e, noAuth());
      const { token } = await getToken(minted.ctx, SECRET, { lifetime: 60, setToken: false });
      const c = connect(e, tokenAuth(token));
      expect((await c.restpp(SEED_PATH, SEED_QUERY)).status).toBe(200);
      e.clock.advance(HOUR);
      const error = await capture(c.restpp(SEED_PATH, SEED_QUERY), [token, SECRET]);
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).code).toBe('REST-10019');
      expect(tokenRequests(e)).toHaveLength(1);
    });
  });

  describe(`deleteToken on ${version}`, () => {
    it('deleteToken, then a request with the token fails with a clear AuthError', async () => {
      const e = await emulator({ version, auth: true, secrets: [{ secret: SECRET, graph: 'MyGraph' }] });
      const owner = connect(e, basicAuth({ username: 'tigergraph', password: 'tigergraph' }));
      const { token } = await getToken(owner.ctx, SECRET, { setToken: false });
      const c = connect(e, tokenAuth(token));
      expect((await c.restpp(SEED_PATH, SEED_QUERY)).status).toBe(200);
      expect(await deleteToken(owner.ctx, SECRET, { token })).toBe(true);
      const error = await capture(c.restpp(SEED_PATH, SEED_QUERY), [token, SECRET]);
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).status).toBe(401);
      expect((error as AuthError).code).toBe('REST-10016');
    });

    it('deleteToken of the connection token makes the provider stop sending it', async () => {
      const e = await emulator({ version, auth: true, secrets: [{ secret: SECRET, graph: 'MyGraph' }] });
      const c = connect(e, noAuth());
      await getToken(c.ctx, SECRET);
      expect((await c.restpp(SEED_PATH, SEED_QUERY)).status).toBe(200);
      expect(await deleteToken(c.ctx, SECRET)).toBe(true);
      const error = await capture(c.restpp(SEED_PATH, SEED_QUERY), [SECRET]);
      expect(error).toBeInstanceOf(AuthError);
    });
  });

  describe(`secrets on ${version}`, () => {
    it('create (named and generated alias), list, drop', async () => {
      const e = await emulator({ version, auth: true });
      const c = connect(e, basicAuth({ username: 'tigergraph', password: 'tigergraph' }));
      const named = await createSecret(c.ctx, 'reporting_app');
      expect(named).toMatch(/^[a-z0-9]{32}$/);
      const generated = await createSecret(c.ctx, undefined, { withAlias: true });
      expect(generated.alias).toMatch(/^AUTO_GENERATED_ALIAS_[A-Z0-9]{7}$/);

      const listed = await getSecrets(c.ctx);
      expect(listed.map((s) => s.alias).sort()).toEqual([generated.alias, 'reporting_app'].sort());
      const shown = listed.find((s) => s.alias === 'reporting_app')?.value;
      // 3.x masks secrets in SHOW SECRET; 4.x returns them to their owner.
      expect(shown).toBe(version === '3.10' ? `${named.slice(0, 3)}****${named.slice(-3)}` : named);

      // The new secret works for the seed flow.
      const viaSecret = connect(e, secretTokenAuth({ secret: named }));
      expect((await viaSecret.restpp(SEED_PATH, SEED_QUERY)).status).toBe(200);

      const dup = await capture(createSecret(c.ctx, 'reporting_app'), [named, 'tigergraph']);
      expect(dup).toBeInstanceOf(ValidationError);
      expect(String(dup)).toMatch(/already exists/);

      expect(await dropSecret(c.ctx, ['reporting_app', generated.alias])).toMatchObject({ failed: [] });
      expect(await getSecrets(c.ctx)).toEqual([]);
      expect(await dropSecret(c.ctx, 'reporting_app')).toMatchObject({
        dropped: [],
        failed: ['reporting_app'],
      });
      const strict = await capture(dropSecret(c.ctx, 'reporting_app', { ignoreErrors: false }), [named]);
      expect(String(strict)).toMatch(/reporting_app/);
    });

    it('an alias that could inject GSQL never reaches the server', async () => {
      const e = await emulator({ version, auth: true });
      const c = connect(e, basicAuth({ username: 'tigergraph', password: 'tigergraph' }));
      const before = e.requests.length;
      await expect(createSecret(c.ctx, 'x\nDROP ALL')).rejects.toBeInstanceOf(ValidationError);
      await expect(dropSecret(c.ctx, 'a; DROP USER tigergraph')).rejects.toBeInstanceOf(ValidationError);
      expect(e.requests.length).toBe(before);
    });
  });

  describe(`wrong credentials on ${version}`, () => {
    it('a wrong password is an AuthError that says which credential failed', async () => {
      const e = await emulator({ version, auth: true });
      const basic = connect(e, basicAuth({ username: 'tigergraph', password: PASSWORD }));
      const gsqlError = await capture(basic.gsqlSchema(), [PASSWORD]);
      expect(gsqlError).toBeInstanceOf(AuthError);
      expect((gsqlError as AuthError).status).toBe(401);

      const exchange = connect(e, passwordTokenAuth({ username: 'tigergraph', password: PASSWORD }));
      const restppError = await capture(exchange.restpp(SEED_PATH, SEED_QUERY), [PASSWORD]);
      expect(restppError).toBeInstanceOf(AuthError);
      expect((restppError as Error).message).toMatch(/rejected by the server/);
      expect((restppError as Error).message).toMatch(/Check the username \("tigergraph"\) and password/);
    });

    it('a wrong secret is an AuthError with advice', async () => {
      const e = await emulator({ version, auth: true, secrets: [{ secret: SECRET, graph: 'MyGraph' }] });
      const wrong = 'wrongsecret0000000000000000000000';
      const c = connect(e, secretTokenAuth({ secret: wrong }));
      const error = await capture(c.restpp(SEED_PATH, SEED_QUERY), [wrong]);
      expect(error).toBeInstanceOf(AuthError);
      expect((error as Error).message).toMatch(/Check that the secret is correct/);
      const direct = connect(e, gsqlSecretAuth(wrong));
      thrown.push({
        error: await direct.restpp(SEED_PATH, SEED_QUERY).catch((x: unknown) => x),
        secrets: [wrong],
      });
      expect(thrown.at(-1)?.error).toBeInstanceOf(AuthError);
    });
  });

  describe(`refreshToken on ${version}`, () => {
    it(version === '3.10' ? 'extends the token (PUT /requesttoken)' : 'is a clear error on 4.x', async () => {
      const e = await emulator({ version, auth: true, secrets: [{ secret: SECRET, graph: 'MyGraph' }] });
      const c = connect(e, noAuth());
      const issued = await getToken(c.ctx, SECRET, { lifetime: 60 });
      if (version === '3.10') {
        const refreshed = await refreshToken(c.ctx, SECRET, { lifetime: 7200 });
        expect(refreshed.token).toBe(issued.token);
        expect(refreshed.expiresAt.getTime()).toBeGreaterThan(issued.expiresAt.getTime());
        e.clock.advance(HOUR);
        expect((await c.restpp(SEED_PATH, SEED_QUERY)).status).toBe(200);
      } else {
        const error = await capture(refreshToken(c.ctx, SECRET), [SECRET, issued.token]);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as Error).message).toMatch(
          /only supported on TigerGraph ≤ 4\.0; request a new token with getToken\(\)/,
        );
      }
    });
  });
}

describe('RESTPP auth off on 3.x', () => {
  it('getToken explains that the server issues no tokens', async () => {
    const e = await emulator({
      version: '3.10',
      auth: false,
      secrets: [{ secret: SECRET, graph: 'MyGraph' }],
    });
    const c = connect(e, noAuth());
    const error = await capture(getToken(c.ctx, SECRET), [SECRET]);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/RESTPP authentication is not enabled/);
  });
});

// Runs last in this file (vitest runs a file's tests in order), after every scenario above.
describe('no credential text in any thrown error', () => {
  it('scans message, cause chain, toString and JSON of every error collected above', () => {
    expect(thrown.length).toBeGreaterThan(10);
    for (const { error, secrets } of thrown) {
      const forms: string[] = [];
      let current: unknown = error;
      for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
        forms.push(String(current), JSON.stringify(current) ?? '');
        if (current instanceof Error) forms.push(current.message, current.stack ?? '');
        current = (current as { cause?: unknown }).cause;
      }
      for (const secret of secrets) {
        for (const form of forms) expect(form).not.toContain(secret);
      }
    }
  });
});
