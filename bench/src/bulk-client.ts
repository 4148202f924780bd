// One bulk-write mode in its own process (started by bulk.ts): writes generated vertices or edges
// to the emulator at TGRAPH_BENCH_HOST and reports the time and this process's peak RSS.
import { upsertEdgesInBatches } from '@tgraph/api/edges';
import { upsertVerticesInBatches } from '@tgraph/api/vertices';
import { createClient } from 'tgraph';
import { reportFailures } from './lib/child.ts';
import { rssSampler } from './lib/stats.ts';

reportFailures();

export type BulkMode = 'batched' | 'perItem' | 'giant';
export type BulkKind = 'vertices' | 'edges';
export interface BulkClientResult {
  mode: BulkMode;
  kind: BulkKind;
  items: number;
  ms: number;
  requests: number;
  baselineRss: number;
  peakRss: number;
  accepted: number;
}

const [mode, kind, countText] = process.argv.slice(2) as [BulkMode, BulkKind, string];
const count = Number(countText);
const VERTICES = Number(process.env['TGRAPH_BENCH_VERTEX_IDS'] ?? count);
// One giant request of 1M edges can take the emulator longer than the default 60 s timeout.
const tg = createClient({
  host: process.env['TGRAPH_BENCH_HOST'] as string,
  graph: 'g',
  version: '4.2.0',
  retries: 0,
  timeoutMs: 15 * 60_000,
});

type V = readonly [string, { name: string; score: number }];
type E = readonly [string, string, { since: number }];
function* vertices(n: number): Generator<V> {
  for (let i = 0; i < n; i++) yield [`p${i}`, { name: `person number ${i}`, score: i % 1000 }];
}
function* edges(n: number): Generator<E> {
  // Each source gets two targets; pairs never repeat within n ≤ 2 × VERTICES.
  for (let i = 0; i < n; i++) {
    const src = i % VERTICES;
    const tgt = (src + 1 + Math.floor(i / VERTICES) * 7919) % VERTICES;
    yield [`p${src}`, `p${tgt}`, { since: 2000 + (i % 25) }];
  }
}

globalThis.gc?.();
const baselineRss = process.memoryUsage.rss();
const sampler = rssSampler();
const started = performance.now();
let accepted = 0;
let requests = 0;
if (mode === 'batched') {
  const r =
    kind === 'vertices'
      ? await upsertVerticesInBatches(tg.context, 'Person', vertices(count))
      : await upsertEdgesInBatches(tg.context, 'Person', 'Knows', 'Person', edges(count));
  accepted = kind === 'vertices' ? r.accepted_vertices : r.accepted_edges;
  requests = r.batches.length;
} else if (mode === 'perItem') {
  if (kind === 'vertices') {
    for (const [id, attrs] of vertices(count))
      accepted += (await tg.vertices.upsert('Person', id, attrs)).accepted_vertices;
  } else {
    for (const [s, t, attrs] of edges(count))
      accepted += (await tg.edges.upsert('Person', s, 'Knows', 'Person', t, attrs)).accepted_edges;
  }
  requests = count;
} else {
  if (kind === 'vertices')
    accepted = (await tg.vertices.upsertMany('Person', [...vertices(count)])).accepted_vertices;
  else accepted = (await tg.edges.upsertMany('Person', 'Knows', 'Person', [...edges(count)])).accepted_edges;
  requests = 1;
}
const ms = performance.now() - started;
const peakRss = sampler.stop();
await tg.close();
const result: BulkClientResult = { mode, kind, items: count, ms, requests, baselineRss, peakRss, accepted };
process.send?.(result);
