// Fault injection through a loopback proxy in front of the emulator. For every fault: reads are
// retried and succeed within the retry budget (or fail typed once it is spent), accumulating
// writes (`op: add`) are never sent twice — the counter's final value is exact and the emulator
// saw each write once — every failure is a typed TigerGraphError with a useful message, and no
// socket, timer or unhandled rejection is left behind.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import {
  createClient,
  NetworkError,
  type NodeClientOptions,
  ResponseShapeError,
  type TigerGraphClient,
  TigerGraphError,
  TimeoutError,
} from 'tgraph';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../src/fault-proxy.js';
import {
  addToCounter,
  counterTotal,
  failureOf,
  REL_SCHEMA,
  upsertsAtEmulator,
  withoutLeaks,
} from './support.js';

const isRead = (method: string, url: string) => method === 'GET' && url.includes('/vertices/Item');
const isWrite = (method: string, url: string) => method === 'POST' && url.startsWith('/restpp/graph/Rel');

describe('fault injection (TigerGraph 4.2 emulator behind a fault proxy)', () => {
  let emu: RunningEmulator;
  let proxy: FaultProxy;
  /** Writes the tests expect to have reached the emulator, per counter. */
  const expected = new Map<string, number>();

  const connect = (options: NodeClientOptions = {}): TigerGraphClient =>
    createClient({
      host: proxy.url,
      graph: 'Rel',
      version: '4.2.0',
      timeoutMs: 3000,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      ...options,
    });

  const readItems = (tg: TigerGraphClient) => tg.vertices.get('Item', { select: ['name'], limit: 100 });

  /** One write that must reach the emulator exactly once whatever the client saw. */
  const writeOnce = async (tg: TigerGraphClient, counter: string) => {
    const before = upsertsAtEmulator(emu).length;
    const outcome = await addToCounter(tg, counter).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(upsertsAtEmulator(emu).length - before, 'the write reached the server once').toBe(1);
    expected.set(counter, (expected.get(counter) ?? 0) + 1);
    return outcome;
  };

  /** One write that the fault stops before the server: it must not be sent again either. */
  const writeNever = async (tg: TigerGraphClient, counter: string) => {
    const before = upsertsAtEmulator(emu).length;
    const error = await failureOf(addToCounter(tg, counter));
    expect(upsertsAtEmulator(emu).length - before, 'the write never reached the server').toBe(0);
    return error;
  };

  beforeAll(async () => {
    emu = await startEmulator({ version: '4.2', gsqlScript: REL_SCHEMA });
    proxy = await startFaultProxy(emu.gsUrl);
    const seed = createClient({ host: emu.gsUrl, graph: 'Rel', version: '4.2.0' });
    await seed.vertices.upsertMany(
      'Item',
      Array.from({ length: 40 }, (_, i) => [`item-${i}`, { name: `Item number ${i}`, n: i }] as const),
    );
    await seed.close();
  });
  afterAll(async () => {
    await proxy?.stop();
    await emu?.stop();
  });
  beforeEach(() => proxy.clearFaults());

  it('connection reset mid-body: reads retry, writes are not resent', async () => {
    await withoutLeaks(async () => {
      const tg = connect();
      proxy.inject({ kind: 'reset-mid-body' }, { match: isRead, times: 2 });
      const from = proxy.received.length;
      expect(await readItems(tg)).toHaveLength(40);
      expect(proxy.received.slice(from).map((r) => r.fault)).toEqual([
        'reset-mid-body',
        'reset-mid-body',
        'pass',
      ]);

      // Over budget (limit 2 = three attempts): a NetworkError that names the host and the cause.
      proxy.inject({ kind: 'reset-mid-body' }, { match: isRead, times: 3 });
      const spent = await failureOf(readItems(tg));
      expect(spent).toBeInstanceOf(NetworkError);
      expect((spent as NetworkError).code).toBe('TG-NETWORK');
      expect(spent.message).toContain(`GET ${proxy.url}/restpp/graph/Rel/vertices/Item failed`);
      expect(spent.message).toMatch(/closed before an answer arrived|reset/);

      // The write was applied by the server, the answer was lost: one NetworkError, no resend.
      proxy.inject({ kind: 'reset-mid-body' }, { match: isWrite });
      const lost = await writeOnce(tg, 'reset');
      expect(lost).toBeInstanceOf(NetworkError);
      expect(lost?.message).toContain(`POST ${proxy.url}/restpp/graph/Rel failed`);
      await tg.close();
    });
  });

  it.each([502, 503, 504])('HTTP %i bursts: reads retry within budget, writes never', async (status) => {
    await withoutLeaks(async () => {
      const tg = connect();
      proxy.inject({ kind: 'status', status }, { match: isRead, times: 2 });
      expect(await readItems(tg)).toHaveLength(40);

      proxy.inject({ kind: 'status', status }, { match: isRead, times: 3 });
      const from = proxy.received.length;
      const spent = await failureOf(readItems(tg));
      expect(proxy.received.slice(from)).toHaveLength(3);
      expect(spent).toBeInstanceOf(TigerGraphError);
      expect((spent as TigerGraphError).status).toBe(status);
      // A gateway's HTML page is named as such, with what to do.
      expect(spent).toBeInstanceOf(ResponseShapeError);
      expect(spent.message).toContain(`answered HTTP ${status} with an HTML page ("${status}")`);
      expect(spent.message).toContain('the service behind it is down, restarting or overloaded');
      expect(spent.message).toContain('this request was already retried 2 times');

      // A JSON 503 with Retry-After (a busy server) is retried too, waiting as told (capped).
      proxy.inject(
        {
          kind: 'status',
          status: 503,
          contentType: 'application/json',
          headers: { 'retry-after': '0' },
          body: '{"error":true,"message":"Service Unavailable","code":"REST-0003"}',
        },
        { match: isRead },
      );
      expect(await readItems(tg)).toHaveLength(40);

      // A write that met the gateway error is not retried: the server never saw it.
      proxy.inject({ kind: 'status', status }, { match: isWrite, times: 3 });
      const refused = await writeNever(tg, 'burst');
      expect((refused as TigerGraphError).status).toBe(status);
      expect(refused.message).toContain('not safe to repeat, so it was not retried');
      proxy.clearFaults();
      expect(await writeOnce(tg, 'burst')).toBeUndefined();
      await tg.close();
    });
  });

  it('stalls past the timeout: a TimeoutError that says what to raise; a stalled write is not resent', async () => {
    await withoutLeaks(async () => {
      const tg = connect({ timeoutMs: 300 });
      proxy.inject({ kind: 'stall', forward: false }, { match: isRead });
      const from = proxy.received.length;
      const slow = await failureOf(readItems(tg));
      expect(slow).toBeInstanceOf(TimeoutError);
      expect((slow as TimeoutError).code).toBe('TG-TIMEOUT');
      expect(slow.message).toContain('no answer within 300 ms');
      expect(slow.message).toContain('raise timeoutMs');
      // Client timeouts are not retried (documented: a slow server would be asked three times).
      expect(proxy.received.slice(from)).toHaveLength(1);
      // The pool is not poisoned: the next read goes through.
      expect(await readItems(tg)).toHaveLength(40);

      // The server applied the write but never answered.
      proxy.inject({ kind: 'stall', forward: true }, { match: isWrite });
      const stalled = await writeOnce(tg, 'stall');
      expect(stalled).toBeInstanceOf(TimeoutError);
      await tg.close();
    });
  });

  it('slow trickle responses: complete within the timeout, TimeoutError past it (the timeout covers the body)', async () => {
    await withoutLeaks(async () => {
      const tg = connect({ timeoutMs: 1500 });
      proxy.inject({ kind: 'trickle', chunkBytes: 256, intervalMs: 2 }, { match: isRead });
      const rows = await readItems(tg);
      expect(rows.map((r) => r.v_id).sort()).toEqual(
        Array.from({ length: 40 }, (_, i) => `item-${i}`).sort(),
      );

      // Roughly 3 KB at 16 bytes every 40 ms cannot arrive within 1.5 s.
      proxy.inject({ kind: 'trickle', chunkBytes: 16, intervalMs: 40 }, { match: isRead });
      const from = proxy.received.length;
      const slow = await failureOf(readItems(tg));
      expect(slow).toBeInstanceOf(TimeoutError);
      expect(proxy.received.slice(from)).toHaveLength(1);

      proxy.inject({ kind: 'trickle', chunkBytes: 8, intervalMs: 2 }, { match: isWrite });
      expect(await writeOnce(tg, 'trickle')).toBeUndefined();
      await tg.close();
    });
  });

  it('truncated bodies: a short body is a network failure (reads retry), cut JSON is a ResponseShapeError', async () => {
    await withoutLeaks(async () => {
      const tg = connect();
      proxy.inject({ kind: 'truncate' }, { match: isRead });
      const from = proxy.received.length;
      expect(await readItems(tg)).toHaveLength(40);
      expect(proxy.received.slice(from).map((r) => r.fault)).toEqual(['truncate', 'pass']);

      proxy.inject({ kind: 'truncate' }, { match: isWrite });
      const short = await writeOnce(tg, 'truncate');
      expect(short).toBeInstanceOf(NetworkError);

      // A complete HTTP answer with half a JSON document: not retried (the server answered), typed.
      proxy.inject({ kind: 'cut-json' }, { match: isRead });
      const cut = await failureOf(readItems(tg));
      expect(cut).toBeInstanceOf(ResponseShapeError);
      expect((cut as ResponseShapeError).code).toBe('TG-NOT-JSON');
      expect(cut.message).toContain('with a body that is not JSON');

      proxy.inject({ kind: 'cut-json' }, { match: isWrite });
      expect(await writeOnce(tg, 'truncate')).toBeInstanceOf(ResponseShapeError);
      await tg.close();
    });
  });

  it('non-JSON bodies: text and HTML answers are ResponseShapeErrors naming what came back', async () => {
    await withoutLeaks(async () => {
      const tg = connect();
      const envoy = 'upstream connect error or disconnect/reset before headers. reset reason: overflow';
      proxy.inject(
        { kind: 'non-json', status: 200, contentType: 'text/plain', body: envoy, forward: false },
        { match: isRead },
      );
      const text = await failureOf(readItems(tg));
      expect(text).toBeInstanceOf(ResponseShapeError);
      expect(text.message).toContain(`starts with '${envoy.slice(0, 80)}'`);
      expect(text.message).toContain('check that the URL points at RESTPP or the GSQL server');

      const page =
        '<!DOCTYPE html><html><head><title>Starting workspace</title></head><body>wait</body></html>';
      proxy.inject(
        { kind: 'non-json', status: 200, contentType: 'text/html', body: page, forward: false },
        { match: isRead },
      );
      const html = await failureOf(readItems(tg));
      expect(html).toBeInstanceOf(ResponseShapeError);
      expect((html as ResponseShapeError).code).toBe('TG-HTML-RESPONSE');
      expect(html.message).toContain('("Starting workspace")');

      // The write was applied; its answer was replaced by a proxy's text.
      proxy.inject(
        { kind: 'non-json', status: 200, contentType: 'text/plain', body: envoy, forward: true },
        { match: isWrite },
      );
      expect(await writeOnce(tg, 'nonjson')).toBeInstanceOf(ResponseShapeError);
      await tg.close();
    });
  });

  it('a reset before anything reached the server: reads retry, a write fails once and is not resent', async () => {
    await withoutLeaks(async () => {
      const tg = connect();
      proxy.inject({ kind: 'drop' }, { match: isRead, times: 2 });
      expect(await readItems(tg)).toHaveLength(40);
      // The client cannot know whether the server saw it, so it must not send it again.
      proxy.inject({ kind: 'drop' }, { match: isWrite });
      expect(await writeNever(tg, 'drop')).toBeInstanceOf(NetworkError);
      await tg.close();
    });
  });

  it('the server restarting under a keep-alive pool: pooled sockets die, reads recover, writes stay exact', async () => {
    await withoutLeaks(async () => {
      const tg = connect({ retries: 8, retry: { baseDelayMs: 40, maxDelayMs: 120 }, connections: 8 });
      // Warm the pool with several sockets.
      await Promise.all(Array.from({ length: 8 }, () => readItems(tg)));
      expect(proxy.openConnections()).toBeGreaterThan(1);

      // Restart while idle: every pooled socket is closed by the server.
      await proxy.restart(0);
      expect(await readItems(tg)).toHaveLength(40);
      expect(await writeOnce(tg, 'restart')).toBeUndefined();

      // Restart with requests in flight: a stalled read and a write the server applied.
      proxy.inject({ kind: 'stall', forward: false }, { match: isRead });
      proxy.inject({ kind: 'stall', forward: true }, { match: isWrite });
      const before = upsertsAtEmulator(emu).length;
      const read = readItems(tg);
      const write = addToCounter(tg, 'restart').then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      // Both requests are held by the proxy, and the write has reached the server.
      while (proxy.pending() > 0 || upsertsAtEmulator(emu).length - before < 1) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // Down for a while: reads meet refused connections and keep retrying with backoff.
      await proxy.restart(60);
      expect(await read).toHaveLength(40);
      const lost = await write;
      expect(lost).toBeInstanceOf(NetworkError);
      expect(upsertsAtEmulator(emu).length - before).toBe(1);
      expected.set('restart', (expected.get('restart') ?? 0) + 1);
      await tg.close();
    });
  });

  it('GSQL statements (not safe to repeat) are never resent; GSQL-server reads retry', async () => {
    await withoutLeaks(async () => {
      const tg = connect({ username: 'tigergraph', password: 'tigergraph' });
      const isStatement = (method: string, url: string) =>
        method === 'POST' && url.startsWith('/gsql/v1/statements');
      const statementsAtEmulator = () => emu.requests.filter((r) => r.path === '/gsql/v1/statements').length;

      // The statement ran on the server; its answer was lost mid-body.
      proxy.inject({ kind: 'reset-mid-body' }, { match: isStatement });
      const before = statementsAtEmulator();
      const lost = await failureOf(tg.gsql('USE GRAPH Rel\nCREATE VERTEX Fault1 (PRIMARY_ID id STRING)'));
      expect(lost).toBeInstanceOf(NetworkError);
      expect(lost.message).toContain(`POST ${proxy.url}/gsql/v1/statements failed`);
      expect(statementsAtEmulator() - before).toBe(1);
      // It was applied once: running it again says the type exists.
      const again = await tg.gsql('USE GRAPH Rel\nCREATE VERTEX Fault1 (PRIMARY_ID id STRING)').then(
        (r) => r.output,
        (e: unknown) => (e as Error).message,
      );
      expect(again).toMatch(/already|exist|conflict|used/i);

      // A 503 burst on a statement: one attempt, a typed error that says it was not retried.
      proxy.inject({ kind: 'status', status: 503 }, { match: isStatement, times: 3 });
      const busy = await failureOf(tg.gsql('USE GRAPH Rel\nls'));
      expect(busy).toBeInstanceOf(TigerGraphError);
      expect((busy as TigerGraphError).status).toBe(503);
      expect(busy.message).toContain('not safe to repeat, so it was not retried');
      proxy.clearFaults();

      // GSQL-server reads (GET) are retried like RESTPP reads.
      proxy.inject(
        { kind: 'status', status: 502 },
        { match: (m, u) => m === 'GET' && u.startsWith('/gsql/v1/'), times: 2 },
      );
      const schema = await tg.schema.getSchema();
      expect(JSON.stringify(schema)).toContain('Counter');
      expect(proxy.pending(), 'both 502s were met and retried').toBe(0);
      await tg.close();
    });
  });

  it('version detection under faults: a typed error, and the next call detects again', async () => {
    await withoutLeaks(async () => {
      const tg = createClient({ host: proxy.url, graph: 'Rel', retry: { baseDelayMs: 5, maxDelayMs: 20 } });
      const probe = (m: string, u: string) => m === 'GET' && u === '/gsql/v1/version';
      const restppVersion = (m: string, u: string) => m === 'GET' && u === '/restpp/version';
      // The probe's connection drops, then RESTPP's /version fails past the retry budget.
      proxy.inject({ kind: 'drop' }, { match: probe });
      proxy.inject({ kind: 'status', status: 503 }, { match: restppVersion, times: 3 });
      const first = await failureOf(readItems(tg));
      expect(first).toBeInstanceOf(TigerGraphError);
      expect((first as TigerGraphError).status).toBe(503);
      expect(proxy.pending()).toBe(0);
      // Nothing wrong was cached: the next call asks again and works (4.x detected).
      const from = proxy.received.length;
      expect(await readItems(tg)).toHaveLength(40);
      expect(await tg.line()).toBe('4');
      expect(proxy.received.slice(from).map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
        'GET /gsql/v1/version',
        'GET /restpp/graph/Rel/vertices/Item',
      ]);
      await tg.close();
    });
  });

  it('loading jobs: a request reset mid-body is not resent, in chunks or as one stream', async () => {
    expect(
      emu.gsql(
        'USE GRAPH Rel\nCREATE LOADING JOB load_items FOR GRAPH Rel {\n  DEFINE FILENAME f;\n  LOAD f TO VERTEX Item VALUES ($0, $1, $2) USING SEPARATOR=",";\n}',
      ),
    ).toContain('load_items');
    await withoutLeaks(async () => {
      const tg = connect();
      const isLoad = (method: string, url: string) => method === 'POST' && url.startsWith('/restpp/ddl/Rel');
      const loadsAtEmulator = () => emu.requests.filter((r) => r.path === '/restpp/ddl/Rel').length;
      const csv = Array.from({ length: 300 }, (_, i) => `load-${i},loaded ${i},${i}`).join('\n');

      // In chunks: the second request is applied, its answer lost; the load stops there.
      let met = 0;
      proxy.inject({ kind: 'reset-mid-body' }, { match: (m, u) => isLoad(m, u) && ++met === 2 });
      const before = loadsAtEmulator();
      const chunked = await failureOf(tg.loading.loadData('load_items', 'f', csv, { chunkBytes: 2048 }));
      expect(chunked).toBeInstanceOf(NetworkError);
      expect(loadsAtEmulator() - before).toBe(2);

      // As one streamed body: sent once, never again.
      proxy.inject({ kind: 'reset-mid-body' }, { match: isLoad });
      const stream = new Blob([csv]).stream();
      const from = loadsAtEmulator();
      const streamed = await failureOf(tg.loading.loadData('load_items', 'f', stream));
      expect(streamed).toBeInstanceOf(NetworkError);
      expect(loadsAtEmulator() - from).toBe(1);

      // Without faults the same data loads.
      const ok = await tg.loading.loadData('load_items', 'f', csv, { chunkBytes: 2048 });
      expect(ok.statistics.validLines).toBe(300);
      await tg.close();
    });
  });

  it('after every fault, each counter holds exactly the writes the server received', async () => {
    const tg = createClient({ host: emu.gsUrl, graph: 'Rel', version: '4.2.0' });
    expect(expected.size).toBeGreaterThanOrEqual(6);
    for (const [counter, writes] of expected) expect(await counterTotal(tg, counter), counter).toBe(writes);
    // The dropped write never reached the server.
    expect(await counterTotal(tg, 'drop')).toBe(0);
    await tg.close();
  });
});
