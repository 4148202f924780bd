// The emulator's command, started the way the repository starts it (through the pinned Node's
// node_modules/.bin/node shim), stops on SIGINT and SIGTERM and leaves no process behind.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '../../..');
const shim = join(repoRoot, 'node_modules/.bin/node');
const bin = join(import.meta.dirname, '../dist/bin.js');

/** Whether any process of the group `pgid` is still alive. */
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

/** Starts the emulator in its own process group and waits for its banner. */
async function start(): Promise<ChildProcess & { pid: number }> {
  const child = spawn(shim, [bin, '--seed', 'empty'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.resume();
  const ready = await until(() => out.includes('emulator'), 15_000);
  if (!ready || child.pid === undefined) throw new Error(`the emulator did not start: ${out}`);
  return child as ChildProcess & { pid: number };
}

describe.runIf(existsSync(bin) && process.platform !== 'win32')('tgraph-emulator and signals', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to the started process stops it and every process it started`, async () => {
      const child = await start();
      try {
        const exited = new Promise<number | null | 'still running'>((resolve) => {
          child.once('exit', (code) => resolve(code));
          setTimeout(() => resolve('still running'), 15_000);
        });
        // Only the process we started gets the signal (as `kill <pid>` or a supervisor would do).
        process.kill(child.pid, signal);
        expect(await exited).toBe(0);
        expect(await until(() => !groupAlive(child.pid), 15_000)).toBe(true);
      } finally {
        if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
      }
    }, 60_000); // generous: on a loaded machine a start and a shutdown can each take seconds
  }
});
