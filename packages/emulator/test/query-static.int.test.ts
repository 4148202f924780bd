// STATIC global accumulators (GSQL grammar `[STATIC] accumType globalAccumName`, docs.tigergraph.com
// dev/gsql-ref/querying/accumulators): the accumulator keeps its value from one run of the installed
// query to the next — counting +1 per run gives the number of runs since the query was installed — it
// belongs to that one query, and installing the query again starts it over. Checked on 3.10 and 4.2.
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlFile, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX A (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE GRAPH g (*)`;

const VERSIONS = [
  { version: '3.10', gsql: gsqlFile, interpret: '/gsqlserver/interpreted_query' },
  { version: '4.2', gsql: gsqlStatements, interpret: '/gsql/v1/queries/interpret' },
] as const;
type Version = (typeof VERSIONS)[number];

async function create(
  e: RunningEmulator,
  v: Version,
  name: string,
  params: string,
  body: string,
  replace = false,
) {
  const made = await v.gsql(
    e,
    `USE GRAPH g\nCREATE ${replace ? 'OR REPLACE ' : ''}QUERY ${name}(${params}) FOR GRAPH g {\n${body}\n}\nINSTALL QUERY ${name}`,
  );
  expect(made.text).toContain('Query installation finished');
}

/** Runs an installed query on RESTPP and returns its printed results. */
async function run(e: RunningEmulator, name: string, qs = ''): Promise<unknown[]> {
  const r = await http(`${e.restppUrl}/query/g/${name}${qs ? `?${qs}` : ''}`);
  expect(r.json, r.text).toMatchObject({ error: false });
  return (r.json as { results: unknown[] }).results;
}

const COUNTER =
  'STATIC SumAccum<INT> @@runs; SumAccum<INT> @@plain; @@runs += 1; @@plain += 1; PRINT @@runs, @@plain;';

describe.each(VERSIONS)('STATIC global accumulators on $version', (v) => {
  test('a +1 per run counts the runs since install; a plain accumulator starts over each run', async () => {
    const e = await emulator({ version: v.version, gsqlScript: SCHEMA });
    await create(e, v, 'counter', '', COUNTER);
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i++) seen.push(...(await run(e, 'counter')));
    expect(seen).toEqual([1, 2, 3].map((n) => ({ '@@runs': n, '@@plain': 1 })));
  });

  test("a STATIC ListAccum collects every run's parameter; the declared value is given once", async () => {
    const e = await emulator({ version: v.version, gsqlScript: SCHEMA });
    await create(
      e,
      v,
      'collect',
      'INT x',
      'STATIC ListAccum<INT> @@seen; STATIC SumAccum<INT> @@total = 100; @@seen += x; @@total += x; PRINT @@seen, @@total;',
    );
    const xs = [5, 3, 8];
    const out: unknown[] = [];
    for (const x of xs) out.push(...(await run(e, 'collect', `x=${x}`)));
    expect(out).toEqual(
      xs.map((_, i) => ({
        '@@seen': xs.slice(0, i + 1),
        '@@total': 100 + xs.slice(0, i + 1).reduce((a, b) => a + b, 0),
      })),
    );
  });

  test('each query keeps its own; INSTALL -FORCE and CREATE OR REPLACE start it over', async () => {
    const e = await emulator({ version: v.version, gsqlScript: SCHEMA });
    await create(e, v, 'one', '', COUNTER);
    await create(e, v, 'two', '', COUNTER);
    await run(e, 'one');
    await run(e, 'one');
    expect(await run(e, 'two')).toEqual([{ '@@runs': 1, '@@plain': 1 }]);
    expect(await run(e, 'one')).toEqual([{ '@@runs': 3, '@@plain': 1 }]);
    const forced = await v.gsql(e, 'USE GRAPH g\nINSTALL QUERY -FORCE one');
    expect(forced.text).toContain('Query installation finished');
    expect(await run(e, 'one')).toEqual([{ '@@runs': 1, '@@plain': 1 }]);
    await create(e, v, 'two', '', COUNTER, true);
    expect(await run(e, 'two')).toEqual([{ '@@runs': 1, '@@plain': 1 }]);
  });

  test('RUN QUERY in the shell is a run of the installed query too', async () => {
    const e = await emulator({ version: v.version, gsqlScript: SCHEMA });
    await create(e, v, 'counter', '', COUNTER);
    await run(e, 'counter');
    const shell = await v.gsql(e, 'USE GRAPH g\nRUN QUERY counter()');
    expect(shell.text).toContain('"@@runs": 2');
    expect(await run(e, 'counter')).toEqual([{ '@@runs': 3, '@@plain': 1 }]);
  });

  test('an interpreted query has no installed query to keep it: every run starts over', async () => {
    const e = await emulator({ version: v.version, gsqlScript: SCHEMA });
    const interpret = () =>
      http(`${e.gsUrl}${v.interpret}`, {
        method: 'POST',
        headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
        body: `INTERPRET QUERY () FOR GRAPH g {\n${COUNTER}\n}`,
      });
    for (let i = 0; i < 2; i++)
      expect((await interpret()).json).toMatchObject({
        error: false,
        results: [{ '@@runs': 1, '@@plain': 1 }],
      });
  });
});

describe('CREATE refuses STATIC on what is not a global accumulator', () => {
  test('a vertex-attached accumulator', async () => {
    const e = await emulator({ gsqlScript: SCHEMA });
    const r = await gsqlStatements(
      e,
      'USE GRAPH g\nCREATE QUERY bad() FOR GRAPH g {\n  STATIC SumAccum<INT> @n;\n}',
    );
    expect(r.text).toBe(
      "Using graph 'g'\nSemantic Check Fails: STATIC is for global accumulators (@@name), not @n (line 3, column 10).\nFailed to create queries: [bad].\n",
    );
  });
});
