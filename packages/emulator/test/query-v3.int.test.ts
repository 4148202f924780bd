// SYNTAX v3 (GQL-style) one-hop FROM patterns over the covid seed: each v3 query must print what
// the same query in classic syntax prints (the classic forms are checked against hand-worked values
// in query-language.int.test.ts); longer paths are refused at CREATE with their position.
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

  test('a two-hop path and a quantifier are refused at CREATE with their position', async () => {
    const two = await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY two() SYNTAX v3 {\n  S = SELECT c FROM (p:Patient)-[:INFECTED_BY]->(q)~[:PATIENT_FROM_CITY]~(c:City);\n  PRINT S;\n}',
    );
    expect(two.text).toContain(
      'Semantic Check Fails: Multi-hop SYNTAX v3 path patterns is outside the GSQL subset the emulator supports (line 3, column 52).',
    );
    const star = await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY star() SYNTAX v3 {\n  S = SELECT q FROM (p:Patient)-[:INFECTED_BY*1..]->(q);\n  PRINT S;\n}',
    );
    expect(star.text).toContain(
      'Variable-length (quantified) SYNTAX v3 edge patterns is outside the GSQL subset',
    );
    expect(star.text).toContain('(line 3, column 46)');
  });
});
