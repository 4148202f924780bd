// ArrayAccum per docs.tigergraph.com/gsql-ref/3.9/querying/accumulators ("ArrayAccum"): vertex-attached
// arrays (`ArrayAccum<SumAccum<INT>> @a[3]`, elements `v.@a[i]`, printed with the vertex), sizes left
// empty (`[]`) until `.reallocate()`, `.size()` counting every element, the docs' array_accum_op3
// results, and CREATE's refusals (indices per dimension, literal index range, reallocate's sizes and
// where a mutator may run) with line and column. Installed queries on 3.10 and 4.2.
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, gsqlFile, gsqlStatements, http, type Reply } from './helpers.js';

const SCHEMA = `CREATE VERTEX Person (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE VERTEX Post (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE UNDIRECTED EDGE Friend (FROM Person, TO Person)
CREATE DIRECTED EDGE Liked (FROM Person, TO Post)
CREATE DIRECTED EDGE Posted (FROM Person, TO Post)
CREATE GRAPH g (*)`;

const FRIEND: [string, string][] = [
  ['p1', 'p2'],
  ['p1', 'p3'],
  ['p2', 'p3'],
  ['p3', 'p4'],
];
const LIKED: [string, string][] = [
  ['p1', 'a'],
  ['p2', 'a'],
  ['p2', 'b'],
  ['p4', 'b'],
];
const POSTED: [string, string][] = [
  ['p1', 'a'],
  ['p3', 'b'],
  ['p3', 'c'],
];
const PEOPLE = ['p1', 'p2', 'p3', 'p4'];

/** [Friend, Liked, Posted] edges per person, counted from the lists above (a friendship counts at both ends). */
const expectedCounts = (p: string): number[] => [
  FRIEND.filter(([a, b]) => a === p || b === p).length,
  LIKED.filter(([a]) => a === p).length,
  POSTED.filter(([a]) => a === p).length,
];

const VERSIONS = [
  { version: '3.10', gsql: gsqlFile },
  { version: '4.2', gsql: gsqlStatements },
] as const;
type Version = (typeof VERSIONS)[number];

async function setup(v: Version): Promise<RunningEmulator> {
  const e = await emulator({ version: v.version, gsqlScript: SCHEMA });
  const edges = (list: [string, string][], type: string, to: string) =>
    list.map(([a, b]) => ({ a, type, to, b }));
  const all = [
    ...edges(FRIEND, 'Friend', 'Person'),
    ...edges(LIKED, 'Liked', 'Post'),
    ...edges(POSTED, 'Posted', 'Post'),
  ];
  const byFrom: Record<string, Record<string, Record<string, Record<string, object>>>> = {};
  for (const x of all) {
    byFrom[x.a] ??= {};
    const from = byFrom[x.a] as Record<string, Record<string, Record<string, object>>>;
    from[x.type] ??= {};
    const t = from[x.type] as Record<string, Record<string, object>>;
    t[x.to] ??= {};
    (t[x.to] as Record<string, object>)[x.b] = {};
  }
  const vertices = { Person: Object.fromEntries(PEOPLE.map((p) => [p, {}])), Post: { a: {}, b: {}, c: {} } };
  const r = await http(`${e.restppUrl}/graph/g`, {
    method: 'POST',
    body: JSON.stringify({ vertices, edges: { Person: byFrom } }),
  });
  expect(r.status).toBe(200);
  return e;
}

let named = 0;
/** CREATE (with `head` after FOR GRAPH, e.g. `SYNTAX v1`) + INSTALL, then GET /query/g/<name>. */
async function run(
  e: RunningEmulator,
  v: Version,
  params: string,
  body: string,
  qs = '',
  head = '',
): Promise<Reply> {
  const name = `arr${++named}`;
  const made = await v.gsql(
    e,
    `USE GRAPH g\nCREATE QUERY ${name}(${params}) FOR GRAPH g ${head} {\n${body}\n}\nINSTALL QUERY ${name}`,
  );
  expect(made.text).toContain('Query installation finished');
  return http(`${e.restppUrl}/query/g/${name}${qs ? `?${qs}` : ''}`);
}

const results = (r: Reply): unknown[] => {
  expect(r.json, r.text).toMatchObject({ error: false });
  return (r.json as { results: unknown[] }).results;
};

describe.each(VERSIONS)('vertex-attached ArrayAccum on $version', (v) => {
  test("the docs' array_accum_local: each person's edges counted by type", async () => {
    const e = await setup(v);
    const body = `ArrayAccum<SumAccum<INT>> @edges_by_type[3];
persons = {Person.*};
persons = SELECT s FROM persons:s -(:e)- :t
  ACCUM CASE e.type
    WHEN "Friend" THEN s.@edges_by_type[0] += 1
    WHEN "Liked" THEN s.@edges_by_type[1] += 1
    WHEN "Posted" THEN s.@edges_by_type[2] += 1
  END
  ORDER BY s.id;
PRINT persons[persons.@edges_by_type];`;
    // As the docs write it, without SYNTAX: v2's `-(:e)-` is any edge type, directed or undirected
    // (gsql-docs querying/syntax-versions.adoc), so Liked and Posted count too.
    expect(results(await run(e, v, '', body, ''))).toEqual([
      {
        persons: PEOPLE.map((p) => ({
          v_id: p,
          v_type: 'Person',
          attributes: { 'persons.@edges_by_type': expectedCounts(p) },
        })),
      },
    ]);
  });

  test('2-D elements read in POST-ACCUM, = and += on a whole array, reallocate in POST-ACCUM, size()', async () => {
    const e = await setup(v);
    const body = `ArrayAccum<SumAccum<INT>> @grid[2][2];
ArrayAccum<ListAccum<INT>> @lists[2];
ArrayAccum<SumAccum<INT>> @copy[1];
SumAccum<INT> @corner;
S = {Person.*};
S = SELECT s FROM S:s -(Liked>:e)- Post:t
  ACCUM s.@grid[0][1] += 1, s.@grid[1][0] += 10, s.@lists[1] += 7
  POST-ACCUM s.@corner = s.@grid[0][1] * 100 + s.@grid[1][0], s.@copy = s.@grid, s.@copy += s.@grid, s.@lists.reallocate(3);
PRINT S[S.@grid AS grid, S.@copy AS copy, S.@corner AS corner, S.@lists AS lists, S.@grid.size() AS n];`;
    const liked = (p: string) => LIKED.filter(([a]) => a === p).length;
    const likers = PEOPLE.filter((p) => liked(p) > 0);
    const rows = (results(await run(e, v, '', body))[0] as { S: { v_id: string; attributes: unknown }[] }).S;
    expect(rows.map((r) => r.v_id).sort()).toEqual(likers);
    for (const r of rows) {
      const k = liked(r.v_id);
      const grid = [
        [0, k],
        [10 * k, 0],
      ];
      expect(r.attributes).toEqual({
        grid,
        copy: grid.map((row) => row.map((x) => 2 * x)),
        corner: k * 100 + 10 * k,
        lists: [[], [], []],
        n: 4,
      });
    }
  });

  test('a vertex prints its ArrayAccum with its other accumulators', async () => {
    const e = await setup(v);
    const body = `ArrayAccum<MaxAccum<INT>> @m[2];
S = {Person.*};
S = SELECT s FROM S:s WHERE s.id == "p2" POST-ACCUM s.@m[0] += 1, s.@m[1] += 5, s.@m[1] += 3;
PRINT S;`;
    expect(results(await run(e, v, '', body))).toEqual([
      { S: [{ v_id: 'p2', v_type: 'Person', attributes: { id: 'p2', '@m': [1, 5] } }] },
    ]);
  });

  test("the docs' array_accum_op3 (global, sizes set by reallocate, = reshapes, += and + add)", async () => {
    const e = await setup(v);
    const body = `ArrayAccum<SumAccum<INT>> @@arrayA[5];
ArrayAccum<SumAccum<INT>> @@arrayB[2];
ArrayAccum<SumAccum<INT>> @@arrayC[][];
STRING msg;
@@arrayA.reallocate(lenA);
@@arrayB.reallocate(lenA+1);
@@arrayC.reallocate(lenA, lenA+1);
FOREACH i IN RANGE[0,lenA-1] DO
  @@arrayA[i] += i*i;
  FOREACH j IN RANGE[0,lenA] DO
    @@arrayC[i][j] += j*10 + i;
  END;
END;
FOREACH i IN RANGE[0,lenA] DO
  @@arrayB[i] += 100-i;
END;
msg = "Initial Values";
PRINT msg, @@arrayA, @@arrayB, @@arrayC, @@arrayC.size() AS sizeC;
msg = "Test 1: A = C, C = B";
@@arrayA = @@arrayC;
@@arrayC = @@arrayB;
PRINT msg, @@arrayA, @@arrayC;
msg = "Test 2: B += C";
@@arrayB += @@arrayC;
PRINT msg, @@arrayB, @@arrayC;
msg = "Test 3: A = B + C";
@@arrayA = @@arrayB + @@arrayC;
PRINT msg, @@arrayA;`;
    const c = [
      [0, 10, 20, 30],
      [1, 11, 21, 31],
      [2, 12, 22, 32],
    ];
    expect(results(await run(e, v, 'INT lenA', body, 'lenA=3'))).toEqual([
      {
        msg: 'Initial Values',
        '@@arrayA': [0, 1, 4],
        '@@arrayB': [100, 99, 98, 97],
        '@@arrayC': c,
        sizeC: 12,
      },
      { msg: 'Test 1: A = C, C = B', '@@arrayA': c, '@@arrayC': [100, 99, 98, 97] },
      { msg: 'Test 2: B += C', '@@arrayB': [200, 198, 196, 194], '@@arrayC': [100, 99, 98, 97] },
      { msg: 'Test 3: A = B + C', '@@arrayA': [300, 297, 294, 291] },
    ]);
  });

  test('an index outside the size at run time is a run-time error', async () => {
    const e = await setup(v);
    const r = await run(
      e,
      v,
      'INT i',
      'ArrayAccum<SumAccum<INT>> @a[2]; S = {Person.*}; S = SELECT s FROM S:s ACCUM s.@a[i] += 1;',
      'i=2',
    );
    expect(r.json).toMatchObject({
      error: true,
      message: 'Runtime Error: ArrayAccum index 2 is out of range [0, 2).',
    });
  });
});

describe('CREATE refuses ArrayAccum misuse with line and column', () => {
  const cases: [string, string][] = [
    [
      'ArrayAccum<SumAccum<INT>> @a[3]; S = {Person.*}; S = SELECT s FROM S:s ACCUM s.@a[0][1] += 1;',
      'The ArrayAccum @a has 1 dimension, indexed with 2 (line 3, column 80)',
    ],
    [
      'ArrayAccum<SumAccum<INT>> @@a[2][3]; PRINT @@a[1];',
      'The ArrayAccum @@a has 2 dimensions, indexed with 1 (line 3, column 49)',
    ],
    [
      'ArrayAccum<SumAccum<INT>> @@a[3]; @@a[3] += 1;',
      'The index 3 of @@a is outside its size 3 (line 3, column 41)',
    ],
    [
      'ArrayAccum<SumAccum<INT>> @@a[2][2]; @@a.reallocate(4);',
      '@@a.reallocate() takes 2 sizes (one per dimension), not 1 (line 3, column 43)',
    ],
    [
      'ArrayAccum<SumAccum<INT>> @a[2]; S = {Person.*}; S = SELECT s FROM S:s ACCUM s.@a.reallocate(3);',
      '@a.reallocate() changes a vertex-attached accumulator: it may be used in POST-ACCUM only (line 3, column 84)',
    ],
    [
      'ArrayAccum<SumAccum<INT>> @@a[2]; S = {Person.*}; S = SELECT s FROM S:s POST-ACCUM @@a.reallocate(3);',
      '@@a.reallocate() changes a global accumulator: it may be used at the query-body level only (line 3, column 89)',
    ],
    [
      'ArrayAccum<MapAccum<INT, INT>> @@m[2];',
      'An ArrayAccum cannot hold MapAccum elements (line 3, column 14)',
    ],
    [
      'ListAccum<INT> @@l; PRINT @@l[0];',
      '@@l is not an ArrayAccum, so it cannot be indexed with [ ] (line 3, column 32)',
    ],
  ];
  test.each(cases)('%s', async (body, message) => {
    const e = await emulator({ gsqlScript: SCHEMA });
    const r = await gsqlStatements(e, `USE GRAPH g\nCREATE QUERY bad() FOR GRAPH g {\n  ${body}\n}`);
    expect(r.text).toBe(
      `Using graph 'g'\nSemantic Check Fails: ${message}.\nFailed to create queries: [bad].\n`,
    );
  });
});
