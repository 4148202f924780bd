// 4.x POST /gsql/v1/db-export then /gsql/v1/db-import into a fresh emulator (TigerGraph's EXPORT /
// IMPORT GRAPH ALL): same schema, data, queries, jobs and UDF files; paths stay in the server folder.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlStatements, http } from './helpers.js';

const LOCAL = `USE GLOBAL
CREATE VERTEX Lonely(PRIMARY_ID id STRING, n INT)
CREATE GRAPH Local()
USE GRAPH Local
CREATE SCHEMA_CHANGE JOB add_local FOR GRAPH Local {
  ADD VERTEX Item(PRIMARY_ID id INT, tags SET<STRING>, price DOUBLE);
  ADD DIRECTED EDGE links(FROM Item, TO Item, weight INT) WITH REVERSE_EDGE="rev_links";
}
RUN SCHEMA_CHANGE JOB add_local
CREATE QUERY items() FOR GRAPH Local { S = {Item.*}; PRINT S; }`;

const post = (e: RunningEmulator, path: string, body: unknown) =>
  http(`${e.gsUrl}/gsql/v1/${path}`, {
    method: 'POST',
    headers: { Authorization: basic(), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const get = async (e: RunningEmulator, path: string) =>
  (await http(`${e.gsUrl}${path}`, { headers: { Authorization: basic() } })).json;

/** What must survive the round trip: schema JSON, data, query and job listings. */
async function snapshot(e: RunningEmulator) {
  const rest = (p: string) => get(e, `/restpp${p}`);
  return {
    schema: await get(e, '/gsql/v1/schema/graphs/MyGraph'),
    globalLs: (await gsqlStatements(e, 'USE GLOBAL\nls')).text,
    // The graph listing names its schema-change jobs, loading jobs and queries.
    localLs: (await gsqlStatements(e, 'USE GRAPH Local\nls')).text,
    graphLs: (await gsqlStatements(e, 'USE GRAPH MyGraph\nls')).text,
    localSchema: await get(e, '/gsql/v1/schema/graphs/Local'),
    patients: await rest('/graph/MyGraph/vertices/Patient?limit=5&sort=patient_id'),
    vertexCounts: await rest('/graph/MyGraph/vertices/Patient?count_only=true'),
    edges: await rest('/graph/MyGraph/edges/Patient/1000000001/_'),
    items: await rest('/graph/Local/vertices/Item/1'),
    links: await rest('/graph/Local/edges/Item/1/links'),
    queries: await get(e, '/gsql/v1/queries?graph=MyGraph'),
    // Installed queries stay installed: RESTPP runs them.
    run: await rest('/query/MyGraph/city_stats'),
    localQueries: await get(e, '/gsql/v1/queries?graph=Local'),
    jobs: await get(e, '/gsql/v1/loading-jobs?graph=MyGraph'),
    udf: await get(e, '/gsql/v1/udt/files/ExprFunctions'),
  };
}

const folders: string[] = [];
afterAll(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('db-export / db-import', () => {
  test('a fresh emulator imports the same graph: schema, data, queries and jobs', async () => {
    const outputDir = mkdtempSync(join(tmpdir(), 'tgraph-export-test-'));
    folders.push(outputDir);
    const source = await emulator({ version: '4.2', seed: 'covid', outputDir });
    expect((await gsqlStatements(source, LOCAL)).status).toBe(200);
    await http(`${source.restppUrl}/graph/Local`, {
      method: 'POST',
      body: JSON.stringify({
        vertices: { Item: { '1': { tags: { value: ['a', 'b'] }, price: { value: 2.5 } }, '2': {} } },
        edges: { Item: { '1': { links: { Item: { '2': { weight: { value: 7 } } } } } } },
      }),
    });
    await http(`${source.gsUrl}/gsql/v1/udt/files/ExprFunctions`, {
      method: 'PUT',
      headers: { Authorization: basic() },
      body: '// exported UDF\n',
    });
    const exported = await post(source, 'db-export', { path: '/home/tigergraph/backup', graphNames: ['*'] });
    expect(exported.json).toEqual({ error: false, message: 'Successfully exported database.' });
    expect(existsSync(join(outputDir, 'home/tigergraph/backup/manifest.json'))).toBe(true);

    const target = await emulator({ version: '4.2', seed: 'empty', outputDir });
    const imported = await post(target, 'db-import', { path: '/home/tigergraph/backup', graphNames: ['*'] });
    expect(imported.json).toEqual({ error: false, message: 'Successfully imported database.' });
    const [before, after] = [await snapshot(source), await snapshot(target)];
    expect(after).toEqual(before);
    // Not vacuous: the snapshot holds the seed's and the local graph's real content.
    expect(after.queries).toMatchObject({ results: ['neighbourhood', 'infection_chain', 'city_stats'] });
    expect(after.localLs).toContain('CREATE SCHEMA_CHANGE JOB add_local');
    expect(after.graphLs).toContain('CREATE LOADING JOB load_covid');
    expect(after.udf).toMatchObject({ results: '// exported UDF\n' });
    expect(after.run).toMatchObject({ error: false });
    expect(after.localQueries).toMatchObject({ results: ['items'] });
    expect(JSON.stringify(after.jobs)).toContain('load_covid');
    expect(after.globalLs).toContain('VERTEX Lonely(PRIMARY_ID id STRING, n INT)');
    expect(after.vertexCounts).toMatchObject({ results: [{ v_type: 'Patient', count: 24 }] });
    expect(after.items).toMatchObject({
      results: [{ v_id: '1', v_type: 'Item', attributes: { tags: ['a', 'b'], price: 2.5 } }],
    });
    expect(after.links).toMatchObject({
      results: [{ e_type: 'links', to_id: '2', attributes: { weight: 7 } }],
    });
  });

  test('schema-only export of named graphs restores the schema without data or queries', async () => {
    const outputDir = mkdtempSync(join(tmpdir(), 'tgraph-export-test-'));
    folders.push(outputDir);
    const source = await emulator({ version: '4.2', seed: 'covid', outputDir });
    const r = await post(source, 'db-export', { path: '/exp/schema', graphNames: ['MyGraph'], schema: true });
    expect(r.json).toEqual({ error: false, message: 'Successfully exported database.' });
    const folder = join(outputDir, 'exp/schema');
    expect(existsSync(join(folder, 'schema.gsql'))).toBe(true);
    expect(existsSync(join(folder, 'template.gsql'))).toBe(false);
    expect(existsSync(join(folder, 'data'))).toBe(false);
    const target = await emulator({ version: '4.2', seed: 'empty', outputDir });
    const wrong = await post(target, 'db-import', { path: '/exp/schema', graphNames: ['Other'] });
    expect(wrong.json).toMatchObject({ error: true, message: expect.stringContaining('has no graph Other') });
    await post(target, 'db-import', { path: '/exp/schema', graphNames: ['MyGraph'] });
    expect(await get(target, '/gsql/v1/schema/graphs/MyGraph')).toEqual(
      await get(source, '/gsql/v1/schema/graphs/MyGraph'),
    );
    const count = await get(target, '/restpp/graph/MyGraph/vertices/Patient?count_only=true');
    expect(count).toMatchObject({ results: [{ v_type: 'Patient', count: 0 }] });
    expect(await get(target, '/gsql/v1/queries?graph=MyGraph')).toMatchObject({ results: [] });
  });

  test('paths outside the server folder and folders without an export are refused', async () => {
    const outputDir = mkdtempSync(join(tmpdir(), 'tgraph-export-test-'));
    folders.push(outputDir);
    const e = await emulator({ version: '4.2', seed: 'covid', outputDir });
    // A manifest whose data file points out of the export folder is refused before anything is dropped.
    mkdirSync(join(outputDir, 'evil'));
    const manifest = {
      format: 'tgraph-emulator-export/1',
      version: '4.2.0',
      graphs: [],
      parts: {},
      data: [],
    };
    const entry = { kind: 'vertex', type: 'Patient', graph: null, path: '../../../etc/hosts', count: 1 };
    writeFileSync(join(outputDir, 'evil/manifest.json'), JSON.stringify({ ...manifest, data: [entry] }));
    writeFileSync(join(outputDir, 'evil/schema.gsql'), '');
    const evil = await post(e, 'db-import', { path: '/evil' });
    expect(evil.json).toMatchObject({ error: true, message: expect.stringContaining('outside the export') });
    expect((await http(`${e.restppUrl}/graph/MyGraph/vertices/Patient?count_only=true`)).json).toMatchObject({
      results: [{ count: 24 }],
    });
    const missing = await post(e, 'db-import', { path: '/tmp/nothing-here' });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({
      error: true,
      message: expect.stringContaining('does not hold an export'),
    });
    const outside = await post(e, 'db-export', { path: '../../etc' });
    expect(outside.json).toMatchObject({ error: true, message: expect.stringContaining('outside') });
    expect((await post(e, 'db-export', {})).json).toMatchObject({
      error: true,
      message: 'The export path is required.',
    });
  });
});
