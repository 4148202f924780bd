// Bulk writes: 500k vertices and 1M edges (× TGRAPH_BENCH_SCALE) through the SDK three ways —
// batched (upsertVerticesInBatches / upsertEdgesInBatches over a generator: default 5 000 items or
// 4 MiB per request, 4 in flight), one call per item (sampled: the first 5 000 items, the rate
// extrapolated to the full size), and one giant request (upsertMany with the whole array). Each
// mode runs in its own client process against a fresh emulator child; reported: items/s and the
// client's peak RSS growth over its baseline.
import type { BulkClientResult, BulkKind, BulkMode } from './bulk-client.ts';
import { runChild } from './lib/child.ts';
import { startBenchEmulator } from './lib/emulator.ts';
import { writeResult } from './lib/results.ts';
import { benchScale, mib } from './lib/stats.ts';

const scale = benchScale();
const SIZES: Record<BulkKind, number> = {
  vertices: Math.round(500_000 * scale),
  edges: Math.round(1_000_000 * scale),
};
const SAMPLE = 5_000;
const GSQL = `CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING, score INT) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE Knows (FROM Person, TO Person, since INT)
CREATE GRAPH g (*)`;

const results: BulkClientResult[] = [];
for (const kind of ['vertices', 'edges'] as const) {
  for (const mode of ['batched', 'perItem', 'giant'] as const satisfies readonly BulkMode[]) {
    const count = mode === 'perItem' ? Math.min(SAMPLE, SIZES[kind]) : SIZES[kind];
    const emu = await startBenchEmulator(GSQL);
    try {
      const r = await runChild<BulkClientResult>(
        new URL('./bulk-client.ts', import.meta.url),
        [mode, kind, String(count)],
        {
          TGRAPH_BENCH_HOST: emu.gsUrl,
          TGRAPH_BENCH_VERTEX_IDS: String(SIZES.vertices),
        },
      );
      if (r.accepted !== r.items) throw new Error(`${kind} ${mode}: ${r.accepted} of ${r.items} accepted`);
      results.push(r);
      const rate = (r.items / r.ms) * 1000;
      console.log(
        `bulk ${kind} ${mode}: ${r.items} in ${(r.ms / 1000).toFixed(1)} s (${Math.round(rate)}/s, ${r.requests} requests), client peak RSS +${mib(r.peakRss - r.baselineRss)}`,
      );
    } finally {
      await emu.stop();
    }
  }
}

const rows = results.map((r) => {
  const rate = (r.items / r.ms) * 1000;
  const full = SIZES[r.kind];
  const sampled = r.items < full;
  const time = sampled
    ? `≈ ${(full / rate / 60).toFixed(0)} min for ${full} (extrapolated from ${r.items})`
    : `${(r.ms / 1000).toFixed(1)} s`;
  return {
    metric: `bulk ${r.kind}, ${r.mode === 'perItem' ? 'one call per item' : r.mode === 'giant' ? 'one giant request' : 'batched'}`,
    value: `${Math.round(rate).toLocaleString('en')} ${r.kind}/s, ${time}, client peak RSS +${mib(r.peakRss - r.baselineRss)}`,
  };
});
writeResult({ bench: 'bulk', params: { scale, sizes: SIZES, sample: SAMPLE }, rows, raw: { results } });
