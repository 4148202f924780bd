// A query without a SYNTAX header is SYNTAX v2: "In TigerGraph 3.5, the default syntax version was
// changed to V2. Currently, V2 remains the default" (tigergraph/gsql-docs modules/querying/pages/
// syntax-versions.adoc). TigerGraph reports such a query as v2: `GET /gsql/v1/queries/q1` of
// `CREATE QUERY q1() { print 1;}` answers "syntax":"GSQL v2" (the wire reference, 4.x queries), and
// `ls` lists a header-less query as `(installed v2)` (docs 4.1 querying/query-operations, SHOW QUERY).
// Its patterns follow the v2 rules, through the 4.x GSQL endpoints over real HTTP.
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX A (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE VERTEX B (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE Pays (FROM A, TO A) WITH REVERSE_EDGE="Pays_rev"
CREATE UNDIRECTED EDGE Owns (FROM A, TO B)
CREATE GRAPH G (*)`;

// a1 pays a2, a2 pays a3; a1 owns b1.
const DATA = {
  vertices: { A: { a1: {}, a2: {}, a3: {} }, B: { b1: {} } },
  edges: { A: { a1: { Pays: { A: { a2: {} } }, Owns: { B: { b1: {} } } }, a2: { Pays: { A: { a3: {} } } } } },
};

async function graph(): Promise<RunningEmulator> {
  const e = await emulator({ gsqlScript: SCHEMA });
  const r = await http(`${e.restppUrl}/graph/G`, { method: 'POST', body: JSON.stringify(DATA) });
  expect(r.json, r.text).toMatchObject({
    error: false,
    results: [{ accepted_vertices: 4, accepted_edges: 3 }],
  });
  return e;
}

const create = (e: RunningEmulator, name: string, header: string, body: string) =>
  gsqlStatements(e, `USE GRAPH G\nCREATE QUERY ${name}() FOR GRAPH G ${header} {\n${body}\n}`);

/** The JSON results of an interpreted run of a created query. */
async function interpret(e: RunningEmulator, name: string): Promise<unknown> {
  const r = await gsqlStatements(e, `USE GRAPH G\nINTERPRET QUERY ${name}()`);
  return (JSON.parse(r.text.slice(r.text.indexOf('{'))) as { results: unknown }).results;
}

describe('a query without SYNTAX is SYNTAX v2', () => {
  test('the query endpoints and ls report it as v2 (SYNTAX v1 as v1)', async () => {
    const e = await graph();
    await create(e, 'plain', '', 'PRINT 1;');
    await create(e, 'old', 'SYNTAX v1', 'PRINT 1;');
    const auth = { Authorization: basic(), 'Content-Type': 'application/json' };
    const one = await http(`${e.gsUrl}/gsql/v1/queries/plain?graph=G`, { headers: auth });
    expect(one.json).toMatchObject({ name: 'plain', syntax: 'GSQL v2', status: 'VALID' });
    const old = await http(`${e.gsUrl}/gsql/v1/queries/old?graph=G`, { headers: auth });
    expect(old.json).toMatchObject({ name: 'old', syntax: 'GSQL v1' });
    const info = await http(`${e.gsUrl}/gsql/v1/queries/info?graph=G&query=plain`, { headers: auth });
    expect(info.json).toMatchObject({ results: [{ name: 'plain', syntax: 'GSQL v2' }] });
    await gsqlStatements(e, 'USE GRAPH G\nINSTALL QUERY plain');
    expect((await gsqlStatements(e, 'USE GRAPH G\nls')).text).toContain('  - plain() (installed v2)\n');
  });

  test('a directed edge type without arrowhead is refused as in SYNTAX v2 (SYNTAX v1 reads it left to right)', async () => {
    const e = await graph();
    const body = 'S = {A.*}; T = SELECT t FROM S:s -(Pays:e)- :t; PRINT T;';
    const refused = (await create(e, 'q_none', '', body)).text;
    const v2 = (await create(e, 'q_v2', 'SYNTAX v2', body)).text;
    const message = 'The directed edge type Pays needs a direction in the pattern';
    expect(refused).toContain(message);
    expect(v2).toContain(message);
    expect((await create(e, 'q_v1', 'SYNTAX v1', body)).text).toContain(
      'Successfully created queries: [q_v1]',
    );
  });

  test('-(Pays>)- goes along the edge and a path takes two hops, as in SYNTAX v2 (SYNTAX v1 takes one hop)', async () => {
    const e = await graph();
    const body =
      'S = {A.*}; T = SELECT t FROM S:s -(Pays>)- A:m -(Pays>)- A:t; U = SELECT t FROM S:s -(<Pays)- A:t WHERE s.id == "a2"; PRINT T[T.id], U[U.id];';
    for (const [name, header] of [
      ['p_none', ''],
      ['p_v2', 'SYNTAX v2'],
    ]) {
      expect((await create(e, name as string, header as string, body)).text).toContain(
        'Successfully created',
      );
      // a1 → a2 → a3 is the only two-hop path; a2 is paid by a1.
      expect(await interpret(e, name as string)).toEqual([
        {
          T: [{ v_id: 'a3', v_type: 'A', attributes: { 'T.id': 'a3' } }],
          U: [{ v_id: 'a1', v_type: 'A', attributes: { 'U.id': 'a1' } }],
        },
      ]);
    }
    expect((await create(e, 'p_v1', 'SYNTAX v1', body)).text).toContain(
      'SYNTAX v1 takes a one-hop FROM step',
    );
  });

  test('-(_:e)- and -(:e)- are any edge type, directed or undirected, as in SYNTAX v2', async () => {
    const e = await graph();
    // From a1: Pays to a2 (directed, its own direction) and Owns to b1 (undirected); from a2: Pays
    // to a3 and Pays_rev back to a1.
    const body =
      'SetAccum<STRING> @@seen; S = {A.*}; T = SELECT t FROM S:s -(_:e)- :t WHERE s.id != "a3" ACCUM @@seen += s.id + " " + e.type + " " + t.id; U = SELECT t FROM S:s -(:e)- :t WHERE s.id == "a1"; PRINT @@seen, U.size() AS n;';
    const want = ['a1 Pays a2', 'a1 Owns b1', 'a2 Pays a3', 'a2 Pays_rev a1'].sort();
    for (const [name, header] of [
      ['w_none', ''],
      ['w_v2', 'SYNTAX v2'],
    ]) {
      expect((await create(e, name as string, header as string, body)).text).toContain(
        'Successfully created',
      );
      const [out] = (await interpret(e, name as string)) as { '@@seen': string[]; n: number }[];
      expect([...(out?.['@@seen'] ?? [])].sort()).toEqual(want);
      expect(out?.n).toBe(2);
    }
  });
});
