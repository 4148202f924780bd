// SYNTAX v3 (GQL-style) FROM patterns over the covid seed: each v3 query must print what the same
// query in classic syntax prints (the classic forms are checked against hand-worked values in
// query-language.int.test.ts); paths against chained one-hop blocks; quantified hops against
// unions of hops, and on a small graph against hand-counted shortest paths.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlStatements, http } from './helpers.js';

async function interpret(e: RunningEmulator, body: string, params = ''): Promise<unknown> {
  const r = await http(`${e.gsUrl}/gsql/v1/queries/interpret`, {
    method: 'POST',
    headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
    body: `INTERPRET QUERY (${params}) FOR GRAPH MyGraph SYNTAX v3 {\n${body}\n}`,
  });
  expect(r.json, r.text).toMatchObject({ error: false });
  return (r.json as { results: unknown }).results;
}

const sorted = (r: unknown) =>
  JSON.parse(JSON.stringify(r), (_k, v) =>
    Array.isArray(v) && v.every((x) => x && typeof x === 'object' && 'v_id' in x)
      ? [...v].sort((a, b) => String(a.v_id).localeCompare(String(b.v_id)))
      : v,
  );

const PAIRS: [string, string, string][] = [
  [
    'node pattern',
    'S = SELECT p FROM (p:Patient); PRINT S.size() AS n;',
    'S = {Patient.*}; PRINT S.size() AS n;',
  ],
  [
    'property filter {attr: value}',
    'S = SELECT p FROM (p:Patient {sex: "male", country: "Korea"}); PRINT S[S.patient_id];',
    'S = {Patient.*}; S = SELECT p FROM S:p WHERE p.sex == "male" AND p.country == "Korea"; PRINT S[S.patient_id];',
  ],
  [
    'undirected edge ~[e:E]~ with WHERE and ACCUM',
    'SumAccum<INT> @@n; S = SELECT c FROM (p:Patient)~[e:PATIENT_FROM_CITY]~(c:City) WHERE p.birth_year > 1980 ACCUM @@n += 1; PRINT S[S.city], @@n;',
    'SumAccum<INT> @@n; P = {Patient.*}; S = SELECT c FROM P:p -(PATIENT_FROM_CITY:e)- City:c WHERE p.birth_year > 1980 ACCUM @@n += 1; PRINT S[S.city], @@n;',
  ],
  [
    'directed -[e:E]-> and <-[e:E]-, anonymous target',
    'A = SELECT t FROM (s:Patient)-[:INFECTED_BY]->(t); B = SELECT t FROM (s:Patient)<-[e:INFECTED_BY]-(t:Patient); PRINT A.size() AS a, B.size() AS b;',
    'P = {Patient.*}; A = SELECT t FROM P:s -(INFECTED_BY)-> Patient:t; B = SELECT t FROM P:s <-(INFECTED_BY:e)- Patient:t; PRINT A.size() AS a, B.size() AS b;',
  ],
  [
    'a vertex-set variable as the start label',
    'P = SELECT p FROM (p:Patient {sex: "female"}); S = SELECT c FROM (:P)~[:PATIENT_FROM_PROVINCE]~(c:Province); PRINT S[S.province];',
    'P = {Patient.*}; P = SELECT p FROM P:p WHERE p.sex == "female"; S = SELECT c FROM P:p -(PATIENT_FROM_PROVINCE)- Province:c; PRINT S[S.province];',
  ],
];

let e: RunningEmulator;
beforeAll(async () => {
  e = await emulator({ seed: 'covid' });
});

describe('SYNTAX v3 one-hop patterns', () => {
  test.each(PAIRS)('%s: same output as the classic pattern', async (_name, v3, classic) => {
    const ours = await interpret(e, v3);
    expect(JSON.stringify(ours)).not.toBe('[]');
    expect(sorted(ours)).toEqual(sorted(await interpret(e, classic)));
  });

  test('a two-hop path matches the two one-hop blocks it chains', async () => {
    const v3 = await interpret(
      e,
      'S = SELECT c FROM (p:Patient)-[:INFECTED_BY]->(q)~[e:PATIENT_FROM_CITY]~(c:City) WHERE q.sex == "female"; PRINT S[S.city];',
    );
    const classic = await interpret(
      e,
      'P = {Patient.*}; Q = SELECT q FROM P:p -(INFECTED_BY)-> Patient:q WHERE q.sex == "female"; S = SELECT c FROM Q:q -(PATIENT_FROM_CITY)- City:c; PRINT S[S.city];',
    );
    expect(JSON.stringify(v3)).not.toBe('[{"S":[]}]');
    expect(sorted(v3)).toEqual(sorted(classic));
  });

  test('-[:E*1..2]-> reaches what one hop and two hops reach', async () => {
    const v3 = await interpret(
      e,
      'C = SELECT q FROM (p:Patient)-[:INFECTED_BY*1..2]->(q:Patient); PRINT C.size() AS n;',
    );
    const classic = await interpret(
      e,
      'P = {Patient.*}; A = SELECT q FROM P:p -(INFECTED_BY)-> Patient:q; B = SELECT r FROM A:q -(INFECTED_BY)-> Patient:r; C = A UNION B; PRINT C.size() AS n;',
    );
    expect(v3).toEqual(classic);
  });

  test('GQL quantifiers * and +, and an edge alias on a quantified hop, are refused with their position', async () => {
    const plus = await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY plus() SYNTAX v3 {\n  S = SELECT q FROM (p:Patient)-[:INFECTED_BY]->+(q);\n  PRINT S;\n}',
    );
    expect(plus.text).toContain(
      'Semantic Check Fails: The GQL quantifiers * and + after an edge is outside the GSQL subset the emulator supports (line 3, column 49).',
    );
    const alias = await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY alias() SYNTAX v3 {\n  S = SELECT q FROM (p:Patient)-[e:INFECTED_BY*1..]->(q);\n  PRINT S;\n}',
    );
    expect(alias.text).toContain('An edge alias on a variable-length hop (GSQL binds none)');
    expect(alias.text).toContain('(line 3, column 34)');
  });
});

describe('variable-length hops match shortest paths only', () => {
  test('each vertex once per shortest path; the start again when a cycle leads back', async () => {
    const g = await emulator({
      gsqlScript: `CREATE VERTEX A (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE T (FROM A, TO A, DISCRIMINATOR(k INT)) WITH REVERSE_EDGE="T_rev"
CREATE GRAPH G (*)`,
    });
    // x→y, x→z twice (two edges), y→z, z→x: from x, y and z at 1 step (z by 2 paths), x at 2 steps by
    // 2 paths (through either x→z edge); y→z→x is longer and not counted.
    const edges = { A: { x: { T: { A: { y: { k: { value: 1 } } } } } } };
    const vertices = { A: { x: {}, y: {}, z: {} } };
    await http(`${g.restppUrl}/graph/G`, { method: 'POST', body: JSON.stringify({ vertices, edges }) });
    const run = (q: string) =>
      http(`${g.gsUrl}/gsql/v1/queries/interpret`, {
        method: 'POST',
        headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
        body: `INTERPRET QUERY () FOR GRAPH G SYNTAX v3 {\n${q}\n}`,
      });
    const ins = await run(
      'INSERT INTO T VALUES ("x", "z", 1); INSERT INTO T VALUES ("x", "z", 2); INSERT INTO T VALUES ("y", "z", 1); INSERT INTO T VALUES ("z", "x", 1);',
    );
    expect(ins.json, ins.text).toMatchObject({ error: false });
    const r = await run(
      'MapAccum<STRING, SumAccum<INT>> @@paths; S = SELECT b FROM (a:A {id: "x"})-[:T*1..]->(b) ACCUM @@paths += (b.id -> 1); PRINT @@paths;',
    );
    expect(r.json, r.text).toMatchObject({ results: [{ '@@paths': { x: 2, y: 1, z: 2 } }] });
  });
});

describe('tabular SELECT … INTO', () => {
  test('one row per match, keyed by column, vertices as ids; the same pairs an ACCUM collects', async () => {
    const [table] = (await interpret(
      e,
      'SELECT p, c.city AS city INTO T FROM (p:Patient)~[e:PATIENT_FROM_CITY]~(c:City) WHERE p.sex == "male"; PRINT T;',
    )) as { T: { p: string; city: string }[] }[];
    const [pairs] = (await interpret(
      e,
      'ListAccum<STRING> @@pairs; S = SELECT c FROM (p:Patient)~[e:PATIENT_FROM_CITY]~(c:City) WHERE p.sex == "male" ACCUM @@pairs += p.patient_id + "|" + c.city; PRINT @@pairs;',
    )) as { '@@pairs': string[] }[];
    const rows = table?.T ?? [];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row)).toEqual(['p', 'city']);
    expect(rows.map((r) => `${r.p}|${r.city}`).sort()).toEqual([...(pairs?.['@@pairs'] ?? [])].sort());
  });

  test('an unaliased column whose printed name TigerGraph does not show is refused at CREATE, with its position', async () => {
    const r = await http(`${e.gsUrl}/gsql/v1/queries/interpret`, {
      method: 'POST',
      headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
      body: 'INTERPRET QUERY () FOR GRAPH MyGraph SYNTAX v3 {\n  SELECT p.@n, count(*) AS n INTO T FROM (p:Patient) GROUP BY p.@n;\n  PRINT T;\n}',
    });
    // `p.sex` prints as sex (query-tabular.int.test.ts); no TigerGraph output shows an accumulator column's name.
    expect(r.text).toContain('The column p.@n without AS (add AS name)');
    expect(r.text).toContain('line 2, column 10');
  });
});
