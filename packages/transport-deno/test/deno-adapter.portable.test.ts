// The Deno adapter through its public API. The plain adapter runs everywhere (Node, Chromium, Deno);
// the TLS cases need Deno.createHttpClient and run under `pnpm test:deno`.
import { connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import {
  createTransport,
  NetworkError,
  TigerGraphError,
  type Transport,
  ValidationError,
} from '@tgraph/transport';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDenoAdapter } from '../src/index.ts';
import { TEST_CA_PEM, TEST_SERVER_CERT_PEM, TEST_SERVER_KEY_PEM } from './fixtures/tls.ts';

const control = connectControl(inject('tgraphControlUrl'));
const inDeno = typeof (globalThis as { Deno?: unknown }).Deno === 'object';

interface Envelope<T> {
  error: boolean;
  results: T;
}

async function caught(p: Promise<unknown>): Promise<TigerGraphError> {
  try {
    await p;
  } catch (error) {
    expect(error instanceof TigerGraphError).toBe(true);
    return error as TigerGraphError;
  }
  throw new Error('expected the request to fail');
}

describe('Deno adapter over HTTP', () => {
  let emu: EmulatorHandle;
  let transport: Transport;
  beforeAll(async () => {
    emu = await control.create({ version: '4.2', seed: 'covid', cors: { origins: '*' } });
    transport = createTransport({
      adapter: createDenoAdapter(),
      restppUrls: [emu.restppUrl],
      gsqlUrl: emu.gsUrl,
    });
  });
  afterAll(async () => {
    await transport.close();
    await control.destroy(emu.id);
  });

  it('states its capabilities', () => {
    expect(transport.capabilities.runtime).toBe('deno');
    expect(transport.capabilities.customCa).toBe(inDeno);
  });

  it('lists 5 Patient vertices with birth_year', async () => {
    const res = await transport.request<Envelope<{ attributes: { birth_year: number } }[]>>({
      service: 'restpp',
      method: 'GET',
      path: '/graph/MyGraph/vertices/Patient',
      searchParams: { limit: 5 },
    });
    expect(res.data.results.length).toBe(5);
    for (const v of res.data.results) expect(typeof v.attributes.birth_year).toBe('number');
  });

  it('rejects options it cannot honour with a message that says what to change', () => {
    expect(() => createDenoAdapter({ ca: 'not a certificate' })).toThrow(/not PEM/);
    if (!inDeno) {
      let error: unknown;
      try {
        createDenoAdapter({ ca: TEST_CA_PEM });
      } catch (e) {
        error = e;
      }
      expect(error instanceof ValidationError).toBe(true);
      expect(String((error as Error).message)).toMatch(/need Deno/);
    }
  });
});

if (inDeno) {
  describe('Deno adapter over HTTPS with a private CA', () => {
    let emu: EmulatorHandle;
    beforeAll(async () => {
      emu = await control.create({
        version: '4.2',
        seed: 'covid',
        tls: { key: TEST_SERVER_KEY_PEM, cert: TEST_SERVER_CERT_PEM },
      });
    });
    afterAll(async () => {
      await control.destroy(emu.id);
    });

    it('refuses the server without the CA, saying how to pass it', async () => {
      const t = createTransport({
        adapter: createDenoAdapter(),
        restppUrls: [emu.restppUrl],
        retry: { limit: 0 },
      });
      const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
      expect(e instanceof NetworkError).toBe(true);
      expect(e.message).toMatch(/not trusted/);
      expect(e.message).toContain('createDenoAdapter({ ca');
      await t.close();
    });

    it('trusts the server through Deno.createHttpClient with the CA', async () => {
      const adapter = createDenoAdapter({ ca: TEST_CA_PEM });
      expect(adapter.capabilities.customCa).toBe(true);
      const t = createTransport({ adapter, restppUrls: [emu.restppUrl] });
      const res = await t.request<Envelope<unknown[]>>({
        service: 'restpp',
        method: 'GET',
        path: '/graph/MyGraph/vertices/Patient',
        searchParams: { limit: 5 },
      });
      expect(res.data.results.length).toBe(5);
      await t.close();
      const after = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
      expect(after.code).toBe('TG-TRANSPORT-CLOSED');
    });
  });
}
