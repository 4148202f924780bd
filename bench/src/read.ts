// Large reads: 1M vertices of one type (× TGRAPH_BENCH_SCALE), loaded into a fresh emulator with
// a loading job, then read back by a client process in pages of 10 000 by primary-id range, and —
// for contrast — in one listing of the whole type. Reported: vertices/s and the client's peak RSS
// growth (bounded for paging, proportional to the type's size for the whole listing).
import { createClient } from 'tgraph';
import { runChild } from './lib/child.ts';
import { generatedCsv, LOAD_GSQL } from './lib/csv.ts';
import { startBenchEmulator } from './lib/emulator.ts';
import { writeResult } from './lib/results.ts';
import { benchScale, mib } from './lib/stats.ts';
import type { ReadClientResult } from './read-client.ts';

const scale = benchScale();
const TOTAL = Math.max(1000, Math.round((1_000_000 * scale) / 1000) * 1000);
const PAGE = 10_000;

const emu = await startBenchEmulator(LOAD_GSQL);
const CAP_MIB = 48;
const results: Array<ReadClientResult & { capMiB: number }> = [];
const failures: Array<{ mode: string; capMiB: number; error: string }> = [];
try {
  // Load ids 0..TOTAL-1 once: lines are ~25 bytes, so this many bytes holds every id.
  const tg = createClient({ host: emu.gsUrl, graph: 'g', version: '4.2.0', retries: 0, timeoutMs: 600_000 });
  async function* exactly(): AsyncGenerator<Uint8Array> {
    let lines = 0;
    for await (const chunk of generatedCsv(Number.POSITIVE_INFINITY, TOTAL)) {
      const text = new TextDecoder().decode(chunk);
      const want = text
        .split('\n')
        .slice(0, Math.max(0, TOTAL - lines))
        .filter((l) => l !== '');
      lines += want.length;
      if (want.length > 0) yield new TextEncoder().encode(`${want.join('\n')}\n`);
      if (lines >= TOTAL) return;
    }
  }
  const loaded = await tg.loading.loadData('load_person', 'f', exactly());
  await tg.close();
  if (Number(loaded.statistics.validLines) !== TOTAL)
    throw new Error(`loaded ${loaded.statistics.validLines} of ${TOTAL}`);
  // Paged twice: with Node's default heap settings and under a 48 MiB heap cap (which it can only
  // finish with a bounded working set); the whole listing with the default settings.
  for (const [mode, cap] of [
    ['paged', 0],
    ['paged', CAP_MIB],
    ['whole', 0],
  ] as const) {
    try {
      const r = await runChild<ReadClientResult>(
        new URL('./read-client.ts', import.meta.url),
        [mode, String(TOTAL), String(PAGE)],
        { TGRAPH_BENCH_HOST: emu.gsUrl, TGRAPH_BENCH_CHILD_ARGS: cap ? `--max-old-space-size=${cap}` : '' },
      );
      results.push({ ...r, capMiB: cap });
      console.log(
        `read ${mode}${cap ? ` (heap cap ${cap} MiB)` : ''}: ${r.vertices} vertices in ${(r.ms / 1000).toFixed(1)} s (${r.pages} requests, ${Math.round((r.vertices / r.ms) * 1000)}/s), client peak RSS +${mib(r.peakRss - r.baselineRss)}`,
      );
    } catch (error) {
      failures.push({ mode, capMiB: cap, error: (error as Error).message });
      console.log(`read ${mode}: FAILED — ${(error as Error).message}`);
    }
  }
} finally {
  await emu.stop();
}
const how = (mode: string, cap: number) =>
  `read ${TOTAL.toLocaleString('en')} vertices, ${mode === 'paged' ? `pages of ${PAGE.toLocaleString('en')} by id range` : 'one listing'}${cap ? ` (heap cap ${cap} MiB)` : ''}`;
writeResult({
  bench: 'read',
  params: { scale, vertices: TOTAL, page: PAGE, capMiB: CAP_MIB },
  rows: [
    ...results.map((r) => ({
      metric: how(r.mode, r.capMiB),
      value: `${Math.round((r.vertices / r.ms) * 1000).toLocaleString('en')} vertices/s, client peak RSS +${mib(r.peakRss - r.baselineRss)}`,
    })),
    ...failures.map((f) => ({ metric: how(f.mode, f.capMiB), value: `failed: ${f.error}` })),
  ],
  raw: { results, failures },
});
