// Bulk writes: 500k vertices and 1M edges (× TGRAPH_BENCH_SCALE) through the SDK three ways —
// batched (upsertVerticesInBatches / upsertEdgesInBatches over a generator: default 5 000 items or
// 4 MiB per request, 4 in flight), one call per item (sampled: the first 5 000 items, the rate
// extrapolated to the full size), and one giant request (upsertMany with the whole array). Each
// mode runs in its own client process against a fresh emulator child; reported: items/s and the
// client's peak RSS growth over its baseline. The batched mode runs twice: with Node's default heap
// settings (V8 lets garbage pile up before collecting, which inflates RSS) and under a 128 MiB heap
// cap, which it can only finish if its working set is bounded.
import type { BulkClientResult, BulkKind, BulkMode } from './bulk-client.ts';
import { runChild } from './lib/child.ts';
import { startBenchEmulator } from './lib/emulator.ts';
import { type ResultRow, writeResult } from './lib/results.ts';
import { benchScale, mib } from './lib/stats.ts';

const scale = benchScale();
const SIZES: Record<BulkKind, number> = {
  vertices: Math.round(500_000 * scale),
  edges: Math.round(1_000_000 * scale),
};
const SAMPLE = 5_000;
const CAP_MIB = 128;
const GSQL = `CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING, score INT) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE Knows (FROM Person, TO Person, since INT)
CREATE GRAPH g (*)`;

interface Run {
  kind: BulkKind;
  mode: BulkMode;
  capMiB?: number | undefined;
}
const label = (r: Run) =>
  `bulk ${r.kind}, ${r.mode === 'perItem' ? 'one call per item' : r.mode === 'giant' ? 'one giant request' : 'batched'}${r.capMiB ? ` (heap cap ${r.capMiB} MiB)` : ''}`;

const runs: Run[] = [];
for (const kind of ['vertices', 'edges'] as const) {
  runs.push({ kind, mode: 'batched' }, { kind, mode: 'batched', capMiB: CAP_MIB });
  runs.push({ kind, mode: 'perItem' }, { kind, mode: 'giant' });
}

const rows: ResultRow[] = [];
const raw: Array<Run & { result?: BulkClientResult; error?: string }> = [];
for (const run of runs) {
  const count = run.mode === 'perItem' ? Math.min(SAMPLE, SIZES[run.kind]) : SIZES[run.kind];
  const emu = await startBenchEmulator(GSQL);
  try {
    const r = await runChild<BulkClientResult>(
      new URL('./bulk-client.ts', import.meta.url),
      [run.mode, run.kind, String(count)],
      {
        TGRAPH_BENCH_HOST: emu.gsUrl,
        TGRAPH_BENCH_VERTEX_IDS: String(SIZES.vertices),
        TGRAPH_BENCH_CHILD_ARGS: run.capMiB ? `--max-old-space-size=${run.capMiB}` : '',
      },
    );
    if (r.accepted !== r.items) throw new Error(`${r.accepted} of ${r.items} accepted`);
    raw.push({ ...run, result: r });
    const rate = (r.items / r.ms) * 1000;
    const full = SIZES[run.kind];
    const time =
      r.items < full
        ? `≈ ${(full / rate / 60).toFixed(0)} min for ${full.toLocaleString('en')} (extrapolated from ${r.items.toLocaleString('en')})`
        : `${(r.ms / 1000).toFixed(1)} s`;
    const value = `${Math.round(rate).toLocaleString('en')} ${run.kind}/s, ${time}, ${r.requests.toLocaleString('en')} requests, client peak RSS +${mib(r.peakRss - r.baselineRss)}`;
    rows.push({ metric: label(run), value });
    console.log(`${label(run)}: ${value}`);
  } catch (error) {
    // A mode that fails (a giant request timing out, a capped heap running out) is a finding.
    const message = (error as Error).message;
    raw.push({ ...run, error: message });
    rows.push({ metric: label(run), value: `failed: ${message}` });
    console.log(`${label(run)}: FAILED — ${message}`);
  } finally {
    await emu.stop();
  }
}
writeResult({
  bench: 'bulk',
  params: { scale, sizes: SIZES, sample: SAMPLE, capMiB: CAP_MIB },
  rows,
  raw: { runs: raw },
});
