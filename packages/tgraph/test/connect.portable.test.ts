// Issue 4's shared scenario suite through the facade: `import { createClient } from 'tgraph'` picks
// the Node, browser or Deno entry by export condition, and the same scenarios run in all three
// against emulators created through the control server (TigerGraph 3.x and 4.x, RESTPP auth on and
// off). Every scenario checks what the server received (the emulator's request log) and the result.
import { type ControlRecordedRequest, connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import {
  AuthError,
  type ClientOptions,
  createClient,
  NetworkError,
  NotFoundError,
  type TigerGraphClient,
  TigerGraphError,
  TimeoutError,
} from 'tgraph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const SECRET = 'n35lsqofc1if62fld2rmnb9hocqbh8ia';
const PRESET_TOKEN = 'portabletoken0123456789abcdefgh';
const PASSWORD = 'tigergraph';
const SEED_PATH = '/graph/MyGraph/vertices/Patient';
const control = connectControl(inject('tgraphControlUrl'));
const runtime =
  typeof (globalThis as { Deno?: unknown }).Deno === 'object'
    ? 'deno'
    : typeof (globalThis as { document?: unknown }).document === 'object'
      ? 'browser'
      : 'node';

async function caught(p: Promise<unknown>): Promise<TigerGraphError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(TigerGraphError);
    return error as TigerGraphError;
  }
  throw new Error('expected the call to fail');
}

function header(r: ControlRecordedRequest, name: string): string | undefined {
  const v = r.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Requests for `/…/vertices/Patient` (through /restpp or at the RESTPP root). */
const listings = (log: ControlRecordedRequest[]) =>
  log.filter((r) => r.method === 'GET' && r.path.endsWith(SEED_PATH));
const tokenRequests = (log: ControlRecordedRequest[]) =>
  log.filter((r) => r.method === 'POST' && /\/requesttoken$|\/gsql\/v1\/tokens$/.test(r.path));

function expectFivePatients(rows: readonly { v_id: string; v_type: string; attributes: object }[]): void {
  expect(rows).toHaveLength(5);
  for (const row of rows) {
    expect(row.v_type).toBe('Patient');
    expect(Object.keys(row.attributes)).toEqual(['birth_year']);
    expect(typeof (row.attributes as { birth_year: unknown }).birth_year).toBe('number');
  }
}

const listPatients = (tg: TigerGraphClient) =>
  tg.vertices.get('Patient', { limit: 5, select: ['birth_year'] });

for (const version of ['3.10', '4.2'] as const) {
  const line = version.startsWith('3') ? '3' : '4';

  for (const auth of [true, false]) {
    describe(`tgraph in ${runtime}: TigerGraph ${version}, RESTPP auth ${auth ? 'on' : 'off'}`, () => {
      let emu: EmulatorHandle;
      const clients: TigerGraphClient[] = [];
      const connect = (options: ClientOptions = {}) => {
        const tg = createClient({ host: emu.gsUrl, graph: 'MyGraph', retries: 0, ...options });
        clients.push(tg);
        return tg;
      };
      const log = () => control.requests(emu.id);

      beforeAll(async () => {
        emu = await control.create({
          version,
          auth,
          seed: 'covid',
          cors: { origins: '*' },
          secrets: [{ secret: SECRET, alias: 'seed_secret', graph: 'MyGraph' }],
          tokens: [{ token: PRESET_TOKEN, graph: 'MyGraph' }],
        });
      });
      afterAll(async () => {
        await Promise.all(clients.map((c) => c.close()));
        await control.destroy(emu.id);
      });

      it('picks the entry of this runtime and detects the server line with one unauthenticated probe', async () => {
        await control.clearRequests(emu.id);
        const tg = connect();
        expect(tg.runtime).toBe(runtime);
        expect(await tg.line()).toBe(line);
        expect(await tg.line()).toBe(line);
        const probes = (await log()).filter((r) => r.path === '/gsql/v1/version');
        expect(probes).toHaveLength(1);
        expect(probes[0]?.method).toBe('GET');
        expect(header(probes[0]!, 'authorization')).toBeUndefined();
        expect(probes[0]?.status).toBe(line === '4' ? 401 : 404);
      });

      it('connects with username/password', async () => {
        const tg = connect({ username: 'tigergraph', password: PASSWORD });
        await control.clearRequests(emu.id);
        expectFivePatients(await listPatients(tg));
        const sent = listings(await log()).at(-1)!;
        expect(sent.query).toEqual({ limit: '5', select: 'birth_year' });
        expect(sent.status).toBe(200);
        const authorization = header(sent, 'authorization');
        if (!auth && line === '3') {
          // 3.x RESTPP takes no Basic credentials; with its auth off nothing is needed.
          expect(authorization).toBeUndefined();
        } else if (auth && line === '3') {
          // 3.x RESTPP refuses Basic: the client exchanged the credentials for a token once.
          expect(authorization).toMatch(/^Bearer [a-z0-9]{32}$/);
          expect(tokenRequests(await log())).toHaveLength(1);
        } else {
          expect(authorization).toBe(`Basic ${btoa(`tigergraph:${PASSWORD}`)}`);
        }
      });

      it('connects with gsqlSecret exchanged for a token (exchange: true)', async () => {
        const tg = connect({ gsqlSecret: SECRET, exchange: true, tokenLifetimeSeconds: 100000 });
        await control.clearRequests(emu.id);
        expectFivePatients(await listPatients(tg));
        const requests = await log();
        const [exchange] = tokenRequests(requests);
        expect(exchange).toBeDefined();
        if (line === '3' && !auth) {
          // 3.x with RESTPP auth off issues no tokens (REST-1000); the client carries on without one.
          expect(exchange!.status).toBe(404);
          expect(header(listings(requests).at(-1)!, 'authorization')).toBeUndefined();
          return;
        }
        if (line === '3') {
          expect(exchange!.path).toBe('/restpp/requesttoken');
          expect(exchange!.body).toBe(`{"secret":"${SECRET}","lifetime":"100000"}`);
        } else {
          expect(exchange!.path).toBe('/gsql/v1/tokens');
          expect(JSON.parse(exchange!.body)).toEqual({ secret: SECRET, lifetime: '100000' });
        }
        expect(header(listings(requests).at(-1)!, 'authorization')).toMatch(/^Bearer \S+$/);
      });

      if (line === '4') {
        it('connects with gsqlSecret sent as GSQL-Secret (4.x), no exchange', async () => {
          const tg = connect({ gsqlSecret: SECRET });
          await control.clearRequests(emu.id);
          expectFivePatients(await listPatients(tg));
          const requests = await log();
          expect(header(listings(requests).at(-1)!, 'authorization')).toBe(`GSQL-Secret ${SECRET}`);
          expect(tokenRequests(requests)).toHaveLength(0);
        });

        it('connects with a jwtToken (a 4.x JWT issued earlier)', async () => {
          const issuer = connect();
          const { token } = await issuer.auth.getToken({ secret: SECRET, setToken: false });
          expect(token.split('.')).toHaveLength(3);
          const tg = connect({ jwtToken: token });
          await control.clearRequests(emu.id);
          expectFivePatients(await listPatients(tg));
          expect(header(listings(await log()).at(-1)!, 'authorization')).toBe(`Bearer ${token}`);
        });
      }

      it('connects with an apiToken', async () => {
        const tg = connect({ apiToken: PRESET_TOKEN });
        await control.clearRequests(emu.id);
        expectFivePatients(await listPatients(tg));
        expect(header(listings(await log()).at(-1)!, 'authorization')).toBe(`Bearer ${PRESET_TOKEN}`);
      });

      if (!auth) {
        it('connects with no credentials when RESTPP auth is off', async () => {
          const tg = connect();
          await control.clearRequests(emu.id);
          expectFivePatients(await listPatients(tg));
          expect(header(listings(await log()).at(-1)!, 'authorization')).toBeUndefined();
        });
      }

      if (auth) {
        it('seed flow: secret → token with lifetime → Bearer request listing 5 Patients with birth_year', async () => {
          const tg = connect();
          await control.clearRequests(emu.id);
          const issued = await tg.auth.getToken({ secret: SECRET, lifetime: 100000 });
          expectFivePatients(await listPatients(tg));
          const requests = await log();
          const [exchange] = tokenRequests(requests);
          expect(header(exchange!, 'authorization')).toBeUndefined();
          if (line === '3') {
            expect(exchange!.path).toBe('/restpp/requesttoken');
            expect(exchange!.body).toBe(`{"secret":"${SECRET}","lifetime":"100000"}`);
            expect(issued.token).toMatch(/^[a-z0-9]{32}$/);
          } else {
            expect(exchange!.path).toBe('/gsql/v1/tokens');
            expect(JSON.parse(exchange!.body)).toEqual({ secret: SECRET, lifetime: '100000' });
          }
          const listing = listings(requests).at(-1)!;
          expect(listing.path).toBe(`/restpp${SEED_PATH}`);
          expect(listing.query).toEqual({ limit: '5', select: 'birth_year' });
          expect(header(listing, 'authorization')).toBe(`Bearer ${issued.token}`);
          expect(issued.expiresAt.getTime()).toBeGreaterThan(Date.now());
        });

        if (line === '4') {
          it('seed flow with Authorization: GSQL-Secret <secret>', async () => {
            const tg = connect({ gsqlSecret: SECRET, exchange: false });
            await control.clearRequests(emu.id);
            expectFivePatients(await listPatients(tg));
            const listing = listings(await log()).at(-1)!;
            expect(listing.path).toBe(`/restpp${SEED_PATH}`);
            expect(header(listing, 'authorization')).toBe(`GSQL-Secret ${SECRET}`);
          });
        }

        it('an expired token is refreshed once for 20 concurrent requests (emulator clock)', async () => {
          const tg = connect({ gsqlSecret: SECRET, exchange: true, tokenLifetimeSeconds: 3600 });
          await control.clearRequests(emu.id);
          expectFivePatients(await listPatients(tg));
          expect(tokenRequests(await log())).toHaveLength(1);
          await control.advanceClock(emu.id, 3601 * 1000);
          await control.clearRequests(emu.id);
          const results = await Promise.all(Array.from({ length: 20 }, () => listPatients(tg)));
          for (const rows of results) expectFivePatients(rows);
          const requests = await log();
          expect(tokenRequests(requests)).toHaveLength(1);
          const rejected = listings(requests).filter((r) => r.status !== 200);
          expect(rejected.length).toBeGreaterThan(0);
          // The expired token was refused (REST-10019, 401) before the one refresh.
          expect(rejected.every((r) => r.status === 401)).toBe(true);
          expect(listings(requests).filter((r) => r.status === 200)).toHaveLength(20);
        });

        it('deleteToken, then the next request fails with a clear AuthError', async () => {
          const tg = connect();
          const issued = await tg.auth.getToken({ secret: SECRET, lifetime: 100000 });
          expectFivePatients(await listPatients(tg));
          expect(await tg.auth.deleteToken({ secret: SECRET })).toBe(true);
          const error = await caught(listPatients(tg));
          expect(error).toBeInstanceOf(AuthError);
          expect(error.status).toBe(401);
          expect(error.message).toMatch(/token|credential|authori/i);
          expect(error.message).not.toContain(issued.token);
          expect(error.message).not.toContain(SECRET);
        });

        it('a wrong password gives an AuthError that says what to check', async () => {
          const tg = connect({ username: 'tigergraph', password: 'not-the-password' });
          const error = await caught(listPatients(tg));
          expect(error).toBeInstanceOf(AuthError);
          expect(error.message).toMatch(/password|credential|user/i);
          expect(error.message).not.toContain('not-the-password');
        });
      }

      it('creates, lists and drops a secret', async () => {
        const tg = connect({ username: 'tigergraph', password: PASSWORD });
        const alias = `facade_${auth ? 'a' : 'n'}${line}`;
        const created = await tg.auth.createSecret({ alias });
        expect(created.alias).toBe(alias);
        expect(created.secret).toMatch(/^[a-z0-9]{32}$/);
        const listed = await tg.auth.getSecrets();
        const mine = listed.find((s) => s.alias === alias);
        expect(mine).toBeDefined();
        // 3.x shows secrets masked (abc****xyz); 4.x returns the value.
        if (line === '3') expect(mine!.value).toMatch(/^\w{3}\*+\w{3}$/);
        else expect(mine!.value).toBe(created.secret);
        await tg.auth.dropSecret(alias);
        expect((await tg.auth.getSecrets()).some((s) => s.alias === alias)).toBe(false);
        const paths = (await log()).map((r) => `${r.method} ${r.path}`);
        if (line === '4') {
          expect(paths).toContain('POST /gsql/v1/secrets');
          expect(paths).toContain('GET /gsql/v1/secrets');
        } else {
          expect(paths).toContain('POST /gsqlserver/gsql/file');
        }
      });

      it('an unknown graph gives a typed error naming the graph', async () => {
        const tg = connect({ username: 'tigergraph', password: PASSWORD, graph: 'NoSuchGraph' });
        const error = await caught(tg.vertices.get('Patient', { limit: 1 }));
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error.code).toBe('REST-1004');
        expect(error.status).toBe(404);
        expect(error.message).toContain("graph name 'NoSuchGraph'");
      });

      it('an unreachable host gives a NetworkError that names the host', async () => {
        const tg = createClient({ host: 'http://127.0.0.1:9', graph: 'MyGraph', version, retries: 0 });
        clients.push(tg);
        const error = await caught(listPatients(tg));
        expect(error).toBeInstanceOf(NetworkError);
        expect(error.message).toContain('127.0.0.1:9');
      });
    });
  }
}

describe(`tgraph in ${runtime}: timeouts`, () => {
  let emu: EmulatorHandle;
  let tg: TigerGraphClient;
  beforeAll(async () => {
    emu = await control.create({ version: '4.2', seed: 'covid', cors: { origins: '*' } });
    tg = createClient({ host: emu.gsUrl, graph: 'MyGraph', version: '4.2.0', retries: 0 });
  });
  afterAll(async () => {
    await tg.close();
    await control.destroy(emu.id);
  });

  it('a request slower than timeoutMs gives a TimeoutError that says how to raise it', async () => {
    // 20 000 vertices make the listing take far longer than 5 ms to build and send.
    const many = Array.from(
      { length: 20_000 },
      (_, i) => [`t${i}`, { birth_year: 1900 + (i % 100) }] as const,
    );
    await tg.vertices.upsertMany('Patient', many);
    const error = await caught(tg.vertices.get('Patient', { timeoutMs: 5 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(/timeoutMs/);
  });
});

describe(`tgraph in ${runtime}: request ids`, () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    // A browser may send X-Request-Id only where CORS allows it, as an admin configures nginx.
    emu = await control.create({
      version: '4.2',
      seed: 'covid',
      cors: { origins: '*', headers: ['X-Request-Id'] },
    });
  });
  afterAll(async () => {
    await control.destroy(emu.id);
  });

  it("sends the caller's request ids (requestId option) in requestIdHeader and puts them in errors", async () => {
    let current: string | undefined = 'app-0001';
    const tg = createClient({
      host: emu.gsUrl,
      graph: 'MyGraph',
      version: '4.2.0',
      retries: 0,
      requestIdHeader: 'X-Request-Id',
      requestId: () => current,
    });
    try {
      await control.clearRequests(emu.id);
      expectFivePatients(await listPatients(tg));
      current = 'app-0002';
      const error = await caught(tg.vertices.get('NoSuchType', { limit: 1 }));
      expect(error.requestId).toBe('app-0002');
      current = undefined;
      await listPatients(tg);
      const sent = (await control.requests(emu.id)).filter(
        (r) => r.method === 'GET' && r.path.includes('/vertices/'),
      );
      expect(sent.map((r) => header(r, 'x-request-id'))).toEqual([
        'app-0001',
        'app-0002',
        expect.stringMatching(/^tg-[0-9a-f]{16}$/),
      ]);
    } finally {
      await tg.close();
    }
  });
});
