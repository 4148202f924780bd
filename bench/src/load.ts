// Streaming load: a generated CSV file of 500 MB (× TGRAPH_BENCH_SCALE) through a loading job
// (`tg.loading.loadData`) from a Node Readable (fs) — as one streamed request and cut into 16 MiB
// requests — from a ReadableStream under Deno, and from a `File` in Chromium. Goal: the client's peak RSS grows by less than
// 64 MiB over its baseline, and progress is reported. (The server side of /ddl is measured by the
// emulator's own bench; this one measures the client.)
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { runChild } from './lib/child.ts';
import { generatedCsv, LOAD_GSQL } from './lib/csv.ts';
import { startBenchEmulator } from './lib/emulator.ts';
import { type ResultRow, writeResult } from './lib/results.ts';
import { benchScale, MiB, mib } from './lib/stats.ts';
import type { LoadClientResult } from './load-client.ts';

const scale = benchScale();
const BYTES = Math.round(500 * 1_000_000 * scale);
const IDS = Math.max(1000, Math.round(1_000_000 * Math.min(1, scale)));
const GOAL_BYTES = 64 * MiB;
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// The CSV is generated once into a temporary file that every client reads as a user's file.
const FILE = join(tmpdir(), `tgraph-bench-load-${process.pid}.csv`);
await pipeline(Readable.from(generatedCsv(BYTES, IDS)), createWriteStream(FILE));
const env = { TGRAPH_BENCH_LOAD_FILE: FILE };

/** Runs the Deno client through the `deno` npm package's binary; undefined when it cannot run. */
async function runDeno(host: string): Promise<LoadClientResult | undefined> {
  let deno: string;
  try {
    deno = createRequire(import.meta.url).resolve('deno/bin.cjs');
  } catch {
    return undefined;
  }
  const script = new URL('./load-client-deno.ts', import.meta.url).pathname;
  const config = new URL('../../deno.json', import.meta.url).pathname;
  const child = spawn(process.execPath, [deno, 'run', '-A', '--config', config, script], {
    env: { ...process.env, ...env, TGRAPH_BENCH_HOST: host },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the Deno load client exited with code ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1) as string) as LoadClientResult;
}

const results: Array<LoadClientResult & { name: string }> = [];
const failures: Array<{ name: string; error: string }> = [];
const nodeRun = (extra: Record<string, string>) => (host: string) =>
  runChild<LoadClientResult>(new URL('./load-client.ts', import.meta.url), [], {
    ...env,
    ...extra,
    TGRAPH_BENCH_HOST: host,
  });
// Node runs once with its default heap settings (V8 lets garbage pile up before collecting) and
// once under a 64 MiB heap cap, which it can only finish with a bounded working set.
const runs: Array<{
  name: string;
  run: (host: string) => Promise<LoadClientResult | undefined>;
  cors?: boolean;
}> = [
  { name: 'node, one streamed request', run: nodeRun({ TGRAPH_BENCH_CHILD_ARGS: '' }) },
  {
    name: 'node, one streamed request (heap cap 64 MiB)',
    run: nodeRun({ TGRAPH_BENCH_CHILD_ARGS: '--max-old-space-size=64' }),
  },
  {
    name: 'node, 16 MiB requests',
    run: nodeRun({ TGRAPH_BENCH_CHILD_ARGS: '', TGRAPH_BENCH_CHUNK_BYTES: String(16 * MiB) }),
  },
  { name: 'deno, one streamed request', run: runDeno },
  {
    name: 'chromium, a File from <input type=file>',
    cors: true,
    run: async (host) => {
      if (!existsSync(chromiumPath)) return undefined;
      const { runBrowserLoad } = await import('./load-browser.ts');
      return runBrowserLoad(host, FILE);
    },
  },
];
// TGRAPH_BENCH_LOAD_ONLY=deno (a substring of the run names) runs only the matching clients.
const only = process.env['TGRAPH_BENCH_LOAD_ONLY'];
for (const { name, run, cors } of runs.filter((r) => only === undefined || r.name.includes(only))) {
  const emu = await startBenchEmulator(LOAD_GSQL, { cors: cors === true });
  try {
    const r = await run(emu.gsUrl);
    if (r === undefined) {
      console.log(`load ${name}: skipped (no runtime binary)`);
      continue;
    }
    if (r.validLines !== r.lines) throw new Error(`load ${name}: ${r.validLines} valid of ${r.lines} lines`);
    results.push({ ...r, name });
    console.log(
      `load ${name}: ${mib(r.bytes)} in ${(r.ms / 1000).toFixed(1)} s (${mib((r.bytes / r.ms) * 1000)}/s, ${r.requests} requests, ${r.progressCalls} progress calls), client peak RSS +${mib(r.peakRss - r.baselineRss)}`,
    );
  } catch (error) {
    failures.push({ name, error: (error as Error).message });
    console.log(`load ${name}: FAILED — ${(error as Error).message}`);
  } finally {
    await emu.stop();
  }
}

rmSync(FILE, { force: true });

const rows: ResultRow[] = results.map((r) => ({
  metric: `load ${mib(r.bytes)} CSV, ${r.name}: client peak RSS growth`,
  value: `+${mib(r.peakRss - r.baselineRss)} (${mib((r.bytes / r.ms) * 1000)}/s, ${r.progressCalls} progress calls)`,
  goal: '< 64 MiB, with progress',
  met: r.peakRss - r.baselineRss < GOAL_BYTES && r.progressCalls > 0,
}));
for (const f of failures)
  rows.push({
    metric: `load, ${f.name}`,
    value: `failed: ${f.error}`,
    goal: '< 64 MiB, with progress',
    met: false,
  });
writeResult({ bench: 'load', params: { scale, bytes: BYTES, ids: IDS }, rows, raw: { results, failures } });
