// Writes from queries: the DELETE statement, DELETE() in ACCUM / POST-ACCUM, the SYNTAX v3 `-[e]-`
// pattern (either direction along a directed type), and POST-ACCUM (alias). Writes show after the query.
import { beforeEach, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX A (PRIMARY_ID id STRING, n INT) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE T (FROM A, TO A, amt INT) WITH REVERSE_EDGE="T_rev"
CREATE GRAPH g (*)`;

let e: RunningEmulator;
beforeEach(async () => {
  e = await emulator({ gsqlScript: SCHEMA });
  const vertices = { A: Object.fromEntries(['x', 'y', 'z'].map((id) => [id, { n: { value: 1 } }])) };
  const t = (to: string, amt: number) => ({ [to]: { amt: { value: amt } } });
  const edges = {
    A: {
      x: { T: { A: { ...t('y', 1), ...t('z', 2) } } },
      y: { T: { A: t('z', 3) } },
      z: { T: { A: t('x', 4) } },
    },
  };
  const r = await http(`${e.restppUrl}/graph/g`, {
    method: 'POST',
    body: JSON.stringify({ vertices, edges }),
  });
  expect(r.status, r.text).toBe(200);
});

async function interpret(body: string): Promise<{ error: boolean; message: string; results: unknown[] }> {
  const r = await http(`${e.gsUrl}/gsql/v1/queries/interpret`, {
    method: 'POST',
    headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
    body: `INTERPRET QUERY () FOR GRAPH g SYNTAX v3 {\n${body}\n}`,
  });
  return r.json as { error: boolean; message: string; results: unknown[] };
}

const edgesOf = async (id: string) => {
  const r = await http(`${e.restppUrl}/graph/g/edges/A/${id}/T`);
  return ((r.json as { results: { to_id: string }[] }).results ?? []).map((x) => x.to_id).sort();
};

describe('DELETE in queries', () => {
  test('DELETE e FROM a -[e]- pattern deletes the edges both ways, after the query', async () => {
    const r = await interpret(
      'SumAccum<INT> @@seen; DELETE e FROM (a:A)-[e:T]-(b) WHERE a.id == "y"; S = SELECT a FROM (a:A)-[e:T]->(b) ACCUM @@seen += 1; PRINT @@seen;',
    );
    // The deletions wait for the end of the query: the later block still sees all four edges.
    expect(r.results).toEqual([{ '@@seen': 4 }]);
    expect(await edgesOf('x')).toEqual(['z']);
    expect(await edgesOf('y')).toEqual([]);
    expect(await edgesOf('z')).toEqual(['x']);
  });

  test('DELETE(a) in ACCUM deletes vertices with their edges; DELETE(e) in ACCUM one edge', async () => {
    await interpret('S = SELECT a FROM (a:A)-[e:T]->(b) WHERE b.id == "z" AND a.id == "x" ACCUM DELETE(e);');
    expect(await edgesOf('x')).toEqual(['y']);
    await interpret('S = SELECT a FROM (a:A {id: "z"}) ACCUM DELETE(a);');
    expect((await http(`${e.restppUrl}/graph/g/vertices/A/z`)).status).not.toBe(200);
    expect(await edgesOf('y')).toEqual([]);
  });

  test('DELETE … FROM takes no ACCUM, and DELETE() only in ACCUM / POST-ACCUM', async () => {
    const r = await gsqlStatements(
      e,
      'USE GRAPH g\nCREATE QUERY q() SYNTAX v3 {\n  DELETE a FROM (a:A) ACCUM a.n = 2;\n}',
    );
    expect(r.text).toContain(
      'DELETE … FROM takes a FROM pattern and a WHERE clause only (line 3, column 3).',
    );
    expect((await interpret('DELETE(1);')).error).toBe(true);
  });
});

// "Data Modification Statements": `queryBodyDeleteStmt := DELETE alias FROM pathPattern [whereClause]`,
// whose FROM "only supports 1-hop"; the DML-sub DELETE is `DELETE (alias)` in ACCUM / POST-ACCUM.
describe('DELETE / UPDATE take one one-hop FROM pattern', () => {
  const create = (body: string, syntax = 'SYNTAX v3') =>
    gsqlStatements(e, `USE GRAPH g\nCREATE QUERY q() ${syntax} {\n  ${body}\n}`);

  test('a path of two hops, or a repeated hop, is refused with its line and column', async () => {
    const two = await create('DELETE t FROM (s:A)-[:T]->(m)-[:T]->(t);');
    expect(two.text).toContain(
      'Semantic Check Fails: DELETE … FROM takes a one-hop pattern (TigerGraph supports 1-hop only) (line 3, column 3).',
    );
    const kleene = await create('DELETE t FROM (s:A)-[:T*1..2]->(t);');
    expect(kleene.text).toContain('DELETE … FROM takes a one-hop pattern');
    const update = await create('S = {A.*}; UPDATE t FROM S:s -(T>)- A:m -(T>)- A:t SET t.n = 2;', '');
    expect(update.text).toContain(
      'Semantic Check Fails: UPDATE … FROM takes a one-hop pattern (TigerGraph supports 1-hop only) (line 3, column 14).',
    );
  });

  test('a second FROM pattern is a syntax error at its comma, as in GSQL', async () => {
    const del = await create('DELETE s FROM (s:A)-[:T]->(t), (t)-[:T]->(u);');
    expect(del.text).toContain('Encountered " "," ", "" at line 3, column 32.');
    const upd = await create('S = {A.*}; UPDATE s FROM S:s -(T>)- A:t, :t -(T>)- A:u SET s.n = 2;', '');
    expect(upd.text).toContain('Encountered " "," ", "" at line 3, column 42.');
  });

  test('DELETE … FROM inside ACCUM is refused: there the DML-sub form is DELETE(alias)', async () => {
    const r = await create('S = SELECT s FROM (s:A)-[e:T]->(t) ACCUM DELETE e FROM (s:A);');
    expect(r.text).toContain(
      'Semantic Check Fails: DELETE … FROM is a query-body statement; in ACCUM / POST-ACCUM write DELETE(alias) (line 3, column 44).',
    );
  });

  test('a one-hop DELETE of edges still runs', async () => {
    const r = await interpret('DELETE e FROM (s:A {id: "x"})-[e:T]->(t:A) WHERE e.amt > 1; PRINT 1 AS done;');
    expect(r).toMatchObject({ error: false, results: [{ done: 1 }] });
    expect(await edgesOf('x')).toEqual(['y']);
  });
});

describe('POST-ACCUM (alias)', () => {
  test('each clause loops over its own alias', async () => {
    const r = await interpret(
      'SumAccum<INT> @@a; SumAccum<INT> @@b; S = SELECT b FROM (a:A {id: "x"})-[e:T]->(b) POST-ACCUM (a) @@a += 1 POST-ACCUM (b) @@b += 1; PRINT @@a, @@b;',
    );
    expect(r.results).toEqual([{ '@@a': 1, '@@b': 2 }]);
  });

  test('an alias the pattern does not have is refused', async () => {
    const r = await gsqlStatements(
      e,
      'USE GRAPH g\nCREATE QUERY q() SYNTAX v3 {\n  S = SELECT a FROM (a:A) POST-ACCUM (c) a.n = 2;\n}',
    );
    expect(r.text).toContain(
      'POST-ACCUM (c): c is not a vertex alias of the FROM pattern (line 3, column 39).',
    );
  });
});
