#!/usr/bin/env node
// `pnpm bench`: cold start of the built `tgraph` binary, hyperfine-style — each command is run N
// times as a fresh process (after one warm-up run that fills Node's compile cache) and the
// median, mean, min, max and p90 wall times are printed. Figures only: nothing is asserted.
//   tgraph --version                 (startup: argument parsing only)
//   tgraph vertices list Patient …   (startup + SDK load + one HTTP round trip to an emulator)
// Runs: BENCH_RUNS (default 20). The emulator runs in its own process (`tgraph emulator start`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const appDir = join(import.meta.dirname, '..');
const bin = join(appDir, 'bin/tgraph.js');
if (!existsSync(join(appDir, 'dist/main.js'))) {
  console.error('build first: pnpm --filter @tgraph/cli... build');
  process.exit(1);
}
const runs = Number(process.env.BENCH_RUNS ?? 20);
const home = mkdtempSync(join(tmpdir(), 'tgraph-bench-'));
const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1' };
for (const k of Object.keys(env)) if (k.startsWith('TG_')) delete env[k];

function once(args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const argv = args === null ? ['-e', '0'] : [bin, ...args];
    const child = spawn(process.execPath, argv, {
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`tgraph ${argv.join(' ')} exited ${code}: ${err}`));
      else resolve(ms);
    });
  });
}

async function measure(label, args, extraEnv) {
  await once(args, extraEnv); // warm-up: fills the compile cache, like any second start on a machine
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once(args, extraEnv));
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const f = (n) => `${n.toFixed(1).padStart(7)} ms`;
  console.log(
    `${label}\n  runs ${runs}  median ${f(at(0.5))}  mean ${f(mean)}  min ${f(times[0])}  max ${f(times.at(-1))}  p90 ${f(at(0.9))}`,
  );
  return at(0.5);
}

const emulator = spawn(
  process.execPath,
  [bin, 'emulator', 'start', '--port', '0', '--restpp-port', '0', '--json'],
  { env, stdio: ['ignore', 'pipe', 'inherit'] },
);
const info = await new Promise((resolve, reject) => {
  let out = '';
  emulator.stdout.on('data', (d) => {
    out += d;
    if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
  });
  emulator.on('exit', (code) => reject(new Error(`emulator exited ${code}`)));
});

try {
  console.log(`tgraph cold start (Node ${process.version}, ${runs} runs each after one warm-up)\n`);
  await measure('node -e 0 (baseline: Node itself)', null);
  await measure('tgraph --version', ['--version']);
  await measure('tgraph --help', ['--help']);
  await measure(
    'tgraph vertices list Patient --limit 5 (emulator over HTTP)',
    ['vertices', 'list', 'Patient', '--limit', '5', '--json'],
    {
      TG_HOST: info.host,
      TG_GRAPH: 'MyGraph',
      TG_USERNAME: 'tigergraph',
      TG_PASSWORD: 'tigergraph',
    },
  );
  await measure('tgraph --local vertices list Patient --limit 5 (in-process emulator)', [
    '--local',
    'vertices',
    'list',
    'Patient',
    '--limit',
    '5',
    '--json',
  ]);
} finally {
  emulator.kill('SIGINT');
  rmSync(home, { recursive: true, force: true });
}
