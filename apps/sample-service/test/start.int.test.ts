// `pnpm --filter @tgraph/sample-service start` as a person runs it, in its own process group (as a
// terminal would): Ctrl-C (SIGINT to the whole group) and SIGTERM (to the group, or to pnpm alone
// as a process manager sends it) end in a graceful shutdown, exit code 0, no pnpm error, and no
// process left behind — in particular no `node` orphaned by a shell wrapper that did not exec.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../../..');
/**
 * A terminal's environment: PATH without the node_modules/.bin folders this test run was started
 * with, and none of the TURBO_* variables of a surrounding `turbo run`.
 */
const terminalEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TURBO_'))),
  PATH: (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes(`node_modules${sep}.bin`))
    .join(delimiter),
};

/** Processes whose process group is `pgid`, as `pid command line` (Linux /proc). */
function processesInGroup(pgid: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after "(comm)": state ppid pgrp …
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (group !== pgid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push(`${entry} ${cmdline}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function start(): Promise<Started> {
  const child = spawn('pnpm', ['--filter', '@tgraph/sample-service', 'start'], {
    cwd: repo,
    detached: true, // its own process group, like a job in a terminal
    env: { ...terminalEnv, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const started = Date.now();
  while (!output.includes('"msg":"listening"')) {
    if (child.exitCode !== null || Date.now() - started > 150_000) {
      throw new Error(`the service did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output, exited };
}

describe('pnpm start and signals', () => {
  for (const [signal, to] of [
    ['SIGINT', 'group'],
    ['SIGTERM', 'group'],
    ['SIGTERM', 'pnpm'],
  ] as const) {
    it(`stops cleanly on ${signal} sent to ${to === 'group' ? 'the process group' : 'pnpm only'}`, async () => {
      const { child, output, exited } = await start();
      const pgid = child.pid as number;
      // pnpm runs the pinned Node itself: no shell stays between them to swallow or drop signals.
      // (pnpm may still have a short-lived helper of its own running just after the banner: wait
      // for the group to settle before counting.)
      let running = processesInGroup(pgid);
      for (let i = 0; i < 50 && running.length !== 2; i++) {
        await new Promise((r) => setTimeout(r, 100));
        running = processesInGroup(pgid);
      }
      expect(running, running.join('\n')).toHaveLength(2);
      expect(running.filter((p) => /\/node_modules\/node\/bin\/node dist\/main\.js$/.test(p))).toHaveLength(
        1,
      );
      expect(running.some((p) => /^\d+ (\/bin\/)?sh /.test(p))).toBe(false);

      process.kill(to === 'group' ? -pgid : pgid, signal);
      const result = await exited;
      expect({ ...result, output: output() }).toMatchObject({ code: 0, signal: null });
      expect(output()).not.toContain('ERR_PNPM');
      expect(output()).not.toMatch(/failed with signal/i);
      const logs = output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg: string; signal?: string });
      expect(logs.filter((l) => l.msg === 'signal')).toEqual([expect.objectContaining({ signal })]);
      expect(logs.at(-1)?.msg).toBe('stopped');
      // Nothing of the group outlives pnpm.
      for (let i = 0; i < 50 && processesInGroup(pgid).length > 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(processesInGroup(pgid)).toEqual([]);
    }, 180_000);
  }
});
