// Wire shapes of the query endpoints: GSQL statements (3.x /gsqlserver/gsql/file, 4.x
// /gsql/v1/statements), RESTPP /query with its parameter encodings and errors, detached queries,
// and the GSQL-server query REST endpoints (reference §4.8–4.14).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlFile, gsqlStatements, http, VERSION_BLOCK } from './helpers.js';

const HELLO = `CREATE QUERY hello(INT n, STRING who = "world") FOR GRAPH MyGraph SYNTAX v2 {
  SumAccum<INT> @@total;
  FOREACH i IN RANGE[1, n] DO @@total += i; END;
  PRINT @@total AS total, "hello " + who AS greeting;
}`;

const INSTALL_OUT = [
  'Start installing queries, about 1 minute ...',
  `hello query: curl -X GET 'http://127.0.0.1:9000/query/MyGraph/hello?n=VALUE&who=VALUE'. Add -H "Authorization: Bearer TOKEN" if authentication is enabled.`,
  "Select 'm1' as compile server, now connecting ...",
  "Node 'm1' is prepared as compile server.",
  '',
  `[${'='.repeat(104)}] 100% (1/1)`,
  'Query installation finished.',
].join('\n');

/**
 * RUN QUERY's reply as the shell lays it out: a one-element array or one-key object stays on its
 * opening line (GSQL 101: https://docs.tigergraph.com/gsql-ref/3.10/tutorials/gsql-101/parameterized-gsql-query).
 */
const shellRun = (total: number, greeting: string) =>
  [
    '{',
    '  "error": false,',
    '  "message": "",',
    '  "version": {',
    `    "edition": "${VERSION_BLOCK.edition}",`,
    `    "api": "${VERSION_BLOCK.api}",`,
    `    "schema": ${VERSION_BLOCK.schema}`,
    '  },',
    '  "results": [{',
    `    "total": ${total},`,
    `    "greeting": "${greeting}"`,
    '  }]',
    '}',
  ].join('\n');

async function withHello(version = '4.2'): Promise<RunningEmulator> {
  const e = await emulator({ version, seed: 'covid' });
  const r = await gsqlFile(e, `USE GRAPH MyGraph\n${HELLO}\nINSTALL QUERY hello`);
  expect(r.text).toBe(
    `Using graph 'MyGraph'\nSuccessfully created queries: [hello].\n${INSTALL_OUT}\n__GSQL__RETURN__CODE__,0\n`,
  );
  return e;
}

describe('GSQL statements about queries', () => {
  test('3.x /gsql/file: CREATE, INSTALL, ls, SHOW, RUN, DROP', async () => {
    const e = await withHello('3.10');
    const ls = await gsqlFile(e, 'USE GRAPH MyGraph\nls');
    // city_stats declares no SYNTAX: v2, TigerGraph's default since 3.5 (query-syntax-default.int.test.ts).
    expect(ls.text).toContain(
      '\nQueries:\n  - city_stats(string province) (installed v2)\n  - hello(int n, string who) (installed v2)\n  - infection_chain(vertex<Patient> p, int max_depth) (installed v2)\n  - neighbourhood(vertex<Patient> p) (installed v2)\n',
    );
    const show = await gsqlFile(e, 'USE GRAPH MyGraph\nSHOW QUERY hello');
    expect(show.text).toBe(`Using graph 'MyGraph'\n${HELLO}\n__GSQL__RETURN__CODE__,0\n`);
    const run = await gsqlFile(e, 'USE GRAPH MyGraph\nRUN QUERY hello(4, "tg")');
    expect(run.text).toBe(`Using graph 'MyGraph'\n${shellRun(10, 'hello tg')}\n__GSQL__RETURN__CODE__,0\n`);
    const drop = await gsqlFile(e, 'USE GRAPH MyGraph\nDROP QUERY hello');
    expect(drop.text).toBe(
      `Using graph 'MyGraph'\nSuccessfully dropped queries: [hello].\n__GSQL__RETURN__CODE__,0\n`,
    );
    const gone = await http(`${e.restppUrl}/query/MyGraph/hello?n=1`);
    expect(gone.status).toBe(404);
  });

  test('4.x /statements: CREATE, duplicate, CREATE OR REPLACE needs INSTALL again', async () => {
    const e = await withHello('4.2');
    const dup = await gsqlStatements(e, `USE GRAPH MyGraph\n${HELLO}`);
    expect(dup.text).toBe(
      "Using graph 'MyGraph'\nSemantic Check Fails: The query hello already exists in graph MyGraph. Use CREATE OR REPLACE QUERY to replace it.\nFailed to create queries: [hello].\n",
    );
    const replaced = await gsqlStatements(
      e,
      `USE GRAPH MyGraph\n${HELLO.replace('CREATE QUERY', 'CREATE OR REPLACE QUERY')}`,
    );
    expect(replaced.text).toBe("Using graph 'MyGraph'\nSuccessfully created queries: [hello].\n");
    // Replaced but not installed again: the endpoint is gone until INSTALL QUERY.
    const r = await http(`${e.restppUrl}/query/MyGraph/hello?n=2`);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({
      version: VERSION_BLOCK,
      error: true,
      message:
        'Endpoint is not found from url = /query/MyGraph/hello, please use GET /endpoints to list all valid endpoints.',
      code: 'REST-1000',
    });
    const again = await gsqlStatements(e, 'USE GRAPH MyGraph\nINSTALL QUERY -force ALL');
    expect(again.text).toContain('[========');
    expect((await http(`${e.restppUrl}/query/MyGraph/hello?n=2`)).status).toBe(200);
  });

  test('constructs outside the subset fail at CREATE, naming the construct', async () => {
    const e = await emulator({ seed: 'covid' });
    const cases: [string, string][] = [
      ['SetAccum<JSONOBJECT> @@l;', 'JSONOBJECT as a SetAccum element'],
      [
        'S = {Patient.*}; T = SELECT t FROM S:s -(INFECTED_BY)-> Patient:m -(INFECTED_BY>)- Patient:t;',
        'A direction outside the parentheses (-( )-> or <-( )-) in a multi-hop or Kleene pattern',
      ],
      [
        'S = {Patient.*}; T = SELECT t FROM S:s -(INFECTED_BY>*1..3:e)- Patient:t;',
        'The edge alias e is on a Kleene star edge pattern',
      ],
      ['PRINT jaccard(1);', 'The function jaccard() is not supported by the emulator'],
      ['S = {Nope.*};', 'The vertex type Nope is not defined in graph MyGraph.'],
      [
        'S = {Patient.*}; T = SELECT t FROM S:s -(INFECTED_BY:e)- Patient:t;',
        'The directed edge type INFECTED_BY needs a direction',
      ],
      ['PRINT @@nope;', 'The global accumulator @@nope is not declared (line 3, column 9).'],
      ['S = {Patient.*}; PRINT S[S.@nope];', 'The vertex accumulator @nope is not declared'],
      ['PRINT missing + 1;', 'The variable missing is not declared (line 3, column 9).'],
    ];
    for (const [body, construct] of cases) {
      const r = await gsqlStatements(
        e,
        `USE GRAPH MyGraph\nCREATE QUERY bad() FOR GRAPH MyGraph {\n  ${body}\n}`,
      );
      expect(r.text).toContain(construct);
      expect(r.text).toMatch(
        /^Using graph 'MyGraph'\nSemantic Check Fails: .*\nFailed to create queries: \[bad\]\.\n$/s,
      );
    }
    const ls = await gsqlStatements(e, 'USE GRAPH MyGraph\nls');
    expect(ls.text).not.toContain('bad(');
  });

  test('RUN QUERY needs INSTALL; INTERPRET QUERY name(args) does not', async () => {
    const e = await emulator({ seed: 'covid' });
    await gsqlStatements(e, `USE GRAPH MyGraph\n${HELLO}`);
    const run = await gsqlStatements(e, 'USE GRAPH MyGraph\nRUN QUERY hello(2)');
    expect(run.text).toBe(
      "Using graph 'MyGraph'\nQuery hello is not installed yet. Please install it first, or use INTERPRET QUERY hello(...) to run it interpreted.\n",
    );
    const interpreted = await gsqlFile(e, 'USE GRAPH MyGraph\nINTERPRET QUERY hello(2, "you")');
    expect(interpreted.text).toBe(
      `Using graph 'MyGraph'\n${shellRun(3, 'hello you')}\n__GSQL__RETURN__CODE__,0\n`,
    );
    const missing = await gsqlFile(e, 'USE GRAPH MyGraph\nDROP QUERY nope');
    expect(missing.text).toBe(
      "Using graph 'MyGraph'\nSemantic Check Fails: The query nope does not exist in graph MyGraph.\n__GSQL__RETURN__CODE__,212\n",
    );
  });

  test('INTERPRET QUERY in the shell runs an anonymous query', async () => {
    const e = await emulator({ seed: 'covid' });
    const r = await gsqlStatements(
      e,
      'INTERPRET QUERY () FOR GRAPH MyGraph {\n  S = {City.*};\n  PRINT S.size() AS cities;\n}',
    );
    expect(JSON.parse(r.text)).toEqual({
      error: false,
      message: '',
      version: VERSION_BLOCK,
      results: [{ cities: 18 }],
    });
  });
});

describe('RESTPP /query/{graph}/{query}', () => {
  test('the README example installs and answers as documented', async () => {
    const e = await emulator({ seed: 'covid' });
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const gsql = /```gsql\n([\s\S]*?)```/.exec(readme)?.[1] as string;
    const out = await gsqlStatements(e, `USE GRAPH MyGraph\n${gsql}`);
    expect(out.text).toContain('Successfully created queries: [top_cities].');
    expect(out.text).toContain('Query installation finished.');
    const r = await http(`${e.restppUrl}/query/MyGraph/top_cities?province=Seoul&k=2`);
    expect(r.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [
        {
          Cities: [
            { v_id: 'jongno_gu', v_type: 'City', attributes: { 'Cities.city': 'Jongno-gu', patients: 3 } },
            {
              v_id: 'seongbuk_gu',
              v_type: 'City',
              attributes: { 'Cities.city': 'Seongbuk-gu', patients: 3 },
            },
          ],
        },
      ],
    });
  });

  test('GET with query-string parameters → the query envelope, no code', async () => {
    const e = await withHello();
    const r = await http(`${e.restppUrl}/query/MyGraph/hello?n=3&who=tg`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(r.text).toBe(
      '{"version":{"edition":"enterprise","api":"v2","schema":0},"error":false,"message":"","results":[{"total":6,"greeting":"hello tg"}]}',
    );
    // Through the nginx-style port as well; defaults apply to omitted parameters.
    const via = await http(`${e.restppViaGsUrl}/query/MyGraph/hello?n=2`);
    expect(via.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [{ total: 3, greeting: 'hello world' }],
    });
  });

  test('POST with a JSON body: VERTEX as {"id"}, MAP as keylist/valuelist', async () => {
    const e = await emulator({ seed: 'covid' });
    await gsqlStatements(
      e,
      `USE GRAPH MyGraph
CREATE QUERY params(VERTEX<Patient> p, MAP<STRING, INT> m, SET<INT> ys, DATETIME d) FOR GRAPH MyGraph {
  SumAccum<INT> @@sum;
  FOREACH (k, v) IN m DO @@sum += v; END;
  PRINT p, p.birth_year AS year, @@sum AS sum, ys.size() AS distinct_years, d;
}
INSTALL QUERY params`,
    );
    const r = await http(`${e.restppUrl}/query/MyGraph/params`, {
      method: 'POST',
      body: '{"p": {"id": "1000000003"}, "m": {"keylist": ["a", "b"], "valuelist": [2, 5]}, "ys": [1964, 1964, 1995], "d": "2020-01-30 10:30:00"}',
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [{ p: '1000000003', year: 1964, sum: 7, distinct_years: 2, d: '2020-01-30 10:30:00' }],
    });
  });

  test('POST: STRING values are URL-decoded (pyTigerGraph sends % as %25), a stray % is kept', async () => {
    const e = await emulator({ seed: 'covid' });
    await gsqlStatements(
      e,
      `USE GRAPH MyGraph
CREATE QUERY strings(STRING s, LIST<STRING> ls, MAP<STRING, INT> m) FOR GRAPH MyGraph {
  PRINT s, ls, m;
}
INSTALL QUERY strings`,
    );
    const r = await http(`${e.restppUrl}/query/MyGraph/strings`, {
      method: 'POST',
      body: '{"s": "50%25 a%2Fb %E2%82%AC", "ls": ["x%25", "100%", "%zz"], "m": {"keylist": ["k%25"], "valuelist": [1]}}',
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [{ s: '50% a/b €', ls: ['x%', '100%', '%zz'], m: { 'k%': 1 } }],
    });
  });

  test('parameter errors: wrong type, bare vertex id, wrong vertex type, unknown vertex, NULL vertex', async () => {
    const e = await emulator({ seed: 'covid' });
    const wrong = await http(`${e.restppUrl}/query/MyGraph/infection_chain?p=1000000009&max_depth=abc`);
    expect(wrong.status).toBe(400);
    expect(wrong.json).toEqual({
      version: VERSION_BLOCK,
      error: true,
      message: 'Values of parameter max_depth must be INT64 type, invalid value [abc] provided.',
      code: 'REST-30000',
    });
    const bare = await http(`${e.restppUrl}/query/MyGraph/neighbourhood`, {
      method: 'POST',
      body: '{"p": "1000000005"}',
    });
    expect(bare.status).toBe(400);
    expect(bare.json).toEqual({
      version: VERSION_BLOCK,
      error: true,
      message: "'id' is not found in the VERTEX parameter p.",
      code: 'REST-30000',
    });
    const typed = await http(`${e.restppUrl}/query/MyGraph/neighbourhood`, {
      method: 'POST',
      body: '{"p": {"id": "seoul", "type": "Province"}}',
    });
    expect(typed.json).toEqual({
      version: VERSION_BLOCK,
      error: true,
      message: "The vertex type 'Province' of parameter p does not match the declared type Patient.",
      code: 'REST-30000',
    });
    const unknown = await http(`${e.restppUrl}/query/MyGraph/neighbourhood?p=42`);
    expect(unknown.json).toEqual({
      version: VERSION_BLOCK,
      error: true,
      message: 'Failed to convert user vertex id for parameter p',
      code: 'REST-30000',
    });
    const missing = await http(`${e.restppUrl}/query/MyGraph/neighbourhood`);
    expect(missing.status).toBe(500);
    expect(missing.json).toEqual({
      version: VERSION_BLOCK,
      error: true,
      message: 'Runtime Error: Parameter p is NULL.',
      code: '3001',
    });
  });

  test('attribute writes in POST-ACCUM change the stored vertex', async () => {
    const e = await emulator({ seed: 'covid' });
    await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY bump(VERTEX<Patient> p, INT by) FOR GRAPH MyGraph {\n  S = {p};\n  S = SELECT s FROM S:s POST-ACCUM s.contact_number = s.contact_number + by, s.state = "deceased";\n  PRINT S[S.contact_number];\n}\nINSTALL QUERY bump',
    );
    // Patient 1000000003 is the 8th row: contact_number (7 * 7) % 40 = 9.
    const r = await http(`${e.restppUrl}/query/MyGraph/bump?p=1000000003&by=5`);
    expect(r.json).toMatchObject({
      results: [{ S: [{ v_id: '1000000003', v_type: 'Patient', attributes: { 'S.contact_number': 14 } }] }],
    });
    const v = await http(
      `${e.restppUrl}/graph/MyGraph/vertices/Patient/1000000003?select=contact_number,state`,
    );
    expect(v.json).toMatchObject({
      results: [
        { v_id: '1000000003', v_type: 'Patient', attributes: { contact_number: 14, state: 'deceased' } },
      ],
    });
  });

  test('runtime error: divider is zero (no code)', async () => {
    const e = await emulator({ seed: 'covid' });
    await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY div(INT d) FOR GRAPH MyGraph { PRINT 10 / d AS q; }\nINSTALL QUERY div',
    );
    const r = await http(`${e.restppUrl}/query/MyGraph/div?d=0`);
    expect(r.status).toBe(500);
    expect(r.json).toEqual({
      version: VERSION_BLOCK,
      error: true,
      message: 'Runtime Error: divider is zero.',
    });
    expect((await http(`${e.restppUrl}/query/MyGraph/div?d=5`)).json).toMatchObject({ results: [{ q: 2 }] });
  });

  test('GSQL-TIMEOUT stops a long query with REST-3000', async () => {
    const e = await emulator({ seed: 'covid' });
    await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY spin() FOR GRAPH MyGraph { INT i = 0; WHILE TRUE LIMIT 1000000000 DO i = i + 1; END; PRINT i; }\nINSTALL QUERY spin',
    );
    const r = await http(`${e.restppUrl}/query/MyGraph/spin`, { headers: { 'GSQL-TIMEOUT': '50' } });
    expect(r.status).toBe(504);
    const body = r.json as Record<string, string>;
    expect(Object.keys(body)).toEqual(['version', 'error', 'message', 'code']);
    expect(body['code']).toBe('REST-3000');
    expect(body['message']).toMatch(
      /^The query didn't finish because it exceeded the query timeout threshold \(0\.05 seconds\)\. Please check GSE log for license expiration and RESTPP\/GPE log with request id \(\d+\.RESTPP_1_1\.\d+\.N\) for details\. Try increase RESTPP\.Factory\.DefaultQueryTimeoutSec or add header GSQL-TIMEOUT to override default system timeout\. $/,
    );
  });

  test('/endpoints lists installed queries as dynamic endpoints', async () => {
    const e = await withHello();
    const r = await http(`${e.restppUrl}/endpoints/MyGraph?dynamic=true`);
    const body = r.json as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'GET /query/MyGraph/city_stats',
      'GET /query/MyGraph/hello',
      'GET /query/MyGraph/infection_chain',
      'GET /query/MyGraph/neighbourhood',
      'POST /query/MyGraph/city_stats',
      'POST /query/MyGraph/hello',
      'POST /query/MyGraph/infection_chain',
      'POST /query/MyGraph/neighbourhood',
    ]);
    expect(body['GET /query/MyGraph/neighbourhood']).toEqual({
      parameters: {
        query: { default: 'neighbourhood', type: 'STRING' },
        p: { id_type: 'Patient', is_id: true, type: 'STRING', min_count: 0, max_count: 1 },
      },
    });
    expect(body['GET /query/MyGraph/hello']).toEqual({
      parameters: {
        query: { default: 'hello', type: 'STRING' },
        n: { type: 'INT64', min_count: 0, max_count: 1 },
        who: { type: 'STRING', min_count: 0, max_count: 1 },
      },
    });
  });
});

async function until<T>(fn: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached');
}

describe('detached queries (GSQL-ASYNC)', () => {
  test('submit, /query_status until success, /query_result', async () => {
    const e = await withHello();
    const sub = await http(`${e.restppUrl}/query/MyGraph/hello?n=4`, { headers: { 'GSQL-ASYNC': 'true' } });
    expect(sub.status).toBe(200);
    const body = sub.json as Record<string, string>;
    expect(Object.keys(body)).toEqual(['error', 'message', 'request_id']);
    expect(body['message']).toBe(
      'The query is successfully submitted. Please check query status using the request id.',
    );
    const id = body['request_id'] as string;
    expect(id).toMatch(/^\d+\.RESTPP_1_1\.\d+\.N$/);
    // The server received the header as sent.
    expect(e.requests.at(-1)?.headers['gsql-async']).toBe('true');
    const status = await until(async () => {
      const s = await http(
        `${e.restppUrl}/query_status?graph_name=MyGraph&requestid=${encodeURIComponent(id)}`,
      );
      const r = (s.json as { results: Record<string, unknown>[] }).results[0];
      return r?.['status'] === 'success' ? s : undefined;
    });
    const entry = (status.json as { results: Record<string, unknown>[] }).results[0] as Record<
      string,
      unknown
    >;
    expect(Object.keys(entry)).toEqual([
      'requestid',
      'startTime',
      'expirationTime',
      'url',
      'elapsedTime',
      'status',
    ]);
    expect(entry['requestid']).toBe(id);
    expect(entry['url']).toBe('/query/MyGraph/hello?n=4');
    expect(entry['startTime']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
    const result = await http(
      `${e.restppUrl}/query_result?graph_name=MyGraph&requestid=${encodeURIComponent(id)}`,
    );
    expect(result.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [{ total: 10, greeting: 'hello world' }],
    });
    const unknown = await http(`${e.restppUrl}/query_status?graph_name=MyGraph&requestid=1.RESTPP_1_1.1.N`);
    expect(unknown.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [],
      unknown_requestid: ['1.RESTPP_1_1.1.N'],
    });
  });

  test('RUN QUERY -async in the shell submits a detached run', async () => {
    const e = await withHello('3.10');
    const r = await gsqlFile(e, 'USE GRAPH MyGraph\nRUN QUERY -async hello(3)');
    const m = /^Using graph 'MyGraph'\n(\{.*\})\n__GSQL__RETURN__CODE__,0\n$/.exec(r.text);
    const reply = JSON.parse(m?.[1] ?? '{}') as Record<string, string>;
    expect(Object.keys(reply)).toEqual(['error', 'message', 'request_id']);
    const id = reply['request_id'] as string;
    const result = await until(async () => {
      const x = await http(`${e.restppUrl}/query_result?requestid=${encodeURIComponent(id)}`);
      return x.status === 200 ? x : undefined;
    });
    expect(result.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [{ total: 6, greeting: 'hello world' }],
    });
  });

  test('a synchronous run is listed while it runs; /abortquery ends it with REST-12002', async () => {
    const e = await emulator({ seed: 'covid' });
    await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY spin() FOR GRAPH MyGraph { INT i = 0; WHILE TRUE LIMIT 1000000000 DO i = i + 1; END; PRINT i; }\nINSTALL QUERY spin',
    );
    const run = http(`${e.restppUrl}/query/MyGraph/spin`, { headers: { 'GSQL-TIMEOUT': '600000' } });
    const running = await until(async () => {
      const list = await http(`${e.restppUrl}/showprocesslist/MyGraph`);
      const rows = (list.json as { results: { requestid: string; url: string }[] }).results;
      return rows.length > 0 ? rows : undefined;
    });
    expect(running.map((r) => r.url)).toEqual(['/query/MyGraph/spin']);
    // Only detached runs have a status or a stored result.
    const status = await http(`${e.restppUrl}/query_status?graph_name=MyGraph&requestid=all`);
    expect((status.json as { results: unknown[] }).results).toEqual([]);
    const id = running[0]?.requestid as string;
    const abort = await http(`${e.restppUrl}/abortquery/MyGraph?requestid=${encodeURIComponent(id)}`);
    expect((abort.json as { results: unknown[] }).results).toEqual([
      { aborted_queries: [{ requestid: id, url: '/query/MyGraph/spin' }] },
    ]);
    const answered = await run;
    expect(answered.status).toBe(500);
    expect(answered.json).toEqual({
      version: VERSION_BLOCK,
      error: true,
      message: 'The query is aborted by user.',
      code: 'REST-12002',
    });
    expect((await http(`${e.restppUrl}/showprocesslistall`)).json).toMatchObject({ results: [] });
  });

  test('/showprocesslist and /abortquery stop a running query', async () => {
    const e = await emulator({ seed: 'covid' });
    await gsqlStatements(
      e,
      'USE GRAPH MyGraph\nCREATE QUERY spin() FOR GRAPH MyGraph { INT i = 0; WHILE TRUE LIMIT 1000000000 DO i = i + 1; END; PRINT i; }\nINSTALL QUERY spin',
    );
    const sub = await http(`${e.restppUrl}/query/MyGraph/spin`, {
      headers: { 'GSQL-ASYNC': 'true', 'GSQL-TIMEOUT': '600000' },
    });
    const id = (sub.json as { request_id: string }).request_id;
    const list = await http(`${e.restppUrl}/showprocesslist/MyGraph`);
    const running = (list.json as { results: Record<string, unknown>[] }).results;
    expect(running.map((r) => r['requestid'])).toEqual([id]);
    expect(Object.keys(running[0] as object)).toEqual([
      'requestid',
      'startTime',
      'expirationTime',
      'url',
      'elapsedTime',
    ]);
    const pending = await http(`${e.restppUrl}/query_result?requestid=${encodeURIComponent(id)}`);
    expect(pending.json).toEqual({
      version: VERSION_BLOCK,
      error: true,
      message: `Unable to retrieve result for query ${id}`,
      code: 'REST-30000',
    });
    const abort = await http(`${e.restppUrl}/abortquery/MyGraph?requestid=${encodeURIComponent(id)}`);
    expect(abort.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [{ aborted_queries: [{ requestid: id, url: '/query/MyGraph/spin' }] }],
    });
    const status = await http(`${e.restppUrl}/query_status?graph_name=MyGraph&requestid=all`);
    expect((status.json as { results: Record<string, unknown>[] }).results.map((r) => r['status'])).toEqual([
      'aborted',
    ]);
    const none = await http(`${e.restppUrl}/abortquery/MyGraph?requestid=all`);
    expect(none.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [{ aborted_queries: [] }],
    });
    expect((await http(`${e.restppUrl}/showprocesslistall`)).json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: '',
      results: [],
    });
  });
});

describe('GSQL server 4.x /gsql/v1/queries', () => {
  const auth = { Authorization: basic() };

  test('create (text/plain), list, content, install + status, info, signature, run, delete', async () => {
    const e = await emulator({ seed: 'covid' });
    const g = `${e.gsUrl}/gsql/v1`;
    const created = await http(`${g}/queries?graph=MyGraph`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: HELLO,
    });
    expect(created.json).toEqual({ error: false, message: 'Successfully created queries: [hello].' });
    const list = await http(`${g}/queries?graph=MyGraph`, { headers: auth });
    expect(list.json).toEqual({
      error: false,
      message: '',
      results: ['neighbourhood', 'infection_chain', 'city_stats', 'hello'],
    });
    const content = await http(`${g}/queries/hello?graph=MyGraph`, {
      headers: { ...auth, 'Content-Type': 'application/json' },
    });
    expect(content.json).toEqual({
      queryContent: HELLO,
      name: 'hello',
      syntax: 'GSQL v2',
      error: false,
      message: '',
      status: 'VALID',
    });
    const install = await http(`${g}/queries/install?graph=MyGraph&queries=hello`, { headers: auth });
    const ib = install.json as Record<string, string>;
    expect(Object.keys(ib)).toEqual(['requestId', 'message', 'startTime']);
    expect(ib['message']).toBe('Successfully submitted request');
    const st = await http(`${g}/queries/install/${ib['requestId']}`, { headers: auth });
    expect(st.json).toMatchObject({
      error: false,
      message: `Request ${ib['requestId']} is finished with status SUCCESS`,
    });
    const info = await http(`${g}/queries/info?graph=MyGraph&query=hello`, { headers: auth });
    expect(info.json).toMatchObject({
      error: false,
      message: '',
      results: [
        {
          name: 'hello',
          code: HELLO,
          installed: true,
          installing: false,
          enabled: true,
          status: 'VALID',
          syntax: 'GSQL v2',
        },
      ],
    });
    const sig = await http(`${g}/queries/signature?graph=MyGraph&queryName=hello`, { headers: auth });
    expect(sig.json).toEqual({
      output: [{ total: 'int' }, { greeting: 'unknown' }],
      input: [{ n: 'int' }, { who: 'string' }],
      queryname: 'hello',
      error: false,
      message: '',
      version: { schema: 0, edition: 'ENTERPRISE_EDITION', api: 'V2' },
    });
    const run = await http(`${g}/queries/hello?graph=MyGraph`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"diagnose":false,"denseMode":false,"allvertex":false,"asyncRun":false,"parameters":{"n":"3"}}',
    });
    expect(run.json).toEqual({
      error: false,
      message: '',
      results: {
        version: VERSION_BLOCK,
        error: false,
        message: '',
        results: [{ total: 6, greeting: 'hello world' }],
      },
    });
    const del = await http(`${g}/queries?graph=MyGraph&query=hello&query=nope`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(del.json).toEqual({ failedToDrop: ['nope'], dropped: ['hello'], error: false, message: '' });
  });

  test('interpret: text/plain body, parameters in the query string', async () => {
    const e = await emulator({ seed: 'covid' });
    const r = await http(`${e.gsUrl}/gsql/v1/queries/interpret?p=1000000003&n=2`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: 'INTERPRET QUERY (VERTEX<Patient> p, INT n) FOR GRAPH MyGraph { PRINT p, n + 1 AS m; }',
    });
    expect(r.text).toBe(
      '{"version":{"edition":"enterprise","api":"v2","schema":0},"error":false,"message":"","results":[{"p":"1000000003","m":3}]}',
    );
    const bad = await http(`${e.gsUrl}/gsql/v1/queries/interpret`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: 'INTERPRET QUERY () FOR GRAPH MyGraph { PRINT }',
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error: true, message: 'Encountered " "}" "} "" at line 1, column 46.' });
    const noAuth = await http(`${e.gsUrl}/gsql/v1/queries/interpret`, {
      method: 'POST',
      body: 'INTERPRET QUERY () FOR GRAPH MyGraph { PRINT 1; }',
    });
    expect(noAuth.status).toBe(401);
  });
});

describe('GSQL server 3.x query endpoints', () => {
  const auth = { Authorization: basic() };

  test('interpreted_query, queryinfo, queries/install + status', async () => {
    const e = await emulator({ version: '3.10', seed: 'covid' });
    const g = `${e.gsUrl}/gsqlserver`;
    const r = await http(`${g}/interpreted_query?n=2`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: 'INTERPRET QUERY (INT n) FOR GRAPH MyGraph { PRINT n * 10 AS x; }',
    });
    expect(r.json).toEqual({ version: VERSION_BLOCK, error: false, message: '', results: [{ x: 20 }] });
    const info = await http(`${g}/gsql/queryinfo?graph=MyGraph&query=infection_chain`, { headers: auth });
    expect(info.json).toEqual({
      output: [{ chain: 'ListAccum<vertex<Patient>>' }, { length: 'int' }],
      input: [{ p: 'vertex<Patient>' }, { max_depth: 'int' }],
      queryname: 'infection_chain',
      error: false,
      message: '',
      version: { schema: 0, edition: 'ENTERPRISE_EDITION', api: 'V2' },
    });
    await gsqlFile(e, `USE GRAPH MyGraph\n${HELLO}`);
    const inst = await http(`${g}/gsql/queries/install?graph=MyGraph&queries=hello`, {
      method: 'POST',
      headers: auth,
    });
    const ib = inst.json as Record<string, string>;
    expect(ib).toEqual({
      location: `/gsql/queries/install/${/\d+$/.exec(ib['location'] ?? '')?.[0]}`,
      error: false,
      message: `Request ${/\d+$/.exec(ib['location'] ?? '')?.[0]} successfully created`,
      results: '',
    });
    const st = await http(`${g}${ib['location']}`, { headers: auth });
    expect(st.json).toEqual({
      state: 'SUCCESS',
      error: false,
      message: '',
      results: '',
      queries: [{ name: 'hello', state: 'SUCCESS' }],
      graph: 'MyGraph',
    });
    expect((await http(`${e.restppUrl}/query/MyGraph/hello?n=1`)).json).toMatchObject({
      results: [{ total: 1 }],
    });
  });
});
