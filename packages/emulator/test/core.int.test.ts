// HTTP core: envelopes, error codes and statuses, layouts, headers, CORS, bad input.
import { describe, expect, test } from 'vitest';
import { emulator, http, VERSION_BLOCK } from './helpers.js';

for (const version of ['3.10', '4.2']) {
  describe(`core on ${version}`, () => {
    test('GET /echo on both layouts', async () => {
      const e = await emulator({ version });
      for (const url of [`${e.restppUrl}/echo`, `${e.gsUrl}/restpp/echo`, `${e.gsUrl}/restpp/echo/`]) {
        const r = await http(url);
        expect(r.status).toBe(200);
        expect(r.text).toBe('{"error":false,"message":"Hello GSQL"}');
        expect(r.headers.get('content-type')).toBe('application/json');
        expect(r.headers.get('server')).toBe('nginx');
        expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      }
      expect((await http(`${e.restppUrl}/echo`, { method: 'POST' })).status).toBe(200);
    });

    test('GET /version: text table with the TigerGraph version line and product row', async () => {
      const e = await emulator({ version });
      const r = await http(`${e.restppUrl}/version`);
      const body = r.json as { error: string; message: string };
      expect(Object.keys(body)).toEqual(['error', 'message']);
      expect(body.error).toBe('false');
      const lines = body.message.split('\n');
      expect(lines[0]).toBe('TigerGraph RESTPP:');
      expect(lines[1]).toBe(' --- Version --- ');
      expect(lines[2]).toBe(`TigerGraph version: ${e.version}`);
      expect(lines[3]).toMatch(
        new RegExp(
          `^product\\s+release_${e.version.replace(/\./g, '\\.')}_\\S+\\s+[0-9a-f]{40}\\s+\\d{4}-\\d{2}-\\d{2} `,
        ),
      );
      expect(lines.at(-1)).toBe('');
    });

    test('unknown endpoint → REST-1000 (404)', async () => {
      const e = await emulator({ version });
      const r = await http(`${e.restppUrl}/eco`);
      expect(r.status).toBe(404);
      expect(r.json).toEqual({
        version: VERSION_BLOCK,
        error: true,
        message:
          'Endpoint is not found from url = /eco, please use GET /endpoints to list all valid endpoints.',
        code: 'REST-1000',
      });
      const via = await http(`${e.gsUrl}/restpp/eco`);
      expect(via.json).toEqual(r.json);
    });

    test('unknown graph → REST-1004, unknown type → REST-30000, unknown id → 601', async () => {
      const e = await emulator({ version, seed: 'covid' });
      const g = await http(`${e.restppUrl}/graph/occcc/vertices/entity/54321`);
      expect(g.status).toBe(404);
      expect(g.json).toEqual({
        version: VERSION_BLOCK,
        error: true,
        message:
          "The graph name 'occcc' parsed from the url = '/graph/occcc/vertices/entity/54321' is not found, please provide a valid graph name.",
        code: 'REST-1004',
      });
      const t = await http(`${e.restppUrl}/graph/MyGraph/vertices/banana/1234`);
      expect(t.status).toBe(400);
      expect(t.json).toEqual({
        version: VERSION_BLOCK,
        error: true,
        message: "The input parameter vertex_type = 'banana' is not a valid vertex type in graph MyGraph.",
        code: 'REST-30000',
      });
      const v = await http(`${e.restppUrl}/graph/MyGraph/vertices/Patient/100000000`);
      expect(v.status).toBe(400);
      expect(v.json).toEqual({
        version: VERSION_BLOCK,
        error: true,
        message: "The input vertex id '100000000' is not a valid vertex id for vertex type = Patient.",
        code: '601',
      });
    });

    test('malformed JSON and wrong payload types → error envelope, server keeps serving', async () => {
      const e = await emulator({ version, seed: 'covid' });
      const bad = await http(`${e.restppUrl}/graph/MyGraph`, { method: 'POST', body: '{"vertices": {' });
      expect(bad.status).toBe(400);
      expect(bad.json).toMatchObject({ version: VERSION_BLOCK, error: true, code: 'REST-2001' });
      const arr = await http(`${e.restppUrl}/graph/MyGraph`, { method: 'POST', body: '[1,2]' });
      expect(arr.json).toMatchObject({ error: true, code: 'REST-30200' });
      const builtins = await http(`${e.restppUrl}/builtins/MyGraph`, { method: 'POST', body: 'nope' });
      expect(builtins.json).toMatchObject({ error: true, code: 'REST-2001' });
      expect((await http(`${e.restppUrl}/echo`)).status).toBe(200);
    });

    test('oversize body → 413 with an error envelope', async () => {
      const e = await emulator({ version, seed: 'covid', maxBodyBytes: 1024 });
      const r = await http(`${e.restppUrl}/graph/MyGraph`, { method: 'POST', body: 'x'.repeat(4096) });
      expect(r.status).toBe(413);
      expect(r.json).toEqual({
        version: VERSION_BLOCK,
        error: true,
        message: 'The request body exceeds the maximum allowed size of 1024 bytes.',
        code: 'REST-2001',
      });
      expect((await http(`${e.restppUrl}/echo`)).status).toBe(200);
    });

    test('nginx port: /api/ping, unknown paths go to the GUI server (404)', async () => {
      const e = await emulator({ version });
      const ping = await http(`${e.gsUrl}/api/ping`);
      expect(ping.json).toEqual({ error: false, message: 'pong', results: {} });
      expect((await http(`${e.gsUrl}/nothing/here`)).status).toBe(404);
    });

    test('CORS only when configured, only for allowed origins, with preflight', async () => {
      const plain = await emulator({ version });
      const r0 = await http(`${plain.restppUrl}/echo`, { headers: { Origin: 'http://app.test' } });
      expect(r0.headers.get('access-control-allow-origin')).toBeNull();
      const e = await emulator({ version, cors: { origins: ['http://app.test'] } });
      const r1 = await http(`${e.gsUrl}/restpp/echo`, { headers: { Origin: 'http://app.test' } });
      expect(r1.headers.get('access-control-allow-origin')).toBe('http://app.test');
      const r2 = await http(`${e.gsUrl}/restpp/echo`, { headers: { Origin: 'http://evil.test' } });
      expect(r2.headers.get('access-control-allow-origin')).toBeNull();
      const pre = await http(`${e.gsUrl}/restpp/graph/x`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'POST' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-headers')).toContain('Authorization');
      expect(pre.headers.get('access-control-allow-headers')).not.toContain('X-Request-Id');
      const any = await emulator({ version, cors: { origins: '*', headers: ['X-Request-Id'] } });
      const r3 = await http(`${any.restppUrl}/echo`, { headers: { Origin: 'http://x.test' } });
      expect(r3.headers.get('access-control-allow-origin')).toBe('*');
      expect(r3.headers.get('access-control-allow-headers')).toMatch(/, X-Request-Id$/);
    });
  });
}

test('/gsql/v1 exists on 4.1+ only (pyTigerGraph falls back to /gsqlserver on 404)', async () => {
  const v3 = await emulator({ version: '3.10' });
  const r3 = await http(`${v3.gsUrl}/gsql/v1/statements`, { method: 'POST', body: 'ls' });
  expect(r3.status).toBe(404);
  const v40 = await emulator({ version: '4.0.3' });
  expect((await http(`${v40.gsUrl}/gsql/v1/statements`, { method: 'POST', body: 'ls' })).status).toBe(404);
  const v41 = await emulator({ version: '4.1.2' });
  expect(v41.version).toBe('4.1.2');
  const r41 = await http(`${v41.gsUrl}/gsql/v1/statements`, {
    method: 'POST',
    body: 'ls',
    headers: { Authorization: `Basic ${Buffer.from('tigergraph:tigergraph').toString('base64')}` },
  });
  expect(r41.status).toBe(200);
});

test('unsupported versions are refused', async () => {
  await expect(emulator({ version: '2.6' })).rejects.toThrow(/Unsupported TigerGraph version/);
});

test('Cloud-style separate port serves /restpp and GSQL paths', async () => {
  const e = await emulator({ version: '4.2', cloudPort: 0 });
  expect(e.cloudPort).not.toBe(e.gsPort);
  expect((await http(`${e.cloudUrl}/restpp/echo`)).json).toEqual({ error: false, message: 'Hello GSQL' });
  expect((await http(`${e.cloudUrl}/gsql/v1/version`)).status).toBe(401);
});

test('stop() closes keep-alive connections promptly', async () => {
  const e = await emulator({});
  await fetch(`${e.restppUrl}/echo`, { headers: { Connection: 'keep-alive' } });
  const t0 = Date.now();
  await e.stop();
  expect(Date.now() - t0).toBeLessThan(1000);
});
