// The pipeline on the runtime's own fetch (no adapter), in Node, Chromium and Deno, against emulators
// created through the control server. No node: imports here.
import { connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  AbortError,
  AuthError,
  type AuthProvider,
  createTransport,
  NetworkError,
  NotFoundError,
  TigerGraphError,
  type Transport,
} from '../src/index.ts';

const TOKEN = 'portabletokenabcdefghijklmno12';
const control = connectControl(inject('tgraphControlUrl'));

async function caught(p: Promise<unknown>): Promise<TigerGraphError> {
  try {
    await p;
  } catch (error) {
    expect(error instanceof TigerGraphError).toBe(true);
    return error as TigerGraphError;
  }
  throw new Error('expected the request to fail');
}

function bearer(token: string): AuthProvider {
  return {
    kind: 'token',
    headers: async () => ({ Authorization: `Bearer ${token}` }),
    secrets: () => [token],
  };
}

interface Envelope<T> {
  error: boolean;
  results: T;
}

for (const version of ['3.10', '4.2']) {
  describe(`transport on the runtime's fetch, TigerGraph ${version} with auth`, () => {
    let emu: EmulatorHandle;
    const open: Transport[] = [];
    const make = (auth?: AuthProvider) => {
      const t = createTransport({
        restppUrls: [emu.restppUrl],
        gsqlUrl: emu.gsUrl,
        graph: 'MyGraph',
        retry: { limit: 0 },
        ...(auth ? { auth } : {}),
      });
      open.push(t);
      return t;
    };

    beforeAll(async () => {
      emu = await control.create({
        version,
        seed: 'covid',
        auth: true,
        cors: { origins: '*' },
        tokens: [{ token: TOKEN }],
      });
    });
    afterAll(async () => {
      for (const t of open) await t.close();
      await control.destroy(emu.id);
    });

    it('lists 5 Patient vertices with birth_year', async () => {
      const t = make(bearer(TOKEN));
      const res = await t.request<Envelope<{ v_type: string; attributes: { birth_year: number } }[]>>({
        service: 'restpp',
        method: 'GET',
        path: '/graph/MyGraph/vertices/Patient',
        searchParams: { limit: 5 },
      });
      expect(res.data.results.length).toBe(5);
      for (const v of res.data.results) expect(typeof v.attributes.birth_year).toBe('number');
    });

    it('reports a missing token as AuthError without leaking credentials', async () => {
      const t = make();
      const e = await caught(
        t.request({ service: 'restpp', method: 'GET', path: '/graph/MyGraph/vertices/Patient' }),
      );
      expect(e instanceof AuthError).toBe(true);
      expect(e.code).toBe('REST-10016');
      const wrong = make(bearer('wrongtokenvalue0987654321zz'));
      const w = await caught(wrong.request({ service: 'restpp', method: 'GET', path: '/echo' }));
      expect(w instanceof AuthError).toBe(true);
      expect(`${w.message} ${JSON.stringify(w)} ${String(w)}`).not.toContain('wrongtokenvalue0987654321zz');
    });

    it('reports an unknown graph as NotFoundError', async () => {
      const t = make(bearer(TOKEN));
      const e = await caught(
        t.request({ service: 'restpp', method: 'GET', path: '/graph/Nope/vertices/Patient' }),
      );
      expect(e instanceof NotFoundError).toBe(true);
      expect(e.code).toBe('REST-1004');
    });
  });
}

describe('an https:// URL on a plain-HTTP port', () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await control.create({ version: '4.2', seed: 'empty', cors: { origins: '*' } });
  });
  afterAll(async () => {
    await control.destroy(emu.id);
  });

  it('asks whether this is an HTTPS port instead of showing TLS library text', async () => {
    const t = createTransport({
      restppUrls: [emu.restppUrl.replace(/^http:/, 'https:')],
      retry: { limit: 0 },
    });
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(e instanceof NetworkError).toBe(true);
    expect(e.message).toMatch(/is this an HTTPS port\? For plain HTTP use an http:\/\/ host/i);
    expect(e.message).not.toMatch(/SSL routines|openssl|tls_get_more_records/i);
    await t.close();
  });
});

describe('transport failures that need no server', () => {
  it('reports an unreachable host as NetworkError naming it', async () => {
    // Port 9 (discard) on loopback: nothing listens there in the test environments.
    const t = createTransport({ restppUrls: ['http://127.0.0.1:9'], retry: { limit: 0 } });
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(e instanceof NetworkError).toBe(true);
    expect(e.message).toContain('127.0.0.1:9');
    await t.close();
  });

  it('maps a caller abort to AbortError', async () => {
    const t = createTransport({ restppUrls: ['http://127.0.0.1:9'] });
    const ac = new AbortController();
    ac.abort();
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo', signal: ac.signal }));
    expect(e instanceof AbortError).toBe(true);
    await t.close();
  });
});
