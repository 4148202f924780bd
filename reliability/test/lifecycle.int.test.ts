// Server-side lifecycle faults without a proxy: tokens expiring mid-run (3.x and 4.x token
// endpoints, one shared refresh for concurrent requests, a refresh that cannot succeed) and a
// real emulator restart on the same ports under the client's keep-alive pool.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { AuthError, createClient } from 'tgraph';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addToCounter,
  counterTotal,
  failureOf,
  REL_SCHEMA,
  upsertsAtEmulator,
  withoutLeaks,
} from './support.js';

const SECRET = 'reliabilitysecret0123456789abcde';
const LIFETIME_S = 600;

describe.each(['3.10', '4.2'])('token expiry mid-run (TigerGraph %s, RESTPP auth on)', (version) => {
  const started: RunningEmulator[] = [];
  afterAll(async () => {
    await Promise.all(started.map((e) => e.stop()));
  });

  const boot = async () => {
    const emu = await startEmulator({
      version,
      auth: true,
      gsqlScript: REL_SCHEMA,
      secrets: [{ secret: SECRET, alias: 'rel', graph: 'Rel' }],
    });
    started.push(emu);
    return emu;
  };
  const tokenRequests = (emu: RunningEmulator) =>
    emu.requests.filter((r) => r.method === 'POST' && /\/requesttoken$|\/gsql\/v1\/tokens$/.test(r.path));

  it('refreshes once per expiry, resends only the rejected request, and every add lands exactly once', async () => {
    const emu = await boot();
    await withoutLeaks(async () => {
      const tg = createClient({
        host: emu.gsUrl,
        graph: 'Rel',
        version: version === '4.2' ? '4.2.0' : '3.10.1',
        restppPort: version === '4.2' ? undefined : emu.restppPort,
        gsqlSecret: SECRET,
        exchange: true,
        tokenLifetimeSeconds: LIFETIME_S,
      });
      let writes = 0;
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 5; i++) {
          await addToCounter(tg, 'tokens');
          writes++;
        }
        // The server's clock passes the token's expiry; the client's clock does not know.
        emu.clock.advance((LIFETIME_S + 1) * 1000);
      }
      // After an expiry, 20 concurrent writes share one refresh.
      const before = tokenRequests(emu).length;
      await Promise.all(Array.from({ length: 20 }, () => addToCounter(tg, 'tokens')));
      writes += 20;
      expect(tokenRequests(emu).length - before).toBe(1);

      expect(await counterTotal(tg, 'tokens')).toBe(writes);
      const upserts = upsertsAtEmulator(emu);
      expect(upserts.filter((r) => r.status === 200)).toHaveLength(writes);
      // Each expiry cost the rejected requests (REST-10019, never applied) and one token request.
      const rejected = upserts.filter((r) => r.status === 401);
      expect(rejected.length).toBeGreaterThanOrEqual(3);
      expect(rejected.length).toBeLessThanOrEqual(3 + 20);
      expect(tokenRequests(emu)).toHaveLength(4);
      await tg.close();
    });
  });

  it('a refresh that cannot succeed (secret dropped) is an AuthError and the write is not applied', async () => {
    const emu = await boot();
    await withoutLeaks(async () => {
      const tg = createClient({
        host: emu.gsUrl,
        graph: 'Rel',
        version: version === '4.2' ? '4.2.0' : '3.10.1',
        restppPort: version === '4.2' ? undefined : emu.restppPort,
        gsqlSecret: SECRET,
        exchange: true,
        tokenLifetimeSeconds: LIFETIME_S,
      });
      await addToCounter(tg, 'dropped');
      expect(emu.gsql('USE GRAPH Rel\nDROP SECRET rel')).not.toMatch(/fail/i);
      emu.clock.advance((LIFETIME_S + 1) * 1000);
      const applied = upsertsAtEmulator(emu).filter((r) => r.status === 200).length;
      const error = await failureOf(addToCounter(tg, 'dropped'));
      expect(error).toBeInstanceOf(AuthError);
      expect(error.message).toMatch(/secret|token|credential/i);
      expect(error.message).not.toContain(SECRET);
      expect(upsertsAtEmulator(emu).filter((r) => r.status === 200)).toHaveLength(applied);
      await tg.close();
    });
  });
});

describe('a real emulator restart on the same ports under a keep-alive pool', () => {
  let emu: RunningEmulator | undefined;
  afterAll(async () => {
    await emu?.stop();
  });

  it('pooled sockets closed by the restart do not fail reads, and a write after it lands once', async () => {
    emu = await startEmulator({ version: '4.2', gsqlScript: REL_SCHEMA });
    await withoutLeaks(async () => {
      const tg = createClient({
        host: emu!.gsUrl,
        graph: 'Rel',
        version: '4.2.0',
        connections: 8,
        retry: { baseDelayMs: 5, maxDelayMs: 20 },
      });
      await tg.vertices.upsert('Item', 'a', { name: 'before', n: 1 });
      await Promise.all(Array.from({ length: 8 }, () => tg.vertices.get('Item')));

      const { gsPort, restppPort } = emu!;
      await emu!.stop();
      emu = await startEmulator({ version: '4.2', gsqlScript: REL_SCHEMA, gsPort, restppPort });

      // A fresh, empty server answers on the same ports: the reads see it.
      const reads = await Promise.all(Array.from({ length: 8 }, () => tg.vertices.get('Item')));
      expect(reads.every((rows) => rows.length === 0)).toBe(true);
      await addToCounter(tg, 'after-restart');
      expect(await counterTotal(tg, 'after-restart')).toBe(1);
      expect(upsertsAtEmulator(emu!)).toHaveLength(1);
      await tg.close();
    });
  });
});
