// Loading jobs: GSQL CREATE/RUN/SHOW/DROP, POST /ddl with streamed bodies and TigerGraph's
// statistics (3.x flat and 3.9+/4.x forms), and the 3.x/4.x loading-job management endpoints.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { basic, emulator, gsqlFile, gsqlStatements, http, VERSION_BLOCK } from './helpers.js';

const SCHEMA = `CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING, age INT, tags SET<STRING>) WITH primary_id_as_attribute="true"
CREATE VERTEX City (PRIMARY_ID id STRING, population UINT)
CREATE DIRECTED EDGE LIVES_IN (FROM Person, TO City, since DATETIME) WITH REVERSE_EDGE="reverse_LIVES_IN"
CREATE UNDIRECTED EDGE KNOWS (FROM Person, TO Person)
CREATE GRAPH g (*)`;

const JOB = `USE GRAPH g
CREATE LOADING JOB load_people FOR GRAPH g {
  DEFINE FILENAME f1;
  DEFINE FILENAME f2;
  LOAD f1 TO VERTEX Person VALUES ($0, $1, $2, _) USING SEPARATOR=",", EOL="\\n";
  LOAD f2 TO EDGE LIVES_IN VALUES ($0, $1, $2), TO VERTEX City VALUES ($1, _) USING SEPARATOR="|";
}`;

const tmp = mkdtempSync(join(tmpdir(), 'tgraph-loading-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const zeroObject = (typeName: string, validObject: number) => ({
  typeName,
  validObject,
  passedCondition: 0,
  failedCondition: 0,
  invalidPrimaryId: 0,
  noIdFound: 0,
  invalidAttribute: 0,
  incorrectFixedBinaryLength: 0,
  invalidVertexType: 0,
});

const zeroFile = {
  validLine: 0,
  rejectLine: 0,
  notEnoughToken: 0,
  badCharacter: 0,
  tokenExceedsBuffer: 0,
  emptyLine: 0,
};

describe('CREATE / SHOW / DROP LOADING JOB in GSQL', () => {
  test('create, ls, SHOW JOB and DROP JOB print what GSQL prints', async () => {
    const e = await emulator({ version: '3.10', gsqlScript: SCHEMA });
    const created = await gsqlFile(e, JOB);
    expect(created.text).toBe(
      "Using graph 'g'\nSuccessfully created loading jobs: [load_people].\n__GSQL__RETURN__CODE__,0\n",
    );
    const ls = await gsqlFile(e, 'USE GRAPH g\nls');
    expect(ls.text).toContain(
      'Jobs:\n' +
        '  - CREATE LOADING JOB load_people FOR GRAPH g {\n' +
        '    DEFINE FILENAME f1;\n' +
        '    DEFINE FILENAME f2;\n' +
        // ls prints the job normalised: VALUES(…), SEPARATOR, HEADER and EOL with their defaults (ls-loading-job.ts).
        '    LOAD f1 TO VERTEX Person VALUES($0, $1, $2, _) USING SEPARATOR=",", HEADER="false", EOL="\\n";\n' +
        '    LOAD f2 TO EDGE LIVES_IN VALUES($0, $1, $2), TO VERTEX City VALUES($1, _) USING SEPARATOR="|", HEADER="false", EOL="\\n";\n' +
        '    }\n' +
        'Queries:\n',
    );
    const show = await gsqlFile(e, 'USE GRAPH g\nSHOW JOB load_people');
    expect(show.text).toContain('CREATE LOADING JOB load_people FOR GRAPH g {\n  DEFINE FILENAME f1;');
    const dup = await gsqlFile(e, JOB);
    expect(dup.text).toContain(
      'Semantic Check Fails: The job name load_people is already used by another job! Please use a different name.\nFailed to create loading jobs: [load_people].\n__GSQL__RETURN__CODE__,212',
    );
    const dropped = await gsqlFile(e, 'USE GRAPH g\nDROP JOB load_people');
    expect(dropped.text).toBe(
      "Using graph 'g'\nSuccessfully dropped jobs on the graph 'g': [load_people].\n__GSQL__RETURN__CODE__,0\n",
    );
    const again = await gsqlFile(e, 'USE GRAPH g\nDROP JOB load_people');
    expect(again.text).toContain('Semantic Check Fails: The job load_people does not exist.');
  });

  test('a job that does not fit the schema fails at CREATE with a message naming the problem', async () => {
    const e = await emulator({ version: '4.2', gsqlScript: SCHEMA });
    const cases: [string, string][] = [
      [
        'LOAD f TO VERTEX Nobody VALUES ($0)',
        'Semantic Check Fails: LOAD statement 1 of job j: the vertex type Nobody does not exist in graph g.',
      ],
      [
        'LOAD f TO VERTEX Person VALUES ($0, $1)',
        'Semantic Check Fails: LOAD statement 1 of job j: the vertex type Person expects 4 values (the id and every attribute in order), but 2 were given.',
      ],
      [
        'LOAD f TO VERTEX Person VALUES ($0, $"name", _, _)',
        'Semantic Check Fails: LOAD statement 1 of job j: the column name $"name" needs HEADER="true" or USER_DEFINED_HEADER in the USING clause.',
      ],
      [
        'LOAD f TO VERTEX Person VALUES ($0, gsql_frobnicate($1), _, _)',
        'Semantic Check Fails: LOAD statement 1 of job j: the token function gsql_frobnicate is not supported by the emulator',
      ],
      [
        'LOAD nofile TO VERTEX Person VALUES ($0, $1, _, _)',
        'Semantic Check Fails: LOAD statement 1 of job j: the file variable nofile is not defined (DEFINE FILENAME nofile;).',
      ],
      [
        'LOAD f TO EDGE reverse_LIVES_IN VALUES ($0, $1, _)',
        'Semantic Check Fails: LOAD statement 1 of job j: reverse_LIVES_IN is a reverse edge; load LIVES_IN instead.',
      ],
    ];
    for (const [load, message] of cases) {
      const r = await gsqlStatements(
        e,
        `USE GRAPH g\nCREATE LOADING JOB j FOR GRAPH g {\n  DEFINE FILENAME f;\n  ${load};\n}`,
      );
      expect(r.text).toContain(message);
      expect(r.text).toContain('Failed to create loading jobs: [j].');
    }
    const unsupported = await gsqlStatements(
      e,
      'USE GRAPH g\nCREATE LOADING JOB j FOR GRAPH g {\n  DEFINE FILENAME f;\n  LOAD f TO TEMP_TABLE t (a) VALUES ($0);\n}',
    );
    expect(unsupported.text).toContain("TO TEMP_TABLE is not supported by the emulator's loading jobs");
  });
});

describe('POST /ddl/{graph}', () => {
  test('4.x: the statistics form of the reference (§9.8) and the loaded vertices', async () => {
    const e = await emulator({ version: '4.2', gsqlScript: `${SCHEMA}\n${JOB}` });
    const r = await http(`${e.restppViaGsUrl}/ddl/g?tag=load_people&filename=f1&sep=%2C&eol=%0A`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '1,Tom,31\n2,Ann,27\n',
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [
        {
          sourceFileName: 'Online_POST',
          statistics: {
            parsingStatistics: {
              fileLevel: { ...zeroFile, validLine: 2 },
              objectLevel: { vertex: [zeroObject('Person', 2)], edge: [] },
            },
          },
        },
      ],
      code: 'REST-0000',
    });
    const last = e.requests.at(-1);
    expect(last).toMatchObject({
      method: 'POST',
      path: '/restpp/ddl/g',
      query: { tag: 'load_people', filename: 'f1', sep: ',', eol: '\n' },
      body: '1,Tom,31\n2,Ann,27\n',
    });
    const tom = await http(`${e.restppViaGsUrl}/graph/g/vertices/Person/1`);
    expect(tom.json).toMatchObject({
      results: [{ v_id: '1', v_type: 'Person', attributes: { id: '1', name: 'Tom', age: 31, tags: [] } }],
    });
  });

  test('3.8: the flat statistics form, rejected lines counted by reason', async () => {
    const e = await emulator({ version: '3.8', gsqlScript: `${SCHEMA}\n${JOB}` });
    // 1 good line, 1 with too few tokens, 1 empty, 1 with an INT that is not a number, 1 with no id.
    const body = '1,Tom,31\n2\n\n3,Bob,old\n,Nobody,5\n';
    const r = await http(`${e.restppUrl}/ddl/g?tag=load_people&filename=f1`, { method: 'POST', body });
    expect(r.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [
        {
          sourceFileName: 'Online_POST',
          statistics: {
            validLine: 3,
            rejectLine: 1,
            failedConditionLine: 0,
            notEnoughToken: 1,
            invalidJson: 0,
            oversizeToken: 0,
            vertex: [
              {
                typeName: 'Person',
                validObject: 1,
                noIdFound: 1,
                invalidAttribute: 1,
                invalidVertexType: 0,
                invalidPrimaryId: 0,
                invalidSecondaryId: 0,
                incorrectFixedBinaryLength: 0,
                invalidAttributeLinesData: ['3,Bob,old'],
              },
            ],
            edge: [],
            deleteVertex: [],
            deleteEdge: [],
          },
        },
      ],
      code: 'REST-0000',
    });
    const count = await http(`${e.restppUrl}/graph/g/vertices/Person?count_only=true`);
    expect(count.json).toMatchObject({ results: [{ v_type: 'Person', count: 1 }] });
  });

  test('edges with a custom separator create their endpoint vertices; DATETIME from text and epoch', async () => {
    const e = await emulator({ version: '3.10', gsqlScript: `${SCHEMA}\n${JOB}` });
    const r = await http(`${e.restppUrl}/ddl/g?tag=load_people&filename=f2`, {
      method: 'POST',
      body: 'p1|Paris|2020-01-02 03:04:05\np2|Lyon|86400\n',
    });
    expect(r.json).toMatchObject({
      results: [
        {
          statistics: {
            parsingStatistics: {
              fileLevel: { ...zeroFile, validLine: 2 },
              objectLevel: { vertex: [zeroObject('City', 2)], edge: [zeroObject('LIVES_IN', 2)] },
            },
          },
        },
      ],
    });
    const edges = await http(`${e.restppUrl}/graph/g/edges/Person/p2/LIVES_IN`);
    expect(edges.json).toMatchObject({
      results: [
        {
          e_type: 'LIVES_IN',
          from_type: 'Person',
          from_id: 'p2',
          to_type: 'City',
          to_id: 'Lyon',
          directed: true,
          attributes: { since: '1970-01-02 00:00:00' },
        },
      ],
    });
    const p1 = await http(`${e.restppUrl}/graph/g/vertices/Person/p1`);
    expect(p1.json).toMatchObject({ results: [{ v_id: 'p1', attributes: { name: '', age: 0 } }] });
  });

  test('HEADER, $"column", QUOTE, WHERE, token functions and SET attributes', async () => {
    const job = `USE GRAPH g
CREATE LOADING JOB fancy FOR GRAPH g {
  DEFINE FILENAME f;
  LOAD f TO VERTEX Person VALUES ($"id", gsql_concat(gsql_to_upper($"name"), "!"), $"age", $"tag") WHERE $"age" >= 18 AND gsql_is_not_empty_string($"name") USING SEPARATOR="\\t", HEADER="true", QUOTE="double";
}`;
    const e = await emulator({ version: '4.2', gsqlScript: `${SCHEMA}\n${job}` });
    const body = 'id\tname\tage\ttag\n1\t"Tom\tT."\t31\tx\n1\tTom\t31\ty\n2\tkid\t9\tz\n3\t\t40\tw\n';
    const r = await http(`${e.restppViaGsUrl}/ddl/g?tag=fancy&filename=f`, { method: 'POST', body });
    expect(r.json).toMatchObject({
      results: [
        {
          statistics: {
            parsingStatistics: {
              fileLevel: { ...zeroFile, validLine: 4 },
              objectLevel: {
                vertex: [{ ...zeroObject('Person', 2), passedCondition: 2, failedCondition: 2 }],
                edge: [],
              },
            },
          },
        },
      ],
    });
    const one = await http(`${e.restppViaGsUrl}/graph/g/vertices/Person/1`);
    expect(one.json).toMatchObject({ results: [{ attributes: { name: 'TOM!', age: 31 } }] });
    const tags = (one.json as { results: { attributes: { tags: string[] } }[] }).results[0]?.attributes.tags;
    expect([...(tags ?? [])].sort()).toEqual(['x', 'y']);
    const none = await http(`${e.restppViaGsUrl}/graph/g/vertices/Person/2`);
    expect(none.json).toMatchObject({ error: true, code: '601' });
  });

  test('a multi-megabyte body is streamed: loaded line by line past the buffered-body limit', async () => {
    // maxBodyBytes is 1 MB: a buffered request of this size would get 413.
    const e = await emulator({ version: '4.2', gsqlScript: `${SCHEMA}\n${JOB}`, maxBodyBytes: 1024 * 1024 });
    const lines = 200_000;
    const distinct = 50_000;
    let sent = 0;
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= lines) {
          controller.close();
          return;
        }
        let chunk = '';
        for (let i = 0; i < 5000 && sent < lines; i++, sent++) {
          chunk += `${sent % distinct},person number ${sent % distinct} with a longer name,${sent % 90}\n`;
        }
        controller.enqueue(encoder.encode(chunk));
      },
    });
    const res = await fetch(`${e.restppUrl}/ddl/g?tag=load_people&filename=f1`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const json = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(json).toMatchObject({
      error: false,
      results: [
        {
          statistics: {
            parsingStatistics: {
              fileLevel: { ...zeroFile, validLine: lines },
              objectLevel: { vertex: [zeroObject('Person', lines)], edge: [] },
            },
          },
        },
      ],
    });
    const count = await http(`${e.restppUrl}/graph/g/vertices/Person?count_only=true`);
    expect(count.json).toMatchObject({ results: [{ v_type: 'Person', count: distinct }] });
    const v = await http(`${e.restppUrl}/graph/g/vertices/Person/49999`);
    expect(v.json).toMatchObject({
      results: [{ attributes: { name: 'person number 49999 with a longer name', age: 199_999 % 90 } }],
    });
    // The request log keeps only the first 64 KiB of a streamed body.
    const rec = e.requests.find((x) => x.path === '/ddl/g');
    expect(rec?.body.length).toBe(64 * 1024);
    expect(rec?.body.startsWith('0,person number 0 with a longer name,0\n1,')).toBe(true);
  });

  test('errors: unknown graph, missing tag, unknown job; an undefined filename answers empty results', async () => {
    const e = await emulator({ version: '4.2', gsqlScript: `${SCHEMA}\n${JOB}` });
    const noGraph = await http(`${e.restppUrl}/ddl/nope?tag=load_people&filename=f1`, {
      method: 'POST',
      body: '1',
    });
    expect(noGraph.status).toBe(404);
    expect(noGraph.json).toEqual({
      version: VERSION_BLOCK,
      error: true,
      message:
        "The graph name 'nope' parsed from the url = '/ddl/nope' is not found, please provide a valid graph name.",
      code: 'REST-1004',
    });
    const noTag = await http(`${e.restppUrl}/ddl/g?filename=f1`, { method: 'POST', body: '1' });
    expect(noTag.json).toMatchObject({
      error: true,
      code: 'REST-30000',
      message: 'The parameter tag (the loading job name) is required.',
    });
    const noJob = await http(`${e.restppUrl}/ddl/g?tag=nojob&filename=f1`, { method: 'POST', body: '1' });
    expect(noJob.json).toMatchObject({
      error: true,
      code: 'REST-30000',
      message: "The loading job 'nojob' does not exist in graph g.",
    });
    const noFile = await http(`${e.restppUrl}/ddl/g?tag=load_people&filename=f9`, {
      method: 'POST',
      body: '1',
    });
    expect(noFile.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [],
      code: 'REST-0000',
    });
    const get = await http(`${e.restppUrl}/ddl/g?tag=load_people&filename=f1`);
    expect(get.json).toMatchObject({ error: true, code: 'REST-1000' });
  });

  test('auth: /ddl needs a token when RESTPP auth is on', async () => {
    const e = await emulator({ version: '3.10', auth: true, gsqlScript: `${SCHEMA}\n${JOB}` });
    const r = await http(`${e.restppUrl}/ddl/g?tag=load_people&filename=f1`, {
      method: 'POST',
      body: '1,a,2\n',
    });
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ error: true, code: 'REST-10016' });
    const count = await http(`${e.restppUrl}/graph/g/vertices/Person?count_only=true`, {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(count.status).toBe(401);
  });

  test('max_num_error aborts with REST-20002; the job id is tracked for 3.x getprogress', async () => {
    const e = await emulator({ version: '3.10', gsqlScript: `${SCHEMA}\n${JOB}` });
    const jobid = 'g.load_people.file.m1.1700000000000';
    const bad = await http(
      `${e.restppUrl}/ddl/g?tag=load_people&filename=f1&jobid=${jobid}&max_num_error=1`,
      {
        method: 'POST',
        body: '1,a,x\n2,b,y\n3,c,z\n',
      },
    );
    expect(bad.json).toMatchObject({ error: true, code: 'REST-20002' });
    const ok = await http(`${e.restppUrl}/ddl/g?tag=load_people&filename=f1&jobid=${jobid}.2`, {
      method: 'POST',
      body: '1,a,1\n2,b,2\n',
    });
    expect(ok.json).toMatchObject({ error: false });
    const progress = await http(
      `${e.gsUrl}/gsqlserver/gsql/loading-jobs?action=getprogress&graph=g&jobId=${jobid}.2`,
      { headers: { Authorization: basic() } },
    );
    expect(progress.json).toMatchObject({
      error: false,
      message: '',
      results: [
        {
          overall: {
            id: `${jobid}.2`,
            progress: 100,
            size: 12,
            statistics: {
              fileLevel: { ...zeroFile, validLine: 2 },
              objectLevel: { vertex: [zeroObject('Person', 2)], edge: [] },
            },
          },
          workers: [{ tasks: [{ filename: 'f1' }] }],
        },
      ],
    });
  });
});

describe('RUN LOADING JOB and the 4.x loading-job endpoints', () => {
  test('RUN LOADING JOB reads local files and prints the job id and status', async () => {
    const people = join(tmp, 'people.csv');
    writeFileSync(people, '1,Tom,31\n2,Ann,27\n3,Bob,x\n');
    const homes = join(tmp, 'homes.csv');
    writeFileSync(homes, 'p9|Rome|2021-01-01\n');
    const e = await emulator({ version: '3.10', gsqlScript: `${SCHEMA}\n${JOB}` });
    const r = await gsqlFile(
      e,
      `USE GRAPH g\nRUN LOADING JOB load_people USING f1="m1:${people}", f2="${homes}"`,
    );
    expect(r.text).toMatch(
      /^Using graph 'g'\nKick off the following job:\n {2}JobName: load_people, jobid: g_m1\.\d+\n {2}Loading log: '\/home\/tigergraph\/tigergraph\/log\/restpp\/restpp_loader_logs\/g\/g_m1\.\d+\.log'\n/,
    );
    expect(r.text).toContain('  Valid lines: 4, rejected lines: 0, empty lines: 0\n');
    expect(r.text).toContain('  Person: valid objects 2, invalid attribute 1\n');
    expect(r.text).toContain('  LIVES_IN: valid objects 1, invalid attribute 0\n');
    expect(r.text).toMatch(/LOAD SUCCESSFUL for loading jobid: g_m1\.\d+\n__GSQL__RETURN__CODE__,0\n$/);
    const missing = await gsqlFile(e, 'USE GRAPH g\nRUN LOADING JOB load_people');
    expect(missing.text).toBe(
      'Using graph \'g\'\nSemantic Check Fails: The file variable f1 of job load_people has no path. Give one with USING f1="<path>".\n__GSQL__RETURN__CODE__,212\n',
    );
    const count = await http(`${e.restppUrl}/graph/g/vertices/Person?count_only=true`);
    expect(count.json).toMatchObject({ results: [{ count: 3 }] });
  });

  test('a job whose types were dropped by a schema change fails when it runs, naming the type', async () => {
    const e = await emulator({ version: '3.10', gsqlScript: `${SCHEMA}\n${JOB}` });
    const change = await gsqlFile(
      e,
      'USE GRAPH g\nCREATE SCHEMA_CHANGE JOB drop_city FOR GRAPH g {\n  DROP VERTEX City;\n}\nRUN SCHEMA_CHANGE JOB drop_city',
    );
    expect(change.text).toContain('__GSQL__RETURN__CODE__,0');
    const file = join(tmp, 'after-drop.csv');
    writeFileSync(file, 'p1|Paris|0\n');
    const run = await gsqlFile(
      e,
      `USE GRAPH g\nRUN LOADING JOB load_people USING f1="${file}", f2="${file}"`,
    );
    expect(run.text).toContain(
      'Semantic Check Fails: LOAD statement 2 of job load_people: City is not a valid target vertex type of edge LIVES_IN.',
    );
    expect(run.text).toContain('__GSQL__RETURN__CODE__,212');
    const ddl = await http(`${e.restppUrl}/ddl/g?tag=load_people&filename=f2`, {
      method: 'POST',
      body: 'p1|Paris|0\n',
    });
    expect(ddl.json).toMatchObject({ error: true, code: 'REST-30000' });
  });

  test('DEFINE HEADER with USER_DEFINED_HEADER, a literal LOAD path and -noprint', async () => {
    const cities = join(tmp, 'cities-udh.csv');
    writeFileSync(cities, 'Oslo;700000\nBergen;290000\n');
    const job = `USE GRAPH g
CREATE LOADING JOB udh FOR GRAPH g {
  DEFINE HEADER h = "name", "pop";
  LOAD "${cities}" TO VERTEX City VALUES ($"name", $"pop") USING SEPARATOR=";", USER_DEFINED_HEADER="h";
}`;
    const e = await emulator({ version: '4.2', gsqlScript: `${SCHEMA}\n${job}` });
    const r = await gsqlStatements(e, 'USE GRAPH g\nRUN LOADING JOB -noprint udh');
    expect(r.text).toMatch(
      /^Using graph 'g'\nKick off the following job:\n {2}JobName: udh, jobid: g\.udh\.file\.m1\.\d+\n {2}Loading log: '[^']+'\n$/,
    );
    const oslo = await http(`${e.restppUrl}/graph/g/vertices/City/Oslo`);
    expect(oslo.json).toMatchObject({ results: [{ v_id: 'Oslo', attributes: { population: 700000 } }] });
    // The literal path is the job's first unnamed file: /ddl addresses it as __GSQL_FILENAME_0__.
    const viaDdl = await http(`${e.restppUrl}/ddl/g?tag=udh&filename=__GSQL_FILENAME_0__`, {
      method: 'POST',
      body: `Rome;2800000\n${'x'.repeat(9 * 1024 * 1024)}\nNice;340000`,
    });
    expect(viaDdl.json).toMatchObject({
      results: [
        {
          statistics: {
            parsingStatistics: {
              fileLevel: { ...zeroFile, validLine: 2, rejectLine: 1, tokenExceedsBuffer: 1 },
              objectLevel: { vertex: [zeroObject('City', 2)], edge: [] },
            },
          },
        },
      ],
    });
  });

  test('3.x /gsqlserver/gsql/loading-jobs: action=start keyed by job name, getprogress, pause/resume/stop', async () => {
    const people = join(tmp, 'people-3x.csv');
    const homes = join(tmp, 'homes-3x.csv');
    writeFileSync(people, '1,Tom,31\n');
    writeFileSync(homes, 'p1|Paris|2020-01-01\n');
    const e = await emulator({ version: '3.10', gsqlScript: `${SCHEMA}\n${JOB}` });
    const headers = { Authorization: basic() };
    const base = `${e.gsUrl}/gsqlserver/gsql/loading-jobs?graph=g`;
    const started = await http(`${base}&action=start`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        jobs: [
          {
            name: 'load_people',
            streaming: false,
            dataSources: [
              { filename: 'f1', name: 'file', path: people },
              { filename: 'f2', name: 'file', path: homes },
            ],
          },
          { name: 'nope', dataSources: [] },
        ],
      }),
    });
    const reply = started.json as Record<string, { error: boolean; message: string; results?: string }>;
    const id = reply['load_people']?.results as string;
    expect(id).toMatch(/^g\.load_people\.file\.m1\.\d+$/);
    expect(reply).toEqual({
      load_people: {
        error: false,
        message: `Kick off the following job:\n  JobName: load_people, jobid: ${id}\n  Loading log: '/home/tigergraph/tigergraph/log/restpp/restpp_loader_logs/g/${id}.log'`,
        results: id,
      },
      nope: {
        error: true,
        message: 'The loading job nope does not exist in graph g. Please check the GSQL log.',
      },
    });
    const progress = await http(`${base}&action=getprogress&jobId=${id}`, { headers });
    expect(progress.json).toMatchObject({
      error: false,
      results: [
        {
          overall: {
            id,
            progress: 100,
            statistics: {
              fileLevel: { ...zeroFile, validLine: 2 },
              objectLevel: {
                vertex: [zeroObject('Person', 1), zeroObject('City', 1)],
                edge: [zeroObject('LIVES_IN', 1)],
              },
            },
          },
          workers: [{ tasks: [{ filename: people }, { filename: homes }] }],
        },
      ],
    });
    for (const [action, text] of [
      ['pause', 'paused'],
      ['resume', 'resumed'],
      ['stop', 'stopped'],
    ]) {
      expect((await http(`${base}&action=${action}&jobId=${id}`, { headers })).json).toEqual({
        error: false,
        message: `Successfully ${text} loading job(s): [${id}].`,
      });
    }
    const unknown = await http(`${base}&action=getprogress&jobId=nope`, { headers });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: true, message: 'The loading job id nope does not exist.' });
  });

  test('/gsql/v1/loading-jobs: create, list, get, run, status, abort, resume, delete', async () => {
    const e = await emulator({ version: '4.2', gsqlScript: SCHEMA });
    const auth = { Authorization: basic() };
    const base = `${e.gsUrl}/gsql/v1/loading-jobs`;
    const jobText =
      'CREATE LOADING JOB j1 FOR GRAPH g {\n  DEFINE FILENAME f;\n  LOAD f TO VERTEX City VALUES ($0, $1);\n}';
    const created = await http(`${base}?graph=g`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: jobText,
    });
    expect(created.json).toEqual({ error: false, message: 'Successfully created loading job: j1' });
    expect((await http(`${base}?graph=g`, { headers: auth })).json).toEqual({
      error: false,
      message: '',
      jobNames: ['j1'],
    });
    expect((await http(`${base}/j1?graph=g`, { headers: auth })).json).toEqual({
      error: false,
      message: '',
      results: { jobName: 'j1', jobContent: jobText },
    });
    expect((await http(`${base}/j1?graph=g&json=true`, { headers: auth })).json).toMatchObject({
      results: {
        JobName: 'j1',
        GraphName: 'g',
        FileNames: { f: '' },
        LoadingStatements: [
          {
            Type: 'Vertex',
            TargetName: 'City',
            DataSource: { Type: 'FileVar', Value: 'f' },
            Mappings: ['$0', '$1'],
          },
        ],
      },
    });
    const file = join(tmp, 'cities.csv');
    writeFileSync(file, 'Paris,2100000\nLyon,-5\n');
    const run = await http(`${base}/run?graph=g`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify([
        {
          name: 'j1',
          'sys.data_root': '/tmp',
          verbose: true,
          dryrun: false,
          interval: 1,
          maxNumError: 1,
          maxPercentError: 1,
          streaming: false,
          dataSources: [{ filename: 'f', name: 'file', path: file }],
        },
      ]),
    });
    const runJson = run.json as { jobIds: string[] };
    expect(run.json).toEqual({
      error: false,
      message: 'Successfully ran loading job(s): [j1]',
      jobIds: [expect.stringMatching(/^g\.j1\.file\.m1\.\d+$/)],
    });
    const id = runJson.jobIds[0] as string;
    const status = await http(`${base}/status?graph=g&jobIds=${id}`, { headers: auth });
    expect(status.json).toMatchObject({
      error: false,
      results: [
        {
          overall: {
            id,
            progress: 100,
            size: 22,
            statistics: {
              fileLevel: { ...zeroFile, validLine: 2 },
              objectLevel: { vertex: [{ ...zeroObject('City', 1), invalidAttribute: 1 }], edge: [] },
            },
          },
          workers: [{ tasks: [{ filename: file }] }],
        },
      ],
    });
    // pyTigerGraph spells the list as repeated jobId parameters.
    expect(
      (await http(`${base}/status?graph=g&jobId=${id}&jobId=${id}`, { headers: auth })).json,
    ).toMatchObject({
      results: [{ overall: { id } }, { overall: { id } }],
    });
    expect((await http(`${base}/status/${id}`, { headers: auth })).json).toMatchObject({
      results: [{ overall: { id } }],
    });
    expect((await http(`${base}/abort?graph=g&jobIds=${id}&isPause=true`, { headers: auth })).json).toEqual({
      error: false,
      message: `Successfully paused loading job(s): [${id}].`,
    });
    expect((await http(`${base}/resume/${id}`, { headers: auth })).json).toEqual({
      error: false,
      message: `Successfully resumed loading job(s): [${id}].`,
    });
    expect((await http(`${base}/abort/${id}?graph=g`, { headers: auth })).json).toEqual({
      error: false,
      message: `Successfully dropped loading job(s): [${id}].`,
    });
    expect((await http(`${base}/j1?graph=g`, { method: 'DELETE', headers: auth })).json).toEqual({
      error: false,
      message: "Successfully drop loading job 'j1'.",
    });
    expect((await http(`${base}/j1?graph=g`, { headers: auth })).status).toBe(404);
    expect((await http(`${base}?graph=g`)).status).toBe(401);
  });
});

describe('/gsql/v1/data-sources', () => {
  test('create, list without credentials, grant, drop and drop all', async () => {
    const e = await emulator({ version: '4.2', gsqlScript: SCHEMA });
    const auth = { Authorization: basic(), 'Content-Type': 'application/json' };
    const base = `${e.gsUrl}/gsql/v1/data-sources`;
    const config = { type: 's3', 'access.key': 'AKIAEXAMPLEKEY', 'secret.key': 'very-secret-value' };
    const created = await http(`${base}?graph=g`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 's4', config }),
    });
    expect(created.json).toEqual({ error: false, message: 'Data source s4 is created' });
    const list = await http(base, { headers: auth });
    expect(list.json).toEqual({
      error: false,
      message: '',
      results: [
        {
          name: 's4',
          type: 's3',
          config: { type: 's3', 'access.key': '******', 'secret.key': '******' },
          graphs: ['g'],
        },
      ],
    });
    expect(list.text).not.toContain('very-secret-value');
    const dup = await http(base, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 's4', config }),
    });
    expect(dup.json).toEqual({ error: true, message: 'Data source s4 already exists.' });
    const granted = await http(`${base}/revoke`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ graphs: ['g'], datasource: 's4' }),
    });
    expect(granted.json).toEqual({
      error: false,
      message: 'Successfully revoked data source s4 from graph(s): [g].',
    });
    expect((await http(`${base}/s4`, { headers: auth })).json).toMatchObject({
      results: { name: 's4', graphs: [] },
    });
    const updated = await http(`${base}/s4`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ name: 's4', config: { type: 's3', region: 'eu' } }),
    });
    expect(updated.json).toEqual({ error: false, message: 'Data source s4 is updated' });
    expect((await http(`${base}/s4`, { headers: auth })).json).toMatchObject({
      results: { config: { type: 's3', region: 'eu' } },
    });
    expect((await http(`${base}/s4`, { method: 'DELETE', headers: auth })).json).toEqual({
      error: false,
      message: 'Data source s4 is dropped.',
    });
    await http(base, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'k1', config: { type: 'kafka' } }),
    });
    expect((await http(`${base}/dropAll`, { method: 'DELETE', headers: auth })).json).toEqual({
      error: false,
      message: 'All data sources is dropped successfully.',
    });
    expect((await http(base, { headers: auth })).json).toEqual({ error: false, message: '', results: [] });
  });
});
