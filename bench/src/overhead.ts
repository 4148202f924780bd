// Overhead per request: N sequential one-vertex reads through the facade
// (`tg.vertices.getById(type, [id])`, i.e. getVerticesById with one id → one
// `GET /graph/{g}/vertices/{type}/{id}`) against the same requests sent raw with undici over a
// keep-alive pool, to the same emulator (in a child process), interleaved in blocks so drift in the
// machine's load hits both sides alike. Reports the SDK/raw ratio of the median latency.
// The layers in between (adapter alone, ky over it, the transport without the api module) are
// measured the same way, to show where the cost is. `--cpu-prof` on this script profiles them all.
import { createContext } from '@tgraph/api/context';
import { getVerticesById } from '@tgraph/api/vertices';
import { createTransport, type Transport, type TransportOptions } from '@tgraph/transport';
import { createNodeAdapter } from '@tgraph/transport-node';
import ky from 'ky';
import { createClient } from 'tgraph';
import { Agent, request, fetch as undiciFetch } from 'undici';
import { startBenchEmulator } from './lib/emulator.ts';
import { type PyRead, peerReadRows } from './lib/py-read-rows.ts';
import { runPyPeer } from './lib/python.ts';
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
// With TGRAPH_BENCH_BEFORE (a packages dir holding another build of tgraph and its packages, as
// for cpu.ts), the facade of that build reads the same vertices, interleaved with the others.
const beforeFacadeDir = process.env['TGRAPH_BENCH_BEFORE'];
const tgBefore = beforeFacadeDir
  ? (
      (await import(`${beforeFacadeDir}/tgraph/dist/entry-node.js`)) as { createClient: typeof createClient }
    ).createClient({ host: emu.gsUrl, graph: 'g', version: '4.2.0', retries: 0 })
  : undefined;
const sdkBeforeSide = tgBefore
  ? {
      sdkBefore: async (id: string) => {
        if ((await tgBefore.vertices.getById('Person', [id])).length !== 1)
          throw new Error(`SDK (before) read of ${id} failed`);
      },
    }
  : {};

// The layers between, to show what each costs: the SDK's Node adapter alone, ky over it (as the
// transport calls it), and the transport's whole pipeline without the api module's work.
const adapter = createNodeAdapter();
const vertexUrl = (id: string) => `${base}/graph/g/vertices/Person/${encodeURIComponent(id)}`;
const adapterOnly = async (id: string) => {
  const body = JSON.parse(await (await adapter.fetch(vertexUrl(id))).text()) as { results: unknown[] };
  if (body.results.length !== 1) throw new Error(`adapter read of ${id} failed`);
};
// With TGRAPH_BENCH_ADAPTER_BEFORE (a directory holding another build of @tgraph/transport-node:
// its package.json, dist/ and a node_modules link), that build's adapter reads the same vertices.
const adapterBeforeDir = process.env['TGRAPH_BENCH_ADAPTER_BEFORE'];
const oldAdapter = adapterBeforeDir
  ? (
      (await import(`${adapterBeforeDir}/dist/index.js`)) as { createNodeAdapter: typeof createNodeAdapter }
    ).createNodeAdapter()
  : undefined;
const adapterBeforeSide = oldAdapter
  ? {
      adapterBefore: async (id: string) => {
        const body = JSON.parse(await (await oldAdapter.fetch(vertexUrl(id))).text()) as {
          results: unknown[];
        };
        if (body.results.length !== 1) throw new Error(`adapter (before) read of ${id} failed`);
      },
    }
  : {};
const kyOverAdapter = async (id: string) => {
  const res = await ky(vertexUrl(id), {
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    fetch: (input, init) =>
      adapter.fetch(typeof input === 'string' || input instanceof URL ? input : input.url, init),
  });
  const body = JSON.parse(await res.text()) as { results: unknown[] };
  if (body.results.length !== 1) throw new Error(`ky read of ${id} failed`);
};
const transportOnly = async (id: string) => {
  const res = await tg.transport.request<{ results: unknown[] }>({
    service: 'restpp',
    method: 'GET',
    path: `/graph/g/vertices/Person/${encodeURIComponent(id)}`,
  });
  if (res.data.results.length !== 1) throw new Error(`transport read of ${id} failed`);
};

// Before and after in one run: with TGRAPH_BENCH_BASELINE (a build of an earlier @tgraph/transport,
// see src/build-baseline.ts), the api module's getVerticesById runs over today's transport and over
// that one, on the same adapter, interleaved with the other sides.
type CreateTransport = (options: TransportOptions) => Transport;
const baselineDir = process.env['TGRAPH_BENCH_BASELINE'];
const before: CreateTransport | undefined = baselineDir
  ? ((await import(`${baselineDir}/transport/dist/index.js`)) as { createTransport: CreateTransport })
      .createTransport
  : undefined;
const apiOver = (create: CreateTransport) => {
  const transport = create({ adapter: createNodeAdapter(), restppUrls: [base], retry: { limit: 0 } });
  const ctx = createContext({ transport, graph: 'g', line: '4' });
  return {
    transport,
    read: async (id: string) => {
      if ((await getVerticesById(ctx, 'Person', [id])).length !== 1)
        throw new Error(`api read of ${id} failed`);
    },
  };
};
const apiNow = apiOver(createTransport);
const apiBefore = before ? apiOver(before) : undefined;
const baselineSides = apiBefore ? { apiNow: apiNow.read, apiBefore: apiBefore.read } : {};

const sides = {
  sdk,
  rawRequest,
  rawFetch,
  adapterOnly,
  kyOverAdapter,
  transportOnly,
  ...baselineSides,
  ...sdkBeforeSide,
  ...adapterBeforeSide,
} as Record<
  'sdk' | 'rawRequest' | 'rawFetch' | 'adapterOnly' | 'kyOverAdapter' | 'transportOnly',
  (id: string) => Promise<void>
> &
  Partial<Record<'apiNow' | 'apiBefore' | 'sdkBefore' | 'adapterBefore', (id: string) => Promise<void>>>;
type Side = keyof typeof sides;
const samples = Object.fromEntries(Object.keys(sides).map((k) => [k, [] as number[]])) as Record<
  Side,
  number[]
>;
// Client CPU per call of each block (process.cpuUsage): steadier than latency on a busy machine.
const cpuBlocks = Object.fromEntries(Object.keys(sides).map((k) => [k, [] as number[]])) as Record<
  Side,
  number[]
>;
const only = process.env['TGRAPH_BENCH_ONLY'] as Side | undefined;
const order: Side[] = only ? [only] : (Object.keys(sides) as Side[]);

// Warm-up: JIT, sockets, caches.
for (const side of order) for (let i = 0; i < 2000; i++) await sides[side]?.(ids[i % IDS] as string);

let n = 0;
const started = performance.now();
while (n < CALLS) {
  for (const side of order) {
    const fn = sides[side] as (id: string) => Promise<void>;
    const out = samples[side];
    const cpu = process.cpuUsage();
    for (let i = 0; i < BLOCK; i++) {
      const id = ids[(n + i) % IDS] as string;
      const t = performance.now();
      await fn(id);
      out.push(performance.now() - t);
    }
    const used = process.cpuUsage(cpu);
    cpuBlocks[side].push((used.user + used.system) / 1000 / BLOCK);
  }
  n += BLOCK;
}
const wallMs = performance.now() - started;
// pyTigerGraph's side: the same one-vertex reads on the same emulator, right after (a Python
// process cannot join the interleaved blocks). Skipped, with the reason, when Python is missing.
const pyCalls = String(Math.min(CALLS, 10_000));
const pyRead = only ? undefined : await runPyPeer<PyRead>(emu, ['read', 'Person', 'p', String(IDS), pyCalls]);
if (pyRead && !pyRead.ok) console.log(`overhead: pyTigerGraph side skipped: ${pyRead.skipped}`);
await tg.close();
await tgBefore?.close();
await apiNow.transport.close();
await apiBefore?.transport.close();
await agent.close();
await adapter.close();
await oldAdapter?.close();
await emu.stop();

// CPU alone: the same calls over an adapter that answers from memory (no socket, no server), so
// what remains is the SDK's own work per call.
const reply = JSON.stringify({
  version: { edition: 'enterprise', api: 'v2', schema: 0 },
  error: false,
  message: '',
  results: [{ v_id: 'p1', v_type: 'Person', attributes: { id: 'p1', name: 'person 1', score: 1 } }],
});
const memoryAdapter = {
  capabilities: {
    runtime: 'custom' as const,
    streamingRequestBody: false,
    customCa: false,
    userAgentHeader: true,
  },
  fetch: async () => new Response(reply, { status: 200, headers: { 'content-type': 'application/json' } }),
  close: async () => {},
};
const tgMemory = createClient({
  host: 'http://127.0.0.1:9',
  graph: 'g',
  version: '4.2.0',
  adapter: memoryAdapter,
});
const memoryTransport = (create: CreateTransport) =>
  create({ adapter: memoryAdapter, restppUrls: ['http://127.0.0.1:9'], closeAdapter: false });
const vertexRead = { service: 'restpp', method: 'GET', path: '/graph/g/vertices/Person/p1' } as const;
const transportMemoryBefore = before ? memoryTransport(before) : undefined;
const cpuSides: Record<string, () => Promise<unknown>> = {
  adapter: async () => JSON.parse(await (await memoryAdapter.fetch()).text()),
  transport: () => tgMemory.transport.request(vertexRead),
  facade: () => tgMemory.vertices.getById('Person', ['p1']),
  ...(transportMemoryBefore ? { transportBefore: () => transportMemoryBefore.request(vertexRead) } : {}),
};
const cpuPerCall: Record<string, number> = {};
for (const [name, fn] of Object.entries(cpuSides)) {
  for (let i = 0; i < 2000; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < CALLS; i++) await fn();
  cpuPerCall[name] = (performance.now() - t) / CALLS;
}
await tgMemory.close();

const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
const s = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)])) as Record<
  Side,
  ReturnType<typeof summarize>
>;
console.log(`overhead: ${CALLS} calls per side in ${(wallMs / 1000).toFixed(1)} s`);
for (const side of order) {
  const x = s[side];
  console.log(
    `  ${side.padEnd(10)} median ${us(x.median)}  p90 ${us(x.p90)}  p99 ${us(x.p99)}  mean ${us(x.mean)}  client CPU ${us(summarize(cpuBlocks[side]).median)}`,
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
      ...(
        [
          ['the Node adapter alone', 'adapterOnly'],
          ['ky over the Node adapter', 'kyOverAdapter'],
          ['the transport pipeline (no api module)', 'transportOnly'],
        ] as const
      ).map(([label, side]) => ({
        metric: `getVertex median, layer by layer: ${label} / raw undici.request`,
        value: `${(s[side].median / s.rawRequest.median).toFixed(2)}× (${us(s[side].median)})`,
      })),
      ...(pyRead ? peerReadRows(s, pyRead) : []),
      {
        metric: 'getVertex CPU per call, in-memory adapter: adapter / transport / facade',
        value: `${us(cpuPerCall['adapter'] ?? 0)} / ${us(cpuPerCall['transport'] ?? 0)} / ${us(cpuPerCall['facade'] ?? 0)}`,
      },
      ...(s.sdkBefore
        ? [
            {
              metric: 'before/after: facade getById median, before / today (µs added over undici.request)',
              value: `${us(s.sdkBefore.median)} / ${us(s.sdk.median)} (+${us(s.sdkBefore.median - s.rawRequest.median)} / +${us(s.sdk.median - s.rawRequest.median)})`,
            },
          ]
        : []),
      ...(s.adapterBefore
        ? [
            {
              metric:
                'before/after: the Node adapter alone, median, before / today (µs added over undici.request)',
              value: `${us(s.adapterBefore.median)} / ${us(s.adapterOnly.median)} (+${us(s.adapterBefore.median - s.rawRequest.median)} / +${us(s.adapterOnly.median - s.rawRequest.median)})`,
            },
            {
              metric:
                'before/after: client CPU per call (median block), raw undici.request / adapter before / adapter today',
              value: [cpuBlocks.rawRequest, cpuBlocks.adapterBefore ?? [], cpuBlocks.adapterOnly]
                .map((b) => us(summarize(b).median))
                .join(' / '),
            },
          ]
        : []),
      ...(s.apiBefore && s.apiNow
        ? [
            {
              metric: 'before/after: api getVerticesById median, transport before / today',
              value: `${us(s.apiBefore.median)} / ${us(s.apiNow.median)} (${(s.apiBefore.median / s.rawRequest.median).toFixed(2)}× / ${(s.apiNow.median / s.rawRequest.median).toFixed(2)}× raw undici.request)`,
            },
            {
              metric: 'before/after: transport CPU per call, in-memory adapter, before / today',
              value: `${us(cpuPerCall['transportBefore'] ?? 0)} / ${us(cpuPerCall['transport'] ?? 0)}`,
            },
          ]
        : []),
    ],
    raw: { ...s, wallMs, cpuPerCall, cpuBlocks, pyTigerGraph: pyRead },
  });
}
