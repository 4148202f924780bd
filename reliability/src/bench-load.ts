// `pnpm bench` in reliability/: the load scenario at full size (200 clients × 100 operations, at
// most 120 s) against the emulator in a child process (so clients and server each get an event
// loop, as with a real server), printed as a table for BENCHMARKS.md.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { runLoad } from './load.js';

const clients = Number(process.env['TGRAPH_LOAD_CLIENTS'] ?? 200);
const opsPerClient = Number(process.env['TGRAPH_LOAD_OPS'] ?? 100);

const child = fork(new URL('./emulator-child.js', import.meta.url), [], { stdio: 'inherit' });
const gsUrl = await new Promise<string>((resolve, reject) => {
  child.once('message', (m) => resolve((m as { gsUrl: string }).gsUrl));
  child.once('exit', (code) => reject(new Error(`the emulator child exited (${code})`)));
});
const load = loadavg()[0]?.toFixed(1);
try {
  const report = await runLoad({ host: gsUrl, clients, opsPerClient, maxDurationMs: 120_000, seed: 1 });
  const r = report.reconciliation;
  const rows: [string, string][] = [
    [
      'machine',
      `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${load} at start`,
    ],
    ['server', 'emulator 4.2 in a child process, loopback HTTP'],
    ['clients', String(report.clients)],
    ['operations (reads / writes)', `${report.operations} (${report.reads} / ${report.writes})`],
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s`],
    ['throughput', `${report.opsPerSecond} ops/s`],
    [
      'latency p50 / p90 / p99 / max',
      `${report.latencyMs.p50} / ${report.latencyMs.p90} / ${report.latencyMs.p99} / ${report.latencyMs.max} ms`,
    ],
    ['errors', report.errorCount === 0 ? '0' : `${report.errorCount} ${JSON.stringify(report.errors)}`],
    ['adds acknowledged / stored', `${r.addsAcknowledged} / ${r.addsStored}`],
    ['counter mismatches', String(r.counterMismatches.length)],
    [
      'items written / stored (missing, unexpected)',
      `${r.itemsWritten} / ${r.itemsStored} (${r.itemsMissing.length}, ${r.itemsUnexpected.length})`,
    ],
  ];
  console.log('\nreliability load scenario\n');
  console.log('| figure | value |\n| --- | --- |');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  const exact =
    report.errorCount === 0 &&
    r.counterMismatches.length === 0 &&
    r.itemsMissing.length === 0 &&
    r.itemsUnexpected.length === 0;
  console.log(`\nwrites reconciled exactly: ${exact ? 'yes' : 'NO'}`);
  writeSummaryRows(report.opsPerSecond, report.errorCount, exact, rows[0]?.[1] ?? '');
  if (!exact) process.exitCode = 1;
} finally {
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** Adds the figures to `pnpm bench`'s summary table (bench/results/*.json, read by bench/src/summary.ts). */
function writeSummaryRows(opsPerSecond: number, errors: number, exact: boolean, machine: string): void {
  const benchDir = new URL('../../bench/', import.meta.url);
  if (!existsSync(benchDir)) return;
  const results = new URL('results/', benchDir);
  mkdirSync(results, { recursive: true });
  const result = {
    bench: 'reliability-load',
    at: new Date().toISOString(),
    machine,
    params: { clients, opsPerClient, server: 'emulator child process' },
    rows: [
      { metric: `load: ${clients} clients, mixed reads/writes`, value: `${opsPerSecond} ops/s` },
      { metric: 'load: failed operations', value: String(errors), goal: '0', met: errors === 0 },
      { metric: 'load: writes lost or applied twice', value: exact ? '0' : 'some', goal: '0', met: exact },
    ],
  };
  writeFileSync(new URL('reliability-load.json', results), `${JSON.stringify(result, null, 2)}\n`);
}
