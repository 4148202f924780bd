// Graceful shutdown under load: requests in flight when shutdown starts all complete (here: CSV
// uploads still streaming their bodies), readiness fails meanwhile, then the listener is gone.
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../src/routes/import.js';
import { type Stack, startStack } from './helpers.js';

let stack: Stack | undefined;
afterAll(async () => {
  await stack?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('shutdown under load', () => {
  it('answers every in-flight request before stopping', async () => {
    const s = await startStack();
    stack = s;
    const uploads = 16;
    const rowsEach = 8;
    const encoder = new TextEncoder();
    const gates: (() => void)[] = [];
    const opened = new Promise<void>((resolve) => {
      let n = 0;
      for (let i = 0; i < uploads; i++) {
        gates.push(() => {
          if (++n === uploads) resolve();
        });
      }
    });
    let release!: () => void;
    const resume = new Promise<void>((r) => {
      release = r;
    });
    const responses = Array.from({ length: uploads }, async (_, u) => {
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode(`${CSV_HEADER}\n`));
          gates[u]?.();
          // Half the rows now, the rest only after shutdown has begun.
          for (let r = 0; r < rowsEach; r++) {
            if (r === rowsEach / 2) await resume;
            controller.enqueue(
              encoder.encode(
                `6${String(u).padStart(3, '0')}${String(r).padStart(6, '0')},female,1990,shutdown,2020-04-01,,\n`,
              ),
            );
            await sleep(5);
          }
          controller.close();
        },
      });
      const res = await fetch(`${s.url}/api/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body,
        duplex: 'half',
      } as RequestInit);
      return {
        status: res.status,
        connection: res.headers.get('connection'),
        body: (await res.json()) as { validLines: number },
      };
    });
    await opened;
    for (let i = 0; i < 100 && s.service.inFlight() < uploads; i++) await sleep(10);
    expect(s.service.inFlight()).toBe(uploads);

    const stopped = s.service.shutdown();
    let stoppedEarly = false;
    void stopped.then(() => {
      stoppedEarly = true;
    });
    await sleep(50);
    // Still draining: nothing was cut off, the listener refuses new connections.
    expect(stoppedEarly).toBe(false);
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
    release();

    const results = await Promise.all(responses);
    await stopped;
    expect(results.map((r) => r.status)).toEqual(Array(uploads).fill(200));
    expect(results.map((r) => r.body.validLines)).toEqual(Array(uploads).fill(rowsEach));
    // Keep-alive clients were told to go elsewhere.
    expect(results.every((r) => r.connection === 'close')).toBe(true);
    expect(s.service.inFlight()).toBe(0);
    const loads = s.emulator.requests.filter((r) => r.path === '/restpp/ddl/MyGraph');
    expect(loads.filter((r) => r.status === 200)).toHaveLength(uploads);
  });
});
