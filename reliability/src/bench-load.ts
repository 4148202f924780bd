// `pnpm bench` in reliability/: the load scenario at full size (200 clients × 100 operations, at
// most 120 s each) against the emulator in a child process (so clients and server each get an
// event loop, as with a real server) — once clean, once through the fault proxy with random
// resets, drops and 503s — printed as a table for BENCHMARKS.md.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { startFaultProxy } from './fault-proxy.js';
import { type LoadReport, prng, runLoad } from './load.js';

const clients = Number(process.env['TGRAPH_LOAD_CLIENTS'] ?? 200);
const opsPerClient = Number(process.env['TGRAPH_LOAD_OPS'] ?? 100);
/** Share of requests that meet a reset mid-body, a 503 and a dropped connection in the faulty run. */
const FAULTS = { reset: 0.02, status503: 0.02, drop: 0.01 };

/** Starts a fresh emulator in a child process and returns its URL and a stop function. */
async function emulatorChild(): Promise<{ gsUrl: string; stop(): Promise<void> }> {
  const child = fork(new URL('./emulator-child.js', import.meta.url), [], { stdio: 'inherit' });
  const gsUrl = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { gsUrl: string }).gsUrl));
    child.once('exit', (code) => reject(new Error(`the emulator child exited (${code})`)));
  });
  return {
    gsUrl,
    async stop() {
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function clean(): Promise<LoadReport> {
  const emu = await emulatorChild();
  try {
    return await runLoad({ host: emu.gsUrl, clients, opsPerClient, maxDurationMs: 120_000, seed: 1 });
  } finally {
    await emu.stop();
  }
}

async function faulty(): Promise<LoadReport> {
  const emu = await emulatorChild();
  const proxy = await startFaultProxy(emu.gsUrl);
  const random = prng(3);
  const always = Number.POSITIVE_INFINITY;
  proxy.inject({ kind: 'reset-mid-body' }, { times: always, match: () => random() < FAULTS.reset });
  proxy.inject({ kind: 'status', status: 503 }, { times: always, match: () => random() < FAULTS.status503 });
  proxy.inject({ kind: 'drop' }, { times: always, match: () => random() < FAULTS.drop });
  try {
    return await runLoad({
      host: proxy.url,
      checkHost: emu.gsUrl,
      clients,
      opsPerClient,
      maxDurationMs: 120_000,
      seed: 1,
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
    });
  } finally {
    await proxy.stop();
    await emu.stop();
  }
}

const reconciled = (r: LoadReport) =>
  r.reconciliation.counterMismatches.length === 0 &&
  r.reconciliation.itemsMissing.length === 0 &&
  r.reconciliation.itemsUnexpected.length === 0;

const load = loadavg()[0]?.toFixed(1);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${load} at start`;
const a = await clean();
const b = await faulty();

const errorsText = (r: LoadReport) =>
  r.errorCount === 0
    ? '0'
    : `${r.errorCount}: ${Object.entries(r.errors)
        .map(([k, n]) => `${k} × ${n}`)
        .join(', ')}`;
const rows: [string, string, string][] = [
  ['clients × operations', `${a.clients} × ${opsPerClient}`, `${b.clients} × ${opsPerClient}`],
  [
    'operations (reads / writes)',
    `${a.operations} (${a.reads} / ${a.writes})`,
    `${b.operations} (${b.reads} / ${b.writes})`,
  ],
  ['duration', `${(a.durationMs / 1000).toFixed(1)} s`, `${(b.durationMs / 1000).toFixed(1)} s`],
  ['throughput', `${a.opsPerSecond} ops/s`, `${b.opsPerSecond} ops/s`],
  [
    'latency p50 / p90 / p99 / max',
    `${a.latencyMs.p50} / ${a.latencyMs.p90} / ${a.latencyMs.p99} / ${a.latencyMs.max} ms`,
    `${b.latencyMs.p50} / ${b.latencyMs.p90} / ${b.latencyMs.p99} / ${b.latencyMs.max} ms`,
  ],
  ['failed operations (all typed)', errorsText(a), errorsText(b)],
  [
    'adds acknowledged / uncertain / stored',
    `${a.reconciliation.addsAcknowledged} / ${a.reconciliation.addsUncertain} / ${a.reconciliation.addsStored}`,
    `${b.reconciliation.addsAcknowledged} / ${b.reconciliation.addsUncertain} / ${b.reconciliation.addsStored}`,
  ],
  [
    'items written / stored',
    `${a.reconciliation.itemsWritten} / ${a.reconciliation.itemsStored}`,
    `${b.reconciliation.itemsWritten} / ${b.reconciliation.itemsStored}`,
  ],
  ['writes lost or applied twice', reconciled(a) ? '0' : 'SOME', reconciled(b) ? '0' : 'SOME'],
];
console.log(`\nreliability load scenario — ${machine}; emulator 4.2 in a child process, loopback HTTP\n`);
console.log(
  `| figure | clean | with faults (${FAULTS.reset * 100}% resets mid-body, ${FAULTS.status503 * 100}% 503, ${FAULTS.drop * 100}% drops) |`,
);
console.log('| --- | --- | --- |');
for (const [k, x, y] of rows) console.log(`| ${k} | ${x} | ${y} |`);
const untyped = Object.keys({ ...a.errors, ...b.errors }).filter((k) => k.startsWith('untyped:'));
const ok = a.errorCount === 0 && reconciled(a) && reconciled(b) && untyped.length === 0;
console.log(`\nclean run without errors, every write reconciled in both runs: ${ok ? 'yes' : 'NO'}`);
writeSummaryRows(a, b, ok);
if (!ok) process.exitCode = 1;

/** Adds the figures to `pnpm bench`'s summary table (bench/results/*.json, read by bench/src/summary.ts). */
function writeSummaryRows(x: LoadReport, y: LoadReport, good: boolean): void {
  const benchDir = new URL('../../bench/', import.meta.url);
  if (!existsSync(benchDir)) return;
  const results = new URL('results/', benchDir);
  mkdirSync(results, { recursive: true });
  const result = {
    bench: 'reliability-load',
    at: new Date().toISOString(),
    machine,
    params: { clients, opsPerClient, faults: FAULTS, server: 'emulator child process' },
    rows: [
      { metric: `load: ${clients} clients, mixed reads/writes`, value: `${x.opsPerSecond} ops/s` },
      {
        metric: 'load: failed operations (clean run)',
        value: String(x.errorCount),
        goal: '0',
        met: x.errorCount === 0,
      },
      { metric: 'load with faults: failed operations (typed)', value: String(y.errorCount) },
      {
        metric: 'load: writes lost or applied twice (both runs)',
        value: good ? '0' : 'some',
        goal: '0',
        met: good,
      },
    ],
    raw: { clean: x, faulty: y },
  };
  writeFileSync(new URL('reliability-load.json', results), `${JSON.stringify(result, null, 2)}\n`);
}
