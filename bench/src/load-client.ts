// One streaming load in its own Node process (started by load.ts): the generated CSV file
// TGRAPH_BENCH_LOAD_FILE through `tg.loading.loadData` from a Node Readable (fs), sampling this
// process's RSS; reports the peak growth over the baseline and the progress callbacks seen.
import { createReadStream } from 'node:fs';
import { createClient } from 'tgraph';
import { reportFailures } from './lib/child.ts';
import { rssSampler } from './lib/stats.ts';

reportFailures();

export interface LoadClientResult {
  runtime: string;
  mode: string;
  bytes: number;
  lines: number;
  requests: number;
  ms: number;
  baselineRss: number;
  peakRss: number;
  progressCalls: number;
  validLines: number;
  /** Browser only: peak RSS growth per Chromium process type. */
  peakGrowthByProcess?: Record<string, number> | undefined;
}

const file = process.env['TGRAPH_BENCH_LOAD_FILE'] as string;
const chunkBytes = process.env['TGRAPH_BENCH_CHUNK_BYTES'];
const tg = createClient({
  host: process.env['TGRAPH_BENCH_HOST'] as string,
  graph: 'g',
  version: '4.2.0',
  retries: 0,
  // The whole upload is one attempt: 500 MB at a few MB/s outlasts the default 60 s timeout.
  timeoutMs: 30 * 60_000,
});

globalThis.gc?.();
const baselineRss = process.memoryUsage.rss();
const sampler = rssSampler();
let progressCalls = 0;
const started = performance.now();
const r = await tg.loading.loadData('load_person', 'f', createReadStream(file), {
  ...(chunkBytes ? { chunkBytes: Number(chunkBytes) } : {}),
  onProgress: () => {
    progressCalls++;
  },
});
const ms = performance.now() - started;
const peakRss = sampler.stop();
await tg.close();
const result: LoadClientResult = {
  runtime: `node ${process.version}`,
  mode: chunkBytes ? `chunks of ${Number(chunkBytes) / 2 ** 20} MiB` : 'one streamed request',
  bytes: r.bytes,
  lines: r.lines,
  requests: r.requests,
  ms,
  baselineRss,
  peakRss,
  progressCalls,
  validLines: Number(r.statistics.validLines),
};
process.send?.(result);
