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

  it('times a streamed upload by its progress, not as a whole', async () => {
    // `load_covid` reads INFECTED_BY edges from the `infections` file; the rows repeat existing ones.
    const rows = 'infected,infector\n6023000024,6100000100\n';
    const upload = (chunks: number, gapMs: number, stallAfter = -1, stallMs = 0) => {
      let sent = 0;
      return new ReadableStream<Uint8Array>({
        async pull(c) {
          if (sent === chunks) return c.close();
          await new Promise((r) => setTimeout(r, sent === stallAfter ? stallMs : gapMs));
          c.enqueue(new TextEncoder().encode(sent === 0 ? rows : '6022000024,6100000100\n'));
          sent++;
        },
      });
    };
    const load = (body: ReadableStream<Uint8Array>) =>
      transport.request<
        Envelope<{ statistics: { parsingStatistics: { fileLevel: { validLine: number } } } }[]>
      >({
        service: 'restpp',
        method: 'POST',
        path: '/ddl/MyGraph',
        searchParams: { tag: 'load_covid', filename: 'infections', sep: ',', eol: '\n' },
        body,
        timeoutMs: 300,
      });
    const started = Date.now();
    const ok = await load(upload(8, 100));
    expect(ok.data.error).toBe(false);
    // The header line, then 8 rows (TigerGraph 4.x reports them under parsingStatistics).
    expect(ok.data.results[0]?.statistics.parsingStatistics.fileLevel.validLine).toBe(8);
    expect(Date.now() - started).toBeGreaterThan(300); // longer than the timeout as a whole
    if (transport.capabilities.streamingRequestBody) {
      // A stall longer than the timeout while the body streams fails the attempt.
      const stalled = await caught(load(upload(8, 20, 3, 700)));
      expect(stalled.code).toBe('TG-TIMEOUT');
    }
  });

  it("applies Deno's TLS rule to { tls }: verification cannot be turned off per client", () => {
    let error: unknown;
    try {
      createDenoAdapter({ tls: { rejectUnauthorized: false } });
    } catch (e) {
      error = e;
    }
    expect(error instanceof ValidationError).toBe(true);
    expect((error as ValidationError).field).toBe('rejectUnauthorized');
    expect(String((error as Error).message)).toMatch(/--unsafely-ignore-certificate-errors/);
    // The defaults a connection resolves to need no HTTP client.
    expect(createDenoAdapter({ tls: { rejectUnauthorized: true } }).capabilities.runtime).toBe('deno');
  });

  it('never echoes the credentials of a proxy URL it refuses', () => {
    let error: unknown;
    try {
      createDenoAdapter({ proxy: 'alice:pr0xy-pa55@proxy.example:3128' });
    } catch (e) {
      error = e;
    }
    expect(error instanceof ValidationError).toBe(true);
    expect(String((error as Error).message)).toMatch(/proxy: '\*\*\*@proxy.example:3128'/);
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('pr0xy-pa55');
  });

  it('asks "is this an HTTPS port?" when an https:// URL reaches a plain-HTTP server', async () => {
    const t = createTransport({
      adapter: createDenoAdapter(),
      restppUrls: [emu.restppUrl.replace(/^http:/, 'https:')],
      retry: { limit: 0 },
    });
    try {
      const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
      expect(e instanceof NetworkError).toBe(true);
      expect(e.message).toMatch(/is this an HTTPS port\? For plain HTTP use an http:\/\/ host/i);
    } finally {
      await t.close();
    }
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
