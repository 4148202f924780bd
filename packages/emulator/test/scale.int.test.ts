// One vertex type of a million vertices: seeds, vertex-set sizes and RESTPP statistics work
// without spreading the type into a call (which overflows the stack near ~120k arguments).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, http } from './helpers.js';

const N = 1_000_000;
const dir = mkdtempSync(join(tmpdir(), 'tgraph-scale-'));
let e: RunningEmulator;

beforeAll(async () => {
  const rows: string[] = [];
  for (let i = 0; i < N; i++) rows.push(`${i},${i % 1000}`);
  const csv = join(dir, 'big.csv');
  writeFileSync(csv, `${rows.join('\n')}\n`);
  e = await emulator({
    gsqlScript: [
      'CREATE VERTEX Big (PRIMARY_ID id UINT, x INT) WITH primary_id_as_attribute="true"',
      'CREATE GRAPH Scale (Big)',
      'USE GRAPH Scale',
      'CREATE LOADING JOB load_big FOR GRAPH Scale { DEFINE FILENAME f; LOAD f TO VERTEX Big VALUES ($0, $1); }',
      `RUN LOADING JOB load_big USING f="${csv}"`,
      'CREATE QUERY sizes() FOR GRAPH Scale { S = {Big.*}; T = {ANY}; PRINT S.size() AS n, T.size() AS any; }',
      'INSTALL QUERY sizes',
    ].join('\n'),
  });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a type of one million vertices', () => {
  it('seeds {Big.*} and {ANY}', async () => {
    const r = await http(`${e.restppUrl}/query/Scale/sizes`);
    expect(r.json).toMatchObject({ error: false, results: [{ n: N, any: N }] });
  }, 60_000);

  it('answers stat_vertex_attr', async () => {
    const r = await http(`${e.restppUrl}/builtins/Scale`, {
      method: 'POST',
      body: JSON.stringify({ function: 'stat_vertex_attr', type: 'Big' }),
    });
    expect(r.json).toMatchObject({
      error: false,
      results: [{ v_type: 'Big', attributes: { x: { MAX: 999, MIN: 0, AVG: 499.5 } } }],
    });
  }, 60_000);
});
