// 200 concurrent clients (each its own connection pool) doing a seeded mix of reads and writes
// against the emulator, bounded in count and time; afterwards every write is reconciled: no add
// lost or applied twice, every item written stored and nothing else, and the emulator received
// each write exactly once. `pnpm bench` runs the same scenario at full size and prints figures.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../src/fault-proxy.js';
import { LOAD_SCHEMA, prng, runLoad } from '../src/load.js';
import { withoutLeaks } from './support.js';

describe('load: 200 concurrent clients, mixed reads and writes', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: '4.2', gsqlScript: LOAD_SCHEMA, maxRecordedRequests: 100_000 });
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('loses and duplicates no write, and reports no error', async () => {
    await withoutLeaks(async () => {
      const report = await runLoad({
        host: emu.gsUrl,
        clients: 200,
        opsPerClient: 8,
        maxDurationMs: 60_000,
        seed: 9,
      });
      expect(report.errors).toEqual({});
      expect(report.operations).toBe(200 * 8);
      expect(report.writes).toBeGreaterThan(400);
      expect(report.reads).toBeGreaterThan(400);
      const r = report.reconciliation;
      expect(r.counterMismatches).toEqual([]);
      expect(r.addsStored).toBe(r.addsAcknowledged);
      expect(r.itemsMissing).toEqual([]);
      expect(r.itemsUnexpected).toEqual([]);
      expect(r.itemsStored).toBe(r.itemsWritten);
      // On the wire: the emulator received each write once (no transport-level resend).
      const upserts = emu.requests.filter((q) => q.method === 'POST' && q.path === '/restpp/graph/Load');
      expect(upserts).toHaveLength(report.writes);
      expect(upserts.every((q) => q.status === 200)).toBe(true);
    });
  });

  it('under random resets and 503s through a fault proxy: failures are typed, no write lost or applied twice', async () => {
    const chaos = await startEmulator({
      version: '4.2',
      gsqlScript: LOAD_SCHEMA,
      maxRecordedRequests: 100_000,
    });
    const proxy: FaultProxy = await startFaultProxy(chaos.gsUrl);
    try {
      await withoutLeaks(async () => {
        const random = prng(77);
        proxy.inject(
          { kind: 'reset-mid-body' },
          { times: Number.POSITIVE_INFINITY, match: () => random() < 0.04 },
        );
        proxy.inject(
          { kind: 'status', status: 503 },
          { times: Number.POSITIVE_INFINITY, match: () => random() < 0.04 },
        );
        proxy.inject({ kind: 'drop' }, { times: Number.POSITIVE_INFINITY, match: () => random() < 0.02 });
        const report = await runLoad({
          host: proxy.url,
          checkHost: chaos.gsUrl,
          clients: 200,
          opsPerClient: 6,
          seed: 5,
          retry: { baseDelayMs: 5, maxDelayMs: 40 },
        });
        proxy.clearFaults();
        // Faults happened, and every failure was typed (writes are not retried; reads mostly recover).
        expect(proxy.received.filter((r) => r.fault !== 'pass').length).toBeGreaterThan(50);
        expect(report.errorCount).toBeGreaterThan(0);
        for (const key of Object.keys(report.errors))
          expect(key).toMatch(/^(NetworkError|TigerGraphError|ResponseShapeError):/);
        const r = report.reconciliation;
        expect(r.counterMismatches).toEqual([]);
        expect(r.itemsMissing).toEqual([]);
        expect(r.itemsUnexpected).toEqual([]);
        // No write was sent twice: the server received at most one add per add call, and applied
        // exactly the adds it received.
        const adds = chaos.requests.filter(
          (q) => q.method === 'POST' && q.path === '/restpp/graph/Load' && q.body.includes('"Counter"'),
        );
        expect(adds.length).toBeLessThanOrEqual(r.addsAcknowledged + r.addsUncertain);
        expect(r.addsStored).toBe(adds.length);
      });
    } finally {
      await proxy.stop();
      await chaos.stop();
    }
  });
});
