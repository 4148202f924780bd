// Token caching, refresh and single flight, and the lifecycle functions, against scripted replies.
import { AuthError, NotFoundError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import {
  basicAuth,
  createSecret,
  deleteToken,
  dropSecret,
  getSecrets,
  getToken,
  noAuth,
  refreshToken,
  secretTokenAuth,
  tokenAuth,
} from '../src/index.js';
import { ctxFor, decodeBasic, GENERATED, type Scripted, scripted } from './helpers/scripted.js';

const SECRET = 'n35lsqofc1if62fld2rmnb9hocqbh8ia';

/** A 3.x token server issuing t1, t2, … with `expiration` = clock + lifetime. */
function tokenServer(clock: { now: number }, lifetime = 3600): Scripted {
  let n = 0;
  return scripted({
    'POST /requesttoken': () => ({
      body: {
        code: 'REST-0000',
        expiration: Math.floor(clock.now / 1000) + lifetime,
        error: false,
        message: GENERATED,
        token: `token${String(++n).padStart(27, '0')}`,
      },
    }),
  });
}

describe('token cache and refresh', () => {
  it('20 concurrent first requests share one exchange', async () => {
    const clock = { now: Date.UTC(2030, 0, 1) };
    const s = tokenServer(clock);
    s.delayMs = 20;
    const auth = secretTokenAuth({ secret: SECRET, now: () => clock.now });
    const all = await Promise.all(Array.from({ length: 20 }, () => auth.headers(ctxFor(s, 'restpp', '3'))));
    expect(new Set(all.map((h) => h.Authorization)).size).toBe(1);
    expect(s.requests).toHaveLength(1);
  });

  it('refreshes shortly before expiry (refreshBeforeSeconds) with one exchange for 20 requests', async () => {
    const clock = { now: Date.UTC(2030, 0, 1) };
    const s = tokenServer(clock, 3600);
    s.delayMs = 10;
    const auth = secretTokenAuth({ secret: SECRET, refreshBeforeSeconds: 120, now: () => clock.now });
    const first = (await auth.headers(ctxFor(s, 'restpp', '3'))).Authorization;
    clock.now += 3600_000 - 121_000; // just outside the refresh window
    expect((await auth.headers(ctxFor(s, 'restpp', '3'))).Authorization).toBe(first);
    clock.now += 2_000; // inside it
    const next = await Promise.all(Array.from({ length: 20 }, () => auth.headers(ctxFor(s, 'restpp', '3'))));
    expect(new Set(next.map((h) => h.Authorization))).toEqual(
      new Set([`Bearer token${'2'.padStart(27, '0')}`]),
    );
    expect(s.requests).toHaveLength(2);
  });

  it('after an expired-token rejection, 20 rejected requests trigger one exchange (contexts need not be the same objects)', async () => {
    const clock = { now: Date.UTC(2030, 0, 1) };
    const s = tokenServer(clock);
    const auth = secretTokenAuth({ secret: SECRET, now: () => clock.now });
    const old = (await auth.headers(ctxFor(s, 'restpp', '3'))).Authorization;
    s.delayMs = 20;
    const retried = await Promise.all(
      Array.from({ length: 20 }, async () => {
        expect(await auth.onRejected?.(ctxFor(s, 'restpp', '3'), 'REST-10019')).toBe(true);
        return (await auth.headers(ctxFor(s, 'restpp', '3'))).Authorization;
      }),
    );
    expect(s.requests).toHaveLength(2);
    expect(new Set(retried).size).toBe(1);
    expect(retried[0]).not.toBe(old);
  });

  it('with the same context object, a late rejection of the old token does not exchange again', async () => {
    const clock = { now: Date.UTC(2030, 0, 1) };
    const s = tokenServer(clock);
    const auth = secretTokenAuth({ secret: SECRET, now: () => clock.now });
    const early = ctxFor(s, 'restpp', '3');
    await auth.headers(early);
    const late = ctxFor(s, 'restpp', '3');
    await auth.headers(late);
    expect(await auth.onRejected?.(early, 'REST-10019')).toBe(true);
    expect(await auth.onRejected?.(late, 'REST-10019')).toBe(true);
    expect(s.requests).toHaveLength(2);
  });

  it('a token that is rejected right after it was issued is not exchanged in a loop', async () => {
    const clock = { now: Date.UTC(2030, 0, 1) };
    const s = tokenServer(clock);
    const auth = secretTokenAuth({ secret: SECRET, now: () => clock.now });
    const ctx = ctxFor(s, 'restpp', '3');
    await auth.headers(ctx);
    expect(await auth.onRejected?.(ctx, 'REST-10016')).toBe(true);
    await auth.headers(ctx);
    // The transport resends at most once; a second call for the resent request exchanges again at most once.
    expect(await auth.onRejected?.(ctx, 'REST-10016')).toBe(true);
    expect(s.requests.length).toBeLessThanOrEqual(3);
  });

  it('a privilege rejection (REST-10018) is not answered with a new token', async () => {
    const clock = { now: Date.UTC(2030, 0, 1) };
    const s = tokenServer(clock);
    const auth = secretTokenAuth({ secret: SECRET, now: () => clock.now });
    await auth.headers(ctxFor(s, 'restpp', '3'));
    expect(await auth.onRejected?.(ctxFor(s, 'restpp', '3'), 'REST-10018')).toBe(false);
    expect(s.requests).toHaveLength(1);
  });

  it('a rejected secret becomes an AuthError with advice', async () => {
    const s = scripted({
      'POST /requesttoken': {
        status: 401,
        body: {
          code: 'REST-10016',
          error: true,
          message: "Access Denied because the input secret = 'n35l****8ia' is invalid.",
        },
      },
    });
    const auth = secretTokenAuth({ secret: SECRET });
    const error = await auth.headers(ctxFor(s, 'restpp', '3')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toMatch(
      /Requesting a token with a secret was rejected by the server \(POST \/requesttoken, HTTP 401, REST-10016\).*Check that the secret is correct/,
    );
    expect((error as AuthError).code).toBe('REST-10016');
  });

  it('the basic provider mints a token with its password when 3.x RESTPP rejects it', async () => {
    const s = scripted({
      'POST /requesttoken': (req) => ({
        body: {
          code: 'REST-0000',
          expiration: 4102444800,
          error: false,
          message: GENERATED,
          results: { token: req.headers?.Authorization ? 'passwordtoken00000000000000000000' : 'wrong' },
        },
      }),
    });
    const auth = basicAuth({ username: 'tigergraph', password: 'tigergraph' });
    expect(await auth.onRejected?.(ctxFor(s, 'restpp', '3'), 'REST-10016')).toBe(true);
    expect(await auth.headers(ctxFor(s, 'restpp', '3'))).toEqual({
      Authorization: 'Bearer passwordtoken00000000000000000000',
    });
    expect(s.requests[0]?.json).toEqual({ graph: 'MyGraph' });
    // A rejected GSQL-server login is not retried: a token would not help.
    expect(await auth.onRejected?.(ctxFor(s, 'gsql', '3'), undefined)).toBe(false);
  });

  it('4.x: a RESTPP rejection of the password is final, with no second login through /gsql/v1/tokens', async () => {
    const s = scripted({ 'POST /gsql/v1/tokens': { status: 401, body: { error: true, message: 'no' } } });
    const auth = basicAuth({ username: 'tigergraph', password: 'wrong-password' });
    const error = await auth.onRejected?.(ctxFor(s, 'restpp', '4'), 'REST-10016').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toMatch(/did not accept the username "tigergraph" and its password/);
    expect((error as AuthError).message).not.toMatch(/token/i);
    expect(s.requests).toHaveLength(0);
  });

  it('4.x: once an exchange proved the password, a RESTPP rejection of Basic is answered with a token', async () => {
    let n = 0;
    const s = scripted({
      'POST /gsql/v1/tokens': () => ({
        body: { error: false, message: GENERATED, token: `tok${++n}xxxxxxxxxxxxxxxxxxxxxxxxxx` },
      }),
    });
    const auth = basicAuth({ username: 'tigergraph', password: 'tigergraph' });
    await getToken({ requester: s.requester, line: '4', auth });
    const first = ctxFor(s, 'restpp', '4');
    await auth.headers(first);
    // The token expired: the provider exchanges the password itself, which proves it right.
    expect(await auth.onRejected?.(first, 'REST-10019')).toBe(true);
    auth.forgetToken('tok2xxxxxxxxxxxxxxxxxxxxxxxxxx');
    const second = ctxFor(s, 'restpp', '4');
    expect((await auth.headers(second)).Authorization).toMatch(/^Basic /);
    expect(await auth.onRejected?.(second, 'REST-10016')).toBe(true);
  });

  it('an exchange rejection ends its sentence once, after the server message', async () => {
    const s = scripted({
      'POST /gsql/v1/tokens': {
        status: 401,
        body: {
          error: true,
          message: 'User authentication failed: wrong username, password, secret or token.',
        },
      },
    });
    const auth = basicAuth({ username: 'tigergraph', password: 'wrong-password' });
    const error = await getToken({ requester: s.requester, line: '4', auth }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain('secret or token. Check the');
    expect((error as AuthError).message).not.toContain('..');
  });

  it('REST-1000 from /requesttoken (RESTPP auth off) means the rejection was not about credentials', async () => {
    const s = scripted({
      'POST /requesttoken': {
        status: 404,
        body: {
          version: { edition: 'enterprise', api: 'v2', schema: 0 },
          error: true,
          message:
            'Endpoint is not found from url = /requesttoken, please use GET /endpoints to list all valid endpoints.',
          code: 'REST-1000',
        },
      },
    });
    const auth = basicAuth({ username: 'tigergraph', password: 'tigergraph' });
    expect(await auth.onRejected?.(ctxFor(s, 'restpp', '3'), 'REST-10016')).toBe(false);
  });
});

describe('getToken / refreshToken / deleteToken', () => {
  it('getToken(secret, {lifetime}) on 3.x returns token, expiresAt and raw, and sets it on the provider', async () => {
    const s = scripted({
      'POST /requesttoken': {
        body: {
          code: 'REST-0000',
          expiration: 1616042814,
          error: false,
          message: GENERATED,
          token: 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq',
        },
      },
    });
    const auth = noAuth();
    const issued = await getToken({ requester: s.requester, line: '3', graph: 'MyGraph', auth }, SECRET, {
      lifetime: 100000,
    });
    expect(issued).toMatchObject({
      token: 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq',
      expiresAt: new Date(1616042814000),
      expiration: 1616042814,
      line: '3',
      graph: 'MyGraph',
    });
    expect((issued.raw as { code: string }).code).toBe('REST-0000');
    expect(s.requests[0]?.json).toEqual({ secret: SECRET, lifetime: '100000' });
    expect(await auth.headers(ctxFor(s, 'restpp', '3'))).toEqual({
      Authorization: 'Bearer tohvf6khjqju8jf0r0l1cohhlm8gi5fq',
    });
    expect(auth.secrets()).toContain(SECRET);
  });

  it('getToken with setToken: false leaves the provider alone', async () => {
    const s = scripted({
      'POST /requesttoken': { body: { error: false, token: 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq' } },
    });
    const auth = noAuth();
    await getToken({ requester: s.requester, line: '3', auth }, SECRET, { setToken: false });
    expect(await auth.headers(ctxFor(s, 'restpp', '3'))).toEqual({});
  });

  it('getToken without a secret uses the connection credentials (Basic) and 4.x /gsql/v1/tokens', async () => {
    const s = scripted({
      'POST /gsql/v1/tokens': {
        body: { expiration: 'Wed Jul 10 06:12:47 UTC 2024', error: false, message: 'ok', token: 'a.b.c' },
      },
    });
    const auth = basicAuth({ username: 'tigergraph', password: 'tigergraph' });
    const issued = await getToken({ requester: s.requester, line: '4', auth });
    expect(issued.expiresAt.toISOString()).toBe('2024-07-10T06:12:47.000Z');
    expect(decodeBasic(s.requests[0]?.headers?.Authorization)).toBe('tigergraph:tigergraph');
    expect(s.requests[0]?.json).toEqual({});
    await expect(getToken({ requester: s.requester, line: '4' })).rejects.toThrow(/pass the secret/);
  });

  it('getToken explains RESTPP auth being off (REST-1000)', async () => {
    const s = scripted({
      'POST /requesttoken': {
        status: 404,
        body: {
          error: true,
          code: 'REST-1000',
          message:
            'Endpoint is not found from url = /requesttoken, please use GET /endpoints to list all valid endpoints.',
        },
      },
    });
    const error = await getToken({ requester: s.requester, line: '3' }, SECRET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(String(error)).toMatch(/RESTPP authentication is not enabled/);
  });

  it('refreshToken: 3.x PUT /requesttoken; on 4.x a clear ValidationError', async () => {
    const s = scripted({
      'PUT /requesttoken': {
        body: {
          code: 'REST-0000',
          expiration: 1641554169,
          error: false,
          message: 'Refresh token successfully.',
          token: 'tok',
        },
      },
    });
    const refreshed = await refreshToken({ requester: s.requester, line: '3' }, SECRET, {
      token: 'tok',
      lifetime: 15000,
    });
    expect(refreshed.expiresAt).toEqual(new Date(1641554169000));
    expect(s.requests[0]).toMatchObject({
      method: 'PUT',
      path: '/requesttoken',
      json: { token: 'tok', secret: SECRET, lifetime: '15000' },
    });
    const error = await refreshToken({ requester: s.requester, line: '4' }, SECRET, { token: 'tok' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      'Refreshing tokens is only supported on TigerGraph ≤ 4.0; request a new token with getToken().',
    );
  });

  it('deleteToken: 3.x REST-3300 is a NotFoundError unless skipNA; 4.x sends {"tokens": "t1,t2"}', async () => {
    const s = scripted({
      'DELETE /requesttoken': {
        status: 400,
        body: { code: 'REST-3300', error: true, message: "The token 'tok1****' does not exist." },
      },
      'DELETE /gsql/v1/tokens': {
        body: { error: false, message: 'Successfully dropped the specified JWT tokens' },
      },
    });
    const ctx3 = { requester: s.requester, line: '3' as const };
    await expect(deleteToken(ctx3, SECRET, { token: 'tok1' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await deleteToken(ctx3, SECRET, { token: 'tok1', skipNA: true })).toBe(true);
    expect(s.requests[0]?.json).toEqual({ token: 'tok1', secret: SECRET });

    const auth = basicAuth({ username: 'tigergraph', password: 'tigergraph' });
    expect(
      await deleteToken({ requester: s.requester, line: '4', auth }, undefined, { token: ['t1', 't2'] }),
    ).toBe(true);
    const del4 = s.requests.at(-1);
    expect(del4?.json).toEqual({ tokens: 't1,t2' });
    expect(del4?.headers?.Authorization).toMatch(/^Basic /);
  });

  it('deleteToken makes the provider stop sending the deleted token', async () => {
    const s = scripted({
      'POST /requesttoken': {
        body: { error: false, token: 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq', expiration: 4102444800 },
      },
      'DELETE /requesttoken': {
        body: {
          code: 'REST-0000',
          expiration: -1,
          error: false,
          message: 'Drop token successfully.',
          token: 'x',
        },
      },
    });
    const auth = noAuth();
    const ctx = { requester: s.requester, line: '3' as const, graph: 'MyGraph', auth };
    await getToken(ctx, SECRET);
    expect(await deleteToken(ctx, SECRET)).toBe(true);
    expect(s.requests.at(-1)?.json).toEqual({ token: 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq', secret: SECRET });
    expect(await auth.headers(ctxFor(s, 'restpp', '3'))).toEqual({});
    await expect(deleteToken(ctx, SECRET)).rejects.toThrow(/needs a token/);
  });

  it('a static tokenAuth is not a token holder: getToken does not change it', async () => {
    const s = scripted({ 'POST /requesttoken': { body: { error: false, token: 'newtoken' } } });
    const auth = tokenAuth('oldtoken');
    await getToken({ requester: s.requester, line: '3', auth }, SECRET);
    expect(await auth.headers(ctxFor(s, 'restpp', '3'))).toEqual({ Authorization: 'Bearer oldtoken' });
  });
});

describe('secrets', () => {
  const auth = basicAuth({ username: 'tigergraph', password: 'tigergraph' });

  it('3.x: CREATE SECRET through /gsqlserver/gsql/file with a quote_plus body', async () => {
    const s = scripted({
      'POST /gsqlserver/gsql/file': {
        body: 'The secret: n35lsqofc1if62fld2rmnb9hocqbh8ia has been created for user "tigergraph".\n__GSQL__RETURN__CODE__,0\n',
      },
    });
    const secret = await createSecret({ requester: s.requester, line: '3', graph: 'MyGraph', auth }, 'app_1');
    expect(secret).toBe(SECRET);
    const req = s.requests[0];
    expect(req).toMatchObject({
      service: 'gsql',
      method: 'POST',
      path: '/gsqlserver/gsql/file',
      body: 'USE+GRAPH+MyGraph%0ACREATE+SECRET+app_1',
    });
    expect(req?.headers?.['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(decodeBasic(req?.headers?.Authorization)).toBe('tigergraph:tigergraph');
  });

  it('3.x: withAlias and no alias finds the generated alias via SHOW SECRET', async () => {
    const s = scripted({
      'POST /gsqlserver/gsql/file': (req) => ({
        body: String(req.body).includes('CREATE')
          ? 'The secret: n35lsqofc1if62fld2rmnb9hocqbh8ia has been created for user "tigergraph".\n__GSQL__RETURN__CODE__,0\n'
          : '    - Secret: abc****xyz\n      - Alias: other\n    - Secret: n35****8ia\n      - Alias: AUTO_GENERATED_ALIAS_K2J9QXA\n      - GraphName: MyGraph\n__GSQL__RETURN__CODE__,0\n',
      }),
    });
    const created = await createSecret(
      { requester: s.requester, line: '3', graph: 'MyGraph', auth },
      undefined,
      { withAlias: true },
    );
    expect(created).toEqual({ alias: 'AUTO_GENERATED_ALIAS_K2J9QXA', secret: SECRET });
  });

  it('an existing alias is a ValidationError on both lines', async () => {
    const s = scripted({
      'POST /gsqlserver/gsql/file': {
        body: 'The secret with alias app already exists for user tigergraph.\n__GSQL__RETURN__CODE__,1\n',
      },
      'POST /gsql/v1/secrets': {
        status: 409,
        body: { error: true, message: 'The secret with alias app already exists for user tigergraph.' },
      },
    });
    for (const line of ['3', '4'] as const) {
      await expect(
        createSecret({ requester: s.requester, line, graph: 'MyGraph', auth }, 'app'),
      ).rejects.toThrow(/A secret with alias "app" already exists/);
    }
  });

  it('4.x: POST /gsql/v1/secrets?alias=…, GET list, DELETE by alias and in bulk', async () => {
    const s = scripted({
      'POST /gsql/v1/secrets': (req) => ({
        body: {
          error: false,
          message: '',
          results: { alias: req.searchParams?.alias ?? 'AUTO_GENERATED_ALIAS_ABCDEFG', value: SECRET },
        },
      }),
      'GET /gsql/v1/secrets': {
        body: { error: false, message: '', results: [{ alias: 's1', value: SECRET }] },
      },
      'DELETE /gsql/v1/secrets/s1': {
        body: { error: false, message: 'Successfully removed the secrets for user tigergraph.' },
      },
      'DELETE /gsql/v1/secrets': {
        status: 400,
        body: {
          error: true,
          message: 'Failed to drop secrets: [nope]. They do not exist for user tigergraph.',
        },
      },
    });
    const ctx = { requester: s.requester, line: '4' as const, auth };
    expect(await createSecret(ctx, 's1', { withAlias: true })).toEqual({ alias: 's1', secret: SECRET });
    expect(s.requests[0]).toMatchObject({
      method: 'POST',
      path: '/gsql/v1/secrets',
      searchParams: { alias: 's1' },
    });
    expect(await getSecrets(ctx)).toEqual([{ alias: 's1', value: SECRET }]);
    expect(await dropSecret(ctx, 's1')).toMatchObject({ dropped: ['s1'], failed: [] });
    expect(await dropSecret(ctx, ['s2', 'nope'])).toMatchObject({ dropped: [], failed: ['s2', 'nope'] });
    expect(s.requests.at(-1)?.json).toEqual({ secrets: ['s2', 'nope'] });
    await expect(dropSecret(ctx, ['s2', 'nope'], { ignoreErrors: false })).rejects.toThrow(
      /Failed to drop secrets/,
    );
  });

  it('3.x: DROP SECRET failures are reported per alias', async () => {
    const s = scripted({
      'POST /gsqlserver/gsql/file': {
        body: 'Failed to drop secrets: [nope]. They do not exist for user tigergraph.\n__GSQL__RETURN__CODE__,1\n',
      },
    });
    const ctx = { requester: s.requester, line: '3' as const, graph: 'MyGraph', auth };
    expect(await dropSecret(ctx, ['nope'])).toMatchObject({ dropped: [], failed: ['nope'] });
    expect(s.requests[0]?.body).toBe('USE+GRAPH+MyGraph%0ADROP+SECRET+nope');
    await expect(dropSecret(ctx, 'nope', { ignoreErrors: false })).rejects.toThrow(
      /Dropping secrets failed: Failed to drop secrets: \[nope\]/,
    );
  });

  it('3.x secret management needs a graph', async () => {
    const s = scripted();
    await expect(getSecrets({ requester: s.requester, line: '3', auth })).rejects.toThrow(
      /set the connection graph/,
    );
  });
});
