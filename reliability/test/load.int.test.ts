// 200 concurrent clients (each its own connection pool) doing a seeded mix of reads and writes
// against the emulator, bounded in count and time; afterwards every write is reconciled: no add
// lost or applied twice, every item written stored and nothing else, and the emulator received
// each write exactly once. `pnpm bench` runs the same scenario at full size and prints figures.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOAD_SCHEMA, runLoad } from '../src/load.js';
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
});
