// GSQL statements over /gsqlserver/gsql/file (3.x) and /gsql/v1/statements (4.x), and schema JSON.
import { describe, expect, test } from 'vitest';
import { basic, emulator, gsqlFile, gsqlStatements, http } from './helpers.js';

const DDL = `CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING DEFAULT "n/a", tags SET<STRING>, scores MAP<STRING, DOUBLE>)
CREATE DIRECTED EDGE Knows (FROM Person, TO Person, since DATETIME) WITH REVERSE_EDGE="Knows_rev"
CREATE GRAPH g (*)`;

describe('3.x shell protocol', () => {
  test('DDL output text and the return-code trailer', async () => {
    const e = await emulator({ version: '3.10' });
    const r = await gsqlFile(e, DDL);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(r.text).toBe(
      'Successfully created vertex types: [Person].\n' +
        'Successfully created edge types: [Knows].\n' +
        'Successfully created reverse edge types: [Knows_rev].\n' +
        // 3.x restarts its services for the catalogue's first graph (gsql-service-lines.int.test.ts).
        'Stopping GPE GSE RESTPP\n' +
        'Successfully stopped GPE GSE RESTPP in 0.000 seconds\n' +
        'Starting GPE GSE RESTPP\n' +
        'Successfully started GPE GSE RESTPP in 0.000 seconds\n' +
        'The graph g is created.\n' +
        '__GSQL__RETURN__CODE__,0\n',
    );
    const ls = await gsqlFile(e, 'USE GRAPH g\nls');
    expect(ls.text).toBe(
      "Using graph 'g'\n" +
        '---- Graph g\n' +
        'Vertex Types:\n' +
        '  - VERTEX Person(PRIMARY_ID id STRING, name STRING DEFAULT "n/a", tags SET<STRING>, scores MAP<STRING, DOUBLE>) WITH STATS="OUTDEGREE_BY_EDGETYPE"\n' +
        'Edge Types:\n' +
        '  - DIRECTED EDGE Knows(FROM Person, TO Person, since DATETIME) WITH REVERSE_EDGE="Knows_rev"\n' +
        '\n' +
        'Graphs:\n' +
        '  - Graph g(Person:v, Knows:e, Knows_rev:e)\n' +
        'Jobs:\n' +
        'Queries:\n' +
        '\n' +
        '__GSQL__RETURN__CODE__,0\n',
    );
    const global = await gsqlFile(e, 'ls');
    expect(global.text.startsWith('---- Global vertices, edges, and all graphs\nVertex Types:\n')).toBe(true);
    expect(global.text).toContain('JSON API version: v2\nSyntax version: v2\n__GSQL__RETURN__CODE__,0\n');
  });

  test('syntax errors, semantic errors, exit_on_error', async () => {
    const e = await emulator({ version: '3.10' });
    const bad = await gsqlFile(e, 'FOO BAR\nCREATE VERTEX A (PRIMARY_ID id STRING)');
    expect(bad.text).toBe(
      'Encountered " <IDENTIFIER> "FOO "" at line 1, column 1.\n__GSQL__RETURN__CODE__,211\n',
    );
    const cont = await gsqlFile(
      e,
      'SET exit_on_error = FALSE\nFOO BAR\nCREATE VERTEX A (PRIMARY_ID id STRING)',
    );
    expect(cont.text).toBe(
      'Encountered " <IDENTIFIER> "FOO "" at line 2, column 1.\nSuccessfully created vertex types: [A].\n__GSQL__RETURN__CODE__,211\n',
    );
    const dup = await gsqlFile(e, 'CREATE VERTEX A (PRIMARY_ID id STRING)');
    expect(dup.text).toBe(
      'Semantic Check Fails: The vertex name A is used by another object! Please use a different name.\nFailed to create vertex types: [A].\n__GSQL__RETURN__CODE__,212\n',
    );
    const edge = await gsqlFile(e, 'CREATE UNDIRECTED EDGE E (FROM A, TO Missing)');
    expect(edge.text).toContain('Failed to create edge types: [E].');
    const graph = await gsqlFile(e, 'CREATE GRAPH g (A, Nope)');
    expect(graph.text).toContain('The graph g could not be created!');
    const use = await gsqlFile(e, 'USE GRAPH nope');
    expect(use.text).toContain('does not exist');
  });

  test('the shell session cookie selects the graph; BEGIN…END spans lines', async () => {
    const e = await emulator({ version: '3.10', gsqlScript: DDL });
    const r = await http(`${e.gsUrl}/gsqlserver/gsql/file`, {
      method: 'POST',
      headers: { Authorization: basic(), Cookie: '{"graph":"g","fromGsqlClient":true}' },
      body: encodeURIComponent('BEGIN\nCREATE VERTEX B (PRIMARY_ID id INT,\n  v UINT)\nEND\nls').replace(
        /%20/g,
        '+',
      ),
    });
    expect(r.text).toContain('Successfully created vertex types: [B].\n---- Graph g\n');
  });
});

describe('types, keys, edges, tuples, schema-change jobs', () => {
  const FULL = `TYPEDEF TUPLE <f1 INT(1), f2 UINT(8), f3 STRING(10), f4 DATETIME> T1
CREATE VERTEX V1 (PRIMARY_ID id UINT, i INT, u UINT, f FLOAT, d DOUBLE, b BOOL, s STRING, dt DATETIME, fb FIXED_BINARY(4), l LIST<INT>, st SET<DATETIME>, bg BAG<STRING>, m MAP<INT, T1>, t T1, lt LIST<T1>) WITH PRIMARY_ID_AS_ATTRIBUTE="true"
CREATE VERTEX V2 (name STRING PRIMARY KEY, age INT)
CREATE VERTEX V3 (a STRING, b INT, c BOOL, PRIMARY KEY (a, b))
CREATE UNDIRECTED EDGE E1 (FROM V1, TO V2 | FROM V2, TO V3, w DOUBLE)
CREATE DIRECTED EDGE E2 (FROM *, TO *)
CREATE DIRECTED EDGE E3 (FROM V1, TO V2, DISCRIMINATOR(day DATETIME), amount UINT) WITH REVERSE_EDGE="E3_rev"
CREATE GRAPH g (*)`;

  test('3.x schema JSON (full flags)', async () => {
    const e = await emulator({ version: '3.10', gsqlScript: FULL });
    const r = await http(`${e.gsUrl}/gsqlserver/gsql/schema?graph=g`, {
      headers: { Authorization: basic() },
    });
    const { results } = r.json as {
      results: {
        GraphName: string;
        VertexTypes: Record<string, unknown>[];
        EdgeTypes: Record<string, unknown>[];
      };
    };
    expect(results.GraphName).toBe('g');
    const v1 = results.VertexTypes[0] as Record<string, unknown>;
    expect(v1['PrimaryId']).toEqual({
      AttributeName: 'id',
      AttributeType: { Name: 'UINT' },
      PrimaryIdAsAttribute: true,
      IsPartOfCompositeKey: false,
      HasIndex: false,
      IsPrimaryKey: false,
    });
    const types = (v1['Attributes'] as { AttributeName: string; AttributeType: unknown }[]).map((a) => [
      a.AttributeName,
      a.AttributeType,
    ]);
    expect(types).toEqual([
      ['i', { Name: 'INT' }],
      ['u', { Name: 'UINT' }],
      ['f', { Name: 'FLOAT' }],
      ['d', { Name: 'DOUBLE' }],
      ['b', { Name: 'BOOL' }],
      ['s', { Name: 'STRING' }],
      ['dt', { Name: 'DATETIME' }],
      ['fb', { Name: 'FIXED_BINARY', FixedSize: 4 }],
      ['l', { Name: 'LIST', ValueTypeName: 'INT' }],
      ['st', { Name: 'SET', ValueTypeName: 'DATETIME' }],
      ['bg', { Name: 'BAG', ValueTypeName: 'STRING' }],
      ['m', { Name: 'MAP', KeyTypeName: 'INT', ValueTypeName: 'UDT', ValueTypeTupleName: 'T1' }],
      ['t', { Name: 'UDT', TupleName: 'T1' }],
      ['lt', { Name: 'LIST', ValueTypeName: 'UDT', ValueTypeTupleName: 'T1' }],
    ]);
    expect((v1['Attributes'] as Record<string, unknown>[])[0]).toEqual({
      AttributeName: 'i',
      AttributeType: { Name: 'INT' },
      IsPartOfCompositeKey: false,
      PrimaryIdAsAttribute: false,
      HasIndex: false,
      IsPrimaryKey: false,
    });
    expect(v1['Config']).toEqual({ STATS: 'OUTDEGREE_BY_EDGETYPE', PRIMARY_ID_AS_ATTRIBUTE: true });
    const [e1, e2, e3, e3rev] = results.EdgeTypes as Record<string, unknown>[];
    expect(e1).toEqual({
      Name: 'E1',
      FromVertexTypeName: '*',
      ToVertexTypeName: '*',
      IsDirected: false,
      Config: {},
      Attributes: [{ AttributeName: 'w', AttributeType: { Name: 'DOUBLE' } }],
      EdgePairs: [
        { From: 'V1', To: 'V2' },
        { From: 'V2', To: 'V3' },
      ],
    });
    expect(e2?.['EdgePairs']).toHaveLength(9);
    expect(e3).toEqual({
      Name: 'E3',
      FromVertexTypeName: 'V1',
      ToVertexTypeName: 'V2',
      IsDirected: true,
      Config: { REVERSE_EDGE: 'E3_rev' },
      Attributes: [
        { AttributeName: 'day', AttributeType: { Name: 'DATETIME' }, IsDiscriminator: true },
        { AttributeName: 'amount', AttributeType: { Name: 'UINT' } },
      ],
      DiscriminatorCount: 1,
      CompositeDiscriminator: ['day'],
    });
    expect(e3rev).toMatchObject({
      Name: 'E3_rev',
      FromVertexTypeName: 'V2',
      ToVertexTypeName: 'V1',
      Config: { REVERSE_EDGE: 'E3' },
    });
    const udt = await http(`${e.gsUrl}/gsqlserver/gsql/udtlist?graph=g`, {
      headers: { Authorization: basic() },
    });
    expect(udt.json).toEqual({
      error: false,
      message: '',
      results: [
        {
          name: 'T1',
          fields: [
            { fieldName: 'f1', fieldType: 'INT', length: 1 },
            { fieldName: 'f2', fieldType: 'UINT', length: 8 },
            { fieldName: 'f3', fieldType: 'STRING', length: 10 },
            { fieldName: 'f4', fieldType: 'DATETIME' },
          ],
        },
      ],
    });
  });

  test('4.x schema JSON (sparse flags), PRIMARY KEY and composite keys, /schema/graphs', async () => {
    const e = await emulator({ version: '4.2', gsqlScript: FULL });
    const h = { headers: { Authorization: basic() } };
    const one = await http(`${e.gsUrl}/gsql/v1/schema/graphs/g?type=V2`, h);
    expect(one.json).toEqual({
      error: false,
      message: '',
      results: {
        Name: 'V2',
        PrimaryId: {
          AttributeName: 'name',
          AttributeType: { Name: 'STRING' },
          IsUsingNewSyntax: true,
          PrimaryIdAsAttribute: true,
          IsPrimaryKey: true,
        },
        Attributes: [
          {
            AttributeName: 'name',
            AttributeType: { Name: 'STRING' },
            PrimaryIdAsAttribute: true,
            IsPrimaryKey: true,
          },
          { AttributeName: 'age', AttributeType: { Name: 'INT' } },
        ],
        Config: { STATS: 'OUTDEGREE_BY_EDGETYPE', PRIMARY_ID_AS_ATTRIBUTE: true },
      },
    });
    const v3 = (await http(`${e.gsUrl}/gsql/v1/schema/graphs/g?type=V3`, h)).json as {
      results: Record<string, unknown>;
    };
    expect(v3.results['Attributes']).toEqual([
      { AttributeName: 'a', AttributeType: { Name: 'STRING' }, IsPartOfCompositeKey: true },
      { AttributeName: 'b', AttributeType: { Name: 'INT' }, IsPartOfCompositeKey: true },
      { AttributeName: 'c', AttributeType: { Name: 'BOOL' } },
    ]);
    const list = await http(`${e.gsUrl}/gsql/v1/schema/graphs`, h);
    expect(list.json).toEqual({
      graphs: [{ graphName: 'g', vertices: ['V1', 'V2', 'V3'], edges: ['E1', 'E2', 'E3', 'E3_rev'] }],
      error: false,
      message: '',
    });
    const byName = await http(`${e.gsUrl}/gsql/v1/schema/graphs?graphName=g`, h);
    expect((byName.json as { results: { GraphName: string } }).results.GraphName).toBe('g');
    const tuples = await http(`${e.gsUrl}/gsql/v1/udt/tuples?graph=g`, h);
    expect((tuples.json as { results: { name: string }[] }).results[0]?.name).toBe('T1');
    expect((await http(`${e.gsUrl}/gsql/v1/schema/graphs/nope`, h)).json).toMatchObject({ error: true });
  });

  test('4.x statements: plain text, schema-change job bumps the schema version', async () => {
    const e = await emulator({ version: '4.2', gsqlScript: FULL });
    const job = await gsqlStatements(
      e,
      'USE GRAPH g\nCREATE SCHEMA_CHANGE JOB j1 FOR GRAPH g {\n  ADD VERTEX X (PRIMARY_ID id INT, n STRING);\n  ADD UNDIRECTED EDGE XE (FROM X, TO V2);\n}\nRUN SCHEMA_CHANGE JOB j1',
    );
    expect(job.status).toBe(200);
    expect(job.text).toBe(
      "Using graph 'g'\n" +
        'Successfully created schema change jobs: [j1].\n' +
        'Kick off schema change job j1\n' +
        "Doing schema change on graph 'g' (current version: 0)\n" +
        "Trying to add local vertex 'X' to the graph 'g'.\n" +
        "Trying to add local edge 'XE' to the graph 'g'.\n" +
        '\n' +
        'Graph g updated to new version 1\n' +
        'The job j1 completes in 0.001 seconds!\n' +
        'Local schema change succeeded.\n',
    );
    const up = await http(`${e.gsUrl}/restpp/graph/g`, {
      method: 'POST',
      body: '{"vertices":{"X":{"1":{"n":{"value":"a"}}}}}',
    });
    expect(up.json).toMatchObject({
      version: { edition: 'enterprise', api: 'v2', schema: 1 },
      results: [{ accepted_vertices: 1 }],
    });
    const schema = (
      await http(`${e.gsUrl}/gsql/v1/schema/graphs/g?type=X`, { headers: { Authorization: basic() } })
    ).json;
    expect(schema).toMatchObject({ results: { Name: 'X', IsLocal: true } });
    const drop = await gsqlStatements(e, 'USE GRAPH g\nDROP JOB j1');
    expect(drop.text).toBe("Using graph 'g'\nSuccessfully dropped jobs on the graph 'g': [j1].\n");
    const dropGraph = await gsqlStatements(e, 'DROP GRAPH g');
    expect(dropGraph.text).toBe('The graph g is dropped.\n');
    expect((await http(`${e.restppUrl}/graph/g/vertices/X`)).json).toMatchObject({ code: 'REST-1004' });
  });

  test('USE GLOBAL: DROP JOB drops global schema-change jobs (runSchemaChange with global: true)', async () => {
    const e = await emulator({ version: '4.2', gsqlScript: FULL });
    const run = await gsqlStatements(
      e,
      'USE GLOBAL\nCREATE GLOBAL SCHEMA_CHANGE JOB gj {\n  ADD VERTEX Y (PRIMARY_ID id INT);\n}\nRUN GLOBAL SCHEMA_CHANGE JOB gj\nDROP JOB gj',
    );
    expect(run.text).toContain('Global schema change succeeded.\n');
    expect(run.text).not.toContain('No graph is in use');
    expect(run.text.endsWith('Successfully dropped jobs: [gj].\n')).toBe(true);
    // Dropped: running or dropping it again names the missing job.
    const again = await gsqlStatements(e, 'USE GLOBAL\nDROP JOB gj');
    expect(again.text).toContain('The job gj does not exist.');
  });

  test('users and roles through GSQL; UPSERT … VALUES', async () => {
    const e = await emulator({ version: '4.2', gsqlScript: FULL });
    const r = await gsqlStatements(
      e,
      'CREATE USER u2 WITH PASSWORD "pw"\nGRANT ROLE designer ON GRAPH g TO u2',
    );
    expect(r.text).toBe(
      "Successfully created users: [u2].\nSuccessfully granted roles [designer] on graph 'g' to users [u2].\n",
    );
    expect((await gsqlStatements(e, 'ls', basic('u2', 'pw'))).status).toBe(200);
    const denied = await gsqlStatements(e, 'CREATE USER u3 WITH PASSWORD "x"', basic('u2', 'pw'));
    expect(denied.text).toContain('Permission denied');
    await gsqlStatements(e, 'USE GRAPH g\nUPSERT V2 VALUES ("Ann", 31)');
    const v = await http(`${e.restppUrl}/graph/g/vertices/V2/Ann`);
    expect((v.json as { results: unknown[] }).results).toEqual([
      { v_id: 'Ann', v_type: 'V2', attributes: { name: 'Ann', age: 31 } },
    ]);
    const dropped = await gsqlStatements(e, 'DROP USER u2');
    expect(dropped.text).toBe('Successfully dropped users: [u2].\n');
  });
});

test('a user GSQL script loads at start; a failing one refuses to start', async () => {
  const e = await emulator({ version: '3.10', gsqlScript: DDL, seed: 'empty' });
  expect((await http(`${e.restppUrl}/graph/g/vertices/Person`)).json).toMatchObject({
    error: false,
    results: [],
  });
  await expect(emulator({ gsqlScript: 'CREATE GRAPH x (Nope)' })).rejects.toThrow(/The gsqlScript failed/);
});
