// Property: the emulator answers random bytes and malformed HTTP requests without crashing. Raw
// garbage on a socket gets a 4xx (or a closed connection), never a hang; a well-framed request
// with a random method, path, headers and body gets an answer whose errors are TigerGraph error
// envelopes — never the emulator's own "Internal error" (a handler that threw) — and the
// emulator keeps serving afterwards.
import { request } from 'node:http';
import { connect } from 'node:net';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REL_SCHEMA, SEED } from './support.js';

interface RawAnswer {
  text: string;
  closed: boolean;
}

/** Writes `bytes`, half-closes, and collects what comes back until the server closes (bounded). */
function sendRaw(port: number, bytes: Uint8Array, limitMs = 3000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed: false });
    }, limitMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {
      // A reset is an acceptable way to refuse garbage.
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed: true });
    });
    socket.end(bytes);
  });
}

interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Uint8Array,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...headers, 'content-length': String(body.length) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to ${method} ${path} within 5 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

const KNOWN_PATHS = [
  '/echo',
  '/version',
  '/endpoints',
  '/statistics',
  '/graph/Rel',
  '/graph/Rel/vertices/Item',
  '/graph/Rel/vertices/Item/x',
  '/graph/Rel/edges/Item/x',
  '/graph/Rel/delete_by_type/vertices/Item',
  '/builtins/Rel',
  '/query/Rel/nothing',
  '/requesttoken',
  '/shortestpath/Rel',
  '/allpaths/Rel',
  '/ddl/Rel',
  '/gsqlserver/gsql/file',
  '/gsqlserver/gsql/schema',
  '/gsqlserver/interpreted_query',
  '/gsql/v1/statements',
  '/gsql/v1/tokens',
  '/gsql/v1/queries/interpret',
  '/gsql/v1/schema/graphs/Rel',
  '/gsql/v1/loading-jobs/run',
  '/api/ping',
];

/** A path: a known route (under /restpp on the nginx port), mangled or extended, with a random query. */
const pathArb = fc
  .tuple(
    fc.constantFrom(...KNOWN_PATHS),
    fc.boolean(),
    fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 12 }), { maxKeys: 3 }),
  )
  .map(([base, viaRestpp, extra, query]) => {
    const prefix = viaRestpp && !base.startsWith('/gsql') && !base.startsWith('/api') ? '/restpp' : '';
    const segments = extra.map((s) => `/${encodeURIComponent(s)}`).join('');
    const qs = new URLSearchParams(query).toString();
    return `${prefix}${base}${segments}${qs ? `?${qs}` : ''}`;
  });

const bodyArb = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.json({ maxDepth: 3 }).map((j) => new TextEncoder().encode(j)),
  fc.json({ maxDepth: 3 }).map((j) => new TextEncoder().encode(j.slice(0, Math.ceil(j.length / 2)))),
  fc
    .constantFrom(
      '{"vertices": {"Item": {"x": {"name": {"value": 1}}}}}',
      '{"vertices": {"Item": {"x": {"n": {"value": "NaN", "op": "add"}}}}}',
      '{"vertices": {"Nope": {}}, "edges": 7}',
      '{"edges": {"Item": {"a": {"LINK": {"Item": {"b": {}}}}}}}',
      '{"function": "stat_vertex_number", "type": "*"}',
      '{"sources": [{"type": "Item", "id": "a"}], "targets": 3}',
      '{"secret": 12345}',
      'USE GRAPH Rel\nCREATE VERTEX',
      'CREATE QUERY q() FOR GRAPH Rel { PRINT @@; }',
      '[]',
      'null',
    )
    .map((t) => new TextEncoder().encode(t)),
);

const headersArb = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      '\u00ff',
    ),
    authorization: fc.constantFrom(
      'Bearer',
      'Bearer x',
      'Basic !!!',
      'Basic dGlnZXJncmFwaDp0aWdlcmdyYXBo',
      'GSQL-Secret',
      'Token abc',
    ),
    'gsql-timeout': fc.constantFrom('-1', 'abc', '99999999999999999999', '0'),
    'response-limit': fc.constantFrom('-5', 'x'),
    'gsql-atomic-level': fc.constantFrom('2', 'atomic', ''),
  },
  { requiredKeys: [] },
);

/** A TigerGraph error envelope: RESTPP's `{error: true, message, …}` or the GSQL server's. */
function isErrorEnvelope(answer: HttpAnswer): boolean {
  try {
    const body = JSON.parse(answer.body) as { error?: unknown; message?: unknown };
    const flagged = body.error === true || body.error === 'true';
    return flagged && typeof body.message === 'string' && body.message !== '';
  } catch {
    return false;
  }
}

describe.each(['3.10', '4.2'])('fuzz: the TigerGraph %s emulator under garbage', (version) => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({
      version,
      auth: version === '3.10',
      gsqlScript: REL_SCHEMA,
      maxRecordedRequests: 500,
    });
  });
  afterAll(async () => {
    await emu?.stop();
  });
  const healthy = async () => {
    // Still serving: /echo answers (401 where RESTPP auth is on, with its envelope).
    const echo = await send(emu.restppPort, 'GET', '/echo', {}, new Uint8Array());
    expect(echo.status).toBe(version === '3.10' ? 401 : 200);
    expect(JSON.parse(echo.body)).toMatchObject({ error: version === '3.10' });
  };

  it('random bytes on either port: a 4xx or a closed connection, never a hang', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 2048 }),
        fc.boolean(),
        async (bytes, nginx) => {
          const answer = await sendRaw(nginx ? emu.gsPort : emu.restppPort, bytes);
          expect(answer.closed, 'the server closed the connection').toBe(true);
          if (answer.text !== '') expect(answer.text).toMatch(/^HTTP\/1\.[01] 4\d\d /);
        },
      ),
      { seed: SEED, numRuns: 60, endOnFailure: true },
    );
    await healthy();
  });

  it('malformed requests to every route: error envelopes, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'BREW'),
        pathArb,
        headersArb,
        bodyArb,
        fc.boolean(),
        async (method, path, headers, body, nginx) => {
          const port = nginx ? emu.gsPort : emu.restppPort;
          const answer = await send(
            port,
            method,
            path,
            headers,
            method === 'GET' || method === 'HEAD' ? new Uint8Array() : body,
          );
          expect(answer.status).toBeGreaterThanOrEqual(200);
          expect(answer.status).toBeLessThan(600);
          expect(answer.body, `${method} ${path}`).not.toContain('Internal error');
          expect(answer.body).not.toContain('REST-10005');
          if (answer.status >= 500)
            expect(isErrorEnvelope(answer), `${method} ${path}: ${answer.body}`).toBe(true);
          const restpp = !nginx || path.startsWith('/restpp/');
          if (restpp && answer.status >= 400 && method !== 'HEAD' && answer.contentType.includes('json')) {
            expect(isErrorEnvelope(answer), `${method} ${path}: ${answer.body}`).toBe(true);
          }
        },
      ),
      { seed: SEED, numRuns: 400, endOnFailure: true },
    );
    await healthy();
  });
});
