// SDK CPU per call with no socket and no server: the facade's getById and batched upserts over an
// adapter that answers from memory, measured with process.cpuUsage (user + system) in interleaved
// blocks (the median block). With TGRAPH_BENCH_BEFORE=<a packages dir holding another build of tgraph and its
// packages>, the same calls over that build run in the same blocks (before/after in one run).
//   node --expose-gc src/cpu.ts
import { createClient } from 'tgraph';

type Create = typeof createClient;
const CALLS = Number(process.env['TGRAPH_BENCH_CALLS'] ?? 5_000);
const BLOCK = 100;
const BATCH = 500;
const beforeDir = process.env['TGRAPH_BENCH_BEFORE'];
const before: Create | undefined = beforeDir
  ? ((await import(`${beforeDir}/tgraph/dist/entry-node.js`)) as { createClient: Create }).createClient
  : undefined;

const vertexReply = JSON.stringify({
  version: { edition: 'enterprise', api: 'v2', schema: 0 },
  error: false,
  message: '',
  results: [{ v_id: 'p1', v_type: 'Person', attributes: { id: 'p1', name: 'person 1', score: 1 } }],
});
const upsertReply = JSON.stringify({
  version: { edition: 'enterprise', api: 'v2', schema: 0 },
  error: false,
  message: '',
  results: [{ accepted_vertices: BATCH, accepted_edges: 0 }],
});
function memoryAdapter() {
  return {
    capabilities: {
      runtime: 'custom' as const,
      streamingRequestBody: false,
      customCa: false,
      userAgentHeader: true,
    },
    fetch: async (_url: string | URL | Request, init?: RequestInit) =>
      new Response(init?.method === 'POST' ? upsertReply : vertexReply, {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    close: async () => {},
  };
}
const rows = Array.from({ length: BATCH }, (_, i) => ({
  id: `p${i}`,
  attributes: { name: `person ${i}`, score: i },
}));
function sidesOf(create: Create) {
  const tg = create({ host: 'http://127.0.0.1:9', graph: 'g', version: '4.2.0', adapter: memoryAdapter() });
  return {
    tg,
    read: () => tg.vertices.getById('Person', ['p1']),
    upsert: () => tg.vertices.upsertMany('Person', rows),
  };
}
const now = sidesOf(createClient);
const old = before ? sidesOf(before) : undefined;
const sides: Record<string, () => Promise<unknown>> = {
  'getById (today)': now.read,
  ...(old ? { 'getById (before)': old.read } : {}),
  [`upsertMany ${BATCH} (today)`]: now.upsert,
  ...(old ? { [`upsertMany ${BATCH} (before)`]: old.upsert } : {}),
};
// Per block of calls: CPU per call. Medians over the blocks resist the bursts of a shared machine.
const blocks: Record<string, number[]> = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
for (const fn of Object.values(sides)) for (let i = 0; i < 300; i++) await fn();
for (let n = 0; n < CALLS; n += BLOCK) {
  for (const [name, fn] of Object.entries(sides)) {
    const block = name.startsWith('upsert') ? BLOCK / 10 : BLOCK;
    const t = process.cpuUsage();
    for (let i = 0; i < block; i++) await fn();
    const d = process.cpuUsage(t);
    blocks[name]?.push((d.user + d.system) / block);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const name of Object.keys(sides)) {
  const perCall = median(blocks[name] ?? []);
  const per = name.startsWith('upsert')
    ? `${(perCall / BATCH).toFixed(2)} µs per vertex`
    : `${perCall.toFixed(1)} µs per call`;
  console.log(`${name.padEnd(28)} ${per} (median of ${blocks[name]?.length} blocks)`);
}
await now.tg.close();
await old?.tg.close();
