// RUN LOADING JOB with the emulator's data directory (option dataDir): server-side paths and the
// S3 URIs of data sources are read from inside it, never from outside.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { emulator, gsqlStatements, http } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'tgraph-datadir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const dataDir = join(tmp, 'data');
mkdirSync(join(dataDir, 'home', 'tigergraph', 'data'), { recursive: true });
writeFileSync(join(dataDir, 'home', 'tigergraph', 'data', 'people.csv'), 'id,age\nann,31\nbob,42\n');
writeFileSync(join(dataDir, 'cities.csv'), 'name\nParis\nLyon\nNice\n');
writeFileSync(join(tmp, 'secret.csv'), 'id,age\nmallory,1\n');

const SCHEMA = `CREATE VERTEX Person (PRIMARY_ID id STRING, age INT)
CREATE VERTEX City (PRIMARY_ID name STRING)
CREATE GRAPH g (*)`;

const job = (name: string, people: string, cities: string) => `USE GRAPH g
CREATE LOADING JOB ${name} FOR GRAPH g {
  DEFINE FILENAME people = "${people}";
  DEFINE FILENAME cities = "${cities}";
  LOAD people TO VERTEX Person VALUES ($"id", $"age") USING header="true", separator=",";
  LOAD cities TO VERTEX City VALUES ($"name") USING header="true", separator=",";
}
RUN LOADING JOB ${name}`;

// A job names its data source, which has to exist (CREATE DATA_SOURCE, or /gsql/v1/data-sources).
const DATA_SOURCE = `USE GRAPH g\nCREATE DATA_SOURCE s3_src = """{"type": "s3", "access.key": "none", "secret.key": "none"}""" FOR GRAPH g`;

async function count(e: Awaited<ReturnType<typeof emulator>>, type: string): Promise<unknown> {
  const r = await http(`${e.restppUrl}/graph/g/vertices/${type}?count_only=true`);
  return (r.json as { results: [{ count: number }] }).results[0].count;
}

describe('RUN LOADING JOB with a data directory', () => {
  test('a server path is read at the same path inside the folder, or by its file name', async () => {
    const e = await emulator({ dataDir });
    await gsqlStatements(e, SCHEMA);
    const r = await gsqlStatements(
      e,
      job('j1', '/home/tigergraph/data/people.csv', 'm1:/somewhere/cities.csv'),
    );
    expect(r.text).toContain('LOAD SUCCESSFUL');
    // The status shows the server-side paths as the job names them.
    expect(r.text).toContain('/home/tigergraph/data/people.csv');
    expect(r.text).toContain('/somewhere/cities.csv');
    expect(await count(e, 'Person')).toBe(2);
    expect(await count(e, 'City')).toBe(3);
  });

  test('an S3 data-source URI is read from the folder by its object path or file name', async () => {
    const e = await emulator({ dataDir });
    await gsqlStatements(e, SCHEMA);
    const s3 = (f: string) => `$s3_src:{\\"file.uris\\":\\"s3a://bucket/${f}\\"}`;
    await gsqlStatements(e, DATA_SOURCE);
    const r = await gsqlStatements(
      e,
      job('j2', s3('home/tigergraph/data/people.csv'), s3('ecosys/cities.csv')),
    );
    expect(r.text).toContain('LOAD SUCCESSFUL');
    expect(await count(e, 'Person')).toBe(2);
    expect(await count(e, 'City')).toBe(3);
  });

  test('nothing outside the folder is read', async () => {
    const e = await emulator({ dataDir });
    await gsqlStatements(e, SCHEMA);
    const r = await gsqlStatements(e, job('j3', '../secret.csv', '/cities.csv'));
    expect(r.text).not.toContain('LOAD SUCCESSFUL');
    expect(r.text).toContain('File "../secret.csv" does not exist or cannot be read.');
    expect(await count(e, 'Person')).toBe(0);
  });

  test('without a data directory a data-source URI is refused with the option to set', async () => {
    const e = await emulator();
    await gsqlStatements(e, SCHEMA);
    const s3 = `$s3_src:{\\"file.uris\\":\\"s3a://bucket/dir/people.csv\\"}`;
    await gsqlStatements(e, DATA_SOURCE);
    const r = await gsqlStatements(e, job('j4', s3, s3));
    expect(r.text).toContain('data directory (option dataDir, flag --data-dir)');
  });
});
