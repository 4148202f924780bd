// `pnpm bench` stopped with SIGINT or SIGTERM ends the running bench and everything it started
// (emulator, measured clients) and starts no further bench.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '../..');
const shim = join(repoRoot, 'node_modules/.bin/node');
const runAll = join(import.meta.dirname, '../src/run-all.ts');

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe.runIf(process.platform !== 'win32')('pnpm bench and signals', () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal} stops the running bench and leaves no process (exit ${code})`, async () => {
      const child: ChildProcess = spawn(shim, ['--expose-gc', runAll], {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TGRAPH_BENCH_SKIP: 'peer,bulk,load,read,bundle', TGRAPH_BENCH_SCALE: '0.01' },
      });
      const pid = child.pid as number;
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stderr?.on('data', (d: Buffer) => {
        out += d.toString();
      });
      try {
        expect(await until(() => out.includes('== bench overhead =='), 15_000)).toBe(true);
        // Let the bench start its emulator and clients before stopping it.
        await new Promise((r) => setTimeout(r, 1_500));
        const exited = new Promise<number | null | 'still running'>((resolve) => {
          child.once('exit', (c) => resolve(c));
          setTimeout(() => resolve('still running'), 10_000);
        });
        process.kill(pid, signal);
        expect(await exited).toBe(code);
        expect(out).toContain(`bench stopped by ${signal}`);
        expect(out).not.toContain('== bench bulk ==');
        expect(await until(() => !groupAlive(pid), 10_000)).toBe(true);
      } finally {
        if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
      }
    }, 60_000);
  }
});
