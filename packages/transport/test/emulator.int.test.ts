// The pipeline against the emulator over loopback HTTP (Node's global fetch, no adapter).
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { AuthError, type AuthProvider, NotFoundError, TigerGraphError } from '@tgraph/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, type Transport, type TransportOptions } from '../src/index.ts';

const PRESET_TOKEN = 'presettokenabcdefghijklmnop12';
const SHORT_TOKEN = 'shortlivedtokenqrstuvwxyz3456';
const SECRET = 'presetsecretforexchange0987654';

interface Envelope<T> {
  error: boolean;
  message: string;
  results: T;
  code?: string;
}

async function caught(p: Promise<unknown>): Promise<TigerGraphError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(TigerGraphError);
    return error as TigerGraphError;
  }
  throw new Error('expected the request to fail');
}

/** Every string reachable from an error: message, fields, toString, JSON and the cause chain. */
function allText(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let i = 0; i < 8 && e; i++) {
    parts.push(String(e), JSON.stringify(e), (e as Error).stack ?? '', (e as Error).message ?? '');
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

function staticBearer(token: string): AuthProvider {
  return {
    kind: 'token',
    headers: async () => ({ Authorization: `Bearer ${token}` }),
    secrets: () => [token],
  };
}

describe('RESTPP 4.x with authentication on', () => {
  let emu: RunningEmulator;
  const open: Transport[] = [];
  const make = (o: Partial<TransportOptions>) => {
    const t = createTransport({
      restppUrls: [emu.restppUrl],
      gsqlUrl: emu.gsUrl,
      graph: 'MyGraph',
      line: '4',
      ...o,
    });
    open.push(t);
    return t;
  };

  beforeAll(async () => {
    emu = await startEmulator({
      version: '4.2',
      seed: 'covid',
      auth: true,
      tokens: [{ token: PRESET_TOKEN }, { token: SHORT_TOKEN, lifetime: 60 }],
      secrets: [{ secret: SECRET, alias: 'exchange' }],
    });
  });
  afterAll(async () => {
    for (const t of open) await t.close();
    await emu.stop();
  });

  it('lists 5 Patient vertices with birth_year through a Bearer token', async () => {
    const t = make({ auth: staticBearer(PRESET_TOKEN) });
    const res = await t.request<
      Envelope<{ v_id: string; v_type: string; attributes: { birth_year: number } }[]>
    >({
      service: 'restpp',
      method: 'GET',
      path: '/graph/MyGraph/vertices/Patient',
      searchParams: { limit: 5 },
    });
    expect(res.status).toBe(200);
    expect(res.data.results).toHaveLength(5);
    for (const v of res.data.results) {
      expect(v.v_type).toBe('Patient');
      expect(typeof v.attributes.birth_year).toBe('number');
    }
  });

  it('reaches RESTPP through the nginx-style /restpp prefix as well', async () => {
    const t = createTransport({ restppUrls: [emu.restppViaGsUrl], auth: staticBearer(PRESET_TOKEN) });
    open.push(t);
    const res = await t.request<Envelope<unknown[]>>({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(res.data.error).toBe(false);
  });

  it('answers a missing token with AuthError REST-10016 and a hint', async () => {
    const t = make({});
    const e = await caught(
      t.request({ service: 'restpp', method: 'GET', path: '/graph/MyGraph/vertices/Patient' }),
    );
    expect(e).toBeInstanceOf(AuthError);
    expect(e.code).toBe('REST-10016');
    expect(e.status).toBe(401);
    expect(e.serverMessage).toMatch(/empty or too short/);
  });

  it('maps an unknown graph to NotFoundError REST-1004', async () => {
    const t = make({ auth: staticBearer(PRESET_TOKEN) });
    const e = await caught(
      t.request({ service: 'restpp', method: 'GET', path: '/graph/NoSuchGraph/vertices/Patient' }),
    );
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.code).toBe('REST-1004');
    expect(e.endpoint?.path).toBe('/graph/NoSuchGraph/vertices/Patient');
  });

  it('exchanges a secret for a token through the requester, then sends it as Bearer', async () => {
    let token: string | undefined;
    let exchanges = 0;
    const provider: AuthProvider = {
      kind: 'secret-exchange',
      async headers(ctx) {
        if (!token) {
          exchanges++;
          const r = await ctx.requester({
            service: 'restpp',
            method: 'POST',
            path: '/requesttoken',
            json: { secret: SECRET, lifetime: 1000 },
          });
          expect(r.status).toBe(200);
          // Via a secret the token is top-level; via username/password it is in `results`.
          const b = r.body as { token?: string; results?: { token: string } };
          token = b.token ?? b.results?.token;
        }
        return { Authorization: `Bearer ${token}` };
      },
      secrets: () => [SECRET, ...(token ? [token] : [])],
    };
    const t = make({ auth: provider });
    for (let i = 0; i < 3; i++) {
      const res = await t.request<Envelope<unknown[]>>({
        service: 'restpp',
        method: 'GET',
        path: '/graph/MyGraph/vertices/Patient',
        searchParams: { limit: 1 },
      });
      expect(res.data.results).toHaveLength(1);
    }
    expect(exchanges).toBe(1);
  });

  it('refreshes once after the token expires (REST-10019) and resends', async () => {
    let current = SHORT_TOKEN;
    const codes: (string | undefined)[] = [];
    const provider: AuthProvider = {
      kind: 'token',
      headers: async () => ({ Authorization: `Bearer ${current}` }),
      async onRejected(_ctx, code) {
        codes.push(code);
        current = PRESET_TOKEN;
        return true;
      },
      secrets: () => [SHORT_TOKEN, PRESET_TOKEN],
    };
    const t = make({ auth: provider });
    emu.clock.advance(120_000);
    const res = await t.request<Envelope<unknown[]>>({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(res.data.error).toBe(false);
    expect(codes).toEqual(['REST-10019']);
  });

  it('keeps tokens and passwords out of errors, causes, hooks and logs', async () => {
    const log: string[] = [];
    const hookViews: unknown[] = [];
    const wrong = 'notavalidtokenbutlooksreal9876';
    const t = make({
      auth: staticBearer(wrong),
      logger: { debug: (m, f) => log.push(`${m} ${JSON.stringify(f)}`) },
      hooks: {
        beforeRequest: (v) => void hookViews.push(v),
        afterResponse: (v) => void hookViews.push(v),
        onError: (v) => void hookViews.push({ ...v, error: allText(v.error) }),
      },
    });
    const e = await caught(
      t.request({ service: 'restpp', method: 'GET', path: '/echo', searchParams: { token: wrong } }),
    );
    expect(e).toBeInstanceOf(AuthError);
    const everything = [allText(e), JSON.stringify(hookViews), log.join('\n')].join('\n');
    expect(everything).not.toContain(wrong);
    expect(everything).toContain('Bearer ***');

    const basic = make({
      auth: {
        kind: 'basic',
        headers: async () => ({ Authorization: `Basic ${btoa('tigergraph:Wr0ngPassw0rd!')}` }),
        secrets: () => ['Wr0ngPassw0rd!'],
      },
      logger: { debug: (m, f) => log.push(`${m} ${JSON.stringify(f)}`) },
    });
    const g = await caught(
      basic.request({ service: 'gsql', method: 'GET', path: '/gsql/v1/schema/graphs/MyGraph' }),
    );
    expect(g).toBeInstanceOf(AuthError);
    const text = `${allText(g)}\n${log.join('\n')}`;
    expect(text).not.toContain('Wr0ngPassw0rd!');
    expect(text).not.toContain(btoa('tigergraph:Wr0ngPassw0rd!'));
  });

  it('talks to the GSQL server with Basic credentials', async () => {
    const t = make({
      auth: {
        kind: 'basic',
        headers: async () => ({ Authorization: `Basic ${btoa('tigergraph:tigergraph')}` }),
        secrets: () => ['tigergraph'],
      },
    });
    const res = await t.request<{ error: boolean }>({
      service: 'gsql',
      method: 'GET',
      path: '/gsql/v1/schema/graphs/MyGraph',
    });
    expect(res.status).toBe(200);
    expect(res.data.error).toBe(false);
  });
});

describe('RESTPP 3.x without authentication', () => {
  let emu: RunningEmulator;
  let t: Transport;
  beforeAll(async () => {
    emu = await startEmulator({ version: '3.10', seed: 'covid' });
    t = createTransport({ restppUrls: [emu.restppUrl], gsqlUrl: emu.gsUrl, line: '3' });
  });
  afterAll(async () => {
    await t.close();
    await emu.stop();
  });

  it('reads vertices with 64-bit-safe integers and sends control headers', async () => {
    const res = await t.request<Envelope<{ attributes: { birth_year: bigint | number } }[]>>({
      service: 'restpp',
      method: 'GET',
      path: '/graph/MyGraph/vertices/Patient',
      searchParams: { limit: 2 },
      integers: 'bigint',
      control: { gsqlTimeoutMs: 16_000, responseLimitBytes: 1_000_000 },
    });
    expect(res.data.results).toHaveLength(2);
    const last = emu.requests.at(-1)!;
    expect(JSON.stringify(last)).toMatch(/gsql-timeout/i);
  });

  it('sends a retry policy set on the client to the wire through ky: statuses, limit and methods', async () => {
    const path = '/no-such-endpoint';
    const atEmulator = () => emu.requests.filter((r) => r.path === path).length;
    // The default policy does not repeat a 404.
    await caught(t.request({ service: 'restpp', method: 'GET', path }));
    expect(atEmulator()).toBe(1);
    // A client whose policy lists 404 repeats the read up to its limit: 1 + 2 requests reach the server.
    const retrying = createTransport({
      restppUrls: [emu.restppUrl],
      line: '3',
      retry: { statuses: [404], limit: 2, baseDelayMs: 1 },
    });
    try {
      const e = await caught(retrying.request({ service: 'restpp', method: 'GET', path }));
      expect(e).toBeInstanceOf(NotFoundError);
      expect(e.code).toBe('REST-1000');
      expect(atEmulator()).toBe(4);
      // A write is not repeated, whatever the statuses.
      await caught(retrying.request({ service: 'restpp', method: 'POST', path, json: {} }));
      expect(atEmulator()).toBe(5);
    } finally {
      await retrying.close();
    }
  });

  it('reports /requesttoken as not found when RESTPP auth is off (REST-1000)', async () => {
    const e = await caught(
      t.request({ service: 'restpp', method: 'POST', path: '/requesttoken', json: { secret: 'x' } }),
    );
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.code).toBe('REST-1000');
  });
});
