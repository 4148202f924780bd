// SDK CPU per call with no socket and no server: the facade's getById and batched upserts over an
// adapter that answers from memory, measured with process.cpuUsage (user + system) in interleaved
// blocks (the median block). With TGRAPH_BENCH_BEFORE=<a packages dir holding another build of tgraph and its
// packages>, the same calls over that build run in the same blocks (before/after in one run).
//   node --expose-gc src/cpu.ts      (TGRAPH_BENCH_LAYERS=1 adds the layers under getById)
import ky from 'ky';
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
// The layers under today's getById, to show what its CPU is made of: the in-memory answer read
// and parsed (no SDK), ky alone configured as the transport configures it (retry policy,
// timeout, four hooks that do nothing, the answer read within the attempt), and the facade's
// transport without the api module.
const layerAdapter = memoryAdapter();
const statuses = [500, 502, 503, 504];
const okStandIn = new Response(null, { status: 200 });
const kyRead = async () => {
  const read = { text: '' };
  await kyAsTransport(vertexUrl, { method: 'GET', read } as Parameters<typeof kyAsTransport>[1]);
  return JSON.parse(read.text);
};
const kyAsTransport = ky.create({
  retry: {
    limit: 3,
    methods: ['get', 'head', 'options', 'delete', 'post', 'put', 'patch'],
    statusCodes: statuses,
    afterStatusCodes: statuses,
    maxRetryAfter: 30_000,
    backoffLimit: 30_000,
    delay: (n) => 1000 * 2 ** (n - 1),
    jitter: true,
    retryOnTimeout: false,
    shouldRetry: () => undefined,
  },
  timeout: 30_000,
  // As the transport's fetch: the answer is read within the attempt and ky gets a body-less
  // stand-in (cloned for the afterResponse hook without copying a body).
  fetch: async (input, init) => {
    const answer = await layerAdapter.fetch(input, init);
    (init as unknown as { read: { text: string } }).read.text = await answer.text();
    return okStandIn;
  },
  hooks: {
    beforeRequest: [() => undefined],
    beforeRetry: [() => undefined],
    afterResponse: [() => undefined],
    beforeError: [({ error }) => error],
  },
});
const vertexUrl = 'http://127.0.0.1:9/restpp/graph/g/vertices/Person/p1';
const vertexRead = { service: 'restpp', method: 'GET', path: '/graph/g/vertices/Person/p1' } as const;
const layers: Record<string, () => Promise<unknown>> = process.env['TGRAPH_BENCH_LAYERS']
  ? {
      'layer: answer alone': async () => JSON.parse(await (await layerAdapter.fetch(vertexUrl)).text()),
      'layer: ky as configured': kyRead,
      'layer: transport': () => now.tg.transport.request(vertexRead),
    }
  : {};
const sides: Record<string, () => Promise<unknown>> = {
  'getById (today)': now.read,
  ...(old ? { 'getById (before)': old.read } : {}),
  ...layers,
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
  console.log(`${name.padEnd(30)} ${per} (median of ${blocks[name]?.length} blocks)`);
}
await now.tg.close();
await old?.tg.close();
