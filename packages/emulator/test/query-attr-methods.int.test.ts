// getAttr() and setAttr() on vertices and edges (docs.tigergraph.com/gsql-ref/current/querying/func/
// edge-methods and …/vertex-methods): getAttr(name, "TYPE") reads a base type or LIST<T> / SET<T>,
// converting between numeric types and between LIST and SET; setAttr(name, value) with the name in a
// query parameter writes the attribute (the docs' setAttrExample). Installed and run on 3.10 and 4.2,
// answers checked against the test's own edge list.
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, gsqlFile, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX Person (PRIMARY_ID id STRING, score INT) WITH primary_id_as_attribute="true"
CREATE UNDIRECTED EDGE Rated (FROM Person, TO Person, rating DOUBLE, seen BOOL, codes LIST<INT>)
CREATE GRAPH g (*)`;

const SCORES: Record<string, number> = { a: 3, b: 7, c: 1, d: 9 };
const EDGES = [
  { from: 'a', to: 'b', rating: 4.5, codes: [1, 2, 2] },
  { from: 'b', to: 'c', rating: 2, codes: [3] },
  { from: 'c', to: 'a', rating: 1.25, codes: [] },
  { from: 'c', to: 'd', rating: 5, codes: [4, 5] },
];

const ATTRS = `CREATE QUERY attrs(STRING a) FOR GRAPH g {
  MapAccum<STRING, DOUBLE> @@rating;
  MapAccum<STRING, ListAccum<DOUBLE>> @@codes;
  SumAccum<DOUBLE> @score;
  S = {Person.*};
  S = SELECT s FROM S:s -(Rated:e)- Person:t
      ACCUM @@rating += (s.id + ">" + t.id -> e.getAttr("rating", "DOUBLE")),
            @@codes += (s.id + ">" + t.id -> e.getAttr("codes", "SET<DOUBLE>"))
      POST-ACCUM s.@score = s.getAttr(a, "DOUBLE");
  PRINT @@rating, @@codes, S[S.@score];
}`;

const MARK = `CREATE QUERY mark(STRING attr) FOR GRAPH g {
  S = {Person.*};
  S = SELECT s FROM S:s -(Rated:e)- Person:t WHERE t.score > 5 ACCUM e.setAttr(attr, TRUE);
}`;

// The 3.0/3.1 edge-methods page spells it e.setAttr(attrName, attrType, attrNewValue).
const MARK3 = `CREATE QUERY mark3(STRING attr) FOR GRAPH g {
  S = {Person.*};
  S = SELECT s FROM S:s -(Rated:e)- Person:t WHERE t.score > 5 ACCUM e.setAttr(attr, "BOOL", TRUE);
}`;

const WRONG = `CREATE QUERY wrong() FOR GRAPH g {
  ListAccum<STRING> @@s;
  S = {Person.*};
  S = SELECT s FROM S:s -(Rated:e)- Person:t ACCUM @@s += e.getAttr("rating", "STRING");
}`;

async function setUp(version: string): Promise<RunningEmulator> {
  const e = await emulator({ version, gsqlScript: SCHEMA });
  const vertices = {
    Person: Object.fromEntries(Object.entries(SCORES).map(([id, s]) => [id, { score: { value: s } }])),
  };
  const edges: Record<string, Record<string, unknown>> = { Person: {} };
  for (const x of EDGES) {
    const from = (edges['Person'] as Record<string, { Rated: { Person: Record<string, unknown> } }>)[
      x.from
    ] ?? {
      Rated: { Person: {} },
    };
    from.Rated.Person[x.to] = {
      rating: { value: x.rating },
      seen: { value: false },
      codes: { value: x.codes },
    };
    (edges['Person'] as Record<string, unknown>)[x.from] = from;
  }
  const r = await http(`${e.restppUrl}/graph/g`, {
    method: 'POST',
    body: JSON.stringify({ vertices, edges }),
  });
  expect(r.status).toBe(200);
  const gsql = `USE GRAPH g\n${ATTRS}\n${MARK}\n${MARK3}\n${WRONG}\nINSTALL QUERY attrs, mark, mark3, wrong`;
  const made = version.startsWith('3') ? await gsqlFile(e, gsql) : await gsqlStatements(e, gsql);
  expect(made.text).toContain('Query installation finished');
  return e;
}

/** Both directions of every undirected edge, keyed "from>to". */
const walked = () => EDGES.flatMap((x) => [{ ...x }, { ...x, from: x.to, to: x.from }]);

for (const version of ['3.10', '4.2']) {
  describe(`getAttr() / setAttr() on ${version}`, () => {
    it('reads attributes as the named type, LIST<INT> as SET<DOUBLE>', async () => {
      const e = await setUp(version);
      const r = await http(`${e.restppUrl}/query/g/attrs?a=score`);
      const body = r.json as { error: boolean; results: Record<string, unknown>[] };
      expect(body.error).toBe(false);
      const codes = body.results[0]?.['@@codes'] as Record<string, number[]>;
      expect(body.results[0]?.['@@rating']).toEqual(
        Object.fromEntries(walked().map((x) => [`${x.from}>${x.to}`, x.rating])),
      );
      expect(Object.fromEntries(Object.entries(codes).map(([k, v]) => [k, [...v].sort()]))).toEqual(
        Object.fromEntries(walked().map((x) => [`${x.from}>${x.to}`, [...new Set(x.codes)].sort()])),
      );
      const scored = (
        (body.results[0]?.['S'] ?? []) as { v_id: string; attributes: { 'S.@score': number } }[]
      ).map((v) => [v.v_id, v.attributes['S.@score']]);
      expect(Object.fromEntries(scored)).toEqual(SCORES);
    });

    it.each(['mark', 'mark3'])(
      'e.setAttr(param, …) writes the edges the SELECT matched (%s)',
      async (query) => {
        const e = await setUp(version);
        const r = await http(`${e.restppUrl}/query/g/${query}?attr=seen`);
        expect(r.json).toMatchObject({ error: false });
        for (const x of EDGES) {
          const got = await http(`${e.restppUrl}/graph/g/edges/Person/${x.from}/Rated/Person/${x.to}`);
          const want = (SCORES[x.from] ?? 0) > 5 || (SCORES[x.to] ?? 0) > 5;
          expect(got.json).toMatchObject({ results: [{ attributes: { seen: want } }] });
        }
      },
    );

    it('getAttr() as a type the value is not is a runtime error', async () => {
      const e = await setUp(version);
      const r = await http(`${e.restppUrl}/query/g/wrong`);
      expect(r.json).toMatchObject({
        error: true,
        message: expect.stringMatching(
          /^Runtime Error: getAttr\(\) found .*, not STRING \(line \d+, column \d+\)\.$/,
        ),
      });
    });
  });
}
