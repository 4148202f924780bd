// pyTigerGraph as a peer side of the benches: spawns bench/py/pytg_driver.py with Debian's python3
// (TGRAPH_BENCH_PYTHON) and pyTigerGraph 2.0.2 from ../shared/vendor (PYTIGERGRAPH_PATH) against
// the bench's own emulator, and reads the one JSON object it prints. When python3 or pyTigerGraph
// is missing, or the driver fails, the caller gets `{ skipped }` and reports it: never a crash.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchEmulator } from './emulator.ts';

const python = process.env['TGRAPH_BENCH_PYTHON'] ?? '/usr/bin/python3';
const pyTigerGraphPath =
  process.env['PYTIGERGRAPH_PATH'] ??
  fileURLToPath(new URL('../../../../shared/vendor/pyTigerGraph-2.0.2', import.meta.url));
const driver = fileURLToPath(new URL('../../py/pytg_driver.py', import.meta.url));

export type PyOutcome<R> = ({ ok: true } & R) | { ok: false; skipped: string };

/** Why the pyTigerGraph side cannot run here, or undefined when it can. */
export function pyPeerMissing(): string | undefined {
  if (!existsSync(python)) return `${python} not found (set TGRAPH_BENCH_PYTHON)`;
  if (!existsSync(`${pyTigerGraphPath}/pyTigerGraph`))
    return `pyTigerGraph not found at ${pyTigerGraphPath} (set PYTIGERGRAPH_PATH)`;
  return undefined;
}

/** Runs one driver command against `emu`; resolves with its JSON, or with why it was skipped. */
export async function runPyPeer<R>(emu: BenchEmulator, args: string[]): Promise<PyOutcome<R>> {
  const missing = pyPeerMissing();
  if (missing !== undefined) return { ok: false, skipped: missing };
  const child = spawn(python, [driver, ...args], {
    env: {
      ...process.env,
      PYTIGERGRAPH_PATH: pyTigerGraphPath,
      TGRAPH_BENCH_RESTPP_URL: emu.restppUrl,
      TGRAPH_BENCH_GS_URL: emu.gsUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(null));
    child.once('exit', resolve);
  });
  return parseOutcome<R>(code, out, err);
}

function parseOutcome<R>(code: number | null, out: string, err: string): PyOutcome<R> {
  const last = out.trim().split('\n').at(-1) ?? '';
  let parsed: (R & { error?: string }) | undefined;
  try {
    parsed = JSON.parse(last) as R & { error?: string };
  } catch {
    parsed = undefined;
  }
  if (code === 0 && parsed !== undefined && parsed.error === undefined) return { ok: true, ...parsed };
  const why = parsed?.error ?? (err.trim().split('\n').at(-1) || `exit code ${code}`);
  return { ok: false, skipped: `pyTigerGraph driver failed: ${why}` };
}
