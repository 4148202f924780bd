// JSONOBJECT / JSONARRAY in installed queries on 3.10 and 4.2: parse_json_object() / parse_json_array()
// ("Type Conversion Functions"), the getters, containsKey() and size() ("JSON Object Methods", "JSON
// Array Methods", docs.tigergraph.com/gsql-ref/current/querying/func/…), PRINT, the run-time errors
// for a missing member or one of another type, and CREATE's refusals with their line and column (a
// method call is placed at its dot, as the emulator's other checks place it).
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, gsqlFile, gsqlStatements, http, type Reply } from './helpers.js';

const SCHEMA = `CREATE VERTEX Doc (PRIMARY_ID id STRING, meta STRING) WITH primary_id_as_attribute="true"
CREATE GRAPH g (*)`;

const VERSIONS = [
  { version: '3.10', gsql: gsqlFile },
  { version: '4.2', gsql: gsqlStatements },
] as const;
type Version = (typeof VERSIONS)[number];

/** The documented example object ("JSON Object Methods", getBool()). */
const HAN = { name: 'Han Solo', age: 39, occupation: 'mercenary', isJedi: false };
const NESTED = {
  id: 7,
  score: 2.5,
  tags: ['a', 'b'],
  pos: { x: -3, y: 4.25 },
  rows: [{ n: 1 }, [true, null]],
};
const METAS = [{ n: 3 }, { n: 4, extra: [1] }, { n: -2 }];

async function setup(v: Version): Promise<RunningEmulator> {
  const e = await emulator({ version: v.version, gsqlScript: SCHEMA });
  const vertices = {
    Doc: Object.fromEntries(METAS.map((m, i) => [`d${i}`, { meta: { value: JSON.stringify(m) } }])),
  };
  await http(`${e.restppUrl}/graph/g`, { method: 'POST', body: JSON.stringify({ vertices }) });
  return e;
}

let named = 0;

/** CREATE + INSTALL through the version's GSQL endpoint; returns the query name or the CREATE output. */
async function install(e: RunningEmulator, v: Version, params: string, body: string) {
  const name = `j${++named}`;
  const out = await v.gsql(
    e,
    `USE GRAPH g\nCREATE QUERY ${name}(${params}) FOR GRAPH g {\n${body}\n}\nINSTALL QUERY ${name}`,
  );
  return { name, text: out.text };
}

async function run(
  e: RunningEmulator,
  v: Version,
  params: string,
  body: string,
  args: Record<string, string> = {},
): Promise<Reply> {
  const { name, text } = await install(e, v, params, body);
  expect(text).toContain('Query installation finished');
  return http(`${e.restppUrl}/query/g/${name}?${new URLSearchParams(args)}`);
}

describe.each(VERSIONS)('JSONOBJECT / JSONARRAY on $version', (v) => {
  test("the docs' example object: containsKey(), getBool(), getInt(), getString(), getDouble()", async () => {
    const e = await setup(v);
    const r = await run(
      e,
      v,
      'STRING s',
      'JSONOBJECT han = parse_json_object(s);\nPRINT han.containsKey("name") AS a, han.containsKey("isJedi") AS b, han.containsKey("isSith") AS c, han.getBool("isJedi") AS jedi, han.getInt("age") AS age, han.getString("name") AS name, han.getDouble("age") AS d;',
      { s: JSON.stringify(HAN) },
    );
    expect(r.json).toMatchObject({
      error: false,
      results: [{ a: true, b: true, c: false, jedi: false, age: 39, name: 'Han Solo', d: 39 }],
    });
  });

  // The accumulator reference: `ListAccum<type>`, whose `+=` "appends right operand to end of ListAccum".
  test('ListAccum<JSONOBJECT> / <JSONARRAY>: += appends (ACCUM too); PRINT shows the JSON held; FOREACH and get() read them', async () => {
    const e = await setup(v);
    const r = await run(
      e,
      v,
      '',
      `ListAccum<JSONOBJECT> @@metas; ListAccum<JSONARRAY> @@arrs; SumAccum<INT> @@n;
  S = {Doc.*};
  S = SELECT d FROM S:d ACCUM @@metas += parse_json_object(d.meta);
  @@arrs += parse_json_array("[1, 2.5]"); @@arrs += parse_json_array("[]");
  FOREACH o IN @@metas DO @@n += o.getInt("n"); END;
  PRINT @@metas, @@n AS n, @@arrs, @@arrs.get(0).getDouble(1) AS d, @@metas.size() AS k;`,
    );
    expect(r.json, r.text).toMatchObject({ error: false });
    const [out] = (r.json as { results: [Record<string, unknown>] }).results;
    expect(out).toMatchObject({ n: 5, '@@arrs': [[1, 2.5], []], d: 2.5, k: 3 });
    const byN = (a: { n: number }, b: { n: number }) => a.n - b.n;
    expect([...(out['@@metas'] as { n: number }[])].sort(byN)).toEqual([...METAS].sort(byN));
  });

  test('PRINT shows the JSON held; nested objects and arrays; size(); to_string()', async () => {
    const e = await setup(v);
    const body = `JSONOBJECT o; JSONARRAY tags; JSONARRAY rows;
o = parse_json_object(s);
tags = o.getJsonArray("tags");
rows = o.getJsonArray("rows");
PRINT o, parse_json_array("[123]") AS one, tags.size() AS n, tags.getString(1) AS second;
PRINT o.getJsonObject("pos").getInt("x") AS x, o.getJsonObject("pos").getDouble("y") AS y, o.getDouble("score") AS score;
PRINT rows.getJsonObject(0).getInt("n") AS n0, rows.getJsonArray(1).getBool(0) AS t, rows.getJsonArray(1).size() AS inner;
PRINT to_string(tags) AS text;`;
    const r = await run(e, v, 'STRING s', body, { s: JSON.stringify(NESTED) });
    expect(r.json, r.text).toMatchObject({ error: false });
    expect((r.json as { results: unknown[] }).results).toEqual([
      { o: NESTED, one: [123], n: NESTED.tags.length, second: NESTED.tags[1] },
      { x: NESTED.pos.x, y: NESTED.pos.y, score: NESTED.score },
      { n0: 1, t: true, inner: 2 },
      { text: JSON.stringify(NESTED.tags) },
    ]);
  });

  test('parsed in ACCUM from a STRING attribute; an unassigned JSONOBJECT prints as {}', async () => {
    const e = await setup(v);
    const r = await run(
      e,
      v,
      '',
      'SumAccum<INT> @@n; SumAccum<INT> @@extra; JSONOBJECT empty; S = {Doc.*};\nS = SELECT d FROM S:d ACCUM JSONOBJECT m = parse_json_object(d.meta), @@n += m.getInt("n"), IF m.containsKey("extra") THEN @@extra += m.getJsonArray("extra").size() END;\nPRINT @@n, @@extra, empty;',
    );
    const total = METAS.reduce((a, m) => a + m.n, 0);
    expect(r.json).toMatchObject({ error: false, results: [{ '@@n': total, '@@extra': 1, empty: {} }] });
  });

  const errors: [string, string, string][] = [
    [
      'a missing key',
      'PRINT parse_json_object(s).getInt("nope") AS x;',
      'Runtime Error: the JSONOBJECT has no key "nope".',
    ],
    [
      'a member of another type',
      'PRINT parse_json_object(s).getInt("name") AS x;',
      'Runtime Error: getInt("name"): the value is a STRING, not an INT.',
    ],
    [
      'an index out of range',
      'PRINT parse_json_array("[1, 2]").getInt(2) AS x;',
      'Runtime Error: JSONARRAY index 2 is out of range [0, 2).',
    ],
    [
      'malformed text',
      'PRINT parse_json_object("{oops") AS x;',
      'Runtime Error: parse_json_object(): the string is not valid JSON',
    ],
    [
      'an array given to parse_json_object()',
      'PRINT parse_json_object("[1]") AS x;',
      'Runtime Error: parse_json_object(): the string holds a JSONARRAY, not a JSONOBJECT.',
    ],
  ];
  test.each(errors)('%s is a run-time error', async (_what, body, message) => {
    const e = await setup(v);
    const r = await run(e, v, 'STRING s', body, { s: JSON.stringify(HAN) });
    expect(r.json).toMatchObject({ error: true });
    expect((r.json as { message: string }).message).toContain(message);
  });
});

describe('CREATE refuses JSON misuse with line and column', () => {
  const cases: [string, string, string][] = [
    [
      'JSONOBJECT o = parse_json_object("{}"); INT i = o.getString("a");',
      'Semantic Check Fails: Type mismatch: variable i is INT, the value is STRING (line 3, column 52).',
      'a getter of another type',
    ],
    [
      'JSONOBJECT o = parse_json_array("[]");',
      'Semantic Check Fails: Type mismatch: variable o is JSONOBJECT, the value is JSONARRAY (line 3, column 18).',
      'an array assigned to an object',
    ],
    [
      'JSONARRAY a = parse_json_array("[]"); PRINT a.containsKey("k");',
      'Semantic Check Fails: The method .containsKey() is not a method of JSONARRAY (line 3, column 48).',
      'a method the type lacks',
    ],
    [
      'JSONOBJECT o = parse_json_object("{}"); PRINT o.getInt(1);',
      'Semantic Check Fails: Type mismatch: JSONOBJECT.getInt() takes one STRING, not INT (line 3, column 50).',
      'an index for an object key',
    ],
    [
      'JSONOBJECT o; o += parse_json_object("{}");',
      'Semantic Check Fails: Type mismatch: variable o is JSONOBJECT, which += cannot change (line 3, column 22).',
      'an operator that would change it',
    ],
    [
      'ListAccum<JSONOBJECT> @@l; @@l += parse_json_array("[]");',
      'Semantic Check Fails: Type mismatch: @@l takes JSONOBJECT, not JSONARRAY (line 3, column 37).',
      'an array into a list of objects',
    ],
  ];
  test.each(cases)('%s', async (body, message) => {
    const e = await emulator({ gsqlScript: SCHEMA });
    const r = await gsqlStatements(e, `USE GRAPH g\nCREATE QUERY bad() FOR GRAPH g {\n  ${body}\n}`);
    expect(r.text).toBe(`Using graph 'g'\n${message}\nFailed to create queries: [bad].\n`);
  });

  test('a JSONOBJECT parameter is refused (GSQL reference card: parameter types exclude it); JSON in a SetAccum, a MapAccum or a tuple is outside the subset', async () => {
    const e = await emulator({ gsqlScript: SCHEMA });
    const p = await gsqlStatements(e, 'USE GRAPH g\nCREATE QUERY p(JSONOBJECT o) FOR GRAPH g { PRINT o; }');
    expect(p.text).toContain(
      'Semantic Check Fails: A query parameter cannot be JSONOBJECT (line 2, column 16).',
    );
    const refusals: [string, string][] = [
      [
        'SetAccum<JSONARRAY> @@s;',
        "JSONARRAY as a SetAccum element (GSQL's docs do not say how JSON values compare) is outside the GSQL subset the emulator supports (line 2, column 41)",
      ],
      [
        'MapAccum<STRING, JSONOBJECT> @@m;',
        "JSONOBJECT as a MapAccum or GroupByAccum element, a collection element or a tuple field (only a variable or a ListAccum element; GSQL's docs do not define the others for JSON) is outside the GSQL subset the emulator supports (line 2, column 49)",
      ],
      ['TYPEDEF TUPLE<JSONOBJECT o, INT n> T;', 'JSONOBJECT as a MapAccum or GroupByAccum element'],
    ];
    for (const [body, message] of refusals) {
      const l = await gsqlStatements(e, `USE GRAPH g\nCREATE QUERY l() FOR GRAPH g { ${body} }`);
      expect(l.text).toContain(message);
    }
  });
});
