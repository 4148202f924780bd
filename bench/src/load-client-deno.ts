// The streaming load under Deno (started by load.ts with `deno run`): the same generated CSV file
// as a ReadableStream (`Deno.open(…).readable`) through `tg.loading.loadData` (the facade's Deno entry); prints its result as JSON
// on the last stdout line.
import { createClient } from 'tgraph';

declare const Deno: {
  env: { get(name: string): string | undefined };
  open(path: string): Promise<{ readable: ReadableStream<Uint8Array> }>;
  memoryUsage(): { rss: number };
  version: { deno: string };
};

const file = await Deno.open(Deno.env.get('TGRAPH_BENCH_LOAD_FILE') as string);
const tg = createClient({
  host: Deno.env.get('TGRAPH_BENCH_HOST') as string,
  graph: 'g',
  version: '4.2.0',
  retries: 0,
  // The whole upload is one attempt: 500 MB at a few MB/s outlasts the default 60 s timeout.
  timeoutMs: 30 * 60_000,
});

const baselineRss = Deno.memoryUsage().rss;
let peakRss = baselineRss;
const timer = setInterval(() => {
  peakRss = Math.max(peakRss, Deno.memoryUsage().rss);
}, 5);
let progressCalls = 0;
const started = performance.now();
const r = await tg.loading.loadData('load_person', 'f', file.readable, {
  onProgress: () => {
    progressCalls++;
  },
});
const ms = performance.now() - started;
clearInterval(timer);
peakRss = Math.max(peakRss, Deno.memoryUsage().rss);
await tg.close();
console.log(
  JSON.stringify({
    runtime: `deno ${Deno.version.deno}`,
    mode: 'one streamed request',
    bytes: r.bytes,
    lines: r.lines,
    requests: r.requests,
    ms,
    baselineRss,
    peakRss,
    progressCalls,
    validLines: Number(r.statistics.validLines),
  }),
);
