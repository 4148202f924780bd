// SELECT's SAMPLE clause (https://docs.tigergraph.com/gsql-ref/4.2/querying/select-statement/#_sample):
// `SAMPLE n EDGE WHEN cond` keeps n edges of each source whose condition holds (all of them when it
// has fewer), `SAMPLE p% EDGE` that percent of them, `SAMPLE n TARGET` n distinct targets; a source
// whose condition is false keeps every edge. The sample is random, so these tests check those
// properties, never one particular draw. The docs list SAMPLE as a known issue in SYNTAX V2 ("write
// your query in syntax V1"), and limit WHEN to a vertex function compared with > or >=.
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, gsqlFile, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX V (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE E (FROM V, TO V)
CREATE GRAPH g (*)`;

const VERSIONS = [
  { version: '3.10', gsql: gsqlFile },
  { version: '4.2', gsql: gsqlStatements },
] as const;
type Version = (typeof VERSIONS)[number];

// h is a hub with 10 out-edges, a has 2, z has none.
const HUB = Array.from({ length: 10 }, (_, i) => `t${i}`);
const NEIGHBOURS: Record<string, string[]> = { h: HUB, a: ['t0', 't1'] };

async function graph(v: Version): Promise<RunningEmulator> {
  const e = await emulator({ version: v.version, gsqlScript: SCHEMA });
  const vertices = { V: Object.fromEntries(['h', 'a', 'z', ...HUB].map((id) => [id, {}])) };
  const edges = {
    V: Object.fromEntries(
      Object.entries(NEIGHBOURS).map(([s, ts]) => [
        s,
        { E: { V: Object.fromEntries(ts.map((t) => [t, {}])) } },
      ]),
    ),
  };
  const r = await http(`${e.restppUrl}/graph/g`, {
    method: 'POST',
    body: JSON.stringify({ vertices, edges }),
  });
  expect(r.json, r.text).toMatchObject({ error: false });
  return e;
}

/** Creates and installs a SYNTAX V1 query that records each source's sampled targets. */
async function sampleQuery(e: RunningEmulator, v: Version, name: string, sample: string): Promise<void> {
  const made = await v.gsql(
    e,
    `USE GRAPH g
CREATE QUERY ${name}() FOR GRAPH g SYNTAX V1 {
  MapAccum<STRING, ListAccum<STRING>> @@picked;
  S = {V.*};
  T = SELECT t FROM S:s -(E:e)- V:t
    ${sample}
    ACCUM @@picked += (s.id -> t.id);
  PRINT @@picked;
}
INSTALL QUERY ${name}`,
  );
  expect(made.text).toContain('Query installation finished');
}

async function picked(e: RunningEmulator, name: string): Promise<Record<string, string[]>> {
  const r = await http(`${e.restppUrl}/query/g/${name}`);
  expect(r.json, r.text).toMatchObject({ error: false });
  return (r.json as { results: [{ '@@picked': Record<string, string[]> }] }).results[0]['@@picked'];
}

/** Each sampled target is a neighbour of its source, and none is taken twice. */
function expectSubsets(p: Record<string, string[]>): void {
  for (const [s, ts] of Object.entries(p)) {
    expect(new Set(ts).size).toBe(ts.length);
    for (const t of ts) expect(NEIGHBOURS[s]).toContain(t);
  }
}

describe.each(VERSIONS)('SAMPLE on $version', (v) => {
  test('n EDGE: n edges of a source whose WHEN holds, all edges of the others; a new draw each run', async () => {
    const e = await graph(v);
    await sampleQuery(e, v, 'abs', 'SAMPLE 3 EDGE WHEN s.outdegree() >= 5');
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const p = await picked(e, 'abs');
      expectSubsets(p);
      expect(p.h).toHaveLength(3);
      expect([...(p.a ?? [])].sort()).toEqual(['t0', 't1']);
      expect(p.z).toBeUndefined();
      for (const t of p.h ?? []) seen.add(t);
    }
    // Eight uniform draws of 3 of 10 are all the same set with probability (1/120)^7.
    expect(seen.size).toBeGreaterThan(3);
  });

  test('a size above the degree keeps every edge (SAMPLE 1 EDGE WHEN outdegree() >= 1 is a random walk)', async () => {
    const e = await graph(v);
    await sampleQuery(e, v, 'walk', 'SAMPLE 1 EDGE WHEN s.outdegree() >= 1');
    await sampleQuery(e, v, 'big', 'SAMPLE 50 EDGE WHEN s.outdegree() > 0');
    const walk = await picked(e, 'walk');
    expectSubsets(walk);
    expect(walk.h).toHaveLength(1);
    expect(walk.a).toHaveLength(1);
    const big = await picked(e, 'big');
    expect([...(big.h ?? [])].sort()).toEqual([...HUB].sort());
    expect(big.a).toHaveLength(2);
  });

  test('WHERE filters the sampled edges (the docs: it constrains the FROM and SAMPLE sets)', async () => {
    const e = await graph(v);
    await sampleQuery(e, v, 'filtered', 'SAMPLE 3 EDGE WHEN s.outdegree() >= 5 WHERE t.id != "t0"');
    for (let i = 0; i < 4; i++) {
      const p = await picked(e, 'filtered');
      expectSubsets(p);
      expect((p.h ?? []).length).toBeLessThanOrEqual(3);
      expect((p.h ?? []).length).toBeGreaterThanOrEqual(2);
      expect(p.h ?? []).not.toContain('t0');
      expect(p.a).toEqual(['t1']);
    }
  });

  test('p% EDGE: p percent of the edges of a source whose WHEN holds', async () => {
    const e = await graph(v);
    await sampleQuery(e, v, 'pct', 'SAMPLE 50% EDGE WHEN s.outdegree() >= 3');
    const p = await picked(e, 'pct');
    expectSubsets(p);
    expect(p.h).toHaveLength(5);
    expect(p.a).toHaveLength(2);
  });

  test('n TARGET: n distinct targets of a source whose WHEN holds', async () => {
    const e = await graph(v);
    await sampleQuery(e, v, 'tgt', 'SAMPLE 4 TARGET WHEN s.outdegree() > 2');
    const p = await picked(e, 'tgt');
    expectSubsets(p);
    expect(p.h).toHaveLength(4);
    expect(p.a).toHaveLength(2);
  });

  test('p% TARGET PINNED is refused (undocumented); p% TARGET and n TARGET PINNED are not in the grammar', async () => {
    const e = await graph(v);
    const make = (name: string, sample: string) =>
      v.gsql(
        e,
        `USE GRAPH g\nCREATE QUERY ${name}() FOR GRAPH g SYNTAX V1 {\n  S = {V.*};\n  S = SELECT t FROM S:s -(E:e)- V:t ${sample};\n}`,
      );
    expect((await make('p1', 'SAMPLE 50% TARGET PINNED WHEN s.outdegree() > 2')).text).toContain(
      'SAMPLE … % TARGET PINNED (TigerGraph does not document what PINNED samples) is outside the GSQL subset the emulator supports (line 4, column 37)',
    );
    expect((await make('p2', 'SAMPLE 50% TARGET WHEN s.outdegree() > 2')).text).toContain(
      'Encountered " <IDENTIFIER> "WHEN "" at line 4, column 55',
    );
    expect((await make('p3', 'SAMPLE 5 TARGET PINNED WHEN s.outdegree() > 2')).text).toContain(
      'Encountered " <IDENTIFIER> "PINNED "" at line 4, column 53',
    );
  });

  test('is refused outside SYNTAX V1, and with a WHEN that is not a vertex function > or >= a number', async () => {
    const e = await graph(v);
    const v2 = await v.gsql(
      e,
      `USE GRAPH g
CREATE QUERY s2() FOR GRAPH g {
  S = {V.*};
  S = SELECT t FROM S:s -(E:e)- V:t SAMPLE 3 EDGE WHEN s.outdegree() >= 5;
}`,
    );
    expect(v2.text).toContain(
      'SAMPLE clauses outside SYNTAX V1 (TigerGraph supports them in V1 only) is outside the GSQL subset the emulator supports (line 4, column 37)',
    );
    const when = await v.gsql(
      e,
      `USE GRAPH g
CREATE QUERY s3() FOR GRAPH g SYNTAX V1 {
  S = {V.*};
  S = SELECT t FROM S:s -(E:e)- V:t SAMPLE 3 EDGE WHEN s.id == "h";
}`,
    );
    expect(when.text).toContain(
      'Semantic Check Fails: the WHEN condition of SAMPLE must compare a vertex function with > or >= (line 4, column 56).',
    );
  });
});
