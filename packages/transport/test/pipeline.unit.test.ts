import {
  AbortError,
  AuthError,
  type AuthProvider,
  GsqlError,
  NetworkError,
  NotFoundError,
  ResponseShapeError,
  TigerGraphError,
  TimeoutError,
  ValidationError,
} from '@tgraph/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, type Transport, type TransportOptions } from '../src/index.ts';
import { deadUrl, json, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
const open: Transport[] = [];

function make(options: Partial<TransportOptions> = {}): Transport {
  const t = createTransport({
    restppUrls: [server.url],
    gsqlUrl: `${server.url}/gsqlserver`,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
  open.push(t);
  return t;
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

beforeAll(async () => {
  server = await startServer();
});
afterEach(async () => {
  while (open.length) await open.pop()!.close();
  server.requests.length = 0;
  server.handle((_req, res) => json(res, 200, { error: false, message: '', results: [] }));
});
afterAll(async () => {
  await server.close();
});

describe('requests', () => {
  it('sends a GET to the RESTPP base and parses the envelope', async () => {
    server.handle((_req, res) => json(res, 200, { error: false, message: 'Hello GSQL', results: [] }));
    const t = make();
    const res = await t.request<{ message: string }>({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(res.status).toBe(200);
    expect(res.data.message).toBe('Hello GSQL');
    expect(res.requestId).toMatch(/^tg-[0-9a-f]{16}$/);
    expect(server.requests[0]!.url).toBe('/echo');
    expect(server.requests[0]!.headers['user-agent']).toBe('tgraph-ts');
  });

  it('routes gsql requests to the GSQL base URL with its path prefix', async () => {
    const t = make();
    await t.request({ service: 'gsql', method: 'GET', path: '/gsql/schema', searchParams: { graph: 'g' } });
    expect(server.requests[0]!.url).toBe('/gsqlserver/gsql/schema?graph=g');
  });

  it('encodes search params exactly: %20 for spaces, repeated keys for arrays, skips undefined', async () => {
    const t = make();
    await t.request({
      service: 'restpp',
      method: 'GET',
      path: '/graph/g/vertices/Person',
      searchParams: {
        filter: 'name="a b",age>3',
        select: ['x', 'y&z'],
        limit: 5,
        flag: true,
        big: 9007199254740993n,
        skipped: undefined,
      },
    });
    expect(server.requests[0]!.url).toBe(
      '/graph/g/vertices/Person?filter=name%3D%22a%20b%22%2Cage%3E3&select=x&select=y%26z&limit=5&flag=true&big=9007199254740993',
    );
  });

  it('serialises bigint JSON bodies and parses 64-bit integers losslessly on request', async () => {
    server.handle((_req, res, body) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"error":false,"results":[{"echo":${body},"id":18446744073709551615,"small":42,"f":1.5}]}`);
    });
    const t = make();
    const res = await t.request<{ results: [{ echo: { v: bigint }; id: bigint; small: number; f: number }] }>(
      {
        service: 'restpp',
        method: 'POST',
        path: '/graph/g',
        json: { v: 9223372036854775807n },
        integers: 'auto',
      },
    );
    expect(server.requests[0]!.body).toBe('{"v":9223372036854775807}');
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
    expect(res.data.results[0].echo.v).toBe(9223372036854775807n);
    expect(res.data.results[0].id).toBe(18446744073709551615n);
    expect(res.data.results[0].small).toBe(42);
    expect(res.data.results[0].f).toBe(1.5);
    const asString = await t.request<{ results: [{ id: string }] }>({
      service: 'restpp',
      method: 'POST',
      path: '/graph/g',
      json: {},
      integers: 'string',
    });
    expect(asString.data.results[0].id).toBe('18446744073709551615');
  });

  it('sends control headers and default headers; per-request headers win', async () => {
    const t = make({ headers: { 'X-Team': 'a' }, control: { responseLimitBytes: 1000 } });
    await t.request({
      service: 'restpp',
      method: 'GET',
      path: '/query/g/q',
      headers: { 'x-team': 'b' },
      control: { gsqlTimeoutMs: 5000, threadLimit: 4, memoryLimitMb: 512 },
    });
    const h = server.requests[0]!.headers;
    expect(h['x-team']).toBe('b');
    expect(h['gsql-timeout']).toBe('5000');
    expect(h['response-limit']).toBe('1000');
    expect(h['gsql-thread-limit']).toBe('4');
    expect(h['gsql-querylocalmemlimitmb']).toBe('512');
  });

  it('returns text and streams when asked', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('plain words');
    });
    const t = make();
    const text = await t.request<string>({
      service: 'gsql',
      method: 'GET',
      path: '/version',
      responseType: 'text',
    });
    expect(text.data).toBe('plain words');
    const stream = await t.request<ReadableStream<Uint8Array>>({
      service: 'gsql',
      method: 'GET',
      path: '/version',
      responseType: 'stream',
    });
    expect(await new Response(stream.data).text()).toBe('plain words');
  });

  it('buffers a stream request body when the fetch cannot stream', async () => {
    server.handle((_req, res, body) => json(res, 200, { error: false, results: [body] }));
    const t = make();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('a,b\n'));
        c.enqueue(new TextEncoder().encode('c,d\n'));
        c.close();
      },
    });
    const res = await t.request<{ results: string[] }>({
      service: 'restpp',
      method: 'POST',
      path: '/ddl/g',
      body,
    });
    expect(res.data.results[0]).toBe('a,b\nc,d\n');
  });

  it('sends the request id in a header only when configured', async () => {
    const t = make({ requestIdHeader: 'X-Request-Id' });
    const res = await t.request({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(server.requests[0]!.headers['x-request-id']).toBe(res.requestId);
  });

  it("takes each request's id from the requestId option, e.g. a service's own", async () => {
    let current: string | undefined = 'svc-req-42';
    const seen: string[] = [];
    const t = make({
      requestIdHeader: 'X-Request-Id',
      requestId: () => current,
      hooks: { afterResponse: (v) => void seen.push(v.requestId) },
    });
    const ok = await t.request({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(ok.requestId).toBe('svc-req-42');
    expect(server.requests[0]!.headers['x-request-id']).toBe('svc-req-42');
    expect(seen).toEqual(['svc-req-42']);
    server.handle((_req, res) => json(res, 404, { error: true, message: 'no such vertex', code: '601' }));
    const failed = await caught(
      t.request({ service: 'restpp', method: 'GET', path: '/graph/g/vertices/P/x' }),
    );
    expect(failed.requestId).toBe('svc-req-42');
    current = undefined; // the SDK's own id
    const own = await caught(t.request({ service: 'restpp', method: 'GET', path: '/graph/g/vertices/P/x' }));
    expect(own.requestId).toMatch(/^tg-[0-9a-f]{8}[0-9a-f]{8}$/);
    expect(server.requests).toHaveLength(3);
  });

  it('refuses a request id that is not 1–200 visible ASCII characters, before sending anything', async () => {
    for (const bad of ['has space', '', 'x'.repeat(201), 'line\nbreak', 'ünïcode']) {
      const t = make({ requestId: () => bad });
      const error = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('requestId');
      expect(error.message).toMatch(/a request id is 1–200 visible ASCII characters/);
    }
    const throwing = make({
      requestId: () => {
        throw new Error('no request in context');
      },
    });
    const error = await caught(throwing.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(error.message).toMatch(/^the requestId option threw no request in context/);
    expect(server.requests).toHaveLength(0);
    expect(() => createTransport({ restppUrls: [server.url], requestId: 'fixed' as never })).toThrow(
      /requestId must be a function/,
    );
  });
});

describe('validation', () => {
  it('rejects bad options and requests with ValidationError', async () => {
    expect(() => createTransport({ restppUrls: [] })).toThrow(ValidationError);
    expect(() => createTransport({ restppUrls: ['localhost:9000'] })).toThrow(
      /must start with http:\/\/ or https:\/\//,
    );
    expect(() => createTransport({ restppUrls: ['not a url'] })).toThrow(/not an absolute URL/);
    expect(() => createTransport({ restppUrls: [server.url], timeoutMs: -1 })).toThrow(/timeoutMs/);
    const t = make();
    expect(await caught(t.request({ service: 'restpp', method: 'GET', path: 'echo' }))).toBeInstanceOf(
      ValidationError,
    );
    expect(await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo?x=1' }))).toBeInstanceOf(
      ValidationError,
    );
    expect(
      await caught(t.request({ service: 'restpp', method: 'POST', path: '/x', json: {}, body: 'x' })),
    ).toBeInstanceOf(ValidationError);
    expect(
      await caught(
        t.request({ service: 'restpp', method: 'GET', path: '/x', control: { gsqlTimeoutMs: 1.5 } }),
      ),
    ).toBeInstanceOf(ValidationError);
    const noGsql = createTransport({ restppUrls: [server.url] });
    expect((await caught(noGsql.request({ service: 'gsql', method: 'GET', path: '/x' }))).message).toMatch(
      /gsqlUrl/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a header a fetch cannot send as a request that could not be built, sending nothing', async () => {
    const t = make();
    const bad = await caught(
      t.request({
        service: 'restpp',
        method: 'GET',
        path: '/echo',
        headers: { 'X-Note': 'a\r\nInjected: 1' },
      }),
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.code).toBe('TG-BAD-REQUEST');
    expect(bad.message).toMatch(
      /GET \/echo could not be built: the value of header 'X-Note' holds a line break/,
    );
    const badName = await caught(
      t.request({ service: 'restpp', method: 'GET', path: '/echo', headers: { 'Bad Name': 'x' } }),
    );
    expect(badName.message).toMatch(/invalid header name 'Bad Name'/);
    expect(server.requests).toHaveLength(0);
  });

  it('gives every request its own id', async () => {
    const t = make();
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++)
      ids.add((await t.request({ service: 'restpp', method: 'GET', path: '/echo' })).requestId);
    expect(ids.size).toBe(5);
    for (const id of ids) expect(id).toMatch(/^tg-[0-9a-f]{16}$/);
  });

  it('fails requests after close', async () => {
    const t = make();
    await t.close();
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(e.code).toBe('TG-TRANSPORT-CLOSED');
  });
});

describe('error mapping', () => {
  it('maps RESTPP error envelopes to typed errors', async () => {
    const t = make({ retry: { limit: 0 } });
    server.handle((_req, res) =>
      json(res, 404, {
        version: { edition: 'enterprise', api: 'v2', schema: 0 },
        error: true,
        message:
          'Endpoint is not found from url = /eco, please use GET /endpoints to list all valid endpoints.',
        code: 'REST-1000',
      }),
    );
    const nf = await caught(t.request({ service: 'restpp', method: 'GET', path: '/eco' }));
    expect(nf).toBeInstanceOf(NotFoundError);
    expect(nf.code).toBe('REST-1000');
    expect(nf.status).toBe(404);
    expect(nf.endpoint).toEqual({ method: 'GET', path: '/eco', service: 'restpp' });
    expect(nf.serverMessage).toMatch(/Endpoint is not found/);
    expect(nf.requestId).toMatch(/^tg-/);

    server.handle((_req, res) =>
      json(res, 200, { error: true, message: 'Runtime Error: divider is zero.', code: 'GSQL-2500' }),
    );
    const legacy = await caught(t.request({ service: 'restpp', method: 'GET', path: '/query/g/q' }));
    expect(legacy).toBeInstanceOf(GsqlError);
    expect(legacy.status).toBe(200);

    server.handle((_req, res) =>
      json(res, 200, { error: 'true', message: 'string flag', code: 'REST-30000' }),
    );
    expect(await caught(t.request({ service: 'restpp', method: 'GET', path: '/x' }))).toBeInstanceOf(
      ValidationError,
    );
    server.handle((_req, res) => json(res, 200, { error: 'false', message: '', results: [1] }));
    expect((await t.request({ service: 'restpp', method: 'GET', path: '/x' })).status).toBe(200);
  });

  it('turns an HTML page where JSON was expected into ResponseShapeError with a hint', async () => {
    server.handle((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><head><title>Starting workspace</title></head><body>…</body></html>');
    });
    const t = make({ retry: { limit: 1, baseDelayMs: 1 } });
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(e).toBeInstanceOf(ResponseShapeError);
    expect(e.status).toBe(502);
    expect(e.message).toMatch(/Starting workspace/);
    expect(e.message).toMatch(/Cloud workspace/);
    expect(server.requests).toHaveLength(2);

    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('not json at all');
    });
    const shape = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(shape).toBeInstanceOf(ResponseShapeError);
    expect(shape.message).toMatch(/not JSON/);
  });

  it("names a gateway's own 502/503/504 page as such, not as a wrong URL", async () => {
    server.handle((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end(
        '<html><head><title>503 Service Temporarily Unavailable</title></head><body>nginx</body></html>',
      );
    });
    const t = make({ retry: { limit: 2, baseDelayMs: 1 } });
    const read = await caught(t.request({ service: 'restpp', method: 'GET', path: '/graph/g/vertices/V' }));
    expect(read).toBeInstanceOf(ResponseShapeError);
    expect(read.status).toBe(503);
    expect(read.message).toBe(
      'GET /graph/g/vertices/V answered HTTP 503 with an HTML page ("503 Service Temporarily Unavailable") instead of JSON. A gateway (TigerGraph\'s nginx or a proxy in front of it) answered instead of TigerGraph: the service behind it is down, restarting or overloaded. Retry later (this request was already retried 2 times); check the services with `gadmin status`.',
    );
    expect(server.requests).toHaveLength(3);
    server.requests.length = 0;
    const write = await caught(
      t.request({ service: 'restpp', method: 'POST', path: '/graph/g', json: { vertices: {} } }),
    );
    expect(write.message).toContain('this request is not safe to repeat, so it was not retried');
    expect(server.requests).toHaveLength(1);
  });

  it('reports a refused connection as NetworkError naming the host and what to check', async () => {
    const dead = await deadUrl();
    const t = make({ restppUrls: [dead], retry: { limit: 1, baseDelayMs: 1 } });
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.message).toContain(new URL(dead).host);
    expect(e.message).toMatch(/ECONNREFUSED/);
    expect(e.message).toMatch(/check that TigerGraph is running/);
    expect(e.cause).toBeInstanceOf(Error);
  });

  it('times out with a message naming the limit, method and URL, without retrying', async () => {
    server.handle(() => {
      // never answers
    });
    const t = make({ timeoutMs: 150 });
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/slow' }));
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.message).toContain(`no answer within 150 ms from GET ${server.url}/slow`);
    expect(e.message).toMatch(/raise timeoutMs/);
    expect(server.requests).toHaveLength(1);
  });

  it('times out when the body stalls after the headers', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"error":false,');
    });
    const t = make({ timeoutMs: 150 });
    expect(await caught(t.request({ service: 'restpp', method: 'GET', path: '/half' }))).toBeInstanceOf(
      TimeoutError,
    );
  });

  it('maps a caller abort to AbortError, before and during the request', async () => {
    server.handle(() => {});
    const t = make();
    const pre = new AbortController();
    pre.abort();
    expect(
      await caught(t.request({ service: 'restpp', method: 'GET', path: '/x', signal: pre.signal })),
    ).toBeInstanceOf(AbortError);
    const during = new AbortController();
    const p = t.request({ service: 'restpp', method: 'GET', path: '/x', signal: during.signal });
    setTimeout(() => during.abort('user navigated away'), 20);
    const e = await caught(p);
    expect(e).toBeInstanceOf(AbortError);
    expect(e.message).toMatch(/user navigated away/);
  });
});

describe('retries', () => {
  it('retries idempotent reads on transient statuses, bounded by the limit', async () => {
    server.handle((_req, res) => json(res, 503, { error: true, message: 'busy' }));
    const t = make({ retry: { limit: 2, baseDelayMs: 1 } });
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(e.status).toBe(503);
    expect(server.requests).toHaveLength(3);
  });

  it('recovers when a retry succeeds and honours Retry-After (capped)', async () => {
    server.handle((_req, res, _b, n) =>
      n === 1
        ? json(res, 429, { error: true, message: 'slow down' }, { 'retry-after': '0' })
        : json(res, 200, { ok: n }),
    );
    const t = make();
    const res = await t.request<{ ok: number }>({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(res.data.ok).toBe(2);
  });

  it('never retries POST writes unless marked idempotent', async () => {
    server.handle((_req, res) => json(res, 503, { error: true, message: 'busy' }));
    const t = make({ retry: { limit: 3, baseDelayMs: 1 } });
    await caught(t.request({ service: 'restpp', method: 'POST', path: '/graph/g', json: { vertices: {} } }));
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    await caught(
      t.request({
        service: 'restpp',
        method: 'POST',
        path: '/graph/g',
        json: { vertices: {} },
        idempotent: true,
      }),
    );
    expect(server.requests).toHaveLength(4);
  });

  it('does not retry statuses outside the list, nor when limit is 0', async () => {
    server.handle((_req, res) => json(res, 500, { error: true, message: 'boom' }));
    const t = make();
    await caught(t.request({ service: 'restpp', method: 'GET', path: '/x' }));
    expect(server.requests).toHaveLength(1);
    server.handle((_req, res) => json(res, 503, { error: true, message: 'busy' }));
    server.requests.length = 0;
    const none = make({ retry: { limit: 0 } });
    await caught(none.request({ service: 'restpp', method: 'GET', path: '/x' }));
    expect(server.requests).toHaveLength(1);
  });

  it('does not resend a POST whose connection broke after it was sent', async () => {
    server.handle((req) => req.socket.destroy());
    const t = make({ retry: { limit: 3 } });
    expect(
      await caught(
        t.request({ service: 'restpp', method: 'POST', path: '/graph/g', json: { vertices: {} } }),
      ),
    ).toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('cluster', () => {
  let second: TestServer;
  beforeAll(async () => {
    second = await startServer((_req, res) => json(res, 200, { host: 'second' }));
  });
  afterAll(async () => {
    await second.close();
  });

  it('spreads requests round-robin over healthy hosts', async () => {
    server.handle((_req, res) => json(res, 200, { host: 'first' }));
    const t = make({ restppUrls: [server.url, second.url] });
    const hosts: string[] = [];
    for (let i = 0; i < 4; i++) {
      hosts.push(
        (await t.request<{ host: string }>({ service: 'restpp', method: 'GET', path: '/echo' })).data.host,
      );
    }
    expect(hosts).toEqual(['first', 'second', 'first', 'second']);
    second.requests.length = 0;
  });

  it('fails over from a host that is down and skips it while it cools down', async () => {
    const dead = await deadUrl();
    const t = make({ restppUrls: [dead, second.url], retry: { limit: 0 } });
    for (let i = 0; i < 3; i++) {
      const res = await t.request<{ host: string }>({ service: 'restpp', method: 'GET', path: '/echo' });
      expect(res.data.host).toBe('second');
    }
    expect(second.requests).toHaveLength(3);
    const status = t.hosts();
    expect(status.find((h) => h.url === dead)?.healthy).toBe(false);
    expect(status.find((h) => h.url === second.url)?.healthy).toBe(true);
    second.requests.length = 0;
  });

  it('fails over a POST only when the connection was refused (nothing was sent)', async () => {
    const dead = await deadUrl();
    const t = make({ restppUrls: [dead, second.url] });
    const res = await t.request<{ host: string }>({
      service: 'restpp',
      method: 'POST',
      path: '/graph/g',
      json: {},
    });
    expect(res.data.host).toBe('second');
    second.requests.length = 0;
  });

  it('reports a NetworkError when every host is down', async () => {
    const t = make({ restppUrls: [await deadUrl(), await deadUrl()], retry: { limit: 1, baseDelayMs: 1 } });
    expect(await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }))).toBeInstanceOf(
      NetworkError,
    );
  });
});

describe('auth', () => {
  function tokenProvider(state: { token: string; refreshed: number; calls: unknown[] }): AuthProvider {
    return {
      kind: 'token',
      async headers(ctx) {
        state.calls.push({ service: ctx.service, line: ctx.line, graph: ctx.graph });
        return { Authorization: `Bearer ${state.token}` };
      },
      async onRejected(_ctx, code) {
        state.refreshed++;
        state.calls.push({ rejected: code });
        state.token = 'fresh-token-value-2';
        return true;
      },
      secrets: () => [state.token],
    };
  }

  it('asks the provider for headers per request with the connection context', async () => {
    const state = { token: 'static-token-value-1', refreshed: 0, calls: [] as unknown[] };
    const t = make({ auth: tokenProvider(state), line: '4', graph: 'MyGraph' });
    await t.request({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer static-token-value-1');
    expect(state.calls[0]).toEqual({ service: 'restpp', line: '4', graph: 'MyGraph' });
  });

  it('resends once after the provider refreshes on REST-10019', async () => {
    server.handle((req, res) =>
      req.headers.authorization === 'Bearer fresh-token-value-2'
        ? json(res, 200, { error: false, results: ['ok'] })
        : json(res, 401, {
            error: true,
            message: "Access Denied because the input token = 'old-****ue1' is expired",
            code: 'REST-10019',
          }),
    );
    const state = { token: 'old-token-value1', refreshed: 0, calls: [] as unknown[] };
    const t = make({ auth: tokenProvider(state) });
    const res = await t.request<{ results: string[] }>({
      service: 'restpp',
      method: 'POST',
      path: '/graph/g',
      json: {},
    });
    expect(res.data.results).toEqual(['ok']);
    expect(state.refreshed).toBe(1);
    expect(state.calls).toContainEqual({ rejected: 'REST-10019' });
    expect(server.requests).toHaveLength(2);
  });

  it('gives up with AuthError when the resend is rejected too, or the provider declines', async () => {
    server.handle((_req, res) =>
      json(res, 403, {
        error: true,
        message: "Access Denied because the input token = '' is empty or too short",
        code: 'REST-10016',
      }),
    );
    const state = { token: 'some-token-value', refreshed: 0, calls: [] as unknown[] };
    const t = make({ auth: tokenProvider(state) });
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(e).toBeInstanceOf(AuthError);
    expect(e.code).toBe('REST-10016');
    expect(state.refreshed).toBe(1);
    expect(server.requests).toHaveLength(2);

    server.requests.length = 0;
    const declining: AuthProvider = {
      kind: 'basic',
      headers: async () => ({ Authorization: `Basic ${btoa('tigergraph:wrong-password')}` }),
      onRejected: async () => false,
      secrets: () => ['wrong-password'],
    };
    const t2 = make({ auth: declining });
    expect(
      await caught(t2.request({ service: 'gsql', method: 'GET', path: '/gsql/v1/schema' })),
    ).toBeInstanceOf(AuthError);
    expect(server.requests).toHaveLength(1);
  });

  it('gives the provider a requester that sends without provider headers and returns error answers', async () => {
    server.handle((req, res, body) => {
      if (req.url === '/requesttoken') {
        const secret = JSON.parse(body).secret;
        if (secret === 'good-secret-abc')
          json(res, 200, { error: false, results: { token: 'minted-token-xyz' } });
        else json(res, 401, { error: true, message: 'bad secret' });
        return;
      }
      json(res, 200, { error: false, results: [req.headers.authorization] });
    });
    let minted: string | undefined;
    const exchanges: { status: number; body: unknown }[] = [];
    const provider: AuthProvider = {
      kind: 'secret-exchange',
      async headers(ctx) {
        if (!minted) {
          const bad = await ctx.requester({
            service: 'restpp',
            method: 'POST',
            path: '/requesttoken',
            json: { secret: 'nope' },
          });
          exchanges.push({ status: bad.status, body: bad.body });
          const r = await ctx.requester({
            service: 'restpp',
            method: 'POST',
            path: '/requesttoken',
            json: { secret: 'good-secret-abc', lifetime: 1000 },
          });
          exchanges.push({ status: r.status, body: r.body });
          minted = (r.body as { results: { token: string } }).results.token;
        }
        return { Authorization: `Bearer ${minted}` };
      },
      secrets: () => ['good-secret-abc', ...(minted ? [minted] : [])],
    };
    const t = make({ auth: provider });
    const res = await t.request<{ results: string[] }>({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(res.data.results).toEqual(['Bearer minted-token-xyz']);
    expect(exchanges[0]).toEqual({ status: 401, body: { error: true, message: 'bad secret' } });
    expect(exchanges[1]!.status).toBe(200);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    expect(server.requests[1]!.headers.authorization).toBeUndefined();
  });

  it('wraps a provider failure that is not a TigerGraphError in AuthError', async () => {
    const t = make({
      auth: {
        kind: 'broken',
        headers: async () => {
          throw new Error('vault unreachable for s3cr3t-value');
        },
        secrets: () => ['s3cr3t-value'],
      },
    });
    const e = await caught(t.request({ service: 'restpp', method: 'GET', path: '/echo' }));
    expect(e).toBeInstanceOf(AuthError);
    expect(e.message).toMatch(/vault unreachable/);
    expect(e.message).not.toContain('s3cr3t-value');
  });
});

describe('hooks and logging', () => {
  it('calls hooks with redacted views and never lets them break a request', async () => {
    const seen: Record<string, unknown[]> = { before: [], after: [], error: [] };
    const t = make({
      auth: {
        kind: 'token',
        headers: async () => ({ Authorization: 'Bearer hook-visible-token-123' }),
        secrets: () => ['hook-visible-token-123'],
      },
      hooks: {
        beforeRequest: (v) => {
          seen.before!.push(v);
          throw new Error('observer bug');
        },
        afterResponse: (v) => {
          seen.after!.push(v);
        },
        onError: (v) => {
          seen.error!.push(v);
        },
      },
    });
    await t.request({
      service: 'restpp',
      method: 'GET',
      path: '/echo',
      searchParams: { secret: 'abc-query-secret' },
    });
    expect(seen.before).toHaveLength(1);
    expect(seen.after).toHaveLength(1);
    const text = JSON.stringify(seen);
    expect(text).toContain('"authorization":"Bearer ***"'.replace('authorization', 'Authorization'));
    expect(text).not.toContain('hook-visible-token-123');
    expect(text).not.toContain('abc-query-secret');
    server.handle((_req, res) => json(res, 404, { error: true, message: 'nope', code: 'REST-1000' }));
    await caught(t.request({ service: 'restpp', method: 'GET', path: '/missing' }));
    expect(seen.error).toHaveLength(1);
    expect((seen.error![0] as { error: unknown }).error).toBeInstanceOf(NotFoundError);
  });

  it('logs structured, redacted debug lines only when a logger is set', async () => {
    const lines: { message: string; fields: Record<string, unknown> | undefined }[] = [];
    const t = make({
      logger: { debug: (message, fields) => lines.push({ message, fields }) },
      auth: {
        kind: 'basic',
        headers: async () => ({ Authorization: `Basic ${btoa('tigergraph:log-password-1')}` }),
        secrets: () => ['log-password-1'],
      },
    });
    await t.request({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(lines.map((l) => l.message)).toEqual(['tgraph request', 'tgraph response']);
    const text = JSON.stringify(lines);
    expect(text).toContain('Basic ***');
    expect(text).not.toContain(btoa('tigergraph:log-password-1'));
    expect(text).not.toContain('log-password-1');
  });
});

describe('answers whose Response has read-only methods', () => {
  // Hono's Node server replaces the global Response with a class whose methods cannot be
  // reassigned; the pipeline must read such answers without patching them.
  const original = globalThis.Response;
  class ReadOnlyResponse extends original {}
  for (const name of ['json', 'text', 'arrayBuffer'] as const) {
    Object.defineProperty(ReadOnlyResponse.prototype, name, {
      value: original.prototype[name],
      writable: false,
    });
  }
  beforeAll(() => {
    globalThis.Response = ReadOnlyResponse;
  });
  afterAll(() => {
    globalThis.Response = original;
  });

  it('reads a success and types an error', async () => {
    const t = make();
    const ok = await t.request<{ message: string }>({ service: 'restpp', method: 'GET', path: '/echo' });
    expect(ok.status).toBe(200);
    server.handle((_req, res) => json(res, 404, { error: true, message: 'no such endpoint' }));
    const error = await caught(t.request({ service: 'restpp', method: 'GET', path: '/nope' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.serverMessage).toBe('no such endpoint');
  });
});
