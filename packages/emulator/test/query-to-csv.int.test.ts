// PRINT … TO_CSV and FILE parameters
// (https://docs.tigergraph.com/gsql-ref/4.2/querying/output-statements-and-file-objects):
// `PRINT a, b TO_CSV f` appends one line to the FILE object — values separated by commas, a list's or
// set's values by single spaces, no header — and adds nothing to the JSON results; its WHERE skips
// the line when false. A FILE object passed to another query's `FILE f` parameter is the same file:
// both append to it (the docs' file_param_main / file_param_sub). A path given to RUN / REST for a
// FILE parameter opens that file inside the emulator's outputDir, as a FILE declaration does.
// Interpreted mode lacks FILE objects ("Interpreted GSQL Limitations").
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, gsqlFile, gsqlStatements, http } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tgraph-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCHEMA = `CREATE VERTEX V (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE GRAPH g (*)`;

const VERSIONS = [
  { version: '3.10', gsql: gsqlFile, interpret: '/gsqlserver/interpreted_query' },
  { version: '4.2', gsql: gsqlStatements, interpret: '/gsql/v1/queries/interpret' },
] as const;
type Version = (typeof VERSIONS)[number];

async function create(e: RunningEmulator, v: Version, name: string, params: string, body: string) {
  const made = await v.gsql(
    e,
    `USE GRAPH g\nCREATE QUERY ${name}(${params}) FOR GRAPH g {\n${body}\n}\nINSTALL QUERY ${name}`,
  );
  expect(made.text).toContain('Query installation finished');
}

async function run(e: RunningEmulator, name: string, qs = ''): Promise<unknown> {
  const r = await http(`${e.restppUrl}/query/g/${name}${qs ? `?${qs}` : ''}`);
  expect(r.json, r.text).toMatchObject({ error: false });
  return (r.json as { results: unknown }).results;
}

const read = (version: string, path: string) => readFileSync(join(dir, version, path), 'utf8');

describe.each(VERSIONS)('PRINT … TO_CSV and FILE parameters on $version', (v) => {
  const start = () => emulator({ version: v.version, gsqlScript: SCHEMA, outputDir: join(dir, v.version) });

  test('one comma-separated line per PRINT, lists space-separated, WHERE skips; no JSON output', async () => {
    const e = await start();
    await create(
      e,
      v,
      'csv',
      '',
      `ListAccum<STRING> @@names; SetAccum<INT> @@one; INT x = 3;
  FILE file1 ("/home/tigergraph/print.csv");
  @@names += "ann"; @@names += "bob"; @@one += 7;
  PRINT @@names, @@one TO_CSV file1;
  PRINT x WHERE x < 0 TO_CSV file1;
  PRINT x WHERE x > 0 TO_CSV file1;
  PRINT x + 1, "label" TO_CSV file1;`,
    );
    expect(await run(e, 'csv')).toEqual([]);
    expect(read(v.version, 'home/tigergraph/print.csv')).toBe('ann bob,7\n3\n4,label\n');
  });

  test("a FILE object passed to another query's FILE parameter is one file both append to", async () => {
    const e = await start();
    // The docs' example, in order: main writes, calls sub (which writes), writes again.
    await create(
      e,
      v,
      'file_param_sub',
      'FILE f, STRING label, INT num',
      `f.println(label, "header");
  FOREACH i IN RANGE [1,2] DO f.println(label, num + i); END;
  f.println(label, "footer");`,
    );
    await create(
      e,
      v,
      'file_param_main',
      'STRING main_label',
      `FILE f ("/home/tigergraph/file_param.txt");
  f.println(main_label, "header");
  FOREACH i IN RANGE [1,2] DO
    f.println(main_label, i);
    file_param_sub(f, "sub", 10*i);
  END;
  f.println(main_label, "footer");`,
    );
    await run(e, 'file_param_main', 'main_label=main');
    const sub = (n: number) => [`sub,header`, `sub,${n + 1}`, `sub,${n + 2}`, `sub,footer`];
    expect(read(v.version, 'home/tigergraph/file_param.txt')).toBe(
      `${['main,header', 'main,1', ...sub(10), 'main,2', ...sub(20), 'main,footer'].join('\n')}\n`,
    );
  });

  test('`q(f, …);` is a call statement, while `S (V) = …` stays a typed vertex-set declaration', async () => {
    const e = await start();
    await create(e, v, 'callee', 'FILE f, INT n', 'f.println(n);');
    await create(
      e,
      v,
      'caller',
      '',
      'FILE f ("/call.txt"); Start (V) = {V.*}; callee(f, Start.size()); callee(f, 2); PRINT Start.size() AS n;',
    );
    expect(await run(e, 'caller')).toEqual([{ n: 0 }]);
    expect(read(v.version, 'call.txt')).toBe('0\n2\n');
  });

  test('a path for a FILE parameter opens that file inside outputDir; one that leaves it is refused', async () => {
    const e = await start();
    await create(e, v, 'to_path', 'FILE f', 'INT n = 5; PRINT n, "five" TO_CSV f;');
    expect(await run(e, 'to_path', 'f=/tmp/out/n.csv')).toEqual([]);
    expect(read(v.version, 'tmp/out/n.csv')).toBe('5,five\n');
    const bad = await http(`${e.restppUrl}/query/g/to_path?f=../../escape.csv`);
    expect(bad.json).toMatchObject({
      error: true,
      message: 'Runtime Error: the file path "../../escape.csv" leaves the output directory.',
    });
  });

  test('PRINT … TO_CSV to a path, and a nested collection, are refused', async () => {
    const e = await start();
    const path = await v.gsql(
      e,
      'USE GRAPH g\nCREATE QUERY p() FOR GRAPH g {\n  INT x = 1;\n  PRINT x TO_CSV "/tmp/x.csv";\n}',
    );
    expect(path.text).toContain(
      'PRINT … TO_CSV to a path (write to a FILE object) is outside the GSQL subset the emulator supports (line 4, column 18)',
    );
    const notFile = await v.gsql(
      e,
      'USE GRAPH g\nCREATE QUERY nf() FOR GRAPH g {\n  INT x = 1;\n  PRINT x TO_CSV x;\n}',
    );
    expect(notFile.text).toContain(
      'Semantic Check Fails: TO_CSV x: x is not a FILE object (line 4, column 18).',
    );
    await create(
      e,
      v,
      'nested',
      '',
      'ListAccum<ListAccum<INT>> @@l; FILE f ("/n.csv"); @@l += [1, 2]; PRINT @@l TO_CSV f;',
    );
    const r = await http(`${e.restppUrl}/query/g/nested`);
    expect(r.json).toMatchObject({ error: true });
    expect((r.json as { message: string }).message).toContain('Runtime Error: the emulator writes only');
  });

  test('interpreted mode refuses a FILE parameter', async () => {
    const e = await start();
    const r = await v.gsql(e, 'USE GRAPH g\nINTERPRET QUERY (FILE f) FOR GRAPH g {\n  PRINT 1 TO_CSV f;\n}');
    expect(r.text).toContain(
      'Semantic Check Fails: The FILE parameter f is not supported in interpreted mode',
    );
  });
});

// "Limitations of PRINT > File": a vertex set's attribute or accumulator printed without brackets
// (`PRINT A.gender TO_CSV file1`) is one value per vertex, one per line; a whole vertex set is
// refused by 3.x and, from 4.2.1, prints its vertex ids. The docs' print_example_file graph, trimmed.
const PEOPLE = `CREATE VERTEX Person (PRIMARY_ID id STRING, gender STRING) WITH primary_id_as_attribute="true"
CREATE GRAPH social (*)`;
const GENDERS = { person1: 'Male', person2: 'Female', person3: 'Male', person4: 'Female', person5: 'Female' };

describe.each([
  { version: '3.10', gsql: gsqlFile, wholeSets: false },
  { version: '4.2', gsql: gsqlStatements, wholeSets: false },
  { version: '4.2.1', gsql: gsqlStatements, wholeSets: true },
] as const)('PRINT vertex set columns TO_CSV on $version', (v) => {
  async function social(name: string, body: string): Promise<{ e: RunningEmulator; out: string }> {
    const out = join(dir, `social-${v.version}-${name}`);
    const e = await emulator({ version: v.version, gsqlScript: PEOPLE, outputDir: out });
    const rows = Object.entries(GENDERS).map(([id, g]) => `("${id}", "${g}")`);
    const inserts = rows.map((r) => `INSERT INTO Person VALUES ${r};`).join(' ');
    const q = `USE GRAPH social\nCREATE QUERY load_people() FOR GRAPH social { ${inserts} }\nCREATE QUERY ${name}() FOR GRAPH social {\n${body}\n}\nINSTALL QUERY load_people, ${name}`;
    expect((await v.gsql(e, q)).text).toContain('Query installation finished');
    expect((await http(`${e.restppUrl}/query/social/load_people`)).json).toMatchObject({ error: false });
    return { e, out };
  }
  const lines = (out: string) => readFileSync(join(out, 'home/tigergraph/p.txt'), 'utf8').split('\n');

  test('A.attr and A.@acc: one value per vertex, one per line; WHERE keeps the vertices it holds for', async () => {
    const { e, out } = await social(
      'columns',
      `SumAccum<INT> @n; FILE file1 ("/home/tigergraph/p.txt");
  Seed = {Person.*};
  A = SELECT s FROM Seed:s WHERE s.gender == "Male" ACCUM s.@n += 2;
  PRINT "head" TO_CSV file1;
  PRINT A.gender TO_CSV file1;
  PRINT A.@n TO_CSV file1;
  PRINT Seed.id WHERE Seed.gender == "Female" TO_CSV file1;`,
    );
    expect((await http(`${e.restppUrl}/query/social/columns`)).json).toMatchObject({
      error: false,
      results: [],
    });
    const got = lines(out);
    expect(got[0]).toBe('head');
    expect(got.slice(1, 3)).toEqual(['Male', 'Male']);
    expect(got.slice(3, 5)).toEqual(['2', '2']);
    expect(got.slice(5, 8).sort()).toEqual(['person2', 'person4', 'person5']);
    expect(got.slice(8)).toEqual(['']);
  });

  test(`a whole vertex set: ${v.wholeSets ? 'its vertex ids, one per line' : 'a run-time error before 4.2.1'}`, async () => {
    const { e, out } = await social(
      'whole',
      'FILE file1 ("/home/tigergraph/p.txt"); A = {Person.*}; A = SELECT s FROM A:s WHERE s.gender == "Male"; PRINT A TO_CSV file1;',
    );
    const r = await http(`${e.restppUrl}/query/social/whole`);
    if (v.wholeSets) {
      expect(r.json).toMatchObject({ error: false, results: [] });
      expect(lines(out).sort()).toEqual(['', 'person1', 'person3']);
    } else {
      expect(r.json).toMatchObject({
        error: true,
        message:
          'Runtime Error: PRINT A TO_CSV: printing a whole vertex set to a FILE needs TigerGraph 4.2.1 or later; print A.attribute or A.@accumulator instead.',
      });
    }
  });

  test('a vertex set column next to other values is refused (the docs do not say how they mix)', async () => {
    const { e } = await social(
      'mixed',
      'FILE file1 ("/home/tigergraph/p.txt"); A = {Person.*}; PRINT A.gender, 1 TO_CSV file1;',
    );
    expect((await http(`${e.restppUrl}/query/social/mixed`)).json).toMatchObject({
      error: true,
      message:
        "Runtime Error: PRINT … TO_CSV prints a vertex set column (A…) only as the PRINT statement's one item.",
    });
  });
});
