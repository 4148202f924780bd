// Reads every vertex of a type in its own process (started by read.ts) and reports the time and
// this process's peak RSS growth. Modes:
// - `paged`: pages by primary-id range — `filter: id>=lo, id<hi` with `limit` — so each reply
//   holds at most one page; the caller keeps only a running count and checksum.
// - `whole`: one `getVertices` of the whole type (the reply and all parsed vertices at once).
import { createClient } from 'tgraph';
import { reportFailures } from './lib/child.ts';
import { rssSampler } from './lib/stats.ts';

reportFailures();

export interface ReadClientResult {
  mode: 'paged' | 'whole';
  vertices: number;
  pages: number;
  ms: number;
  baselineRss: number;
  peakRss: number;
}

const [mode, totalText, pageText] = process.argv.slice(2) as ['paged' | 'whole', string, string];
const total = Number(totalText);
const pageSize = Number(pageText);
const tg = createClient({
  host: process.env['TGRAPH_BENCH_HOST'] as string,
  graph: 'g',
  version: '4.2.0',
  retries: 0,
  timeoutMs: 600_000,
});

globalThis.gc?.();
const baselineRss = process.memoryUsage.rss();
const sampler = rssSampler();
const started = performance.now();
let seen = 0;
let checksum = 0;
let pages = 0;
if (mode === 'paged') {
  // Ids are the INTs 0..total-1 (primary_id_as_attribute): one id range per page. For other id
  // schemes, page on any indexed-order attribute the same way, or keep the last id and ask `id>last`.
  for (let lo = 0; lo < total; lo += pageSize) {
    const page = await tg.vertices.get('Person', {
      filter: [`id>=${lo}`, `id<${lo + pageSize}`],
      limit: pageSize,
      select: ['score'],
    });
    pages++;
    for (const v of page) {
      seen++;
      checksum += Number(v.attributes['score']);
    }
  }
} else {
  const all = await tg.vertices.get('Person', { select: ['score'] });
  pages = 1;
  for (const v of all) {
    seen++;
    checksum += Number(v.attributes['score']);
  }
}
const ms = performance.now() - started;
const peakRss = sampler.stop();
await tg.close();
const expected =
  Array.from({ length: 1000 }, (_, i) => i).reduce((a, b) => a + b, 0) * Math.floor(total / 1000);
if (seen !== total || (total % 1000 === 0 && checksum !== expected)) {
  throw new Error(`read ${seen} of ${total} vertices (checksum ${checksum}, expected ${expected})`);
}
const result: ReadClientResult = { mode, vertices: seen, pages, ms, baselineRss, peakRss };
process.send?.(result);
