// The main query, loading and path flows in Node, Chromium and Deno, against emulators created
// through the control server, on the runtime's own fetch. No node: imports here.
import { basicAuth } from '@tgraph/auth';
import { type ControlRecordedRequest, connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import { createTransport, type Transport } from '@tgraph/transport';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiContext, createContext } from '../src/context.ts';
import { createLoadingJob, loadData } from '../src/loading.ts';
import { shortestPath } from '../src/paths.ts';
import {
  anyVertexParam,
  createQuery,
  datetimeParam,
  installQueries,
  mapParam,
  runInterpretedQuery,
  runQuery,
  runQueryAsync,
  vertexParam,
  waitForQuery,
} from '../src/queries.ts';

const control = connectControl(inject('tgraphControlUrl'));

const ECHO = `CREATE QUERY echo_params(VERTEX<Patient> p, VERTEX v, SET<STRING> tags, INT n, DATETIME d,
  MAP<STRING, INT> m) FOR GRAPH $graphname {
  PRINT p, v, tags, n, d, m;
}`;

interface Echoed {
  p: string;
  v: string;
  tags: string[];
  n: number | bigint;
  d: string;
  m: Record<string, number>;
}

for (const version of ['3.10', '4.2']) {
  describe(`queries, loading and paths in this runtime, TigerGraph ${version}`, () => {
    let emu: EmulatorHandle;
    let transport: Transport;
    let ctx: ApiContext;
    const line = version.startsWith('3') ? '3' : '4';
    let seen = 0;
    const sent = async (): Promise<ControlRecordedRequest[]> => {
      const all = await control.requests(emu.id);
      // Browsers add CORS preflights (OPTIONS): not part of what the SDK sent.
      const fresh = all.filter((r) => r.seq > seen && r.method !== 'OPTIONS');
      seen = all.at(-1)?.seq ?? seen;
      return fresh;
    };

    beforeAll(async () => {
      emu = await control.create({ version, seed: 'covid', auth: true, cors: { origins: '*' } });
      transport = createTransport({
        restppUrls: [line === '3' ? emu.restppUrl : emu.restppViaGsUrl],
        gsqlUrl: emu.gsUrl,
        auth: basicAuth({ username: 'tigergraph', password: 'tigergraph' }),
        line,
        graph: 'MyGraph',
        retry: { limit: 0 },
      });
      ctx = createContext({ transport, graph: 'MyGraph', line });
      await transport.request({ service: 'restpp', method: 'GET', path: '/echo' }); // 3.x: mint the RESTPP token
      await createQuery(ctx, ECHO);
      await installQueries(ctx, ['echo_params'], { pollIntervalMs: 50 });
      await sent();
    });
    afterAll(async () => {
      await transport.close();
      await control.destroy(emu.id);
    });

    it('runs an installed query with POST: typed parameters on the wire, 64-bit integers kept', async () => {
      const [out] = await runQuery<[Echoed]>(
        ctx,
        'echo_params',
        {
          p: vertexParam('Patient', '1000000001'),
          v: anyVertexParam('Patient', '1000000003'),
          tags: ['x y'],
          n: 9007199254740993n,
          d: datetimeParam('2020-02-19 19:19:19'),
          m: mapParam({ a: 1 }),
        },
        { integers: 'bigint' },
      );
      const [req] = await sent();
      expect(req?.method).toBe('POST');
      expect(req?.path.replace(/^\/restpp/, '')).toBe('/query/MyGraph/echo_params');
      expect(req?.body).toBe(
        '{"p":{"id":"1000000001"},"v":{"id":"1000000003","type":"Patient"},"tags":["x y"],"n":9007199254740993,"d":"2020-02-19 19:19:19","m":{"keylist":["a"],"valuelist":[1]}}',
      );
      expect(out).toEqual({
        p: '1000000001',
        v: '1000000003',
        tags: ['x y'],
        n: 9007199254740993n,
        d: '2020-02-19 19:19:19',
        m: { a: 1n },
      });
    });

    it('runs with GET, interpreted, and detached', async () => {
      const [get] = await runQuery<[Echoed]>(
        ctx,
        'echo_params',
        {
          p: vertexParam('Patient', '1000000001'),
          v: anyVertexParam('Patient', '1000000003'),
          tags: ['a', 'b'],
          n: 5,
        },
        { method: 'GET' },
      );
      const [req] = await sent();
      expect(req?.url.split('?')[1]).toBe('p=1000000001&v=1000000003&v.type=Patient&tags=a&tags=b&n=5');
      expect(get).toMatchObject({ p: '1000000001', v: '1000000003', n: 5 });

      const [interp] = await runInterpretedQuery<[{ twice: number }]>(
        ctx,
        'INTERPRET QUERY (INT x) FOR GRAPH $graphname { PRINT x * 2 AS twice; }',
        { x: 21 },
      );
      expect(interp).toEqual({ twice: 42 });
      const [ireq] = await sent();
      expect(ireq?.path).toBe(line === '3' ? '/gsqlserver/interpreted_query' : '/gsql/v1/queries/interpret');

      const job = await runQueryAsync(ctx, 'echo_params', {
        p: vertexParam('Patient', '1000000001'),
        v: anyVertexParam('City', 'jongno_gu'),
        n: 1,
      });
      const done = await waitForQuery<[Echoed]>(ctx, job, { pollIntervalMs: 20 });
      expect(done[0]?.p).toBe('1000000001');
      const [submit] = await sent();
      expect(submit?.headers['gsql-async']).toBe('true');
    });

    it('loads a string and a Blob through a loading job, with typed statistics', async () => {
      await createLoadingJob(
        ctx,
        'CREATE LOADING JOB load_provinces FOR GRAPH $graphname { DEFINE FILENAME f; LOAD f TO VERTEX Province VALUES ($0, $1, $2, $3); }',
      );
      await sent();
      const fromText = await loadData(ctx, 'load_provinces', 'f', 'p_x,Px,100,1.5\np_y,Py,200,2.5\n');
      expect(fromText.statistics.validLines).toBe(2);
      expect(fromText.statistics.vertices[0]).toMatchObject({ typeName: 'Province', validObject: 2 });
      const [req] = await sent();
      expect(req?.path.replace(/^\/restpp/, '')).toBe('/ddl/MyGraph');
      expect(req?.query).toEqual({ tag: 'load_provinces', filename: 'f' });
      const fromBlob = await loadData(ctx, 'load_provinces', 'f', new Blob(['p_z,Pz,300,3.5\n']));
      expect(fromBlob).toMatchObject({ bytes: 15, lines: 1, requests: 1 });
      expect(fromBlob.statistics.validLines).toBe(1);

      // Cut at line ends into several requests (as a browser without streaming uploads does).
      const rows = Array.from({ length: 60 }, (_, i) => `q_${i},Q${i},${i},${i}.5\n`).join('');
      await sent();
      const chunked = await loadData(ctx, 'load_provinces', 'f', new Blob([rows]).stream(), {
        chunkBytes: 300,
      });
      const posts = (await sent()).filter((r) => r.method === 'POST');
      expect(chunked.requests).toBeGreaterThan(1);
      expect(posts).toHaveLength(chunked.requests);
      expect(chunked.lines).toBe(60);
      expect(chunked.statistics.validLines).toBe(60);
      expect(chunked.statistics.vertices[0]?.validObject).toBe(60);
    });

    it('finds the shortest infection path', async () => {
      const r = await shortestPath(
        ctx,
        { type: 'Patient', id: '1000000006' },
        { type: 'Patient', id: '1000000001' },
        {
          vertexFilters: [
            { type: 'Province', condition: 'population < 0' },
            { type: 'City', condition: 'elementary_school_count < 0' },
          ],
        },
      );
      expect(r.vertices.map((v) => v.v_id).sort()).toEqual(['1000000001', '1000000003', '1000000006']);
      expect(r.edges.map((e) => `${e.e_type} ${e.from_id}>${e.to_id}`).sort()).toEqual([
        'INFECTED_BY 1000000003>1000000001',
        'INFECTED_BY 1000000006>1000000003',
      ]);
      const req = (await sent()).find((x) => x.path.endsWith('/shortestpath/MyGraph'));
      expect(JSON.parse(req?.body ?? '')).toMatchObject({
        sources: [{ type: 'Patient', id: '1000000006' }],
        targets: [{ type: 'Patient', id: '1000000001' }],
      });
    });
  });
}
