// Query functions against the emulator (3.x and 4.x layouts): the request the server received
// (method, path, query, headers, body) and the typed result.
import { NotFoundError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import {
  anyVertexParam,
  createQuery,
  datetimeParam,
  describeQuery,
  dropQueries,
  getQueryText,
  type InstallStatus,
  installQueries,
  listInstalledQueries,
  listQueries,
  mapParam,
  runInterpretedQuery,
  runQuery,
  vertexParam,
} from '../src/queries.js';
import { header, only, restppPath, type Setup, setup } from './vertices-edges-helpers.js';

const PRINT_PARAMS = `CREATE QUERY print_params(STRING s, INT n, DOUBLE d, BOOL b, DATETIME dt, VERTEX<Patient> p, VERTEX v,
  SET<STRING> ss, LIST<INT> li, SET<VERTEX<Patient>> ps, SET<VERTEX> vs) FOR GRAPH $graphname {
  PRINT s, n, d, b, dt, p, v, ss, li, ps, vs;
}`;
const WITH_MAP = `CREATE QUERY with_map(MAP<STRING, INT> m, INT k = 7) FOR GRAPH @graphname@ {
  PRINT m, k;
}`;

async function withQueries(version: string): Promise<Setup> {
  const s = await setup(version);
  await createQuery(s.ctx, PRINT_PARAMS);
  await createQuery(s.ctx, WITH_MAP);
  await installQueries(s.ctx, ['print_params', 'with_map']);
  s.clear();
  return s;
}

interface Printed {
  s: string;
  n: number | bigint;
  d: number;
  b: boolean;
  dt: string;
  p: string;
  v: string;
  ss: string[];
  li: (number | bigint)[];
  ps: string[];
  vs: string[];
}

const BIG = 9007199254740993n; // 2^53 + 1: a JS number cannot hold it

for (const version of ['3.10', '4.2']) {
  describe(`queries on TigerGraph ${version}`, () => {
    it('creates, installs with progress, lists, shows, describes and drops queries', async () => {
      const s = await setup(version);
      s.clear();
      await createQuery(s.ctx, 'CREATE QUERY hello(INT x) FOR GRAPH $graphname { PRINT x + 1 AS y; }');
      const created = only(s.sent());
      if (s.line === '3') {
        expect(created.path).toBe('/gsqlserver/gsql/file');
        expect(header(created, 'content-type')).toBe('application/x-www-form-urlencoded');
        expect(decodeURIComponent(created.body.replace(/\+/g, ' '))).toBe(
          'USE GRAPH MyGraph\nCREATE QUERY hello(INT x) FOR GRAPH MyGraph { PRINT x + 1 AS y; }',
        );
      } else {
        expect(created.path).toBe('/gsql/v1/queries');
        expect(created.query).toEqual({ graph: 'MyGraph' });
        expect(header(created, 'content-type')).toBe('text/plain');
        expect(created.body).toBe('CREATE QUERY hello(INT x) FOR GRAPH MyGraph { PRINT x + 1 AS y; }');
      }

      const before = await listQueries(s.ctx);
      expect(before.find((q) => q.name === 'hello')).toMatchObject({ name: 'hello', installed: false });

      s.clear();
      const progress: InstallStatus[] = [];
      const done = await installQueries(s.ctx, 'hello', { force: true, onProgress: (p) => progress.push(p) });
      expect(done.state).toBe('SUCCESS');
      if (s.line === '3') {
        const req = only(s.sent());
        expect(req.path).toBe('/gsqlserver/gsql/file');
        expect(decodeURIComponent(req.body.replace(/\+/g, ' '))).toBe(
          'USE GRAPH MyGraph\nINSTALL QUERY -FORCE hello',
        );
        expect(progress.map((p) => p.state)).toEqual(['RUNNING', 'SUCCESS']);
      } else {
        const [submit, poll] = s.sent();
        expect(submit?.method).toBe('GET');
        expect(submit?.path).toBe('/gsql/v1/queries/install');
        expect(submit?.query).toEqual({ queries: 'hello', flag: '-force', graph: 'MyGraph' });
        expect(poll?.path).toBe(`/gsql/v1/queries/install/${done.requestId}`);
        expect(progress.map((p) => p.state)).toEqual(['SUBMITTED', 'SUCCESS']);
        expect(done.message).toContain('SUCCESS');
      }
      expect((await listQueries(s.ctx)).find((q) => q.name === 'hello')?.installed).toBe(true);
      expect(await runQuery<[{ y: number }]>(s.ctx, 'hello', { x: 41 })).toEqual([{ y: 42 }]);

      const text = await getQueryText(s.ctx, 'hello');
      expect(text).toContain('CREATE QUERY hello(INT x)');

      s.clear();
      const described = await describeQuery(s.ctx, 'hello');
      const info = only(s.sent());
      if (s.line === '3') {
        expect(info.path).toBe('/gsqlserver/gsql/queryinfo');
        expect(info.query).toEqual({ query: 'hello', graph: 'MyGraph' });
      } else {
        expect(info.path).toBe('/gsql/v1/queries/signature');
        expect(info.query).toEqual({ queryName: 'hello', graph: 'MyGraph' });
      }
      expect(described.name).toBe('hello');
      expect(described.parameters).toEqual([{ name: 'x', type: 'int' }]);

      const installed = await listInstalledQueries(s.ctx);
      expect(installed.find((q) => q.name === 'hello')?.parameters.x).toMatchObject({ type: 'INT64' });
      expect(installed.find((q) => q.name === 'hello')?.parameters).not.toHaveProperty('query');

      s.clear();
      expect(await dropQueries(s.ctx, ['hello'])).toEqual({ dropped: ['hello'], failedToDrop: [] });
      const dropped = only(s.sent());
      if (s.line === '4') {
        expect(dropped.method).toBe('DELETE');
        expect(dropped.path).toBe('/gsql/v1/queries');
        expect(dropped.url).toBe('/gsql/v1/queries?query=hello&graph=MyGraph');
      } else {
        expect(decodeURIComponent(dropped.body.replace(/\+/g, ' '))).toBe(
          'USE GRAPH MyGraph\nDROP QUERY hello',
        );
      }
      await expect(runQuery(s.ctx, 'hello', { x: 1 })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('runs with POST: every parameter type encoded as the reference shows, 64-bit ints kept', async () => {
      const s = await withQueries(version);
      const results = await runQuery<[Printed]>(
        s.ctx,
        'print_params',
        {
          s: 'hello world',
          n: BIG,
          d: 2.5,
          b: true,
          dt: datetimeParam(new Date(Date.UTC(2020, 1, 19, 19, 19, 19))),
          p: vertexParam('Patient', '6100000100'),
          v: anyVertexParam('City', 'jongno_gu'),
          ss: ['a', 'b'],
          li: [1, 2, 3],
          ps: [vertexParam('Patient', '6100000100'), vertexParam('Patient', '6023000024')],
          vs: [anyVertexParam('City', 'jongno_gu'), anyVertexParam('Patient', '6023000024')],
        },
        { integers: 'bigint', gsqlTimeoutMs: 5000 },
      );
      const req = only(s.sent());
      expect(req.method).toBe('POST');
      expect(restppPath(req)).toBe('/query/MyGraph/print_params');
      expect(req.query).toEqual({});
      expect(header(req, 'content-type')).toBe('application/json');
      expect(header(req, 'gsql-timeout')).toBe('5000');
      expect(req.body).toBe(
        '{"s":"hello world","n":9007199254740993,"d":2.5,"b":true,"dt":"2020-02-19 19:19:19","p":{"id":"6100000100"},"v":{"id":"jongno_gu","type":"City"},"ss":["a","b"],"li":[1,2,3],"ps":[{"id":"6100000100"},{"id":"6023000024"}],"vs":[{"id":"jongno_gu","type":"City"},{"id":"6023000024","type":"Patient"}]}',
      );
      const [out] = results;
      expect(out?.n).toBe(BIG);
      expect(out).toMatchObject({
        s: 'hello world',
        d: 2.5,
        b: true,
        dt: '2020-02-19 19:19:19',
        p: '6100000100',
        v: 'jongno_gu',
      });
      expect(out?.li).toEqual([1n, 2n, 3n]);
      expect([...(out?.ss ?? [])].sort()).toEqual(['a', 'b']);
      expect([...(out?.ps ?? [])].sort()).toEqual(['6023000024', '6100000100']);
      expect([...(out?.vs ?? [])].sort()).toEqual(['6023000024', 'jongno_gu']);

      // MAP parameters travel as keylist/valuelist; an omitted parameter takes its default.
      s.clear();
      const [m] = await runQuery<[{ m: Record<string, number>; k: number }]>(s.ctx, 'with_map', {
        m: mapParam({ a: 1, b: 2 }),
      });
      expect(only(s.sent()).body).toBe('{"m":{"keylist":["a","b"],"valuelist":[1,2]}}');
      expect(m).toEqual({ m: { a: 1, b: 2 }, k: 7 });
    });

    it('runs with GET: query-string encodings (repeated keys, .type, [i]), same typed result', async () => {
      const s = await withQueries(version);
      const results = await runQuery<[Printed]>(
        s.ctx,
        'print_params',
        {
          s: 'hello world',
          n: BIG,
          d: 2.5,
          b: false,
          dt: new Date(Date.UTC(2024, 0, 15, 10, 30, 0)),
          p: vertexParam('Patient', '6100000100'),
          v: anyVertexParam('City', 'jongno_gu'),
          ss: ['a', 'b'],
          li: [1, 2],
          ps: [vertexParam('Patient', '6100000100'), vertexParam('Patient', '6023000024')],
          vs: [anyVertexParam('City', 'jongno_gu'), anyVertexParam('Patient', '6023000024')],
        },
        { method: 'GET', integers: 'string' },
      );
      const req = only(s.sent());
      expect(req.method).toBe('GET');
      expect(req.body).toBe('');
      expect(req.url.split('?')[1]).toBe(
        's=hello%20world&n=9007199254740993&d=2.5&b=false&dt=2024-01-15%2010%3A30%3A00&p=6100000100&v=jongno_gu&v.type=City&ss=a&ss=b&li=1&li=2&ps=6100000100&ps=6023000024&vs%5B0%5D=jongno_gu&vs%5B0%5D.type=City&vs%5B1%5D=6023000024&vs%5B1%5D.type=Patient',
      );
      const [out] = results;
      expect(out?.n).toBe('9007199254740993'); // integers: 'string' keeps unsafe integers as text
      expect(out).toMatchObject({
        s: 'hello world',
        b: false,
        dt: '2024-01-15 10:30:00',
        p: '6100000100',
        v: 'jongno_gu',
      });

      s.clear();
      await expect(runQuery(s.ctx, 'with_map', { m: mapParam({ a: 1 }) }, { method: 'GET' })).rejects.toThrow(
        /MAP, which cannot be sent in a query string/,
      );
      expect(s.sent()).toHaveLength(0);
    });

    it('surfaces the server’s typed errors: wrong parameter type, uninstalled query', async () => {
      const s = await withQueries(version);
      const wrong = await runQuery(s.ctx, 'print_params', { n: 'abc' }, { method: 'GET' }).catch(
        (e: unknown) => e,
      );
      expect(wrong).toBeInstanceOf(ValidationError);
      expect((wrong as ValidationError).code).toBe('REST-30000');
      expect((wrong as ValidationError).message).toContain('INT64');
      await createQuery(s.ctx, 'CREATE QUERY not_installed() FOR GRAPH $graphname { PRINT 1 AS one; }');
      const missing = await runQuery(s.ctx, 'not_installed').catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(NotFoundError);
      expect((missing as NotFoundError).code).toBe('REST-1000');
      await expect(runQuery(s.ctx, 'bad name')).rejects.toBeInstanceOf(ValidationError);
    });

    it('runs interpreted queries: text body, parameters in the query string, $graphname replaced', async () => {
      const s = await setup(version);
      s.clear();
      const results = await runInterpretedQuery<[{ y: number; who: string }]>(
        s.ctx,
        'INTERPRET QUERY (INT x, STRING who) FOR GRAPH $graphname { PRINT x + 1 AS y, who; }',
        { x: 41, who: 'a b' },
      );
      expect(results).toEqual([{ y: 42, who: 'a b' }]);
      const req = only(s.sent());
      expect(req.method).toBe('POST');
      expect(header(req, 'content-type')).toBe('text/plain');
      expect(req.body).toBe(
        'INTERPRET QUERY (INT x, STRING who) FOR GRAPH MyGraph { PRINT x + 1 AS y, who; }',
      );
      if (s.line === '3') {
        expect(req.path).toBe('/gsqlserver/interpreted_query');
        expect(req.url.split('?')[1]).toBe('x=41&who=a%20b');
        expect(header(req, 'authorization')).toMatch(/^Basic /);
      } else {
        expect(req.path).toBe('/gsql/v1/queries/interpret');
        expect(req.url.split('?')[1]).toBe('x=41&who=a%20b&graph=MyGraph');
      }
    });
  });
}
