// `pnpm demo` runs examples/seed-walkthrough.ts; this test spawns it the same way (Node, the built
// dist — turbo builds it before `test`) against a running emulator given as TG_HOST and against the
// embedded emulator it starts itself, and checks its output and what the server received.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = `${root}examples/seed-walkthrough.ts`;
const register = `${root}examples/register.mjs`;
const SECRET = 'walkthroughsecret0123456789abcde';

function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', register, script], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const FIRST_FIVE = ['6100000100: birth_year 1959', '6023000024: birth_year 0', '6022000024: birth_year 1978'];

describe('examples/seed-walkthrough.ts', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    if (!existsSync(fileURLToPath(new URL('../dist/entry-node.js', import.meta.url)))) {
      throw new Error('packages/tgraph/dist is missing: run `pnpm turbo run build --filter=tgraph...` first');
    }
    emu = await startEmulator({
      version: '3.10',
      auth: true,
      seed: 'covid',
      secrets: [{ secret: SECRET, graph: 'MyGraph' }],
    });
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('runs against a server given by TG_HOST (3.10, RESTPP auth on, TG_SECRET given)', async () => {
    const { code, stdout, stderr } = await run({
      TG_HOST: emu.gsUrl,
      TG_GRAPH: 'MyGraph',
      TG_USERNAME: 'tigergraph',
      TG_PASSWORD: 'tigergraph',
      TG_SECRET: SECRET,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`tgraph seed walk-through against ${emu.gsUrl} (graph MyGraph)`);
    expect(stdout).toContain('server line: 3.x');
    expect(stdout).toContain(`→ POST ${emu.gsUrl}/restpp/requesttoken`);
    expect(stdout).toContain('(Authorization: Bearer ***)');
    expect(stdout).toContain('skipped: RESTPP takes GSQL-Secret on TigerGraph 4.1+');
    for (const row of FIRST_FIVE) expect(stdout.split(row)).toHaveLength(2);
    expect(stdout).not.toContain(SECRET);
    expect(stdout.trimEnd().endsWith('done')).toBe(true);

    // What the server received: the seed's token request and the Bearer listing.
    const exchange = emu.requests.find((r) => r.method === 'POST' && r.path === '/restpp/requesttoken');
    expect(exchange?.body).toBe(`{"secret":"${SECRET}","lifetime":"100000"}`);
    const listings = emu.requests.filter((r) => r.path === '/restpp/graph/MyGraph/vertices/Patient');
    expect(listings.map((r) => r.headers.authorization)).toEqual([
      expect.stringMatching(/^Bearer [a-z0-9]{32}$/),
    ]);
    expect(listings.every((r) => r.status === 200 && r.url.includes('limit=5'))).toBe(true);
  });

  it('starts its own embedded emulator when TG_HOST is not set', async () => {
    const { code, stdout, stderr } = await run({ TG_VERSION: '4.2' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('against an embedded emulator (TigerGraph 4.2.0, RESTPP auth on)');
    expect(stdout).toMatch(
      /→ POST http:\/\/127\.0\.0\.1:\d+\/gsql\/v1\/secrets\?alias=walkthrough_\w+ {2}\(Authorization: Basic \*\*\*\)/,
    );
    expect(stdout).toMatch(/→ POST http:\/\/127\.0\.0\.1:\d+\/gsql\/v1\/tokens\n {3}← 200/);
    expect(stdout).toContain('(Authorization: GSQL-Secret ***)');
    for (const row of FIRST_FIVE) expect(stdout.split(row)).toHaveLength(3);
    expect(stdout).toMatch(/Clean-up: drop secret walkthrough_\w+\n {3}→ DELETE /);
  });
});
