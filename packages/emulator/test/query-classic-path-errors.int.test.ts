// What TigerGraph refuses in classic multi-hop and Kleene patterns is refused at CREATE on 3.10 and
// 4.2, with the position of the offending token: an edge alias on a Kleene edge or an abbreviated
// E1.E2 path ("Repeating a 1-Hop Pattern", "Multiple Hop Patterns"), bounds whose minimum is above
// the maximum, and a path or Kleene star under SYNTAX v1, which takes one hop ("Query Language Syntax
// Versions"). An arrowhead outside the parentheses in a path, which the V2 path grammar has no
// place for, is refused as outside the emulator's subset.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, gsqlFile, gsqlStatements } from './helpers.js';

const SCHEMA = `CREATE VERTEX P (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE T (FROM P, TO P) WITH REVERSE_EDGE="T_rev"
CREATE GRAPH g (*)`;

interface Case {
  name: string;
  syntax?: string;
  /** The SELECT; `at` is the text the error points at (its first occurrence). */
  select: string;
  at: string;
  says: string;
}

const CASES: Case[] = [
  {
    name: 'an edge alias on a Kleene edge',
    select: 'R = SELECT t FROM S:s -(T>*1..3:e)- P:t;',
    at: ':e',
    says: 'The edge alias e is on a Kleene star edge pattern, which binds no edge alias',
  },
  {
    name: 'an edge alias on an abbreviated path',
    select: 'R = SELECT t FROM S:s -(T>.T>:e)- P:t;',
    at: ':e',
    says: 'The edge alias e is on an abbreviated path (E1.E2), which binds no alias',
  },
  {
    name: 'Kleene bounds with the minimum above the maximum',
    select: 'R = SELECT t FROM S:s -(T>*3..1)- P:t;',
    at: '3..1',
    says: 'The Kleene star bounds *3..1 have a lower bound above the upper bound',
  },
  {
    name: 'a two-hop path under SYNTAX v1',
    syntax: 'SYNTAX v1',
    select: 'R = SELECT t FROM S:s -(T)- P:m -(T)- P:t;',
    at: '-(T)- P:t',
    says: 'SYNTAX v1 takes a one-hop FROM step; multi-hop and Kleene star patterns need SYNTAX v2 (the default)',
  },
  {
    name: 'a Kleene star under SYNTAX v1',
    syntax: 'SYNTAX v1',
    select: 'R = SELECT t FROM S:s -(T*1..2)- P:t;',
    at: '*1..2',
    says: 'SYNTAX v1 takes a one-hop FROM step; multi-hop and Kleene star patterns need SYNTAX v2 (the default)',
  },
  {
    name: 'an arrowhead outside the parentheses in a path',
    select: 'R = SELECT t FROM S:s -(T)-> P:m -(T>)- P:t;',
    at: '> P:m',
    says: 'A direction outside the parentheses (-( )-> or <-( )-) in a multi-hop or Kleene pattern is outside the GSQL subset the emulator supports',
  },
];

const VERSIONS = [
  { version: '3.10', gsql: gsqlFile },
  { version: '4.2', gsql: gsqlStatements },
] as const;

describe.each(VERSIONS)('classic path patterns TigerGraph refuses, on $version', (v) => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await emulator({ version: v.version, gsqlScript: SCHEMA });
  });

  test.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const line = `  S = {P.*}; ${c.select}`;
    const header = `CREATE QUERY q${i}() FOR GRAPH g ${c.syntax ?? ''} {`;
    const r = await v.gsql(e, `USE GRAPH g\n${header}\n${line}\n  PRINT R;\n}`);
    const column = line.indexOf(c.at) + 1;
    expect(r.text).toContain(`Semantic Check Fails: ${c.says} (line 3, column ${column})`);
    expect(r.text).toContain(`Failed to create queries: [q${i}]`);
  });

  test.each(['', 'SYNTAX v2', 'SYNTAX v3'])(
    'the same patterns are created without the fault (%s)',
    async (syntax) => {
      const body =
        'S = {P.*}; R = SELECT t FROM S:s -(T>*1..3)- P:t; Q = SELECT t FROM S:s -(T>)- P:m -(T>:e)- P:t;';
      const name = `ok_${syntax.replace(' ', '_')}`;
      const header = `CREATE QUERY ${name}() FOR GRAPH g ${syntax} {`;
      const r = await v.gsql(e, `USE GRAPH g\n${header}\n  ${body}\n  PRINT R, Q;\n}`);
      expect(r.text).toContain(`Successfully created queries: [${name}]`);
    },
  );
});
