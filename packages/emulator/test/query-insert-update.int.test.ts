// INSERT INTO a vertex type and the UPDATE statement in queries, per TigerGraph's GSQL reference
// ("Data Modification Statements", docs.tigergraph.com): INSERT upserts (new values overwrite an
// existing vertex's), `_` is the attribute's default, a column list names PRIMARY_ID (or FROM, TO)
// and the attributes it fills; UPDATE x FROM pattern SET … WHERE … writes attributes of vertices or
// edges. Each query is one transaction: no statement of the query sees its own writes, which show
// once it ends. Interpreted mode runs both ("Interpreted GSQL Limitations" lists neither).
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlFile, gsqlStatements, http, type Reply } from './helpers.js';

const SCHEMA = `CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING, age INT, score DOUBLE, tags SET<STRING>) WITH primary_id_as_attribute="true"
CREATE VERTEX Company (PRIMARY_ID cid UINT, country STRING)
CREATE DIRECTED EDGE worksFor (FROM Person, TO Company, startYear INT, fullTime BOOL)
CREATE DIRECTED EDGE knows (FROM Person, TO Person | FROM Person, TO Company, since INT)
CREATE GRAPH g (*)`;

const VERSIONS = [
  { version: '3.10', interpret: '/gsqlserver/interpreted_query', gsql: gsqlFile },
  { version: '4.2', interpret: '/gsql/v1/queries/interpret', gsql: gsqlStatements },
] as const;
type Version = (typeof VERSIONS)[number];

async function setup(v: Version): Promise<RunningEmulator> {
  const e = await emulator({ version: v.version, gsqlScript: SCHEMA });
  const person = (name: string, age: number) => ({ name: { value: name }, age: { value: age } });
  const vertices = {
    Person: { p1: person('One', 30), p2: person('Two', 40) },
    Company: { '1': { country: { value: 'us' } } },
  };
  const edges = { Person: { p1: { worksFor: { Company: { '1': { startYear: { value: 2017 } } } } } } };
  const r = await http(`${e.restppUrl}/graph/g`, {
    method: 'POST',
    body: JSON.stringify({ vertices, edges }),
  });
  expect(r.status, r.text).toBe(200);
  return e;
}

let named = 0;

/** Runs a query body interpreted, or created, installed and run on RESTPP. */
async function run(
  e: RunningEmulator,
  v: Version,
  installed: boolean,
  body: string,
  params = '',
  qs = '',
): Promise<Reply> {
  const query = qs ? `?${qs}` : '';
  if (!installed)
    return http(`${e.gsUrl}${v.interpret}${query}`, {
      method: 'POST',
      headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
      body: `INTERPRET QUERY (${params}) FOR GRAPH g {\n${body}\n}`,
    });
  const name = `dml${++named}`;
  const out = await v.gsql(
    e,
    `USE GRAPH g\nCREATE QUERY ${name}(${params}) FOR GRAPH g {\n${body}\n}\nINSTALL QUERY ${name}`,
  );
  expect(out.text).toContain('Query installation finished');
  return http(`${e.restppUrl}/query/g/${name}${query}`);
}

async function vertex(e: RunningEmulator, type: string, id: string): Promise<unknown> {
  const r = await http(`${e.restppUrl}/graph/g/vertices/${type}/${id}`);
  expect(r.status, r.text).toBe(200);
  return (r.json as { results: unknown[] }).results;
}

async function worksFor(e: RunningEmulator, id: string): Promise<unknown> {
  const r = await http(`${e.restppUrl}/graph/g/edges/Person/${id}/worksFor`);
  return (r.json as { results: unknown[] }).results;
}

const MODES = VERSIONS.flatMap((v) => [false, true].map((installed) => ({ v, installed })));

describe.each(MODES)('$v.version, installed: $installed', ({ v, installed }) => {
  test('INSERT INTO a vertex type: `_` is the default, and the query does not see its own insert', async () => {
    const e = await setup(v);
    const r = await run(
      e,
      v,
      installed,
      'SumAccum<INT> @@n; INSERT INTO Person VALUES ("p9", "Nine", _, 1.5, _); S = {Person.*}; S = SELECT s FROM S:s ACCUM @@n += 1; PRINT @@n;',
    );
    expect(r.json, r.text).toMatchObject({ error: false, results: [{ '@@n': 2 }] });
    expect(await vertex(e, 'Person', 'p9')).toEqual([
      { v_id: 'p9', v_type: 'Person', attributes: { id: 'p9', name: 'Nine', age: 0, score: 1.5, tags: [] } },
    ]);
  });

  test('INSERT INTO an existing vertex overwrites the values it gives; a column list names PRIMARY_ID', async () => {
    const e = await setup(v);
    const r = await run(
      e,
      v,
      installed,
      'INSERT INTO Person (PRIMARY_ID, name) VALUES ("p1", "Uno"); INSERT INTO Person VALUES ("p2", "Dos", 41, 2.5, _); INSERT INTO Company (PRIMARY_ID, country) VALUES (7, "jp");',
    );
    expect(r.json, r.text).toMatchObject({ error: false });
    expect(await vertex(e, 'Person', 'p1')).toMatchObject([{ attributes: { id: 'p1', name: 'Uno' } }]);
    expect(await vertex(e, 'Person', 'p2')).toMatchObject([
      { attributes: { name: 'Dos', age: 41, score: 2.5 } },
    ]);
    expect(await vertex(e, 'Company', '7')).toEqual([
      { v_id: '7', v_type: 'Company', attributes: { country: 'jp' } },
    ]);
  });

  test('INSERT in ACCUM and POST-ACCUM: vertices, then edges to the vertices inserted earlier in the query', async () => {
    const e = await setup(v);
    const r = await run(
      e,
      v,
      installed,
      `S = {Person.*};
S = SELECT s FROM S:s
    ACCUM INSERT INTO Company VALUES (s.age, "de"), INSERT INTO worksFor VALUES (s, s.age, 2020, true)
    POST-ACCUM INSERT INTO Person VALUES (s.id + "_copy", s.name, s.age, 0.5, _);`,
    );
    expect(r.json, r.text).toMatchObject({ error: false });
    expect(await vertex(e, 'Company', '40')).toEqual([
      { v_id: '40', v_type: 'Company', attributes: { country: 'de' } },
    ]);
    expect(await worksFor(e, 'p2')).toEqual([
      {
        e_type: 'worksFor',
        directed: true,
        from_id: 'p2',
        from_type: 'Person',
        to_id: '40',
        to_type: 'Company',
        attributes: { startYear: 2020, fullTime: true },
      },
    ]);
    expect(await vertex(e, 'Person', 'p1_copy')).toEqual([
      {
        v_id: 'p1_copy',
        v_type: 'Person',
        attributes: { id: 'p1_copy', name: 'One', age: 30, score: 0.5, tags: [] },
      },
    ]);
  });

  test('INSERT INTO an edge type with a column list (FROM, TO, attr…)', async () => {
    const e = await setup(v);
    const r = await run(
      e,
      v,
      installed,
      'INSERT INTO worksFor (FROM, TO, startYear) VALUES ("p2", 1, 2019);',
    );
    expect(r.json, r.text).toMatchObject({ error: false });
    expect(await worksFor(e, 'p2')).toMatchObject([
      { to_id: '1', attributes: { startYear: 2019, fullTime: false } },
    ]);
  });

  test('UPDATE … SET … WHERE writes vertex attributes when the query ends', async () => {
    const e = await setup(v);
    const r = await run(
      e,
      v,
      installed,
      `SumAccum<INT> @@old;
S = {Person.*};
UPDATE s FROM S:s SET s.age = s.age + 1, s.name = "Older" WHERE s.age < 35;
T = SELECT s FROM S:s WHERE s.age == 30 ACCUM @@old += 1;
PRINT @@old;`,
    );
    expect(r.json, r.text).toMatchObject({ error: false, results: [{ '@@old': 1 }] });
    expect(await vertex(e, 'Person', 'p1')).toMatchObject([{ attributes: { name: 'Older', age: 31 } }]);
    expect(await vertex(e, 'Person', 'p2')).toMatchObject([{ attributes: { name: 'Two', age: 40 } }]);
  });

  test('INSERT INTO a vertex type a STRING parameter names (dynamic DML)', async () => {
    const e = await setup(v);
    const r = await run(e, v, installed, 'INSERT INTO vt VALUES (5, "cn");', 'STRING vt', 'vt=Company');
    expect(r.json, r.text).toMatchObject({ error: false });
    expect(await vertex(e, 'Company', '5')).toEqual([
      { v_id: '5', v_type: 'Company', attributes: { country: 'cn' } },
    ]);
  });

  test('UPDATE c FROM S:s -(E:w)-> T:c writes the target vertices of the pattern', async () => {
    const e = await setup(v);
    const r = await run(
      e,
      v,
      installed,
      'S = {Person.*}; UPDATE c FROM S:s -(worksFor:w)-> Company:c SET c.country = c.country + "!";',
    );
    expect(r.json, r.text).toMatchObject({ error: false });
    expect(await vertex(e, 'Company', '1')).toMatchObject([{ attributes: { country: 'us!' } }]);
  });

  test('UPDATE e FROM S:s -(E:e)-> T:t SET e.attr … writes edge attributes', async () => {
    const e = await setup(v);
    const r = await run(
      e,
      v,
      installed,
      'S = {Person.*}; UPDATE e FROM S:s -(worksFor:e)-> Company:c SET e.startYear = e.startYear + 3, e.fullTime = true WHERE c.country == "us";',
    );
    expect(r.json, r.text).toMatchObject({ error: false });
    expect(await worksFor(e, 'p1')).toMatchObject([
      { to_id: '1', attributes: { startYear: 2020, fullTime: true } },
    ]);
  });
});

describe.each(VERSIONS)('INSERT with vertex types after the FROM / TO ids, on $version', (v) => {
  test('installed: the types pick the end vertex types; interpreted mode refuses them (docs list it)', async () => {
    const e = await setup(v);
    const body =
      'INSERT INTO knows VALUES ("p1" Person, 1 Company, 2001); INSERT INTO knows VALUES ("p1" Person, "p2" Person, 1999);';
    const refused = await run(e, v, false, body);
    expect(refused.json).toEqual({
      error: true,
      message:
        'Semantic Check Fails: A vertex type after the FROM / TO value of INSERT INTO an edge is not supported in interpreted mode (line 2, column 1). Install the query and run it instead.',
    });
    const r = await run(e, v, true, body);
    expect(r.json, r.text).toMatchObject({ error: false });
    const knows = await http(`${e.restppUrl}/graph/g/edges/Person/p1/knows`);
    const ends = (knows.json as { results: { to_type: string; to_id: string; attributes: unknown }[] })
      .results;
    expect(ends.map((x) => [x.to_type, x.to_id, x.attributes]).sort()).toEqual([
      ['Company', '1', { since: 2001 }],
      ['Person', 'p2', { since: 1999 }],
    ]);
  });
});

describe.each(VERSIONS)('CREATE-time errors on $version', (v) => {
  const cases: [string, string][] = [
    [
      'INSERT INTO Person (PRIMARY_ID, nick) VALUES ("p3", "x");',
      'The attribute nick does not exist in vertex type Person (line 3, column 3).',
    ],
    [
      'INSERT INTO Person VALUES ("p3", "Three");',
      'INSERT INTO Person takes 5 values (PRIMARY_ID, name, age, score, tags), not 2 (line 3, column 3).',
    ],
    [
      'INSERT INTO Person (name) VALUES ("Three");',
      'INSERT INTO Person (…) must list PRIMARY_ID (line 3, column 3).',
    ],
    [
      'INSERT INTO Person VALUES (_, "Three", 3, 0.5, _);',
      'The primary id of INSERT INTO Person cannot be _ (line 3, column 3).',
    ],
    [
      'INSERT INTO Person VALUES ("p3", "Three", "old", 0.5, _);',
      'Type mismatch: INSERT INTO Person writes STRING to a INT column (line 3, column 45).',
    ],
    [
      'INSERT INTO knows VALUES ("p1" Company, "p2" Person, 1);',
      'The edge type knows does not take Company as its FROM vertex type (line 3, column 3).',
    ],
    [
      'INSERT INTO worksFor (TO, FROM) VALUES (1, "p1");',
      'The column list of INSERT INTO worksFor must begin with FROM, TO (line 3, column 3).',
    ],
    [
      'SumAccum<INT> @@n; S = {Person.*}; UPDATE s FROM S:s SET @@n += 1;',
      'UPDATE s … SET assigns attributes of s only (s.attribute = …) (line 3, column 60).',
    ],
    [
      'S = {Person.*}; UPDATE s FROM S:s SET s.age = "x";',
      'Type mismatch: attribute age is INT, the value is STRING (line 3, column 49).',
    ],
    [
      'S = {Person.*}; UPDATE s FROM S:s SET s.nick = "x";',
      'The attribute nick does not exist in vertex type Person (line 3, column 41).',
    ],
  ];
  test.each(cases)('%s', async (body, msg) => {
    const e = await setup(v);
    const r = await v.gsql(e, `USE GRAPH g\nCREATE QUERY bad() FOR GRAPH g {\n  ${body}\n}`);
    expect(r.text).toContain(`Semantic Check Fails: ${msg}`);
    expect(r.text).toContain('Failed to create queries: [bad].');
  });

  test('UPDATE takes SET before WHERE, and no other SELECT clause', async () => {
    const e = await setup(v);
    const misplaced = await v.gsql(
      e,
      'USE GRAPH g\nCREATE QUERY bad() FOR GRAPH g {\n  S = {Person.*};\n  UPDATE s FROM S:s WHERE s.age > 1 SET s.age = 1;\n}',
    );
    expect(misplaced.text).toContain('Encountered " <IDENTIFIER> "WHERE "" at line 4, column 21.');
    expect(misplaced.text).toContain('Failed to create queries: [bad].');
    const accum = await v.gsql(
      e,
      'USE GRAPH g\nCREATE QUERY bad() FOR GRAPH g {\n  SumAccum<INT> @@n;\n  S = {Person.*};\n  UPDATE s FROM S:s ACCUM @@n += 1 SET s.age = 1;\n}',
    );
    expect(accum.text).toContain(
      'Semantic Check Fails: UPDATE … FROM takes a FROM pattern, a SET clause and a WHERE clause only (line 5, column 3).',
    );
  });

  test('UPDATE is not part of syntax v2 (the docs say to assign in ACCUM / POST-ACCUM instead)', async () => {
    const e = await setup(v);
    const r = await v.gsql(
      e,
      'USE GRAPH g\nCREATE QUERY bad() FOR GRAPH g SYNTAX v2 {\n  S = {Person.*};\n  UPDATE s FROM S:s SET s.age = 1;\n}',
    );
    expect(r.text).toContain(
      'Semantic Check Fails: UPDATE statements are not supported in syntax v2; assign the attributes in ACCUM or POST-ACCUM instead (line 4, column 3).',
    );
  });
});
