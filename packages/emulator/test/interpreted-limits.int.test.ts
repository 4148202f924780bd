// What TigerGraph's interpreted mode does not support (docs: gsql-ref appendix "Interpreted GSQL
// Limitations"; tigergraph/tigergraph-mcp for vectorSearch() and PRINT … WITH VECTOR) is refused by
// the 3.10 and 4.2 interpret endpoints and by the GSQL shell's INTERPRET QUERY, naming the feature and
// where it is written; the same query created and installed runs.
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlFile, gsqlStatements, http, type Reply } from './helpers.js';

const SCHEMA = `CREATE VERTEX A (PRIMARY_ID id STRING, n INT) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE T (FROM A, TO A) WITH REVERSE_EDGE="T_rev"
CREATE GRAPH g (*)`;

interface Case {
  feature: string;
  params?: string;
  body: string;
  qs?: string;
  /** Where the refusal points: line 1 is the INTERPRET header, the body is line 2. */
  at: [number, number];
}

const AGGREGATES = ['AVG', 'MIN', 'MAX', 'COUNT', 'ISEMPTY', 'SUM'].map(
  (f): Case => ({
    feature: `The aggregate function ${f}()`,
    body: `ListAccum<INT> @@l = [1, 2, 3]; PRINT ${f.toLowerCase()}(@@l) AS x;`,
    at: [2, 39],
  }),
);

const CASES: Case[] = [
  {
    feature: 'ORDER BY in a SELECT statement',
    body: 'S = {A.*}; S = SELECT s FROM S:s ORDER BY s.n DESC LIMIT 2; PRINT S;',
    at: [2, 43],
  },
  {
    feature: 'Assigning the global variable i at the statement level',
    body: 'INT i = 0; i = i + 1; PRINT i;',
    at: [2, 12],
  },
  {
    // The docs list "In INSERT: optional vertex type information for from- and to- vertices".
    feature: 'A vertex type after the FROM / TO value of INSERT INTO an edge',
    body: 'PRINT 1 AS one; INSERT INTO T VALUES ("x" A, "z" A);',
    at: [2, 17],
  },
  { feature: 'ArrayAccum', body: 'ArrayAccum<SumAccum<INT>> @@a[2]; @@a[0] += 1; PRINT @@a;', at: [2, 1] },
  {
    feature: 'ArrayAccum',
    body: 'PRINT 1 AS one; ArrayAccum<SumAccum<INT>> @a[2]; S = {A.*}; S = SELECT s FROM S:s ACCUM s.@a[1] += 1; PRINT S;',
    at: [2, 17],
  },
  {
    feature: "The previous value of a vertex accumulator (@c')",
    body: "SumAccum<INT> @c; S = {A.*}; S = SELECT s FROM S:s ACCUM s.@c += 1 POST-ACCUM s.@c += s.@c'; PRINT S;",
    at: [2, 87],
  },
  {
    feature: 'The attribute of the vertex variable p, which is not a FROM alias,',
    params: 'VERTEX<A> p',
    qs: 'p=x',
    body: 'PRINT p.n AS n;',
    at: [2, 7],
  },
  ...AGGREGATES,
  {
    feature: 'The vertex function .neighbors()',
    body: 'SumAccum<INT> @@k; S = {A.*}; S = SELECT s FROM S:s ACCUM @@k += s.neighbors().size(); PRINT @@k;',
    at: [2, 66],
  },
  { feature: 'COALESCE()', body: 'PRINT coalesce(NULL, 1) AS c;', at: [2, 7] },
  {
    feature: 'IS NOT NULL',
    body: 'S = {A.*}; S = SELECT s FROM S:s WHERE s.n IS NOT NULL; PRINT S.size() AS n;',
    at: [2, 40],
  },
  {
    feature: 'datetime_format()',
    body: 'PRINT datetime_format(to_datetime("2024-01-02 03:04:05"), "%Y") AS y;',
    at: [2, 7],
  },
  { feature: 'The user-defined function tg_log_2()', body: 'PRINT tg_log_2(8) AS l;', at: [2, 7] },
  { feature: 'The BAG parameter b', params: 'BAG<INT> b', qs: 'b=1&b=2', body: 'PRINT b;', at: [1, 18] },
  {
    feature: 'The query parameter k and the global accumulator @@k (one name)',
    params: 'INT k',
    qs: 'k=2',
    body: 'SumAccum<INT> @@k; @@k += k; PRINT @@k;',
    at: [2, 1],
  },
  {
    feature: 'The global variable k and the global accumulator @@k (one name)',
    body: 'INT k = 1; SumAccum<INT> @@k; @@k += k; PRINT @@k;',
    at: [2, 12],
  },
  {
    feature: 'The RAISE statement',
    body: 'EXCEPTION bad (40001); IF 1 > 2 THEN RAISE bad ("no"); END; PRINT 1 AS one;',
    at: [2, 38],
  },
  {
    feature: 'The TRY … EXCEPTION statement',
    body: 'EXCEPTION bad (40001); TRY RAISE bad ("no"); EXCEPTION WHEN bad THEN PRINT "caught" AS c; END;',
    at: [2, 24],
  },
  {
    feature: 'RETURN of a vertex set variable',
    body: 'S = {A.*}; PRINT S.size() AS n; RETURN S;',
    at: [2, 33],
  },
  { feature: 'The JSONOBJECT type', body: 'JSONOBJECT o; PRINT o;', at: [2, 1] },
  { feature: 'The JSONARRAY type', body: 'PRINT 1 AS one; JSONARRAY a; PRINT a;', at: [2, 17] },
  {
    feature: 'parse_json_object()',
    body: 'PRINT parse_json_object("{\\"a\\": 1}").getInt("a") AS a;',
    at: [2, 7],
  },
  { feature: 'parse_json_array()', body: 'PRINT parse_json_array("[1, 2]").size() AS n;', at: [2, 7] },
  {
    feature: 'A FILE object',
    body: 'FILE f ("/home/tigergraph/out.csv"); f.println("a"); PRINT 1 AS one;',
    at: [2, 1],
  },
];

const message = (c: Case) =>
  `Semantic Check Fails: ${c.feature} is not supported in interpreted mode (line ${c.at[0]}, column ${c.at[1]}). Install the query and run it instead.`;

const VERSIONS = [
  { version: '3.10', interpret: '/gsqlserver/interpreted_query', gsql: gsqlFile },
  { version: '4.2', interpret: '/gsql/v1/queries/interpret', gsql: gsqlStatements },
] as const;

type Version = (typeof VERSIONS)[number];

async function setup(v: Version): Promise<RunningEmulator> {
  const e = await emulator({ version: v.version, gsqlScript: SCHEMA });
  const vertices = { A: { x: { n: { value: 1 } }, y: { n: { value: 2 } }, z: { n: { value: 3 } } } };
  const edges = { A: { x: { T: { A: { y: {}, z: {} } } } } };
  await http(`${e.restppUrl}/graph/g`, { method: 'POST', body: JSON.stringify({ vertices, edges }) });
  return e;
}

const interpret = (e: RunningEmulator, v: Version, c: Case): Promise<Reply> =>
  http(`${e.gsUrl}${v.interpret}${c.qs ? `?${c.qs}` : ''}`, {
    method: 'POST',
    headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
    body: `INTERPRET QUERY (${c.params ?? ''}) FOR GRAPH g {\n${c.body}\n}`,
  });

let named = 0;

/** CREATE + INSTALL through the version's GSQL endpoint, then GET /query/g/<name>. */
async function installed(e: RunningEmulator, v: Version, c: Case): Promise<Reply> {
  const name = `q${++named}`;
  const out = await v.gsql(
    e,
    `USE GRAPH g\nCREATE QUERY ${name}(${c.params ?? ''}) FOR GRAPH g {\n${c.body}\n}\nINSTALL QUERY ${name}`,
  );
  expect(out.text).toContain('Query installation finished');
  return http(`${e.restppUrl}/query/g/${name}${c.qs ? `?${c.qs}` : ''}`);
}

describe.each(VERSIONS)('interpreted mode on $version', (v) => {
  test.each(CASES.map((c) => [c.feature, c] as const))(
    '%s: refused interpreted, runs installed',
    async (_f, c) => {
      const e = await setup(v);
      const r = await interpret(e, v, c);
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ error: true, message: message(c) });
      const ok = await installed(e, v, c);
      expect(ok.json, ok.text).toMatchObject({ error: false });
    },
  );

  test('the GSQL shell: INTERPRET QUERY text, a created query run interpreted, a DISTRIBUTED query', async () => {
    const e = await setup(v);
    const text = await v.gsql(
      e,
      'USE GRAPH g\nINTERPRET QUERY () FOR GRAPH g {\nPRINT coalesce(NULL, 1) AS c;\n}',
    );
    expect(text.text).toContain(message({ feature: 'COALESCE()', body: '', at: [3, 7] }));
    const created = await v.gsql(
      e,
      'USE GRAPH g\nCREATE QUERY top2() FOR GRAPH g {\n  S = {A.*}; S = SELECT s FROM S:s ORDER BY s.n DESC LIMIT 2; PRINT S;\n}',
    );
    expect(created.text).toContain('Successfully created queries: [top2].');
    const run = await v.gsql(e, 'USE GRAPH g\nINTERPRET QUERY top2()');
    expect(run.text).toContain(message({ feature: 'ORDER BY in a SELECT statement', body: '', at: [3, 45] }));
    const dist = await v.gsql(
      e,
      'USE GRAPH g\nCREATE DISTRIBUTED QUERY d() FOR GRAPH g {\n  PRINT 1 AS one;\n}\nINTERPRET QUERY d()',
    );
    expect(dist.text).toContain(message({ feature: 'A DISTRIBUTED query', body: '', at: [2, 8] }));
    const ok = await v.gsql(e, 'USE GRAPH g\nINSTALL QUERY top2, d\nRUN QUERY top2()\nRUN QUERY d()');
    expect(ok.text).toContain('"one": 1');
    expect(ok.text).toContain('"v_id": "z"');
  });

  test('what interpreted mode runs still runs: accumulators, WHERE, a vertex set printed', async () => {
    const e = await setup(v);
    const r = await interpret(e, v, {
      feature: '',
      body: 'SumAccum<INT> @@s; S = {A.*}; S = SELECT s FROM S:s WHERE s.n > 1 ACCUM @@s += s.n; PRINT @@s;',
      at: [0, 0],
    });
    expect(r.json).toMatchObject({ error: false, results: [{ '@@s': 5 }] });
  });
});

// tigergraph/tigergraph-mcp (src/tigergraph_mcp/tools/vector_tools.py): "vectorSearch() is not
// supported in interpreted mode" and "PRINT WITH VECTOR does not work in interpreted mode".
const VECTOR_SCHEMA = `CREATE VERTEX Item (id STRING PRIMARY KEY)
CREATE GLOBAL SCHEMA_CHANGE JOB vecs {
  ALTER VERTEX Item ADD VECTOR ATTRIBUTE emb(DIMENSION=2);
}
RUN GLOBAL SCHEMA_CHANGE JOB vecs
CREATE GRAPH g (*)`;

const VECTOR_CASES: Case[] = [
  {
    feature: 'vectorSearch()',
    body: 'ListAccum<FLOAT> @@q = [1.0, 0.0]; R = vectorSearch({Item.emb}, @@q, 1); PRINT R;',
    at: [2, 40],
  },
  { feature: 'PRINT … WITH VECTOR', body: 'S = {Item.*}; PRINT S WITH VECTOR;', at: [2, 21] },
];

describe('interpreted mode on 4.2: vectors', () => {
  test.each(VECTOR_CASES.map((c) => [c.feature, c] as const))(
    '%s: refused interpreted, runs installed',
    async (_f, c) => {
      const v = VERSIONS[1];
      const e = await emulator({ version: '4.2', gsqlScript: VECTOR_SCHEMA });
      const items = { Item: { a: { emb: { value: [1, 0] } }, b: { emb: { value: [0, 1] } } } };
      await http(`${e.restppUrl}/graph/g`, { method: 'POST', body: JSON.stringify({ vertices: items }) });
      const r = await interpret(e, v, c);
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ error: true, message: message(c) });
      const ok = await installed(e, v, c);
      expect(ok.json, ok.text).toMatchObject({ error: false, results: [{}] });
      expect(JSON.stringify(ok.json)).toContain('"v_id":"a"');
    },
  );
});
