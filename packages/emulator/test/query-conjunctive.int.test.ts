// Conjunctive pattern matching (`FROM p1, p2, …`) on 3.10 and 4.2: the match table is the natural
// join of the patterns' match tables on their shared vertex aliases, ACCUM runs once per joined
// row, WHERE may combine aliases of different patterns, and SELECT / POST-ACCUM may use an alias of
// any pattern (TigerGraph docs, "Conjunctive Pattern Matching"). Every answer is checked against a
// join of brute-force enumerations of each pattern over the small graph built here.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlFile, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX P (PRIMARY_ID id STRING, age INT) WITH primary_id_as_attribute="true"
CREATE VERTEX C (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE T (FROM P, TO P, w INT) WITH REVERSE_EDGE="T_rev"
CREATE UNDIRECTED EDGE LIVES (FROM P, TO C)
CREATE GRAPH g (*)`;

// A 4-cycle p0→p1→p3→p4→p0, a 3-cycle p5→p6→p7→p5, a diamond p0→p1|p2→p3, a parallel p1→p3.
const T_EDGES: [string, string, number][] = [
  ['p0', 'p1', 1],
  ['p0', 'p2', 2],
  ['p1', 'p2', 3],
  ['p1', 'p3', 4],
  ['p2', 'p3', 5],
  ['p3', 'p4', 6],
  ['p4', 'p0', 7],
  ['p4', 'p5', 8],
  ['p2', 'p5', 9],
  ['p5', 'p6', 10],
  ['p6', 'p7', 11],
  ['p7', 'p5', 12],
];
const LIVES: [string, string][] = [
  ['p0', 'c0'],
  ['p1', 'c1'],
  ['p2', 'c2'],
  ['p3', 'c0'],
  ['p3', 'c2'],
  ['p4', 'c1'],
  ['p5', 'c2'],
  ['p6', 'c0'],
];
const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
const age = (p: string) => 20 + Number(p.slice(1)) * 3;

/** One match-table row: alias → vertex id (edges by their weight). */
type Row = Record<string, string | number>;

/** The natural join of two match tables on the aliases they share. */
function join(a: Row[], b: Row[]): Row[] {
  const out: Row[] = [];
  for (const x of a)
    for (const y of b) if (Object.keys(y).every((k) => !(k in x) || x[k] === y[k])) out.push({ ...x, ...y });
  return out;
}

/** The rows of a one-hop pattern over T (out from `from` to `to`), with the edge weight as `e`. */
const tRows = (from: string, to: string, e?: string): Row[] =>
  T_EDGES.map(([s, t, w]) => ({ [from]: s, [to]: t, ...(e ? { [e]: w } : {}) }));
const livesRows = (p: string, c: string): Row[] => LIVES.map(([x, y]) => ({ [p]: x, [c]: y }));

/** Shortest-walk ends of T from each person: each t first reached at a length in [min, max], once per walk. */
function kleeneRows(from: string, to: string, min: number, max: number): Row[] {
  const out: Row[] = [];
  for (const s of PEOPLE) {
    const found = new Set<string>();
    let level = new Map<string, number>([[s, 1]]);
    for (let k = 0; k <= max; k++) {
      for (const [t, n] of level) {
        if (k < min || found.has(t)) continue;
        found.add(t);
        for (let i = 0; i < n; i++) out.push({ [from]: s, [to]: t });
      }
      const next = new Map<string, number>();
      for (const [x, n] of level)
        for (const [a, b] of T_EDGES) if (a === x) next.set(b, (next.get(b) ?? 0) + n);
      level = next;
    }
  }
  return out;
}

/** Tallies the rows under a key made of `aliases`. */
function tally(rows: Row[], aliases: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const k = aliases.map((a) => r[a]).join('>');
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

const VERSIONS = [
  { version: '3.10', interpret: '/gsqlserver/interpreted_query' },
  { version: '4.2', interpret: '/gsql/v1/queries/interpret' },
] as const;

async function load(e: RunningEmulator): Promise<void> {
  const ends = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, {}]));
  const vertices = {
    P: Object.fromEntries(PEOPLE.map((p) => [p, { age: { value: age(p) } }])),
    C: ends(['c0', 'c1', 'c2']),
  };
  const out = (p: string) =>
    Object.fromEntries(T_EDGES.filter(([s]) => s === p).map(([, t, w]) => [t, { w: { value: w } }]));
  const cities = (p: string) => ends(LIVES.filter(([x]) => x === p).map(([, c]) => c));
  const edges = {
    P: Object.fromEntries(PEOPLE.map((p) => [p, { T: { P: out(p) }, LIVES: { C: cities(p) } }])),
  };
  const r = await http(`${e.restppUrl}/graph/g`, {
    method: 'POST',
    body: JSON.stringify({ vertices, edges }),
  });
  expect(r.json, r.text).toMatchObject({ error: false });
}

describe.each(VERSIONS)('conjunctive FROM patterns (SYNTAX v2) on $version', (v) => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await emulator({ version: v.version, gsqlScript: SCHEMA });
    await load(e);
  });

  /** Interprets `select` after `S = {P.*}` with a MapAccum @@rows; returns @@rows and |R|. */
  async function run(select: string, extra = ''): Promise<Record<string, unknown>> {
    const body = `MapAccum<STRING, SumAccum<INT>> @@rows; SumAccum<INT> @@post; ${extra}\nS = {P.*};\nR = ${select};\nPRINT @@rows, @@post, R.size() AS n;`;
    const r = await http(`${e.gsUrl}${v.interpret}`, {
      method: 'POST',
      headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
      body: `INTERPRET QUERY () FOR GRAPH g {\n${body}\n}`,
    });
    expect(r.json, r.text).toMatchObject({ error: false });
    return (r.json as { results: Record<string, unknown>[] }).results[0] as Record<string, unknown>;
  }

  test('two patterns joined on m: one ACCUM per joined row, SELECT of the second pattern’s alias', async () => {
    const want = join(tRows('s', 'm', 'e'), livesRows('m', 'c'));
    const got = await run(
      'SELECT c FROM S:s -(T>:e)- P:m, :m -(LIVES:f)- C:c ACCUM @@rows += (s.id + ">" + m.id + ">" + c.id -> 1)',
    );
    expect(got['@@rows']).toEqual(tally(want, ['s', 'm', 'c']));
    expect(got['n']).toBe(new Set(want.map((r) => r['c'])).size);
  });

  test('a join on the targets, the second pattern from its own typed source; WHERE across patterns', async () => {
    const want = join(tRows('a', 't', 'e'), livesRows('t', 'c')).filter(
      (r) => age(r['a'] as string) < age(r['t'] as string) && (r['e'] as number) > 2,
    );
    const got = await run(
      'SELECT a FROM S:a -(T>:e)- P:t, C:c -(LIVES)- :t WHERE a.age < t.age AND e.w > 2 ACCUM @@rows += (a.id + ">" + t.id + ">" + c.id -> 1)',
    );
    expect(got['@@rows']).toEqual(tally(want, ['a', 't', 'c']));
    expect(got['n']).toBe(new Set(want.map((r) => r['a'])).size);
  });

  test('a cycle as three patterns (docs’ bi_17 shape): every rotation of each directed triangle', async () => {
    const want = join(join(tRows('a', 'b'), tRows('b', 'c')), tRows('c', 'a'));
    expect(want.length).toBeGreaterThan(0);
    const got = await run(
      'SELECT a FROM S:a -(T>)- P:b, :b -(T>)- P:c, :c -(T>)- :a ACCUM @@rows += (a.id + ">" + b.id + ">" + c.id -> 1) POST-ACCUM (c) @@post += 1',
    );
    expect(got['@@rows']).toEqual(tally(want, ['a', 'b', 'c']));
    // POST-ACCUM (c) runs once per distinct c of the joined table.
    expect(got['@@post']).toBe(new Set(want.map((r) => r['c'])).size);
  });

  test('a pattern whose untyped start a pattern written after it binds (joined in an order that works)', async () => {
    const want = join(join(tRows('s', 't'), tRows('u', 't')), livesRows('u', 'c'));
    const got = await run(
      'SELECT u FROM S:s -(T>)- P:t, :u -(T>)- :t, C:c -(LIVES)- P:u WHERE s != u ACCUM @@rows += (s.id + ">" + t.id + ">" + u.id + ">" + c.id -> 1)',
    );
    const kept = want.filter((r) => r['s'] !== r['u']);
    expect(kept.length).toBeGreaterThan(0);
    expect(got['@@rows']).toEqual(tally(kept, ['s', 't', 'u', 'c']));
    expect(got['n']).toBe(new Set(kept.map((r) => r['u'])).size);
  });

  test('a Kleene hop in a further pattern keeps its shortest-path matches within that pattern', async () => {
    const want = join(livesRows('s', 'c'), kleeneRows('s', 't', 1, 2));
    const got = await run(
      'SELECT t FROM S:s -(LIVES)- C:c, :s -(T>*1..2)- P:t ACCUM @@rows += (s.id + ">" + c.id + ">" + t.id -> 1)',
    );
    expect(got['@@rows']).toEqual(tally(want, ['s', 'c', 't']));
    expect(got['n']).toBe(new Set(want.map((r) => r['t'])).size);
  });

  test('a shared alias typed again in the later pattern (P:m) and a vertex-accumulator per joined row', async () => {
    const want = join(tRows('s', 'm'), tRows('m', 't'));
    const got = await run(
      'SELECT m FROM S:s -(T>)- P:m, P:m -(T>)- P:t ACCUM m.@n += 1 POST-ACCUM @@rows += (m.id -> m.@n)',
      'SumAccum<INT> @n;',
    );
    expect(got['@@rows']).toEqual(tally(want, ['m']));
  });
});

describe('conjunctive FROM patterns in SYNTAX v3 on 4.2', () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await emulator({ version: '4.2', gsqlScript: SCHEMA });
    await load(e);
  });

  async function interpret(body: string): Promise<Record<string, unknown>> {
    const r = await http(`${e.gsUrl}/gsql/v1/queries/interpret`, {
      method: 'POST',
      headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
      body: `INTERPRET QUERY () FOR GRAPH g SYNTAX v3 {\n${body}\n}`,
    });
    expect(r.json, r.text).toMatchObject({ error: false });
    return Object.assign({}, ...(r.json as { results: Record<string, unknown>[] }).results);
  }

  test('(s:P)-[e:T]->(m), (m)-[:LIVES]-(c:C {id: "c0"}): the join with the node filter of the second', async () => {
    const want = join(tRows('s', 'm', 'e'), livesRows('m', 'c')).filter((r) => r['c'] === 'c0');
    const got = await interpret(
      'MapAccum<STRING, SumAccum<INT>> @@rows;\nR = SELECT s FROM (s:P)-[e:T]->(m), (m)-[:LIVES]-(c:C {id: "c0"}) ACCUM @@rows += (s.id + ">" + m.id + ">" + to_string(e.w) -> 1);\nPRINT @@rows, R.size() AS n;',
    );
    expect(got['@@rows']).toEqual(tally(want, ['s', 'm', 'e']));
    expect(got['n']).toBe(new Set(want.map((r) => r['s'])).size);
  });

  test('a SQL-like SELECT … INTO … GROUP BY over two patterns (GSQL.md projectExample’s shape): sums over joined rows', async () => {
    const want = join(tRows('s', 't', 'e'), livesRows('s', 'c'));
    const sums = new Map<string, number>();
    for (const r of want)
      sums.set(`${r['s']}|${r['c']}`, (sums.get(`${r['s']}|${r['c']}`) ?? 0) + (r['e'] as number));
    const got = await interpret(
      'SELECT s.id AS src, c.id AS city, sum(e.w) AS amt INTO T1 FROM (s:P) -[e:T]-> (t), (s) -[:LIVES]- (c) GROUP BY s.id, c.id;\nPRINT T1;',
    );
    const rows = (got['T1'] as { src: string; city: string; amt: number }[]).map(
      (r) => `${r.src}|${r.city}|${r.amt}`,
    );
    expect(rows.sort()).toEqual([...sums].map(([k, n]) => `${k}|${n}`).sort());
  });
});

describe.each([
  { version: '3.10', header: '', gsql: gsqlFile },
  { version: '4.2', header: '', gsql: gsqlStatements },
  { version: '4.2', header: 'SYNTAX v3', gsql: gsqlStatements },
])('conjunctive FROM patterns refused at CREATE on $version $header', (v) => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await emulator({ version: v.version, gsqlScript: SCHEMA });
  });

  const CASES = [
    {
      name: 'patterns that share no vertex alias (the docs’ invalid CPM input)',
      select: 'R = SELECT s FROM S:s -(T>)- P:t, C:c -(LIVES)- P:u;',
      at: 'C:c',
      says: 'Semantic Check Fails: This FROM pattern shares no vertex alias with the other patterns, so their match tables cannot be naturally joined',
    },
    {
      name: 'an edge alias in two patterns',
      select: 'R = SELECT s FROM S:s -(T>:e)- P:t, :t -(T>:e)- P:u;',
      at: 'e)- P:u',
      says: 'An edge alias in more than one FROM pattern is outside the GSQL subset the emulator supports',
    },
    {
      name: 'an attribute the type of a later pattern’s alias lacks',
      select: 'R = SELECT s FROM S:s -(T>)- P:t, :t -(LIVES)- C:c WHERE c.age > 1;',
      at: '.age',
      says: 'Semantic Check Fails: The attribute age does not exist in vertex type C',
    },
    {
      name: 'a pattern starting at an untyped alias no pattern binds',
      select: 'R = SELECT s FROM S:s -(T>)- P:t, :x -(T>)- :t;',
      at: ':x',
      says: 'A FROM pattern starting at an untyped alias that no other pattern binds first is outside the GSQL subset the emulator supports',
    },
  ];

  test.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_n, c, i) => {
    const line = `  S = {P.*}; ${c.select}`;
    const name = `bad${i}`;
    const text = `USE GRAPH g\nCREATE QUERY ${name}() FOR GRAPH g ${v.header} {\n${line}\n  PRINT R;\n}`;
    const r = await v.gsql(e, text);
    expect(r.text).toContain(c.says);
    expect(r.text).toContain(`line 3, column ${line.indexOf(c.at) + 1}`);
    expect(r.text).toContain(`Failed to create queries: [${name}]`);
  });

  test('SYNTAX v1 takes one FROM step: a comma after it is refused at the comma', async () => {
    const line = '  S = {P.*}; R = SELECT s FROM S:s -(T)- P:t, :t -(T)- P:u;';
    const text = `USE GRAPH g\nCREATE QUERY v1q() FOR GRAPH g SYNTAX v1 {\n${line}\n  PRINT R;\n}`;
    const r = await v.gsql(e, text);
    expect(r.text).toContain(
      `Semantic Check Fails: SYNTAX v1 takes one FROM step; conjunctive patterns need SYNTAX v2 (the default) (line 3, column ${line.indexOf(', :t') + 1})`,
    );
  });

  test("DELETE … FROM takes one pattern: a comma there is a syntax error at the comma (GSQL's grammar)", async () => {
    const line = '  S = {P.*}; DELETE t FROM S:s -(T>)- P:t, :t -(LIVES)- C:c;';
    const text = `USE GRAPH g\nCREATE QUERY delq() FOR GRAPH g ${v.header} {\n${line}\n  PRINT S;\n}`;
    const r = await v.gsql(e, text);
    expect(r.text).toContain(`Encountered " "," ", "" at line 3, column ${line.indexOf(', :t') + 1}.`);
  });

  test('the same patterns, joinable, are created', async () => {
    const line = '  S = {P.*}; R = SELECT u FROM S:s -(T>:e)- P:t, :t -(T>:f)- P:u, C:c -(LIVES)- :u;';
    const r = await v.gsql(
      e,
      `USE GRAPH g\nCREATE QUERY okq() FOR GRAPH g ${v.header} {\n${line}\n  PRINT R;\n}`,
    );
    expect(r.text).toContain('Successfully created queries: [okq]');
  });
});
