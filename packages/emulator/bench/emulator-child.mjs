// The emulator under measurement, in its own process: starts from dist/, samples its own RSS and
// answers the parent's IPC requests ("stats", "gc", "stop").
import { startEmulator } from '../dist/index.js';

const SCHEMA = `CREATE VERTEX Person (PRIMARY_ID id INT, name STRING, score INT) WITH primary_id_as_attribute="true"
CREATE GRAPH g (*)
USE GRAPH g
CREATE LOADING JOB load_person FOR GRAPH g {
  DEFINE FILENAME f;
  LOAD f TO VERTEX Person VALUES ($0, $1, $2) USING SEPARATOR=",";
}`;

const emu = await startEmulator({ version: '4.2', gsqlScript: SCHEMA });
let peak = process.memoryUsage.rss();
let peakHeapTotal = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
  if (process.env.TGRAPH_BENCH_DEBUG)
    peakHeapTotal = Math.max(peakHeapTotal, process.memoryUsage().heapTotal);
}, 5);

process.on('message', (msg) => {
  if (msg === 'stats') {
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    process.send?.({
      kind: 'stats',
      rss,
      peakSampled: peak,
      peakHeapTotal,
      maxRss: process.resourceUsage().maxRSS * 1024,
      heapUsed: process.memoryUsage().heapUsed,
      heapTotal: process.memoryUsage().heapTotal,
      external: process.memoryUsage().external,
    });
  } else if (msg === 'gc') {
    globalThis.gc?.();
    globalThis.gc?.();
    process.send?.({ kind: 'gc' });
  } else if (msg === 'stop') {
    clearInterval(sampler);
    emu.stop().then(() => process.exit(0));
  }
});

process.send?.({ kind: 'ready', restppUrl: emu.restppUrl });
