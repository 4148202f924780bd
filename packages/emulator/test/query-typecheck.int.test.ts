// GSQL's static checks at CREATE (types on assignment, accumulator input and comparison; vertex
// types; attributes; LIMIT) and the runtime checks where a value is only known when the query runs.
import { describe, expect, it } from 'vitest';
import { emulator, gsqlStatements, http } from './helpers.js';

const create = async (body: string) => {
  const e = await emulator({ seed: 'covid' });
  return gsqlStatements(e, `USE GRAPH MyGraph\nCREATE QUERY bad() FOR GRAPH MyGraph {\n  ${body}\n}`);
};

describe('CREATE QUERY rejects type errors', () => {
  const cases: [string, string, string][] = [
    ['STRING s = 5;', 'Type mismatch: variable s is STRING, the value is INT', '3, column 14'],
    ['BOOL b = 1;', 'Type mismatch: variable b is BOOL, the value is INT', '3, column 12'],
    ['INT i = 1; i = "x";', 'Type mismatch: variable i is INT, the value is STRING', '3, column 18'],
    ['ListAccum<INT> @@l; @@l += "a";', 'Type mismatch: @@l takes INT, not STRING', '3, column 30'],
    [
      'SetAccum<VERTEX<City>> @@c; S = {Patient.*}; S = SELECT s FROM S:s ACCUM @@c += s;',
      'Type mismatch: @@c takes VERTEX<City>, not VERTEX<Patient>',
      '3, column 83',
    ],
    ['PRINT 1 == "a";', 'Type mismatch: cannot compare INT with STRING', '3, column 11'],
    ['UINT u = -1;', 'Type mismatch: variable u is UINT, the value is negative', '3, column 12'],
    [
      'S = {Patient.*}; S = SELECT s FROM S:s LIMIT -1;',
      'LIMIT must be a non-negative integer',
      '3, column 48',
    ],
    [
      'S = {Patient.*}; S = SELECT s FROM S:s WHERE s.nope == 1;',
      'The attribute nope does not exist in vertex type Patient',
      '3, column 49',
    ],
    [
      'S = {Patient.*}; S = SELECT s FROM S:s -(PATIENT_FROM_CITY:e)- City:c WHERE e.nope > 1;',
      'The attribute nope does not exist in edge type PATIENT_FROM_CITY',
      '3, column 80',
    ],
    [
      'S = {Patient.*}; S = SELECT s FROM S:s -(PATIENT_FROM_CITY:e)- City:c ACCUM s.addTags("vip");',
      'The method .addTags() is not supported by the emulator',
      '3, column 80',
    ],
    ['FLOAT range_div; rangeDiv = abs(2.0 / 3);', 'The variable rangeDiv is not declared', '3, column 20'],
    ['INT n = 1; m = n + 1; PRINT nope;', 'The variable m is not declared', '3, column 14'],
  ];
  for (const [body, message, at] of cases) {
    it(body, async () => {
      const r = await create(body);
      expect(r.text).toBe(
        `Using graph 'MyGraph'\nSemantic Check Fails: ${message} (line ${at}).\nFailed to create queries: [bad].\n`,
      );
    });
  }

  it('accepts numeric widening and narrowing, and unknown types', async () => {
    const r = await create('FLOAT f = 1; INT i = 2.5; SumAccum<FLOAT> @@s; @@s += i; PRINT f, i, @@s;');
    expect(r.text).toContain('Successfully created queries: [bad]');
  });
});

describe('runtime checks', () => {
  it('UINT never holds a negative value', async () => {
    const e = await emulator({ seed: 'covid' });
    await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY under() FOR GRAPH MyGraph { UINT u = 0; u = u - 1; PRINT u; }\nINSTALL QUERY under',
    );
    const r = await http(`${e.restppUrl}/query/MyGraph/under`);
    expect(r.json).toMatchObject({
      error: true,
      message: 'Runtime Error: UINT variable u cannot hold the negative value -1.',
    });
  });

  it('an uncaught RAISE ends the run with the exception code and message', async () => {
    const e = await emulator({ seed: 'covid' });
    await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY boom() FOR GRAPH MyGraph { EXCEPTION oops (40001); PRINT 1; RAISE oops ("it broke"); PRINT 2; }\nINSTALL QUERY boom',
    );
    const r = await http(`${e.restppUrl}/query/MyGraph/boom`);
    expect(r.json).toMatchObject({ error: true, message: 'it broke', code: '40001' });
  });

  it('a LIMIT parameter below 0 limits nothing (never "all but the last")', async () => {
    const e = await emulator({ seed: 'covid' });
    await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY lim(INT n) FOR GRAPH MyGraph { S = {Patient.*}; T = SELECT s FROM S:s LIMIT n; PRINT S.size() AS all_, T.size() AS limited; }\nINSTALL QUERY lim',
    );
    const all = await http(`${e.restppUrl}/query/MyGraph/lim?n=-1`);
    const two = await http(`${e.restppUrl}/query/MyGraph/lim?n=2`);
    expect(all.json).toMatchObject({ error: false });
    const total = (all.json as { results: [{ all_: number }] }).results[0].all_;
    expect(all.json).toMatchObject({ error: false, results: [{ all_: total, limited: total }] });
    expect(two.json).toMatchObject({ error: false, results: [{ all_: total, limited: 2 }] });
    expect(total).toBeGreaterThan(2);
  });
});
