// The control server (started by test/global-setup.ts) and the fetch-only client.
import { expect, inject, test } from 'vitest';
import { connectControl } from '../src/client.js';
import { startControlServer } from '../src/index.js';

test('create → use → advance clock → requests → destroy', async () => {
  const control = connectControl(inject('tgraphControlUrl'));
  const e = await control.create({
    version: '3.10',
    auth: true,
    seed: 'covid',
    tokens: [{ token: 'abcdefghijklmnopqrstuvwxyz012345', lifetime: 60 }],
  });
  expect(e.version).toBe('3.10.0');
  expect(e.restppUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(e.gsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const url = `${e.restppUrl}/graph/MyGraph/vertices/Patient?limit=1&select=birth_year`;
  const auth = { Authorization: 'Bearer abcdefghijklmnopqrstuvwxyz012345' };
  expect((await fetch(url, { headers: auth })).status).toBe(200);
  await control.advanceClock(e.id, 61_000);
  const expired = await fetch(url, { headers: auth });
  expect(expired.status).toBe(401);
  expect(await expired.json()).toEqual({
    version: { edition: 'enterprise', api: 'v2', schema: 0 },
    error: true,
    message: "Access Denied because the input token = 'abcd****345' is expired",
    code: 'REST-10019',
  });
  const reqs = await control.requests(e.id);
  expect(reqs.map((r) => [r.method, r.url, r.status])).toEqual([
    ['GET', '/graph/MyGraph/vertices/Patient?limit=1&select=birth_year', 200],
    ['GET', '/graph/MyGraph/vertices/Patient?limit=1&select=birth_year', 401],
  ]);
  expect(reqs[0]?.headers['authorization']).toBe('Bearer abcdefghijklmnopqrstuvwxyz012345');
  expect(reqs[0]?.query).toEqual({ limit: '1', select: 'birth_year' });
  expect(await control.gsql(e.id, 'ls')).toContain('---- Global vertices, edges, and all graphs');
  await control.destroy(e.id);
  await expect(fetch(url)).rejects.toThrow();
});

test('control API answers with CORS * and 404 for unknown emulators', async () => {
  const base = inject('tgraphControlUrl');
  const pre = await fetch(`${base}/emulators`, { method: 'OPTIONS' });
  expect(pre.status).toBe(204);
  expect(pre.headers.get('access-control-allow-origin')).toBe('*');
  const missing = await fetch(`${base}/emulators/999/requests`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  await expect(connectControl(base).destroy('999')).rejects.toThrow(/404/);
});

test('stop() stops the control server and every emulator it created', async () => {
  const control = await startControlServer({ port: 0 });
  const client = connectControl(control.url);
  const e = await client.create({});
  expect((await fetch(`${e.restppUrl}/echo`)).status).toBe(200);
  await control.stop();
  await expect(fetch(`${e.restppUrl}/echo`)).rejects.toThrow();
  await expect(fetch(`${control.url}/emulators`)).rejects.toThrow();
});
