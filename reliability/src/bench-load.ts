// `pnpm bench` in reliability/: the load scenario at full size (200 clients × 100 operations, at
// most 120 s) against an in-process emulator, printed as a table for BENCHMARKS.md. The clients
// and the emulator share this one Node process (and its 2 cores with nothing else running).
import { cpus } from 'node:os';
import { startEmulator } from '@tgraph/emulator';
import { LOAD_SCHEMA, runLoad } from './load.js';

const clients = Number(process.env['TGRAPH_LOAD_CLIENTS'] ?? 200);
const opsPerClient = Number(process.env['TGRAPH_LOAD_OPS'] ?? 100);

const emu = await startEmulator({ version: '4.2', gsqlScript: LOAD_SCHEMA, maxRecordedRequests: 1000 });
try {
  const report = await runLoad({ host: emu.gsUrl, clients, opsPerClient, maxDurationMs: 120_000, seed: 1 });
  const r = report.reconciliation;
  const rows: [string, string][] = [
    ['machine', `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`],
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
  if (!exact) process.exitCode = 1;
} finally {
  await emu.stop();
}
