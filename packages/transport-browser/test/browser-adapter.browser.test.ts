// The browser adapter in Chromium against emulators created through the control server.
import { connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import {
  AuthError,
  type AuthProvider,
  createTransport,
  NetworkError,
  TigerGraphError,
  type Transport,
  ValidationError,
} from '@tgraph/transport';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBrowserAdapter, supportsRequestStreams } from '../src/index.ts';

const control = connectControl(inject('tgraphControlUrl'));
const TOKEN = 'browsertokenabcdefghijklmnop34';

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

const bearer = (token: string): AuthProvider => ({
  kind: 'token',
  headers: async () => ({ Authorization: `Bearer ${token}` }),
  secrets: () => [token],
});

describe('browser adapter', () => {
  let emu: EmulatorHandle;
  let closedCors: EmulatorHandle;
  const open: Transport[] = [];

  beforeAll(async () => {
    emu = await control.create({
      version: '4.2',
      seed: 'covid',
      auth: true,
      cors: { origins: [location.origin] },
      tokens: [{ token: TOKEN }],
    });
    closedCors = await control.create({ version: '4.2' });
  });
  afterAll(async () => {
    for (const t of open) await t.close();
    await control.destroy(emu.id);
    await control.destroy(closedCors.id);
  });

  it('states what a browser can do', () => {
    const adapter = createBrowserAdapter();
    expect(adapter.capabilities).toMatchObject({
      runtime: 'browser',
      customCa: false,
      clientCertificates: false,
      userAgentHeader: false,
      streamingRequestBody: false,
    });
    expect(typeof supportsRequestStreams()).toBe('boolean');
    expect(createBrowserAdapter({ streamingRequestBodies: true }).capabilities.streamingRequestBody).toBe(
      supportsRequestStreams(),
    );
  });

  it('lists 5 Patient vertices with birth_year across origins (CORS allowed)', async () => {
    const t = createTransport({
      adapter: createBrowserAdapter(),
      restppUrls: [emu.restppUrl],
      auth: bearer(TOKEN),
    });
    open.push(t);
    const res = await t.request<Envelope<{ attributes: { birth_year: number } }[]>>({
      service: 'restpp',
      method: 'GET',
      path: '/graph/MyGraph/vertices/Patient',
      searchParams: { limit: 5 },
      control: { gsqlTimeoutMs: 16_000 },
    });
    expect(res.data.results.length).toBe(5);
    for (const v of res.data.results) expect(typeof v.attributes.birth_year).toBe('number');
    const recorded = await control.requests(emu.id);
    const last = recorded.at(-1)!;
    expect(last.headers['user-agent']).not.toBe('tgraph-ts');
    expect(last.headers['gsql-timeout']).toBe('16000');
  });

  it('passes credentials, mode and cache to fetch', async () => {
    const seen: RequestInit[] = [];
    const adapter = createBrowserAdapter({
      credentials: 'omit',
      cache: 'no-cache',
      referrerPolicy: 'no-referrer',
      fetch: (input, init) => {
        seen.push(init ?? {});
        return globalThis.fetch(input, init);
      },
    });
    const t = createTransport({ adapter, restppUrls: [emu.restppUrl], auth: bearer(TOKEN) });
    open.push(t);
    await t.request({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(seen[0]).toMatchObject({
      credentials: 'omit',
      mode: 'cors',
      cache: 'no-cache',
      referrerPolicy: 'no-referrer',
    });
  });

  it('posts JSON and reports auth failures as AuthError', async () => {
    const t = createTransport({ adapter: createBrowserAdapter(), restppUrls: [emu.restppUrl] });
    open.push(t);
    const e = await caught(
      t.request({ service: 'restpp', method: 'POST', path: '/graph/MyGraph', json: { vertices: {} } }),
    );
    expect(e instanceof AuthError).toBe(true);
    expect(e.code).toBe('REST-10016');
  });

  it('explains a request the browser blocked for lack of CORS headers', async () => {
    const t = createTransport({
      adapter: createBrowserAdapter(),
      restppUrls: [closedCors.restppUrl],
      retry: { limit: 0 },
    });
    open.push(t);
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(e instanceof NetworkError).toBe(true);
    expect(e.message).toContain('CORS');
    expect(e.message).toContain(location.origin);
  });

  it('asks "is this an HTTPS port?" when an https:// URL reaches a plain-HTTP server', async () => {
    const t = createTransport({
      adapter: createBrowserAdapter(),
      restppUrls: [emu.restppUrl.replace(/^http:/, 'https:')],
      retry: { limit: 0 },
    });
    open.push(t);
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(e instanceof NetworkError).toBe(true);
    expect(e.message).toContain('Is this an HTTPS port? For plain HTTP use an http:// host');
  });

  it('refuses TLS settings given as { tls }: the browser trusts servers itself', () => {
    expect(createBrowserAdapter({ tls: { rejectUnauthorized: true } }).capabilities.customCa).toBe(false);
    let error: unknown;
    try {
      createBrowserAdapter({ tls: { ca: '-----BEGIN CERTIFICATE-----', rejectUnauthorized: false } });
    } catch (e) {
      error = e;
    }
    expect(error instanceof ValidationError).toBe(true);
    expect(String((error as Error).message)).toMatch(
      /^ca, rejectUnauthorized: false cannot be used in a browser/,
    );
  });
});
