// Property: query parameters of every type the SDK can send (INT, UINT, DOUBLE, STRING, BOOL,
// DATETIME, VERTEX<T>, untyped VERTEX, SET/LIST of scalars, SET<VERTEX>, MAP) reach an installed
// query as the values given — by GET (query string) and by POST (JSON body) — and the GET query
// string has TigerGraph's documented shape (repeated keys, `p.type`, `p[i]`/`p[i].type`).
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import fc from 'fast-check';
import {
  anyVertexParam,
  createClient,
  datetimeParam,
  mapParam,
  type TigerGraphClient,
  ValidationError,
  vertexParam,
} from 'tgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REL_SCHEMA, SEED } from './support.js';

const QUERIES = `
USE GRAPH Rel
CREATE QUERY echo_scalars(INT i, UINT u, DOUBLE d, STRING s, BOOL b, DATETIME t) FOR GRAPH Rel {
  PRINT i, u, d, s, b, t;
}
CREATE QUERY echo_vertices(VERTEX<Item> v, VERTEX w, SET<VERTEX> vs) FOR GRAPH Rel {
  PRINT v, w, vs;
}
CREATE QUERY echo_collections(SET<INT> si, LIST<STRING> ls, LIST<DOUBLE> ld) FOR GRAPH Rel {
  PRINT si, ls, ld;
}
CREATE QUERY echo_map(MAP<STRING, INT> m) FOR GRAPH Rel {
  PRINT m;
}
INSTALL QUERY echo_scalars, echo_vertices, echo_collections, echo_map
`;

const two = (n: number) => String(n).padStart(2, '0');
const datetimeText = (d: Date) =>
  `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;

/** Strings a query may receive: any well-formed text, URL syntax included. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom('%', '&', '=', '+', '?', '#', '/', ' ', '"', '\\', 'é', '🙂', '[', ']', '.'),
    maxLength: 20,
  }),
);
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const double = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 });
const datetime = fc.date({
  min: new Date('1971-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const method = fc.constantFrom<'GET' | 'POST'>('GET', 'POST');

describe('fuzz: query parameters of every type encode as TigerGraph expects (4.2 emulator, installed queries)', () => {
  let emu: RunningEmulator;
  let tg: TigerGraphClient;
  const itemIds = ['plain', 'a/b', 'sp ace', '100%', 'q?x#y', 'é🙂', 'a&b=c', 'p+q'];
  beforeAll(async () => {
    emu = await startEmulator({ version: '4.2', gsqlScript: REL_SCHEMA, maxRecordedRequests: 2000 });
    expect(emu.gsql(QUERIES)).toContain('Query installation finished');
    tg = createClient({ host: emu.gsUrl, graph: 'Rel', version: '4.2.0', integers: 'auto' });
    await tg.vertices.upsertMany(
      'Item',
      itemIds.map((id, n) => [id, { name: id, n }] as const),
    );
  });
  afterAll(async () => {
    await tg?.close();
    await emu?.stop();
  });

  const lastQueryRequest = () => emu.requests.filter((r) => r.path.includes('/restpp/query/Rel/')).at(-1)!;

  it('scalars: INT, UINT (64-bit), DOUBLE, STRING, BOOL, DATETIME', async () => {
    await fc.assert(
      fc.asyncProperty(
        int64,
        uint64,
        double,
        text,
        fc.boolean(),
        datetime,
        method,
        async (i, u, d, s, b, t, how) => {
          const [row] = await tg.queries.run<[Record<string, unknown>]>(
            'echo_scalars',
            { i, u, d, s, b, t: datetimeParam(t) },
            { method: how },
          );
          // 'auto' integers: numbers up to 2^53, bigint beyond; a DOUBLE printed without a fraction
          // reads as an integer, so compare numerically.
          expect({
            ...row,
            i: BigInt(row!['i'] as number),
            u: BigInt(row!['u'] as number),
            d: Number(row!['d']),
          }).toEqual({
            i,
            u,
            d: expect.closeTo(d, 6),
            s,
            b,
            t: datetimeText(t),
          });
          const req = lastQueryRequest();
          expect(req.method).toBe(how);
          if (how === 'GET') {
            const query = new URLSearchParams(req.url.split('?')[1]);
            expect(query.get('i')).toBe(String(i));
            expect(query.get('u')).toBe(String(u));
            expect(query.get('s')).toBe(s);
            expect(query.get('b')).toBe(String(b));
            expect(query.get('t')).toBe(datetimeText(t));
            // Spaces travel as %20, never '+' (RESTPP does not read '+' as a space).
            expect(req.url).not.toMatch(/\+/);
          }
        },
      ),
      { seed: SEED, numRuns: 60, endOnFailure: true },
    );
  });

  it('vertices: VERTEX<T> by id, untyped VERTEX with its type, SET<VERTEX> as p[i] / p[i].type', async () => {
    const id = fc.constantFrom(...itemIds);
    await fc.assert(
      fc.asyncProperty(
        id,
        id,
        fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
        method,
        async (v, w, vs, how) => {
          const [row] = await tg.queries.run<[Record<string, unknown>]>(
            'echo_vertices',
            {
              v: vertexParam('Item', v),
              w: anyVertexParam('Item', w),
              vs: vs.map((x) => anyVertexParam('Item', x)),
            },
            { method: how },
          );
          expect(row?.['v']).toBe(v);
          expect(row?.['w']).toBe(w);
          expect([...(row!['vs'] as string[])].sort()).toEqual([...vs].sort());
          if (how === 'GET') {
            const query = new URLSearchParams(lastQueryRequest().url.split('?')[1]);
            expect(query.get('v')).toBe(v);
            expect(query.get('v.type')).toBeNull();
            expect([query.get('w'), query.get('w.type')]).toEqual([w, 'Item']);
            vs.forEach((x, k) => {
              expect([query.get(`vs[${k}]`), query.get(`vs[${k}].type`)]).toEqual([x, 'Item']);
            });
          } else {
            // Vertex ids travel as they are (only STRING values get % → %25).
            expect(JSON.parse(lastQueryRequest().body)).toEqual({
              v: { id: v },
              w: { id: w, type: 'Item' },
              vs: vs.map((x) => ({ id: x, type: 'Item' })),
            });
          }
        },
      ),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
  });

  it('collections: SET<INT> as a set, LIST<STRING> and LIST<DOUBLE> in order, repeated keys on GET', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(int64, { maxLength: 6 }),
        fc.array(text, { maxLength: 6 }),
        fc.array(double, { maxLength: 6 }),
        method,
        async (si, ls, ld, how) => {
          const [row] = await tg.queries.run<[Record<string, unknown>]>(
            'echo_collections',
            { si, ls, ld },
            { method: how },
          );
          const sorted = (xs: readonly bigint[]) =>
            [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(sorted((row!['si'] as (number | bigint)[]).map((x) => BigInt(x)))).toEqual(sorted(si));
          expect(row?.['ls']).toEqual(ls);
          expect((row!['ld'] as number[]).length).toBe(ld.length);
          (row!['ld'] as (number | bigint)[]).forEach((x, k) => {
            expect(Number(x)).toBeCloseTo(ld[k]!, 6);
          });
          if (how === 'GET') {
            const query = new URLSearchParams(lastQueryRequest().url.split('?')[1]);
            expect(query.getAll('ls')).toEqual(ls);
            expect(query.getAll('si')).toEqual(si.map(String));
          }
        },
      ),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
  });

  it('MAP<STRING, INT> goes as {keylist, valuelist} in a POST body (and only by POST)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(text, fc.integer(), { maxKeys: 5 }), async (entries) => {
        const [row] = await tg.queries.run<[{ m: Record<string, unknown> }]>('echo_map', {
          m: mapParam(entries),
        });
        expect(Object.fromEntries(Object.entries(row?.m ?? {}).map(([k, v]) => [k, Number(v)]))).toEqual(
          entries,
        );
        const sent = lastQueryRequest();
        expect(sent.method).toBe('POST');
        expect(JSON.parse(sent.body)).toEqual({
          m: {
            keylist: Object.keys(entries).map((k) => k.replaceAll('%', '%25')),
            valuelist: Object.values(entries),
          },
        });
        // A MAP cannot travel in a query string: asking for GET is refused before sending.
        const before = emu.requests.length;
        const refused = await tg.queries.run('echo_map', { m: mapParam(entries) }, { method: 'GET' }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(refused).toBeInstanceOf(ValidationError);
        expect(emu.requests.length).toBe(before);
      }),
      { seed: SEED, numRuns: 30, endOnFailure: true },
    );
  });
});
