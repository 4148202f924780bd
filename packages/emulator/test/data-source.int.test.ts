// CREATE / DROP DATA_SOURCE, triple-quoted strings, and the DROP JOB / DROP DATA_SOURCE of something
// that is not there, after which the shell goes on with the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { basic, emulator, gsqlFile, http } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'tgraph-ds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
writeFileSync(join(tmp, 'people.csv'), 'id,name\np1,Ann\np2,Bob\n');

const SCHEMA = `CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING)
CREATE GRAPH g (*)`;

const SCRIPT = `USE GRAPH g
DROP JOB load_s3
DROP DATA_SOURCE s3_src
CREATE DATA_SOURCE s3_src = "{\\"type\\":\\"s3\\",\\"access.key\\":\\"none\\",\\"secret.key\\":\\"none\\"}" FOR GRAPH g
CREATE LOADING JOB load_s3 {
  DEFINE FILENAME people = """$s3_src:{"file.uris":"s3a://some-bucket/dir/people.csv"}""";
  LOAD people TO VERTEX Person VALUES ($"id", $"name") USING header="true", separator=",";
}
RUN LOADING JOB load_s3`;

describe('data sources', () => {
  test('a script that drops what is not there yet goes on, and reads the S3 file from the data directory', async () => {
    const e = await emulator({ gsqlScript: SCHEMA, dataDir: tmp });
    const r = await gsqlFile(e, SCRIPT);
    expect(r.text).toContain('Semantic Check Fails: The job load_s3 does not exist.');
    expect(r.text).toContain('Semantic Check Fails: The data source s3_src does not exist.');
    expect(r.text).toContain('Person: valid objects 2');
    expect(r.text).toContain('LOAD SUCCESSFUL');
    // Run again: both drops now succeed.
    const again = await gsqlFile(e, SCRIPT);
    expect(again.text).toContain("Successfully dropped jobs on the graph 'g': [load_s3].");
    expect(again.text).toContain('Data source s3_src is dropped.');
    expect(again.text).toContain('LOAD SUCCESSFUL');
  });

  test("other errors still stop the file; ''' strings are raw too", async () => {
    const e = await emulator({ gsqlScript: SCHEMA, dataDir: tmp });
    const r = await gsqlFile(e, `USE GRAPH g\nCREATE DATA_SOURCE d = '''{"type":"s3"}''' FOR GRAPH nope\nls`);
    expect(r.text).toContain('Semantic Check Fails: The graph nope does not exist.');
    expect(r.text).not.toContain('Vertex Types');
    const bad = await gsqlFile(e, 'USE GRAPH g\nCREATE DATA_SOURCE d = "{not json" FOR GRAPH g');
    expect(bad.text).toContain('not valid JSON');
    const job = await gsqlFile(e, SCRIPT.replace(/^CREATE DATA_SOURCE.*$/m, ''));
    expect(job.text).toContain(
      'Semantic Check Fails: The data source s3_src does not exist.\nFailed to create loading jobs: [load_s3].',
    );
  });

  test('GSQL data sources are the ones /gsql/v1/data-sources lists', async () => {
    const e = await emulator({ gsqlScript: SCHEMA, dataDir: tmp });
    await gsqlFile(e, SCRIPT);
    const r = await http(`${e.gsUrl}/gsql/v1/data-sources`, { headers: { Authorization: basic() } });
    expect(r.json).toMatchObject({
      results: [{ name: 's3_src', type: 's3', graphs: ['g'], config: { 'secret.key': '******' } }],
    });
  });
});
