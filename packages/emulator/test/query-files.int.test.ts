// GSQL FILE objects write inside the emulator's output directory, whatever path the query names.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emulator, gsqlStatements, http } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tgraph-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUERY = `USE GRAPH MyGraph
CREATE QUERY dump(STRING file_path) FOR GRAPH MyGraph {
  FILE f (file_path);
  f.println("Vertex_ID", "Age");
  S = {Patient.*};
  S = SELECT s FROM S:s WHERE s.patient_id == "1000000001" ACCUM f.println(s, s.birth_year);
}
INSTALL QUERY dump`;

describe('FILE objects', () => {
  it('write under outputDir, the absolute path kept below it', async () => {
    const e = await emulator({ seed: 'covid', outputDir: dir });
    expect(e.outputDir).toBe(dir);
    await gsqlStatements(e, QUERY);
    const r = await http(`${e.restppUrl}/query/MyGraph/dump?file_path=/home/tigergraph/out.csv`);
    expect(r.json).toMatchObject({ error: false });
    expect(readFileSync(join(dir, 'home/tigergraph/out.csv'), 'utf8')).toBe(
      'Vertex_ID,Age\n1000000001,1964\n',
    );
  });

  it('refuse a path that leaves the output directory', async () => {
    const e = await emulator({ seed: 'covid', outputDir: dir });
    await gsqlStatements(e, QUERY);
    const r = await http(`${e.restppUrl}/query/MyGraph/dump?file_path=../../escape.csv`);
    expect(r.json).toMatchObject({
      error: true,
      message: 'Runtime Error: the file path "../../escape.csv" leaves the output directory.',
    });
    expect(existsSync(join(dir, '..', '..', 'escape.csv'))).toBe(false);
  });

  it('default to a fresh folder the running emulator reports', async () => {
    const e = await emulator({ seed: 'covid' });
    expect(e.outputDir).toContain('tgraph-emulator-output-');
  });
});
