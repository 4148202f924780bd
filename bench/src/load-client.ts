// One streaming load in its own Node process (started by load.ts): a generated CSV of
// TGRAPH_BENCH_LOAD_BYTES through `tg.loading.loadData` from a Node Readable, sampling this
// process's RSS; reports the peak growth over the baseline and the progress callbacks seen.
import { Readable } from 'node:stream';
import { createClient } from 'tgraph';
import { reportFailures } from './lib/child.ts';
import { generatedCsv } from './lib/csv.ts';
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
}

const bytes = Number(process.env['TGRAPH_BENCH_LOAD_BYTES']);
const ids = Number(process.env['TGRAPH_BENCH_LOAD_IDS']);
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
const r = await tg.loading.loadData('load_person', 'f', Readable.from(generatedCsv(bytes, ids)), {
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
