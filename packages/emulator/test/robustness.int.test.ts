// An unexpected error while serving one request, or inside a detached query run, answers that
// request with TigerGraph's internal-error envelope (HTTP 500, REST-10005) and the server goes on.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { emulator, http } from './helpers.js';

test('a request that fails unexpectedly gets REST-10005; the next one is served', async () => {
  const e = await emulator({ version: '3.10', seed: 'covid' });
  e.injectFault('request');
  const failed = await http(`${e.restppUrl}/echo`);
  expect(failed.status).toBe(500);
  expect(failed.json).toMatchObject({ error: true, code: 'REST-10005' });
  expect((failed.json as { message: string }).message).toMatch(/^Internal error: /);
  const next = await http(`${e.restppUrl}/echo`);
  expect(next.status).toBe(200);
  expect(next.json).toMatchObject({ error: false, message: 'Hello GSQL' });
});

test('an unexpected error inside a detached (GSQL-ASYNC) run fails that run only', async () => {
  const e = await emulator({ version: '4.2', seed: 'covid' });
  e.injectFault('query-run');
  const started = await http(`${e.restppUrl}/query/MyGraph/city_stats`, {
    headers: { 'GSQL-ASYNC': 'true' },
  });
  expect(started.status).toBe(200);
  const id = (started.json as { request_id: string }).request_id;
  // /query_status reports a finished run whose answer is an error as "success" (the run ended);
  // the stored result holds the error envelope.
  let status: { status?: string } = { status: 'running' };
  for (let i = 0; i < 50 && status.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 20));
    const res = await http(`${e.restppUrl}/query_status?graph_name=MyGraph&requestid=${id}`);
    status = (res.json as { results: { status: string }[] }).results[0] ?? {};
  }
  expect(status.status).toBe('success');
  const result = await http(`${e.restppUrl}/query_result?graph_name=MyGraph&requestid=${id}`);
  expect(JSON.stringify(result.json)).toContain('REST-10005');
  // The process is still serving: the same query runs normally.
  const again = await http(`${e.restppUrl}/query/MyGraph/city_stats`);
  expect(again.status).toBe(200);
});

// The bin refuses Node < 22 (JSON.rawJSON arrives in 22) with a message naming the Node it needs.
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const oldNode = ['/usr/bin/node', '/bin/node'].find((p) => {
  if (!existsSync(p)) return false;
  const v = spawnSync(p, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return /^v(1\d|2[01])\./.test(v);
});

test('tgraph-emulator on a Node older than 22 refuses to start and names the Node it needs', () => {
  expect(existsSync(bin), 'build the emulator first (pnpm --filter @tgraph/emulator build)').toBe(true);
  expect(oldNode, 'this machine has a Node < 22 at /usr/bin/node (Debian node 20)').toBeDefined();
  const run = spawnSync(oldNode as string, [bin, '--help'], { encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^tgraph-emulator needs Node\.js 22 or newer; this is Node\.js (1\d|2[01])\./);
  expect(run.stdout).toBe('');
});
