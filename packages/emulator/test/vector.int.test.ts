// GET /vector/status (4.2+): the reference's envelope, REST-1000 before 4.2, errors for unknown
// graph, type and vector attribute.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { connectControl } from '../src/client.js';
import { type RunningEmulator, startControlServer, VECTOR_REBUILD_MS } from '../src/index.js';

import { basic, emulator, gsqlFile, gsqlStatements, http, installAndRun, VERSION_BLOCK } from './helpers.js';

describe('GET /vector/status', () => {
  test('4.2 answers with the documented envelope', async () => {
    const e = await emulator({ version: '4.2', seed: 'covid' });
    for (const path of ['/vector/status', '/vector/status/MyGraph', '/vector/status/MyGraph/Patient']) {
      const r = await http(`${e.restppUrl}${path}`);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        version: VERSION_BLOCK,
        error: false,
        message: 'fetched status success',
        results: { NeedRebuildServers: [] },
        code: 'REST-0000',
      });
    }
    const bad = await http(`${e.restppUrl}/vector/status/MyGraph/Patient/emb`);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: true, code: 'REST-30000' });
    expect((await http(`${e.restppUrl}/vector/status/Nope`)).json).toMatchObject({ code: 'REST-1004' });
    expect((await http(`${e.restppUrl}/vector/status/MyGraph/Doctor`)).json).toMatchObject({
      code: 'REST-30000',
    });
  });

  test('a pending rebuild is reported plain and verbose, then clears', async () => {
    const e = await emulator({ version: '4.2', seed: 'covid' });
    const envelope = (results: unknown) => ({
      version: VERSION_BLOCK,
      error: false,
      message: 'fetched status success',
      results,
      code: 'REST-0000',
    });
    const verboseKey = 'NeedRebuildInstances({SEGID}_{VECTOR_ID})';
    expect((await http(`${e.restppUrl}/vector/status/MyGraph?verbose=true`)).json).toEqual(
      envelope({ [verboseKey]: {} }),
    );
    e.setVectorRebuildPending(true);
    expect((await http(`${e.restppUrl}/vector/status/MyGraph/Patient`)).json).toEqual(
      envelope({ NeedRebuildServers: ['GPE_1#1'] }),
    );
    expect((await http(`${e.restppUrl}/vector/status/MyGraph?verbose=true`)).json).toEqual(
      envelope({ [verboseKey]: { 'GPE_1#1': ['1_1'] } }),
    );
    e.setVectorRebuildPending(false);
    expect((await http(`${e.restppUrl}/vector/status`)).json).toEqual(envelope({ NeedRebuildServers: [] }));
  });

  test('the control API sets the pending rebuild', async () => {
    const control = await startControlServer();
    try {
      const client = connectControl(control.url);
      const h = await client.create({ version: '4.2', seed: 'covid' });
      await client.setVectorRebuildPending(h.id, true);
      const r = await http(`${h.restppUrl}/vector/status/MyGraph`);
      expect(r.json).toMatchObject({ results: { NeedRebuildServers: ['GPE_1#1'] } });
    } finally {
      await control.stop();
    }
  });

  test('before 4.2 the endpoint does not exist', async () => {
    const e = await emulator({ version: '4.1', seed: 'covid' });
    const r = await http(`${e.restppUrl}/vector/status/MyGraph`);
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ error: true, code: 'REST-1000' });
  });
});

// ---- vector attributes: DDL, schema JSON, ls, REST upsert, rebuild status ----------------------

const FIN_SCHEMA = `
CREATE VERTEX Account (name STRING PRIMARY KEY, isBlocked BOOL)
CREATE VERTEX City (name STRING PRIMARY KEY)
CREATE GLOBAL SCHEMA_CHANGE JOB add_vec {
  ALTER VERTEX Account ADD VECTOR ATTRIBUTE emb1(dimension=3);
  ALTER VERTEX Account ADD VECTOR ATTRIBUTE emb2(DIMENSION=2, METRIC="L2", INDEXTYPE="HNSW", DATATYPE="FLOAT");
}
RUN GLOBAL SCHEMA_CHANGE JOB add_vec
CREATE GRAPH fin (*)
`;

async function finEmulator(version = '4.2') {
  const e = await emulator({ version });
  const r = await gsqlStatements(e, FIN_SCHEMA);
  expect(r.text).toContain('Global schema change succeeded.');
  return e;
}

const schemaOf = async (e: RunningEmulator, type: string) =>
  (
    (await http(`${e.gsUrl}/gsql/v1/schema/graphs/fin?type=${type}`, { headers: { Authorization: basic() } }))
      .json as { results: Record<string, unknown> }
  ).results;

const upsertAccount = (e: RunningEmulator, attrs: Record<string, unknown>, id = 'Scott') =>
  http(`${e.restppUrl}/graph/fin`, {
    method: 'POST',
    body: JSON.stringify({ vertices: { Account: { [id]: attrs } } }),
  });

describe('vector attributes in the schema (4.2)', () => {
  test('ADD VECTOR ATTRIBUTE shows in EmbeddingAttributes with its defaults, not in Attributes; none, no key', async () => {
    const e = await finEmulator();
    const account = await schemaOf(e, 'Account');
    expect(account['EmbeddingAttributes']).toEqual([
      { Name: 'emb1', Dimension: 3, IndexType: 'HNSW', DataType: 'FLOAT', Metric: 'COSINE' },
      { Name: 'emb2', Dimension: 2, IndexType: 'HNSW', DataType: 'FLOAT', Metric: 'L2' },
    ]);
    expect((account['Attributes'] as { AttributeName: string }[]).map((a) => a.AttributeName)).toEqual([
      'name',
      'isBlocked',
    ]);
    expect(await schemaOf(e, 'City')).not.toHaveProperty('EmbeddingAttributes');
  });

  test('ls lists the vector attributes of the graph', async () => {
    const e = await finEmulator();
    const r = await gsqlStatements(e, 'USE GRAPH fin\nls');
    expect(r.text).toContain(
      [
        'Vector Embeddings:',
        '  - Account:',
        '    - emb1(Dimension=3, IndexType="HNSW", DataType="FLOAT", Metric="COSINE")',
        '    - emb2(Dimension=2, IndexType="HNSW", DataType="FLOAT", Metric="L2")',
      ].join('\n'),
    );
  });

  test('DROP VECTOR ATTRIBUTE removes it; local jobs change local vertex types', async () => {
    const e = await finEmulator();
    const drop = await gsqlStatements(
      e,
      'USE GLOBAL\nCREATE GLOBAL SCHEMA_CHANGE JOB d { ALTER VERTEX Account DROP VECTOR ATTRIBUTE ( emb2 ); }\nRUN GLOBAL SCHEMA_CHANGE JOB d',
    );
    expect(drop.text).toContain('Global schema change succeeded.');
    expect((await schemaOf(e, 'Account'))['EmbeddingAttributes']).toEqual([
      { Name: 'emb1', Dimension: 3, IndexType: 'HNSW', DataType: 'FLOAT', Metric: 'COSINE' },
    ]);
    const plain = await gsqlStatements(
      e,
      'USE GLOBAL\nCREATE GLOBAL SCHEMA_CHANGE JOB d2 { ALTER VERTEX Account DROP VECTOR ATTRIBUTE emb1; }\nRUN GLOBAL SCHEMA_CHANGE JOB d2',
    );
    expect(plain.text).toContain('Global schema change succeeded.');
    expect(await schemaOf(e, 'Account')).not.toHaveProperty('EmbeddingAttributes');
    const local = await gsqlStatements(
      e,
      [
        'USE GLOBAL',
        'CREATE GRAPH localGraph()',
        'USE GRAPH localGraph',
        'CREATE SCHEMA_CHANGE JOB lv FOR GRAPH localGraph { ADD VERTEX Doc (id STRING PRIMARY KEY); }',
        'RUN SCHEMA_CHANGE JOB lv',
        'CREATE SCHEMA_CHANGE JOB le FOR GRAPH localGraph { ALTER VERTEX Doc ADD VECTOR ATTRIBUTE e(DIMENSION=10, METRIC="IP"); }',
        'RUN SCHEMA_CHANGE JOB le',
      ].join('\n'),
    );
    expect(local.text).toContain('Local schema change succeeded.');
    const doc = (
      (
        await http(`${e.gsUrl}/gsql/v1/schema/graphs/localGraph?type=Doc`, {
          headers: { Authorization: basic() },
        })
      ).json as { results: Record<string, unknown> }
    ).results;
    expect(doc['EmbeddingAttributes']).toEqual([
      { Name: 'e', Dimension: 10, IndexType: 'HNSW', DataType: 'FLOAT', Metric: 'IP' },
    ]);
    // A global vertex type changes only in a global job.
    const wrong = await gsqlStatements(
      e,
      'USE GRAPH fin\nCREATE SCHEMA_CHANGE JOB w FOR GRAPH fin { ALTER VERTEX Account ADD VECTOR ATTRIBUTE e3(DIMENSION=3); }\nRUN SCHEMA_CHANGE JOB w',
    );
    expect(wrong.text).toContain('The vertex type Account is global');
  });

  test('bad parameters are refused when the job is created', async () => {
    const e = await finEmulator();
    const job = (body: string) =>
      gsqlStatements(e, `USE GLOBAL\nCREATE GLOBAL SCHEMA_CHANGE JOB bad { ALTER VERTEX City ${body}; }`);
    expect((await job('ADD VECTOR ATTRIBUTE v(DIMENSION=3, METRIC="MANHATTAN")')).text).toContain(
      'The METRIC of vector attribute v must be one of COSINE, L2, IP, not "MANHATTAN".',
    );
    expect((await job('ADD VECTOR ATTRIBUTE v(METRIC="L2")')).text).toContain(
      'The vector attribute v needs a DIMENSION',
    );
    expect((await job('ADD VECTOR ATTRIBUTE v(DIMENSION=0)')).text).toContain(
      'must be an integer from 1 to 32768, not 0',
    );
    const dup = await gsqlStatements(
      e,
      'USE GLOBAL\nCREATE GLOBAL SCHEMA_CHANGE JOB dup { ALTER VERTEX Account ADD VECTOR ATTRIBUTE emb1(DIMENSION=3); }\nRUN GLOBAL SCHEMA_CHANGE JOB dup',
    );
    expect(dup.text).toContain('The vector attribute emb1 already exists in vertex type Account.');
    const gone = await gsqlStatements(
      e,
      'USE GLOBAL\nCREATE GLOBAL SCHEMA_CHANGE JOB g { ALTER VERTEX Account DROP VECTOR ATTRIBUTE nope; }\nRUN GLOBAL SCHEMA_CHANGE JOB g',
    );
    expect(gone.text).toContain('The vector attribute nope does not exist in vertex type Account.');
  });

  test.each(['3.10', '4.1'])('%s has no VECTOR keyword: the job is a syntax error', async (version) => {
    const e = await emulator({ version });
    const run = version.startsWith('3') ? gsqlFile : gsqlStatements;
    const r = await run(
      e,
      'CREATE VERTEX A (id STRING PRIMARY KEY)\nCREATE GLOBAL SCHEMA_CHANGE JOB j {\n  ALTER VERTEX A ADD VECTOR ATTRIBUTE emb(DIMENSION=3);\n}',
    );
    expect(r.text).toContain('Encountered " <IDENTIFIER> "VECTOR "" at line 3, column 22.');
    expect(r.text).not.toContain('Successfully created global schema change jobs');
  });
});

describe('vectors over REST (4.2)', () => {
  test('POST /graph upserts a vector with the plain attributes; GET vertices leaves vectors out', async () => {
    const e = await finEmulator();
    const r = await upsertAccount(e, {
      isBlocked: { value: false },
      emb1: { value: [-0.017733968794345856, -0.01019224338233471, -0.016571875661611557] },
    });
    expect(r.json).toMatchObject({ error: false, results: [{ accepted_vertices: 1, accepted_edges: 0 }] });
    const got = await http(`${e.restppUrl}/graph/fin/vertices/Account/Scott`);
    expect(got.json).toMatchObject({
      error: false,
      results: [{ v_id: 'Scott', v_type: 'Account', attributes: { name: 'Scott', isBlocked: false } }],
    });
    expect(
      Object.keys((got.json as { results: { attributes: object }[] }).results[0]?.attributes ?? {}),
    ).toEqual(['name', 'isBlocked']);
  });

  test('a wrong dimension or a non-list rejects the whole request', async () => {
    const e = await finEmulator();
    const wrong = await upsertAccount(e, { emb1: { value: [1, 2] } });
    expect(wrong.json).toMatchObject({
      error: true,
      code: 'REST-30200',
      message:
        "The vector attribute emb1 of vertex type Account has dimension 3, but the value for 'Scott' has 2 elements.",
    });
    const notList = await upsertAccount(e, { emb2: { value: 'x' } });
    expect(notList.json).toMatchObject({ error: true, code: 'REST-30200' });
    expect((notList.json as { message: string }).message).toContain('must be a list of 2 numbers');
    const count = await http(`${e.restppUrl}/graph/fin/vertices/Account?count_only=true`);
    expect(count.json).toMatchObject({ results: [{ v_type: 'Account', count: 0 }] });
  });

  test('/vector/status: pending right after a vector write, per attribute, until the rebuild window ends', async () => {
    const e = await finEmulator();
    const status = async (path: string) =>
      ((await http(`${e.restppUrl}/vector/status/${path}`)).json as { results: Record<string, unknown> })
        .results;
    expect(await status('fin/Account/emb1')).toEqual({ NeedRebuildServers: [] });
    await upsertAccount(e, { emb2: { value: [1, 2] } });
    expect(await status('fin/Account/emb2')).toEqual({ NeedRebuildServers: ['GPE_1#1'] });
    expect(await status('fin/Account/emb1')).toEqual({ NeedRebuildServers: [] });
    expect(await status('fin/Account')).toEqual({ NeedRebuildServers: ['GPE_1#1'] });
    expect(await status('fin/City')).toEqual({ NeedRebuildServers: [] });
    expect(await status('fin?verbose=true')).toEqual({
      'NeedRebuildInstances({SEGID}_{VECTOR_ID})': { 'GPE_1#1': ['1_2'] },
    });
    e.clock.advance(VECTOR_REBUILD_MS);
    expect(await status('fin/Account/emb2')).toEqual({ NeedRebuildServers: [] });
    const unknown = await http(`${e.restppUrl}/vector/status/fin/Account/emb9`);
    expect(unknown.json).toMatchObject({ error: true, code: 'REST-30000' });
  });
});

describe('vectors in db-export / db-import (4.2)', () => {
  test('the attributes and the vectors survive the round trip, global and local', async () => {
    const outputDir = mkdtempSync(join(tmpdir(), 'tgraph-vector-export-'));
    try {
      const source = await emulator({ version: '4.2', outputDir });
      expect((await gsqlStatements(source, FIN_SCHEMA)).text).toContain('Global schema change succeeded.');
      const local = await gsqlStatements(
        source,
        [
          'CREATE GRAPH lg()',
          'USE GRAPH lg',
          'CREATE SCHEMA_CHANGE JOB a FOR GRAPH lg { ADD VERTEX Doc (id STRING PRIMARY KEY); ALTER VERTEX Doc ADD VECTOR ATTRIBUTE e(DIMENSION=2, METRIC="IP"); }',
          'RUN SCHEMA_CHANGE JOB a',
        ].join('\n'),
      );
      expect(local.text).toContain('Local schema change succeeded.');
      await upsertAccount(source, { emb1: { value: [0.5, 0.25, -1] }, emb2: { value: [3, 4] } });
      await http(`${source.restppUrl}/graph/lg`, {
        method: 'POST',
        body: JSON.stringify({ vertices: { Doc: { d1: { e: { value: [1, -2] } } } } }),
      });
      const post = (e: RunningEmulator, path: string) =>
        http(`${e.gsUrl}/gsql/v1/${path}`, {
          method: 'POST',
          headers: { Authorization: basic(), 'Content-Type': 'application/json' },
          body: JSON.stringify({ path: '/home/tigergraph/vec', graphNames: ['*'] }),
        });
      expect((await post(source, 'db-export')).json).toMatchObject({ error: false });
      const target = await emulator({ version: '4.2', outputDir });
      expect((await post(target, 'db-import')).json).toMatchObject({ error: false });
      expect((await schemaOf(target, 'Account'))['EmbeddingAttributes']).toEqual(
        (await schemaOf(source, 'Account'))['EmbeddingAttributes'],
      );
      const printed = async (e: RunningEmulator, graph: string, type: string) => {
        // PRINT … WITH VECTOR runs installed only.
        const r = await installAndRun(e, graph, '', `S = {${type}.*}; PRINT S WITH VECTOR;`);
        return (r.json as { results: unknown[] }).results;
      };
      expect(await printed(target, 'fin', 'Account')).toEqual(await printed(source, 'fin', 'Account'));
      expect(await printed(target, 'lg', 'Doc')).toEqual([
        { S: [{ v_id: 'd1', v_type: 'Doc', attributes: { id: 'd1' }, Embeddings: { e: [1, -2] } }] },
      ]);
      expect(await printed(target, 'fin', 'Account')).toEqual([
        {
          S: [
            {
              v_id: 'Scott',
              v_type: 'Account',
              attributes: { name: 'Scott', isBlocked: false },
              Embeddings: { emb1: [0.5, 0.25, -1], emb2: [3, 4] },
            },
          ],
        },
      ]);
    } finally {
      rmSync(outputDir, { recursive: true, force: true });
    }
  });
});
