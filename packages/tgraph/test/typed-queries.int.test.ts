// Typed installed queries through the facade: the covid seed's queries generated into
// `fixtures/generated/covid-queries.ts` (checked for drift against live 3.10 and 4.2 servers), a
// client typed with them, and misuse that `tsc` rejects (the expect-error lines below).
import { readFileSync } from 'node:fs';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import {
  type AnySchema,
  createClient,
  describeQueriesForCodegen,
  generateQueryTypes,
  type TigerGraphClient,
  vertexParam,
} from 'tgraph';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { MyGraphQueries } from './fixtures/generated/covid-queries.js';

type CovidGraph = AnySchema & { queries: MyGraphQueries };
const FIXTURE = new URL('./fixtures/generated/covid-queries.ts', import.meta.url);

// Compile-time checks only (tsc runs over the tests): never called.
export function typedQueryChecks(tg: TigerGraphClient<CovidGraph>, untyped: TigerGraphClient): void {
  // @ts-expect-error: no installed query of that name
  void tg.queries.run('infection_chains', { p: vertexParam('Patient', '1') });
  // @ts-expect-error: p is a VERTEX<Patient>, not a City
  void tg.queries.run('infection_chain', { p: vertexParam('City', 'Seoul') });
  // @ts-expect-error: p has no default, so the parameters are required
  void tg.queries.run('infection_chain');
  // @ts-expect-error: max_depth is an INT
  void tg.queries.run('infection_chain', { p: vertexParam('Patient', '1'), max_depth: 'deep' });
  void tg.queries.run('city_stats');
  // Without query types, any name and a caller-chosen result type, as before.
  void untyped.queries.run<[{ n: number }]>('anything', { x: 1 });
}

for (const version of ['3.10', '4.2']) {
  describe(`typed installed queries on TigerGraph ${version}`, () => {
    let emu: RunningEmulator;
    let tg: TigerGraphClient<CovidGraph>;
    beforeAll(async () => {
      emu = await startEmulator({ version, auth: true, seed: 'covid' });
      tg = createClient<CovidGraph>({
        host: emu.gsUrl,
        graph: 'MyGraph',
        username: 'tigergraph',
        password: 'tigergraph',
      });
    });
    afterAll(async () => {
      await tg?.close();
      await emu?.stop();
    });

    it('the committed types are what the server generates (no drift)', async () => {
      const sources = await describeQueriesForCodegen(tg.context);
      const text = generateQueryTypes(sources, { graph: 'MyGraph', queriesImport: 'tgraph' });
      expect(text).toBe(readFileSync(FIXTURE, 'utf8'));
    });

    it('runs a query with checked parameters and a typed result', async () => {
      const results = await tg.queries.run('infection_chain', { p: vertexParam('Patient', '1000000003') });
      expectTypeOf(results).toEqualTypeOf<MyGraphQueries['infection_chain']['result']>();
      expectTypeOf(results[0].chain).toEqualTypeOf<string[]>();
      expect(results).toHaveLength(1);
      expect(Object.keys(results[0])).toEqual(['chain', 'length']);
      expect(results[0].chain.length).toBe(results[0].length);
    });

    it('optional parameters may be left out', async () => {
      const [totals, cities] = await tg.queries.run('city_stats');
      expect(typeof totals.patients).toBe('number');
      expect(Array.isArray(cities.cities)).toBe(true);
    });
  });
}
