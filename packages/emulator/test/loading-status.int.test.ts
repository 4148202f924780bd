// The status table RUN LOADING JOB prints. GSQL 101 "Run a loading job"
// (https://docs.tigergraph.com/gsql-ref/3.4/tutorials/gsql-101/load-data-gsql-101) shows a 7-row file
// with a header as 8 LOADED LINES, and a FILENAME column as wide as the longest path (right-aligned).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { emulator, gsqlFile } from './helpers.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tgraph-status-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
writeFileSync(join(dataDir, 'planets.csv'), 'name,moons\nmars,2\nearth,1\nvenus,0\n');
writeFileSync(join(dataDir, 'orbits.csv'), 'mars,earth\nearth,venus\n');

const SCRIPT = `CREATE VERTEX Planet (PRIMARY_ID name STRING, moons INT)
CREATE DIRECTED EDGE Near (FROM Planet, TO Planet)
CREATE GRAPH sky (*)
USE GRAPH sky
CREATE LOADING JOB load_sky FOR GRAPH sky {
  DEFINE FILENAME planets = "/home/tigergraph/solar/system/catalogue/planets.csv";
  DEFINE FILENAME orbits = "/data/orbits.csv";
  LOAD planets TO VERTEX Planet VALUES ($"name", $"moons") USING header="true", separator=",";
  LOAD orbits TO EDGE Near VALUES ($0, $1) USING separator=",";
}
RUN LOADING JOB load_sky`;

test('LOADED LINES counts a header line; FILENAME is as wide as the longest path', async () => {
  const e = await emulator({ version: '3.10', dataDir });
  const r = await gsqlFile(e, SCRIPT);
  expect(r.text).toContain('LOAD SUCCESSFUL');
  const long = '/home/tigergraph/solar/system/catalogue/planets.csv';
  const table = r.text.split('\n').filter((l) => /^ {2}[|+]/.test(l));
  const rule = `  +${'-'.repeat(long.length + 44)}+`;
  expect(table[0]).toBe(rule);
  expect(table[1]).toBe(
    `  |${'FILENAME'.padStart(long.length)} |   LOADED LINES |   AVG SPEED |   DURATION|`,
  );
  // Three rows after the header: 4 lines read; the headerless file: its 2 lines.
  expect(table[2]).toMatch(new RegExp(`^  \\|${long} \\| {14}4 \\| +\\d+ l/s \\| +[\\d.]+ s\\|$`));
  expect(table[3]).toMatch(new RegExp(`^  \\|${'/data/orbits.csv'.padStart(long.length)} \\| {14}2 \\|`));
  expect(table[4]).toBe(rule);
  expect(table).toHaveLength(5);
});
