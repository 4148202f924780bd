// Property: a vertex id and an attribute value of any string — control characters, `/?#%&+`,
// any Unicode, very long — round-trip through upsert → get → delete via the SDK, and the path
// segment on the wire decodes to exactly that id. Strings that cannot be sent (lone UTF-16
// surrogates have no UTF-8 form) fail with a ValidationError before any request, never with a
// raw URIError. Seeded and bounded; fast-check prints the seed and the shrunk case on failure.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import fc from 'fast-check';
import { createClient, type TigerGraphClient, ValidationError } from 'tgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nastyString, REL_SCHEMA, SEED } from './support.js';

describe('fuzz: ids and attribute values of any string round-trip (TigerGraph 4.2 emulator)', () => {
  let emu: RunningEmulator;
  let tg: TigerGraphClient;
  beforeAll(async () => {
    emu = await startEmulator({ version: '4.2', gsqlScript: REL_SCHEMA, maxRecordedRequests: 1000 });
    tg = createClient({ host: emu.gsUrl, graph: 'Rel', version: '4.2.0' });
  });
  afterAll(async () => {
    await tg?.close();
    await emu?.stop();
  });

  const roundTrip = async (id: string, name: string) => {
    const n = id.length;
    await tg.vertices.upsert('Item', id, { name, n });
    const from = emu.requests.length;
    const rows = await tg.vertices.getById('Item', [id], { select: ['name', 'n'] });
    expect(rows).toEqual([{ v_id: id, v_type: 'Item', attributes: { name, n } }]);
    // On the wire: one path segment that decodes to exactly the id.
    const get = emu.requests.slice(from).find((r) => r.method === 'GET');
    const raw = new URL(get!.url, 'http://x').pathname;
    const prefix = '/restpp/graph/Rel/vertices/Item/';
    expect(raw.startsWith(prefix)).toBe(true);
    expect(raw.slice(prefix.length)).not.toContain('/');
    expect(decodeURIComponent(raw.slice(prefix.length))).toBe(id);

    expect(await tg.vertices.deleteById('Item', [id])).toBe(1);
    expect(await tg.vertices.getById('Item', [id])).toEqual([]);
  };

  it('ids and values with control characters, URL syntax and any Unicode', async () => {
    await fc.assert(
      fc.asyncProperty(
        nastyString(40).filter((id) => id !== '.' && id !== '..'),
        nastyString(200),
        roundTrip,
      ),
      { seed: SEED, numRuns: 80, endOnFailure: true },
    );
  });

  it('very long ids (kilobytes in the URL) and values (hundreds of kilobytes in the body)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 500, maxLength: 1500 }),
        fc.string({ unit: 'grapheme', minLength: 50_000, maxLength: 200_000 }),
        roundTrip,
      ),
      { seed: SEED, numRuns: 6, endOnFailure: true },
    );
  });

  it("'.' and '..' cannot be addressed in a URL path: a ValidationError that says so, before any request", async () => {
    for (const id of ['.', '..']) {
      const from = emu.requests.length;
      const error = await tg.vertices.getById('Item', [id]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toContain(`vertexId '${id}' cannot be sent in a URL path`);
      expect(emu.requests.length).toBe(from);
    }
  });

  it('a lone surrogate (no UTF-8 form) is a ValidationError before any request', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme-ascii', maxLength: 5 }),
        fc.integer({ min: 0xd800, max: 0xdfff }),
        fc.string({ unit: 'grapheme-ascii', maxLength: 5 }),
        async (before, surrogate, after) => {
          const id = `${before}${String.fromCharCode(surrogate)}${after}`;
          const from = emu.requests.length;
          for (const attempt of [
            () => tg.vertices.getById('Item', [id]),
            () => tg.vertices.deleteById('Item', [id]),
          ]) {
            const error = await attempt().then(
              () => undefined,
              (e: unknown) => e,
            );
            expect(error).toBeInstanceOf(ValidationError);
            expect((error as Error).message).toMatch(/surrogate|UTF-8|Unicode/i);
          }
          expect(emu.requests.length).toBe(from);
        },
      ),
      { seed: SEED, numRuns: 20, endOnFailure: true },
    );
  });
});
