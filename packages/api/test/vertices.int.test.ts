// Vertex functions against the emulator (3.x and 4.x layouts): the request the server received
// (method, path, query, headers, body) and the typed result.
import { AbortError, NotFoundError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import {
  attrOp,
  countVertices,
  countVerticesByType,
  deleteVertices,
  deleteVerticesById,
  deleteVerticesByType,
  getVertexAttributes,
  getVertexStats,
  getVertexType,
  getVertexTypes,
  getVertices,
  getVerticesById,
  upsertVertex,
  upsertVertices,
} from '../src/vertices.js';
import { header, only, restppPath, setup } from './vertices-edges-helpers.js';
import { type CovidSchema, RICH_GSQL, type RichSchema } from './vertices-edges-schema.js';

const covid = (version: string) => setup<CovidSchema>(version);
const rich = (version: string) => setup<RichSchema>(version, { seed: 'empty', gsqlScript: RICH_GSQL });

for (const version of ['3.10', '4.2']) {
  describe(`vertices on TigerGraph ${version}`, () => {
    it('reads vertex types and attributes from the schema endpoint of the line, cached per graph', async () => {
      const s = await covid(version);
      s.clear();
      expect(await getVertexTypes(s.ctx)).toEqual(['Patient', 'City', 'Province', 'InfectionCase']);
      const [schemaReq] = s.sent();
      if (s.line === '3') {
        expect(schemaReq?.path).toBe('/gsqlserver/gsql/schema');
        expect(schemaReq?.query).toEqual({ graph: 'MyGraph' });
      } else {
        expect(schemaReq?.path).toBe('/gsql/v1/schema/graphs/MyGraph');
        expect(schemaReq?.query).toEqual({});
      }
      expect(schemaReq?.method).toBe('GET');
      expect(header(schemaReq as never, 'authorization')).toBe(`Basic ${btoa('tigergraph:tigergraph')}`);
      expect(await getVertexAttributes(s.ctx, 'Province')).toEqual([
        { name: 'province', type: 'STRING' },
        { name: 'population', type: 'INT' },
        { name: 'area', type: 'DOUBLE' },
      ]);
      expect((await getVertexType(s.ctx, 'Patient'))?.PrimaryId.AttributeName).toBe('patient_id');
      expect(s.sent()).toHaveLength(1); // cached
      await getVertexTypes(s.ctx, { refresh: true });
      expect(s.sent()).toHaveLength(2);
      expect(await getVertexType(s.ctx, 'Nope' as 'City')).toBeUndefined();
      await expect(getVertexAttributes(s.ctx, 'Nope' as 'City')).rejects.toThrow(
        /Vertex type 'Nope' is not in graph 'MyGraph' \(known: Patient, City, Province, InfectionCase\)/,
      );
      await expect(getVertexAttributes(s.ctx, 'Nope' as 'City')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('lists vertices with select, limit, filter and sort (the seed example)', async () => {
      const s = await covid(version);
      s.clear();
      const five = await getVertices(s.ctx, 'Patient', { limit: 5, select: ['birth_year'] });
      const req = only(s.sent());
      expect(req.method).toBe('GET');
      expect(restppPath(req)).toBe('/graph/MyGraph/vertices/Patient');
      expect(req.query).toEqual({ select: 'birth_year', limit: '5' });
      expect(five.map((v) => v.v_id)).toEqual([
        '6100000100',
        '6023000024',
        '6022000024',
        '6020000020',
        '6015000008',
      ]);
      expect(five[0]).toEqual({ v_id: '6100000100', v_type: 'Patient', attributes: { birth_year: 1959 } });

      s.clear();
      const women = await getVertices(s.ctx, 'Patient', {
        select: ['birth_year', 'sex'],
        filter: ['sex="female"', 'birth_year>1980'],
        sort: ['-birth_year'],
        serverTimeoutMs: 2500,
      });
      expect(only(s.sent()).query).toEqual({
        select: 'birth_year,sex',
        filter: 'sex="female",birth_year>1980',
        sort: '-birth_year',
        timeout: '3',
      });
      expect(women.map((v) => v.attributes.birth_year)).toEqual([1995, 1992, 1983, 1981]);
      expect(women.every((v) => v.attributes.sex === 'female')).toBe(true);
    });

    it('honours an aborted signal and surfaces server errors as typed errors', async () => {
      const s = await covid(version);
      await expect(getVertices(s.ctx, 'Patient', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
        AbortError,
      );
      const unknown = getVertices(s.ctx, 'Doctor' as 'City');
      await expect(unknown).rejects.toBeInstanceOf(ValidationError);
      await expect(getVertices(s.ctx, 'Doctor' as 'City')).rejects.toMatchObject({ code: 'REST-30000' });
    });

    it('counts with the stat_vertex_number built-in and with a filtered count_only listing', async () => {
      const s = await covid(version);
      s.clear();
      expect(await countVertices(s.ctx, 'Patient')).toBe(24);
      const req = only(s.sent());
      expect(req.method).toBe('POST');
      expect(restppPath(req)).toBe('/builtins/MyGraph');
      expect(JSON.parse(req.body)).toEqual({ function: 'stat_vertex_number', type: 'Patient' });
      expect(header(req, 'content-type')).toBe('application/json');

      s.clear();
      expect(await countVertices(s.ctx, 'Patient', { filter: 'birth_year>1990' })).toBe(7);
      const filtered = only(s.sent());
      expect(filtered.method).toBe('GET');
      expect(restppPath(filtered)).toBe('/graph/MyGraph/vertices/Patient');
      expect(filtered.query).toEqual({ count_only: 'true', filter: 'birth_year>1990' });

      s.clear();
      const all = await countVerticesByType(s.ctx, '*', { realtime: true });
      const allReq = only(s.sent());
      expect(allReq.query).toEqual({ realtime: 'true' });
      expect(JSON.parse(allReq.body)).toEqual({ function: 'stat_vertex_number', type: '*' });
      for (const t of ['City', 'Province', 'InfectionCase'] as const) {
        expect(all[t]).toBe((await getVertices(s.ctx, t)).length);
      }
      expect(all.Patient).toBe(24);
      expect(await countVerticesByType(s.ctx, ['Province', 'Patient'])).toEqual({
        Province: all.Province,
        Patient: 24,
      });
      // '*' and lists give the counts by type, as pyTigerGraph's getVertexCount does.
      expect(await countVertices(s.ctx, '*')).toEqual(await countVerticesByType(s.ctx, '*'));
      expect(await countVertices(s.ctx, ['Patient'])).toEqual({ Patient: 24 });
      await expect(countVerticesByType(s.ctx, ['Nope' as 'City', 'City'])).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('upserts every attribute kind, with operators, as RESTPP documents the payload', async () => {
      const s = await rich(version);
      s.clear();
      const r = await upsertVertex(s.ctx, 'Person', 'ann', {
        name: 'Ann',
        visits: 2,
        big: 9007199254740993n,
        ok: true,
        born: new Date(Date.UTC(1990, 4, 17, 8, 30, 5)),
        tags: new Set(['a', 'b']),
        nums: [3, 1, 2],
        prefs: new Map([
          ['tea', 1],
          ['coffee', 2],
        ]),
        home: { street: 'Main', no: 7 },
        score: undefined,
      });
      expect(r).toEqual({ accepted_vertices: 1, accepted_edges: 0 });
      const req = only(s.sent());
      expect(req.method).toBe('POST');
      expect(restppPath(req)).toBe('/graph/MyGraph');
      expect(req.query).toEqual({});
      expect(header(req, 'content-type')).toBe('application/json');
      expect(header(req, 'gsql-atomic-level')).toBeUndefined();
      expect(req.body).toBe(
        '{"vertices":{"Person":{"ann":{"name":{"value":"Ann"},"visits":{"value":2},"big":{"value":9007199254740993},' +
          '"ok":{"value":true},"born":{"value":"1990-05-17 08:30:05"},"tags":{"value":["a","b"]},"nums":{"value":[3,1,2]},' +
          '"prefs":{"value":{"keylist":["tea","coffee"],"valuelist":[1,2]}},' +
          '"home":{"value":{"keylist":["street","no"],"valuelist":["Main",7]}}}}}}',
      );

      s.clear();
      await upsertVertices(
        s.ctx,
        'Person',
        [
          [
            'ann',
            { visits: attrOp('add', 5), score: attrOp('max', 4.5), name: attrOp('ignore_if_exists', 'X') },
          ],
          { id: 'bob', attributes: { prefs: { tea: 3 }, visits: attrOp('+', 1) } },
        ],
        { atomic: true, ack: 'all' },
      );
      const batch = only(s.sent());
      expect(header(batch, 'gsql-atomic-level')).toBe('atomic');
      expect(batch.query).toEqual({ ack: 'all' });
      expect(JSON.parse(batch.body)).toEqual({
        vertices: {
          Person: {
            ann: {
              visits: { value: 5, op: 'add' },
              score: { value: 4.5, op: 'max' },
              name: { value: 'X', op: 'ignore_if_exists' },
            },
            bob: { prefs: { value: { keylist: ['tea'], valuelist: [3] } }, visits: { value: 1, op: '+' } },
          },
        },
      });
      const [ann, bob] = await getVerticesById(s.ctx, 'Person', ['ann', 'bob'], { strategy: 'perId' });
      expect(ann?.attributes).toEqual({
        name: 'Ann',
        visits: 7,
        score: 4.5,
        big: 9007199254740992, // a JS number cannot hold it: see the integers test
        ok: true,
        born: '1990-05-17 08:30:05',
        tags: ['a', 'b'],
        nums: [3, 1, 2],
        prefs: { tea: 1, coffee: 2 },
        home: { street: 'Main', no: 7 },
      });
      expect(bob?.attributes.prefs).toEqual({ tea: 3 });
      expect(bob?.attributes.visits).toBe(1);
    });

    it('keeps 64-bit integers exact with the bigint integer mode', async () => {
      const s = await setup<RichSchema>(version, { seed: 'empty', gsqlScript: RICH_GSQL });
      await upsertVertex(s.ctx, 'Person', 'big', { big: 9007199254740993n, visits: 1 });
      const [v] = await getVerticesById(s.ctx, 'Person', ['big'], { select: ['big'] });
      expect(v?.attributes.big).toBe(9007199254740992);
      const exact = { ...s.ctx, integers: 'auto' as const };
      const [w] = await getVerticesById(exact, 'Person', ['big'], { select: ['big', 'visits'] });
      expect(w?.attributes).toEqual({ big: 9007199254740993n, visits: 1 });
    });

    it('sends new_vertex_only / update_vertex_only / ack=none as lowercase true and returns the extras', async () => {
      const s = await rich(version);
      await upsertVertices(s.ctx, 'Person', [['a'], ['b']]);
      s.clear();
      const n = await upsertVertices(s.ctx, 'Person', [['a'], ['c']], { newVertexOnly: true });
      expect(only(s.sent()).query).toEqual({ new_vertex_only: 'true' });
      expect(n).toEqual({
        accepted_vertices: 1,
        accepted_edges: 0,
        skipped_vertices: 1,
        vertices_already_exist: [{ v_type: 'Person', v_id: 'a' }],
      });
      s.clear();
      const u = await upsertVertices(s.ctx, 'Person', [{ id: 'b' }, { id: 'zz' }], {
        updateVertexOnly: true,
        ack: 'none',
        atomic: false,
      });
      const ureq = only(s.sent());
      expect(ureq.query).toEqual({ ack: 'none', update_vertex_only: 'true' });
      expect(header(ureq, 'gsql-atomic-level')).toBe('nonatomic');
      expect(u.vertices_not_exist).toEqual([{ v_type: 'Person', v_id: 'zz' }]);
      expect(u.skipped_vertices).toBe(1);
    });

    it('rejects bad upsert input before sending, with the field named', async () => {
      const s = await rich(version);
      s.clear();
      await expect(upsertVertex(s.ctx, 'Person', 'x', { name: null as unknown as string })).rejects.toThrow(
        /Person 'x' attribute 'name' is null: TigerGraph rejects null values/,
      );
      await expect(
        upsertVertices(s.ctx, 'Person', [['x']], { newVertexOnly: true, updateVertexOnly: true }),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(upsertVertex(s.ctx, 'Account', 2 ** 60, {})).rejects.toThrow(/not a safe integer/);
      expect(() => attrOp('plus' as 'add', 1)).toThrow(/Unknown upsert operator 'plus'/);
      await expect(upsertVertex(s.ctx, 'Person', 'x', { score: Number.NaN })).rejects.toThrow(
        /JSON cannot carry/,
      );
      expect(s.sent()).toEqual([]);
    });

    it('gets vertices by id: per id (select applies), by one scan, or chosen from a count', async () => {
      const s = await covid(version);
      const ids = ['6100000100', '1000000001', 'missing', '6100000100'];
      s.clear();
      const perId = await getVerticesById(s.ctx, 'Patient', ids, {
        strategy: 'perId',
        select: ['birth_year'],
      });
      const perReqs = s.sent();
      expect(perReqs.map((r) => `${r.method} ${restppPath(r)}`).sort()).toEqual([
        'GET /graph/MyGraph/vertices/Patient/1000000001',
        'GET /graph/MyGraph/vertices/Patient/6100000100',
        'GET /graph/MyGraph/vertices/Patient/missing',
      ]);
      expect(perReqs.every((r) => r.query['select'] === 'birth_year')).toBe(true);
      expect(perId).toEqual([
        { v_id: '6100000100', v_type: 'Patient', attributes: { birth_year: 1959 } },
        { v_id: '1000000001', v_type: 'Patient', attributes: { birth_year: 1964 } },
      ]);

      s.clear();
      const scanned = await getVerticesById(s.ctx, 'Patient', ids, {
        strategy: 'scan',
        select: ['birth_year'],
      });
      expect(scanned).toEqual(perId);
      expect(s.sent().map((r) => `${r.method} ${restppPath(r)}`)).toEqual([
        'GET /graph/MyGraph/vertices/Patient',
        'GET /graph/MyGraph/vertices/Patient/missing',
      ]);

      // 24 patients, 3 asked: 24 > 12 → per id, after one count.
      s.clear();
      await getVerticesById(s.ctx, 'Patient', ids);
      const autoReqs = s.sent();
      expect(autoReqs[0]?.method).toBe('POST');
      expect(autoReqs).toHaveLength(4);
      // 5 provinces, 2 asked: 5 ≤ 8 → one scan.
      s.clear();
      const provinces = await getVertices(s.ctx, 'Province', { limit: 2 });
      s.clear();
      const two = await getVerticesById(
        s.ctx,
        'Province',
        provinces.map((p) => p.v_id),
      );
      expect(two).toEqual(provinces);
      expect(s.sent().map((r) => `${r.method} ${restppPath(r)}`)).toEqual([
        'POST /builtins/MyGraph',
        'GET /graph/MyGraph/vertices/Province',
      ]);
      await expect(getVerticesById(s.ctx, 'Patient', [])).rejects.toBeInstanceOf(ValidationError);

      // One interpreted query: to_vertex_set skips the unknown id.
      s.clear();
      const queried = await getVerticesById(s.ctx, 'Patient', ids, {
        strategy: 'query',
        select: ['birth_year'],
      });
      expect(queried).toEqual(perId);
      const q = only(s.sent());
      expect(q.method).toBe('POST');
      expect(q.path).toBe(s.line === '3' ? '/gsqlserver/interpreted_query' : '/gsql/v1/queries/interpret');
      expect(q.query).toEqual({
        ...(s.line === '4' ? { graph: 'MyGraph' } : {}),
        ids: ['6100000100', '1000000001', 'missing'],
      });
      expect(q.headers['content-type']).toBe('text/plain');
      expect(q.body).toBe(
        'INTERPRET QUERY (SET<STRING> ids) FOR GRAPH MyGraph { S = to_vertex_set(ids, "Patient"); PRINT S; }',
      );
      await expect(
        getVerticesById(s.ctx, 'Patient"; DROP ALL' as 'City', ['x'], { strategy: 'query' }),
      ).rejects.toThrow(/is not a GSQL identifier/);
    });

    it('deletes by filter (limit+sort), by ids (escaped, permanent) and by type', async () => {
      const s = await rich(version);
      await upsertVertices(s.ctx, 'Person', [
        ['p1', { visits: 1 }],
        ['p2', { visits: 2 }],
        ['p3', { visits: 3 }],
        ['a/b c', { visits: 4 }],
        ['q', { visits: 5 }],
      ]);
      s.clear();
      expect(await deleteVertices(s.ctx, 'Person', { filter: 'visits<4', limit: 2, sort: ['-visits'] })).toBe(
        2,
      );
      const del = only(s.sent());
      expect(del.method).toBe('DELETE');
      expect(restppPath(del)).toBe('/graph/MyGraph/vertices/Person');
      expect(del.query).toEqual({ filter: 'visits<4', limit: '2', sort: '-visits' });
      expect((await getVertices(s.ctx, 'Person', { select: ['visits'] })).map((v) => v.v_id).sort()).toEqual([
        'a/b c',
        'p1',
        'q',
      ]);

      s.clear();
      expect(await deleteVerticesById(s.ctx, 'Person', ['a/b c', 'nope', 'p1'], { permanent: true })).toBe(2);
      const paths = s
        .sent()
        .map((r) => `${r.method} ${restppPath(r)}?${new URLSearchParams(r.query as Record<string, string>)}`)
        .sort();
      expect(paths).toEqual([
        'DELETE /graph/MyGraph/vertices/Person/a%2Fb%20c?permanent=true',
        'DELETE /graph/MyGraph/vertices/Person/nope?permanent=true',
        'DELETE /graph/MyGraph/vertices/Person/p1?permanent=true',
      ]);
      // Permanently deleted ids cannot come back.
      expect((await upsertVertex(s.ctx, 'Person', 'p1', {})).accepted_vertices).toBe(0);

      s.clear();
      expect(await deleteVerticesByType(s.ctx, 'Person', { ack: 'all' })).toBe(1);
      const byType = only(s.sent());
      expect(byType.method).toBe('DELETE');
      expect(restppPath(byType)).toBe('/graph/MyGraph/delete_by_type/vertices/Person');
      expect(byType.query).toEqual({ ack: 'all' });
      expect(await countVertices(s.ctx, 'Person')).toBe(0);

      await expect(deleteVertices(s.ctx, 'Person', { sort: ['visits'] })).rejects.toThrow(
        /sort only applies together with limit/,
      );
      await expect(deleteVerticesByType(s.ctx, 'Person', { ack: 'some' as 'all' })).rejects.toBeInstanceOf(
        ValidationError,
      );
    });

    it('addresses composite-key vertices by their key values, and refuses ids a URL path cannot carry', async () => {
      const s = await rich(version);
      s.clear();
      await upsertVertex(s.ctx, 'Member', ['Tom', 'Lee'], { since: 2019 });
      expect(JSON.parse(only(s.sent()).body)).toEqual({
        vertices: { Member: { 'Tom,Lee': { since: { value: 2019 } } } },
      });
      s.clear();
      const [m] = await getVerticesById(s.ctx, 'Member', [['Tom', 'Lee']], {
        select: ['since'],
        strategy: 'perId',
      });
      expect(restppPath(only(s.sent()))).toBe('/graph/MyGraph/vertices/Member/Tom%2CLee');
      expect(m).toEqual({ v_id: 'Tom,Lee', v_type: 'Member', attributes: { since: 2019 } });
      s.clear();
      await expect(getVerticesById(s.ctx, 'Person', ['..'], { strategy: 'perId' })).rejects.toThrow(
        /cannot be sent in a URL path/,
      );
      await expect(deleteVerticesById(s.ctx, 'Member', [[]])).rejects.toThrow(
        /must not be an empty key list/,
      );
      expect(s.sent()).toEqual([]);
    });

    it('returns attribute statistics from stat_vertex_attr', async () => {
      const s = await rich(version);
      await upsertVertices(s.ctx, 'Person', [
        ['a', { visits: 1, score: 2 }],
        ['b', { visits: 3, score: 4 }],
      ]);
      s.clear();
      const stats = await getVertexStats(s.ctx, ['Person']);
      const req = only(s.sent());
      expect(restppPath(req)).toBe('/builtins/MyGraph');
      expect(JSON.parse(req.body)).toEqual({ function: 'stat_vertex_attr', type: 'Person' });
      expect(stats.Person?.['visits']).toEqual({ MIN: 1, MAX: 3, AVG: 2 });
      expect(stats.Person?.['score']).toEqual({ MIN: 2, MAX: 4, AVG: 3 });
      const all = await getVertexStats(s.ctx, '*', { skipNA: true });
      expect(Object.keys(all)).toEqual(['Person']); // Account has no values → left out
    });
  });
}
