// Runs the BUILT `tgraph` binary (bin/tgraph.js → dist/) as a user would: a child process with its
// own HOME and XDG_CONFIG_HOME in a temp dir, no TG_* variables leaking in from the test runner.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const appDir = join(import.meta.dirname, '../..');
export const bin = join(appDir, 'bin/tgraph.js');

if (!existsSync(join(appDir, 'dist/main.js'))) {
  throw new Error(
    'apps/cli is not built: run `pnpm --filter @tgraph/cli... build` first (turbo does it for `pnpm test`)',
  );
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Home {
  dir: string;
  configDir: string;
  env: Record<string, string>;
  cleanup(): void;
}

/** A fresh temp HOME; the profiles file lands in `<dir>/config/tgraph/profiles.json`. */
export function tempHome(): Home {
  const dir = mkdtempSync(join(tmpdir(), 'tgraph-cli-'));
  const configDir = join(dir, 'config');
  return {
    dir,
    configDir,
    env: {
      HOME: dir,
      XDG_CONFIG_HOME: configDir,
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_STATE_HOME: join(dir, 'state'),
      // No session bus: the Secret Service (the Linux keychain) is unreachable, so credentials land
      // in profiles.json (the fallback) whatever the machine runs. The keychain path has unit tests.
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-bus')}`,
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function baseEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('TG_') || k === 'NO_COLOR' || k === 'FORCE_COLOR') continue;
    env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export function tgraph(
  args: string[],
  options: { env?: Record<string, string | undefined>; input?: string; home?: Home; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: baseEnv({ ...options.home?.env, ...options.env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs and parses stdout as JSON; fails the test with stderr when the command failed. */
export async function tgraphJson<T = unknown>(
  args: string[],
  options: Parameters<typeof tgraph>[1] = {},
): Promise<T> {
  const r = await tgraph([...args, '--json'], options);
  if (r.code !== 0) throw new Error(`tgraph ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export interface PtyResult {
  output: string;
  code: number;
  timedOut: boolean;
  stepsDone: number;
}

/** Runs tgraph in a pseudo-terminal (python3's pty module), typing `steps` when their prompt shows. */
export function tgraphPty(
  args: string[],
  steps: { expect: string; send: string }[],
  options: { env?: Record<string, string | undefined>; home?: Home } = {},
): Promise<PtyResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'python3',
      [join(import.meta.dirname, 'pty-run.py'), JSON.stringify(steps), '--', process.execPath, bin, ...args],
      {
        env: baseEnv({ TERM: 'xterm-256color', ...options.home?.env, ...options.env }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out) as PtyResult);
      } catch {
        reject(new Error(`pty helper failed: ${err}${out}`));
      }
    });
  });
}

/** Removes ANSI escape sequences (what a terminal would interpret). */
export function plain(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r/g, '');
}
