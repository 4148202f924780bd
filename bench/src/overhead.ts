// Overhead per request: N sequential one-vertex reads through the facade
// (`tg.vertices.getById(type, [id])`, i.e. getVerticesById with one id → one
// `GET /graph/{g}/vertices/{type}/{id}`) against the same requests sent raw with undici over a
// keep-alive pool, to the same emulator (in a child process), interleaved in blocks so drift in the
// machine's load hits both sides alike. Reports the SDK/raw ratio of the median latency.
// `--cpu-prof` on this script profiles the SDK side (see BENCHMARKS.md).
import { createClient } from 'tgraph';
import { Agent, request, fetch as undiciFetch } from 'undici';
import { startBenchEmulator } from './lib/emulator.ts';
import { writeResult } from './lib/results.ts';
import { summarize } from './lib/stats.ts';

const CALLS = Number(process.env['TGRAPH_BENCH_CALLS'] ?? 20_000);
const BLOCK = 500;
const IDS = 1000;
const GOAL = 1.15;

const emu =
  await startBenchEmulator(`CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING, score INT) WITH primary_id_as_attribute="true"
CREATE GRAPH g (*)`);
const tg = createClient({ host: emu.gsUrl, graph: 'g', version: '4.2.0', retries: 0 });
const base = tg.connection.restppUrls[0] as string;
const ids = Array.from({ length: IDS }, (_, i) => `p${i}`);
await tg.vertices.upsertMany(
  'Person',
  ids.map((id, i) => [id, { name: `person ${i}`, score: i }] as const),
);

// Raw: one keep-alive connection pool, like the SDK's Node adapter (undici Agent).
const agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
const rawRequest = async (id: string) => {
  const res = await request(`${base}/graph/g/vertices/Person/${encodeURIComponent(id)}`, {
    dispatcher: agent,
  });
  const body = (await res.body.json()) as { results: unknown[] };
  if (res.statusCode !== 200 || body.results.length !== 1) throw new Error(`raw read of ${id} failed`);
};
const rawFetch = async (id: string) => {
  const res = await undiciFetch(`${base}/graph/g/vertices/Person/${encodeURIComponent(id)}`, {
    dispatcher: agent,
  });
  const body = (await res.json()) as { results: unknown[] };
  if (res.status !== 200 || body.results.length !== 1) throw new Error(`raw fetch of ${id} failed`);
};
const sdk = async (id: string) => {
  const rows = await tg.vertices.getById('Person', [id]);
  if (rows.length !== 1) throw new Error(`SDK read of ${id} failed`);
};

const sides = { sdk, rawRequest, rawFetch } as const;
type Side = keyof typeof sides;
const samples: Record<Side, number[]> = { sdk: [], rawRequest: [], rawFetch: [] };
const only = process.env['TGRAPH_BENCH_ONLY'] as Side | undefined;
const order: Side[] = only ? [only] : ['sdk', 'rawRequest', 'rawFetch'];

// Warm-up: JIT, sockets, caches.
for (const side of order) for (let i = 0; i < 2000; i++) await sides[side](ids[i % IDS] as string);

let n = 0;
const started = performance.now();
while (n < CALLS) {
  for (const side of order) {
    const fn = sides[side];
    const out = samples[side];
    for (let i = 0; i < BLOCK; i++) {
      const id = ids[(n + i) % IDS] as string;
      const t = performance.now();
      await fn(id);
      out.push(performance.now() - t);
    }
  }
  n += BLOCK;
}
const wallMs = performance.now() - started;
await tg.close();
await agent.close();
await emu.stop();

const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
const s = {
  sdk: summarize(samples.sdk),
  rawRequest: summarize(samples.rawRequest),
  rawFetch: summarize(samples.rawFetch),
};
console.log(`overhead: ${CALLS} calls per side in ${(wallMs / 1000).toFixed(1)} s`);
for (const side of order) {
  const x = s[side];
  console.log(
    `  ${side.padEnd(10)} median ${us(x.median)}  p90 ${us(x.p90)}  p99 ${us(x.p99)}  mean ${us(x.mean)}`,
  );
}
if (!only) {
  const ratio = s.sdk.median / s.rawRequest.median;
  const ratioFetch = s.sdk.median / s.rawFetch.median;
  writeResult({
    bench: 'overhead',
    params: { calls: CALLS, block: BLOCK, ids: IDS },
    rows: [
      {
        metric: 'getVertex median: SDK / raw undici.request',
        value: `${ratio.toFixed(2)}× (${us(s.sdk.median)} vs ${us(s.rawRequest.median)})`,
        goal: `≤ ${GOAL}`,
        met: ratio <= GOAL,
      },
      {
        metric: 'getVertex median: SDK / raw undici fetch',
        value: `${ratioFetch.toFixed(2)}× (${us(s.sdk.median)} vs ${us(s.rawFetch.median)})`,
      },
    ],
    raw: { ...s, wallMs },
  });
}
