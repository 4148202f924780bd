import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import {
  createTransport,
  NetworkError,
  TigerGraphError,
  type Transport,
  type TransportAdapter,
  ValidationError,
} from '@tgraph/transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeAdapter } from '../src/index.ts';
import { createPki, type Pki } from './helpers/pki.ts';

interface Envelope<T> {
  error: boolean;
  results: T;
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

async function listen(server: Server | HttpsServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: Server | HttpsServer): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('over HTTP', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: '4.2', seed: 'covid' });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it('sends requests through undici and states its capabilities', async () => {
    const adapter = createNodeAdapter();
    expect(adapter.capabilities).toMatchObject({
      runtime: 'node',
      streamingRequestBody: true,
      customCa: true,
      clientCertificates: true,
      proxy: false,
    });
    const t = createTransport({ adapter, restppUrls: [emu.restppUrl], gsqlUrl: emu.gsUrl });
    const res = await t.request<Envelope<{ attributes: { birth_year: number } }[]>>({
      service: 'restpp',
      method: 'GET',
      path: '/graph/MyGraph/vertices/Patient',
      searchParams: { limit: 5 },
    });
    expect(res.data.results).toHaveLength(5);
    expect(res.data.results.every((v) => typeof v.attributes.birth_year === 'number')).toBe(true);
    await t.close();
    const after = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(after.code).toBe('TG-TRANSPORT-CLOSED');
    await adapter.close(); // idempotent
  });

  it('keeps connections alive across requests and streams request bodies', async () => {
    let connections = 0;
    const seen: { body: string; chunked: boolean; length: string | undefined }[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          body: Buffer.concat(chunks).toString(),
          chunked: req.headers['transfer-encoding'] === 'chunked',
          length: req.headers['content-length'],
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"error":false,"results":[]}');
      });
    });
    server.on('connection', () => connections++);
    const port = await listen(server);
    const t = createTransport({ adapter: createNodeAdapter(), restppUrls: [`http://127.0.0.1:${port}`] });
    try {
      for (let i = 0; i < 6; i++) await t.request({ service: 'restpp', method: 'GET', path: '/echo' });
      // Sockets are reused (undici may alternate between two while one is being released).
      expect(connections).toBeLessThan(6);
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('id,name\n'));
          c.enqueue(new TextEncoder().encode('1,a\n'));
          c.close();
        },
      });
      await t.request({ service: 'restpp', method: 'POST', path: '/ddl/g', body: stream });
      await t.request({ service: 'restpp', method: 'POST', path: '/graph/g', json: { vertices: {} } });
      expect(seen[6]).toEqual({ body: 'id,name\n1,a\n', chunked: true, length: undefined });
      expect(seen[7]).toEqual({ body: '{"vertices":{}}', chunked: false, length: '15' });
    } finally {
      await t.close();
      await close(server);
    }
  });

  it('answers as fetch does: streamed bodies, gzip, redirects, HEAD and 204, typed failures', async () => {
    const big = 'x'.repeat(256 * 1024);
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/gzip') {
        // Compressed only when asked, as TigerGraph's nginx does.
        const ok = /gzip/.test(String(req.headers['accept-encoding']));
        res.writeHead(200, { 'content-type': 'text/plain', ...(ok ? { 'content-encoding': 'gzip' } : {}) });
        res.end(ok ? gzipSync('compressed text') : 'plain text');
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: '/big' });
        res.end();
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] });
        res.end(big);
      } else if (req.url === '/empty') {
        res.writeHead(204);
        res.end();
      } else if (req.url === '/reset') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
        res.write('partial');
        setTimeout(() => req.socket.destroy(), 20);
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' });
        req.pipe(res);
      }
    });
    const port = await listen(server);
    const origin = `http://127.0.0.1:${port}`;
    const adapter = createNodeAdapter();
    try {
      const gz = await adapter.fetch(`${origin}/gzip`);
      expect(await gz.text()).toBe('compressed text');

      const moved = await adapter.fetch(`${origin}/moved`);
      expect(moved.status).toBe(200);
      expect(moved.headers.get('set-cookie')).toBe('a=1, b=2');
      // The body streams: the first chunk arrives before the whole 256 KiB is read.
      const reader = (moved.body as ReadableStream<Uint8Array>).getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      expect((first.value as Uint8Array).byteLength).toBeLessThan(big.length);
      await reader.cancel();

      const head = await adapter.fetch(`${origin}/big`, { method: 'HEAD' });
      expect([head.status, head.body]).toEqual([200, null]);
      const empty = await adapter.fetch(`${origin}/empty`);
      expect([empty.status, empty.body]).toEqual([204, null]);

      const echo = await adapter.fetch(`${origin}/echo`, { method: 'POST', body: 'héllo' });
      expect(await echo.text()).toBe('héllo');
      const blob = await adapter.fetch(`${origin}/echo`, { method: 'POST', body: new Blob(['a,b\n1,2\n']) });
      expect(await blob.text()).toBe('a,b\n1,2\n');

      const aborted = new AbortController();
      aborted.abort(new Error('stop'));
      await expect(adapter.fetch(`${origin}/big`, { signal: aborted.signal })).rejects.toThrow('stop');

      // A reset while the body streams fails as fetch's does.
      const reset = await adapter.fetch(`${origin}/reset`);
      const failed = await reset.text().catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(TypeError);
      expect((failed as Error).message).toBe('terminated');
    } finally {
      await adapter.close();
      await close(server);
    }
    // Nothing listens: the connect failure reads as fetch's.
    const refused = await createNodeAdapter()
      .fetch(`${origin}/`)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as Error).message).toBe('fetch failed');
    expect(((refused as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('stops on abort and on cancel as fetch does, before the answer and while the body streams', async () => {
    // `/hang` never answers, `/whole` sends 4 MiB; every other path sends its headers and a first
    // chunk, then nothing.
    const whole = 'y'.repeat(4 * 1024 * 1024);
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/hang') return;
      if (req.url === '/whole') return void res.end(whole);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first');
    });
    const port = await listen(server);
    const origin = `http://127.0.0.1:${port}`;
    // One socket per origin: a request that was not released would block the next one.
    const adapter = createNodeAdapter({ connections: 1 });
    try {
      const waiting = new AbortController();
      const pending = adapter.fetch(`${origin}/hang`, { signal: waiting.signal });
      waiting.abort(new Error('stop waiting'));
      await expect(pending).rejects.toThrow('stop waiting');

      const streaming = new AbortController();
      const res = await adapter.fetch(`${origin}/drip`, { signal: streaming.signal });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe('first');
      streaming.abort(new Error('stop reading'));
      const failed = await reader.read().catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(TypeError);
      expect((failed as Error).message).toBe('terminated');
      expect(((failed as Error).cause as Error).message).toBe('stop reading');

      // Cancelling a body releases the request: the next ones on the single socket get through.
      for (let i = 0; i < 2; i++) {
        const next = await adapter.fetch(`${origin}/drip`);
        expect(next.status).toBe(200);
        await (next.body as ReadableStream<Uint8Array>).cancel();
      }
      // A body larger than what is buffered unread arrives whole (the socket pauses and resumes).
      expect(await (await adapter.fetch(`${origin}/whole`)).text()).toBe(whole);
    } finally {
      await adapter.close();
      await close(server);
    }
  });

  it('times a streamed upload by its progress: a long upload that keeps going succeeds, a stall times out', async () => {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let bytes = 0;
      req.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      req.on('end', () => {
        // `/slow-answer` takes longer than the timeout to answer once the body is in.
        const delay = req.url === '/slow-answer' ? 600 : 0;
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: false, results: [{ bytes }] }));
        }, delay);
      });
      req.on('error', () => {});
    });
    const port = await listen(server);
    const t = createTransport({
      adapter: createNodeAdapter(),
      restppUrls: [`http://127.0.0.1:${port}`],
      timeoutMs: 300,
    });
    // `chunks` chunks of 1 KiB, `gapMs` apart; `stallAfter` chunks in, one gap of `stallMs`.
    const upload = (chunks: number, gapMs: number, stallAfter = -1, stallMs = 0) => {
      let sent = 0;
      return new ReadableStream<Uint8Array>({
        async pull(c) {
          if (sent === chunks) return c.close();
          await new Promise((r) => setTimeout(r, sent === stallAfter ? stallMs : gapMs));
          sent++;
          c.enqueue(new Uint8Array(1024).fill(65));
        },
      });
    };
    try {
      const started = Date.now();
      const ok = await t.request<Envelope<{ bytes: number }[]>>({
        service: 'restpp',
        method: 'POST',
        path: '/ddl/g',
        body: upload(8, 100),
      });
      expect(ok.data.results).toEqual([{ bytes: 8 * 1024 }]);
      expect(Date.now() - started).toBeGreaterThan(300); // longer than the timeout as a whole

      const stalled = await caught(
        t.request({ service: 'restpp', method: 'POST', path: '/ddl/g', body: upload(8, 20, 3, 700) }),
      );
      expect(stalled.code).toBe('TG-TIMEOUT');
      expect(stalled.message).toMatch(/no answer within 300 ms/);

      const slow = await caught(
        t.request({ service: 'restpp', method: 'POST', path: '/slow-answer', body: upload(2, 20) }),
      );
      expect(slow.code).toBe('TG-TIMEOUT');
    } finally {
      await t.close();
      await close(server);
    }
  });

  it('routes requests through an HTTP proxy', async () => {
    const proxied: string[] = [];
    const proxy = createServer((req, res) => {
      proxied.push(`${req.method} ${req.url}`);
      const target = new URL(req.url ?? '');
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: req.method,
          headers: req.headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    const port = await listen(proxy);
    const adapter = createNodeAdapter({ proxy: `http://127.0.0.1:${port}` });
    expect(adapter.capabilities.proxy).toBe(true);
    const t = createTransport({ adapter, restppUrls: [emu.restppUrl] });
    try {
      const res = await t.request<Envelope<unknown>>({ service: 'restpp', method: 'GET', path: '/echo' });
      expect(res.data.error).toBe(false);
      expect(proxied).toEqual([`GET ${emu.restppUrl}/echo`]);
    } finally {
      await t.close();
      await close(proxy);
    }
  });

  it('never echoes the credentials of a proxy URL it refuses', () => {
    for (const proxy of [
      'http://alice:pr0xy-pa55@bad host:3128',
      'alice:pr0xy-pa55@proxy.example:3128',
      { uri: 'socks5://alice:pr0xy-pa55@proxy.example:1080' },
    ]) {
      let error: unknown;
      try {
        createNodeAdapter({ proxy });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`;
      expect(text).toMatch(/proxy: '.*\*\*\*@.*' is not an http:\/\/ or https:\/\/ URL/);
      expect(text).not.toContain('pr0xy-pa55');
      expect(text).not.toContain('alice');
    }
  });

  it('asks "is this an HTTPS port?" when an https:// URL reaches this plain-HTTP server', async () => {
    const t = createTransport({
      adapter: createNodeAdapter(),
      restppUrls: [emu.restppUrl.replace(/^http:/, 'https:')],
      retry: { limit: 0 },
    });
    try {
      const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
      expect(e).toBeInstanceOf(NetworkError);
      expect(e.message).toContain('Is this an HTTPS port? For plain HTTP use an http:// host');
      expect(e.message).not.toMatch(/SSL routines|openssl|packet length too long/i);
    } finally {
      await t.close();
    }
  });

  it('validates its options with messages that say what to change', () => {
    expect(() => createNodeAdapter({ certPath: '/nonexistent/ca.pem' })).toThrow(ValidationError);
    expect(() => createNodeAdapter({ certPath: '/nonexistent/ca.pem' })).toThrow(/ENOENT/);
    expect(() => createNodeAdapter({ ca: 'not a certificate' })).toThrow(/not PEM/);
    expect(() => createNodeAdapter({ cert: '-----BEGIN CERTIFICATE-----' })).toThrow(/both cert and key/);
    expect(() => createNodeAdapter({ proxy: 'not a url' })).toThrow(/proxy/);
    expect(() => createNodeAdapter({ connections: -15 })).toThrow(
      'connections must be a positive whole number (sockets per origin, e.g. 16), got -15',
    );
    expect(() => createNodeAdapter({ connections: 1.5 })).toThrow(ValidationError);
    expect(() => createNodeAdapter({ keepAliveTimeoutMs: 0 })).toThrow(
      /keepAliveTimeoutMs must be a positive/,
    );
    expect(() => createNodeAdapter({ connectTimeoutMs: '10' as unknown as number })).toThrow(
      "connectTimeoutMs must be a positive whole number (milliseconds, e.g. 10000), got '10'",
    );
  });
});

describe('over HTTPS with a private CA', () => {
  let pki: Pki;
  let emu: RunningEmulator;
  const adapters: TransportAdapter[] = [];
  const transportFor = (adapter: TransportAdapter): Transport => {
    adapters.push(adapter);
    return createTransport({ adapter, restppUrls: [emu.restppUrl], gsqlUrl: emu.gsUrl, retry: { limit: 0 } });
  };

  beforeAll(async () => {
    pki = createPki();
    emu = await startEmulator({
      version: '4.2',
      seed: 'covid',
      tls: { key: pki.serverKey, cert: pki.serverCert },
    });
  });
  afterAll(async () => {
    for (const a of adapters) await a.close();
    await emu.stop();
    pki.cleanup();
  });

  it('serves over https', () => {
    expect(emu.restppUrl).toMatch(/^https:\/\/127\.0\.0\.1:/);
  });

  it('refuses the server without the CA, with a NetworkError that says how to pass it', async () => {
    const t = transportFor(createNodeAdapter());
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.message).toMatch(/certificate is not trusted/);
    expect(e.message).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN/);
    expect(e.message).toContain('createNodeAdapter({ ca');
    expect(e.message).toContain('certPath');
    expect(e.message).toContain(`GET ${emu.restppUrl}/echo`);
  });

  it('trusts the server through the ca option (PEM text)', async () => {
    const t = transportFor(createNodeAdapter({ ca: pki.ca }));
    const res = await t.request<Envelope<unknown>>({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(res.data.error).toBe(false);
  });

  it('takes the TLS settings every adapter takes, as { tls }', async () => {
    const t = transportFor(createNodeAdapter({ tls: { ca: pki.ca, rejectUnauthorized: true } }));
    const res = await t.request<Envelope<unknown>>({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(res.data.error).toBe(false);
    expect(() => createNodeAdapter({ tls: { ca: 'not a certificate' } })).toThrow(/ca is not PEM/);
    expect(() => createNodeAdapter({ tls: { cert: pki.clientCert } })).toThrow(/both cert and key/);
  });

  it('trusts the server through certPath', async () => {
    const t = transportFor(createNodeAdapter({ certPath: pki.caPath }));
    const res = await t.request<Envelope<unknown[]>>({
      service: 'restpp',
      method: 'GET',
      path: '/graph/MyGraph/vertices/Patient',
      searchParams: { limit: 5 },
    });
    expect(res.data.results).toHaveLength(5);
  });

  it('turns verification off only on explicit opt-in, and warns once', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const t1 = transportFor(createNodeAdapter({ insecureSkipTlsVerify: true }));
      const t2 = transportFor(createNodeAdapter({ insecureSkipTlsVerify: true }));
      expect(
        (await t1.request<Envelope<unknown>>({ service: 'restpp', method: 'GET', path: '/echo' })).data.error,
      ).toBe(false);
      await t2.request({ service: 'restpp', method: 'GET', path: '/echo' });
      await new Promise((r) => setImmediate(r));
      const ours = warnings.filter((w) => (w as { code?: string }).code === 'TGRAPH_INSECURE_TLS');
      expect(ours).toHaveLength(1);
      expect(ours[0]!.message).toMatch(/verification is OFF/);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('presents a client certificate for mutual TLS', async () => {
    const server = createHttpsServer(
      { key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert: true, rejectUnauthorized: true },
      (req, res) => {
        const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: false, results: [peer.subject?.CN] }));
      },
    );
    const port = await listen(server);
    const url = `https://127.0.0.1:${port}`;
    try {
      const withCert = createTransport({
        adapter: createNodeAdapter({ ca: pki.ca, cert: pki.clientCert, key: pki.clientKey }),
        restppUrls: [url],
      });
      const res = await withCert.request<Envelope<string[]>>({
        service: 'restpp',
        method: 'GET',
        path: '/echo',
      });
      expect(res.data.results).toEqual(['tgraph client']);
      await withCert.close();

      const without = createTransport({
        adapter: createNodeAdapter({ ca: pki.ca }),
        restppUrls: [url],
        retry: { limit: 0 },
      });
      expect(
        await caught(without.request({ service: 'restpp', method: 'GET', path: '/echo' })),
      ).toBeInstanceOf(NetworkError);
      await without.close();
    } finally {
      await close(server);
    }
  });
});
