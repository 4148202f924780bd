// Edge functions against the emulator (3.x and 4.x layouts): the request the server received and
// the typed result, at every path depth, with multi-edges that repeat a target id.
import { NotFoundError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import {
  countEdges,
  countEdgesByType,
  countEdgesFrom,
  deleteEdges,
  describeEdgeType,
  getDiscriminators,
  getEdgeAttributes,
  getEdgeSourceVertexTypes,
  getEdgeStats,
  getEdges,
  getEdgesByType,
  getEdgeTargetVertexTypes,
  getEdgeType,
  getEdgeTypes,
  getReverseEdge,
  isDirected,
  isMultiEdge,
  upsertEdge,
  upsertEdges,
} from '../src/edges.js';
import { upsertVertices } from '../src/vertices.js';
import { only, restppPath, setup } from './vertices-edges-helpers.js';
import { type CovidSchema, RICH_GSQL, type RichSchema } from './vertices-edges-schema.js';

const INFECTED_BY = [
  ['1000000003', '1000000001'],
  ['1000000005', '1000000004'],
  ['1000000006', '1000000003'],
  ['1000000007', '1000000003'],
  ['1000000009', '1000000005'],
  ['1000000010', '1000000005'],
  ['2000000002', '1000000002'],
  ['2000000004', '2000000003'],
];

const covid = (version: string) => setup<CovidSchema>(version);

async function rich(version: string) {
  const s = await setup<RichSchema>(version, { seed: 'empty', gsqlScript: RICH_GSQL });
  await upsertVertices(s.ctx, 'Account', [[7, { balance: 100 }], [8]]);
  await upsertVertices(s.ctx, 'Person', [['ann', { name: 'Ann' }], ['bob'], ['cy']]);
  await upsertEdges(s.ctx, 'Person', 'Pays', 'Account', [
    ['ann', 7, { day: '2024-01-01 00:00:00', amount: 10 }],
    ['ann', 7, { day: '2024-01-02 00:00:00', amount: 20 }],
    ['ann', 8, { day: '2024-01-01 00:00:00', amount: 5 }],
  ]);
  s.clear();
  return s;
}

const lines = (reqs: { method: string; path: string }[]) =>
  reqs.map((r) => `${r.method} ${r.path.replace(/^\/restpp/, '')}`);

for (const version of ['3.10', '4.2']) {
  describe(`edges on TigerGraph ${version}`, () => {
    it('describes edge types from the schema: direction, reverse edge, endpoints, discriminators', async () => {
      const s = await rich(version);
      expect(await getEdgeTypes(s.ctx)).toEqual(['Knows', 'Known_by', 'Friend', 'Pays']);
      expect(await describeEdgeType(s.ctx, 'Knows')).toEqual({
        name: 'Knows',
        directed: true,
        reverseEdge: 'Known_by',
        sourceTypes: ['Person'],
        targetTypes: ['Person'],
        pairs: [{ from: 'Person', to: 'Person' }],
        multiEdge: false,
        discriminators: [],
        attributes: [{ name: 'since', type: 'INT' }],
      });
      expect(await isDirected(s.ctx, 'Friend')).toBe(false);
      expect(await getReverseEdge(s.ctx, 'Friend')).toBeUndefined();
      expect(await getReverseEdge(s.ctx, 'Knows')).toBe('Known_by');
      expect(await isMultiEdge(s.ctx, 'Pays')).toBe(true);
      expect(await isMultiEdge(s.ctx, 'Knows')).toBe(false);
      expect(await getDiscriminators(s.ctx, 'Pays')).toEqual([
        { name: 'day', type: 'DATETIME', discriminator: true },
      ]);
      expect(await getEdgeAttributes(s.ctx, 'Pays')).toEqual([
        { name: 'day', type: 'DATETIME', discriminator: true },
        { name: 'amount', type: 'DOUBLE' },
      ]);
      expect(await getEdgeSourceVertexTypes(s.ctx, 'Pays')).toEqual(['Person']);
      expect(await getEdgeTargetVertexTypes(s.ctx, 'Pays')).toEqual(['Account']);
      expect((await getEdgeType(s.ctx, 'Pays'))?.DiscriminatorCount).toBe(1);
      expect(await getEdgeType(s.ctx, 'Nope' as 'Pays')).toBeUndefined();
      await expect(isDirected(s.ctx, 'Nope' as 'Pays')).rejects.toBeInstanceOf(NotFoundError);
      // One schema request served all of that.
      expect(s.sent()).toHaveLength(1);
    });

    it('counts edges with stat_edge_number and per source vertex with count_only', async () => {
      const s = await covid(version);
      expect(await countEdges(s.ctx, 'INFECTED_BY')).toBe(8);
      expect(JSON.parse(only(s.sent()).body)).toEqual({ function: 'stat_edge_number', type: 'INFECTED_BY' });
      s.clear();
      expect(
        await countEdges(s.ctx, 'INFECTED_BY', {
          sourceType: 'Patient',
          targetType: 'Patient',
          realtime: true,
        }),
      ).toBe(8);
      const typed = only(s.sent());
      expect(typed.query).toEqual({ realtime: 'true' });
      expect(JSON.parse(typed.body)).toEqual({
        function: 'stat_edge_number',
        type: 'INFECTED_BY',
        from_type: 'Patient',
        to_type: 'Patient',
      });
      const all = await countEdgesByType(s.ctx);
      expect(all.INFECTED_BY).toBe(8);
      expect(all.PATIENT_FROM_CITY).toBe(24);
      expect(await countEdgesByType(s.ctx, ['INFECTED_BY', 'BELONGS_TO_CASE'])).toEqual({
        INFECTED_BY: 8,
        BELONGS_TO_CASE: 24,
      });

      s.clear();
      const from = await countEdgesFrom(s.ctx, 'Patient', '1000000003');
      const req = only(s.sent());
      expect(req.method).toBe('GET');
      expect(restppPath(req)).toBe('/graph/MyGraph/edges/Patient/1000000003');
      expect(req.query).toEqual({ count_only: 'true' });
      expect(from).toMatchObject({
        PATIENT_FROM_CITY: 1,
        PATIENT_FROM_PROVINCE: 1,
        BELONGS_TO_CASE: 1,
        INFECTED_BY: 1,
      });
      s.clear();
      expect(
        await countEdgesFrom(s.ctx, 'Patient', '1000000003', {
          edgeType: 'INFECTED_BY',
          targetType: 'Patient',
        }),
      ).toEqual({
        INFECTED_BY: 1,
      });
      expect(restppPath(only(s.sent()))).toBe('/graph/MyGraph/edges/Patient/1000000003/INFECTED_BY/Patient');
      // '*' gives the counts by type, as pyTigerGraph's getEdgeCount does.
      expect(await countEdges(s.ctx, '*')).toEqual(await countEdgesByType(s.ctx, '*'));
    });

    it('upserts multi-edges that repeat a target id without losing any', async () => {
      const s = await setup<RichSchema>(version, { seed: 'empty', gsqlScript: RICH_GSQL });
      s.clear();
      const r = await upsertEdges(
        s.ctx,
        'Person',
        'Pays',
        'Account',
        [
          ['ann', 7, { day: new Date(Date.UTC(2024, 0, 1)), amount: 10 }],
          ['ann', 7, { day: '2024-01-02 00:00:00', amount: 20 }],
          { from: 'bob', to: 8, attributes: { day: '2024-01-01 00:00:00', amount: 5 } },
        ],
        { atomic: true },
      );
      expect(r).toEqual({ accepted_vertices: 0, accepted_edges: 3 });
      const req = only(s.sent());
      expect(req.method).toBe('POST');
      expect(restppPath(req)).toBe('/graph/MyGraph');
      expect(req.headers['gsql-atomic-level']).toBe('atomic');
      expect(req.body).toBe(
        '{"edges":{"Person":{"ann":{"Pays":{"Account":{"7":[' +
          '{"day":{"value":"2024-01-01 00:00:00"},"amount":{"value":10}},' +
          '{"day":{"value":"2024-01-02 00:00:00"},"amount":{"value":20}}]}}},' +
          '"bob":{"Pays":{"Account":{"8":{"day":{"value":"2024-01-01 00:00:00"},"amount":{"value":5}}}}}}}}',
      );
      const ann = await getEdges(s.ctx, 'Person', 'ann', { edgeType: 'Pays', sort: ['amount'] });
      expect(ann.map((e) => e.attributes)).toEqual([
        { day: '2024-01-01 00:00:00', amount: 10 },
        { day: '2024-01-02 00:00:00', amount: 20 },
      ]);
      expect(await countEdges(s.ctx, 'Pays')).toBe(3);
    });

    it('sends vertex_must_exist and reports the skipped edges', async () => {
      const s = await rich(version);
      const r = await upsertEdge(
        s.ctx,
        'Person',
        'ann',
        'Knows',
        'Person',
        'ghost',
        { since: 2020 },
        { vertexMustExist: true },
      );
      const req = only(s.sent());
      expect(req.query).toEqual({ vertex_must_exist: 'true' });
      expect(JSON.parse(req.body)).toEqual({
        edges: { Person: { ann: { Knows: { Person: { ghost: { since: { value: 2020 } } } } } } },
      });
      expect(r).toEqual({
        accepted_vertices: 0,
        accepted_edges: 0,
        skipped_edges: 1,
        edge_vertices_not_exist: [{ v_type: 'Person', v_id: 'ghost' }],
      });
      s.clear();
      await upsertEdges(s.ctx, 'Person', 'Knows', 'Person', [['ann', 'ghost2']], {
        targetVertexMustExist: true,
      });
      expect(only(s.sent()).query).toEqual({ target_vertex_must_exist: 'true' });
      await expect(
        upsertEdges(s.ctx, 'Person', 'Knows', 'Person', [['a', 'b']], {
          vertexMustExist: true,
          sourceVertexMustExist: true,
        }),
      ).rejects.toBeInstanceOf(ValidationError);
    });

    it('gets edges at every path depth with select, filter, limit and sort', async () => {
      const s = await rich(version);
      const depths = [
        [{}, '/graph/MyGraph/edges/Person/ann', 3],
        [{ edgeType: 'Pays' as const }, '/graph/MyGraph/edges/Person/ann/Pays', 3],
        [
          { edgeType: 'Pays' as const, targetType: 'Account' },
          '/graph/MyGraph/edges/Person/ann/Pays/Account',
          3,
        ],
        [{ targetType: 'Account' }, '/graph/MyGraph/edges/Person/ann/_/Account', 3],
        [
          { edgeType: 'Pays' as const, targetType: 'Account', targetId: 7 },
          '/graph/MyGraph/edges/Person/ann/Pays/Account/7',
          2,
        ],
        [
          {
            edgeType: 'Pays' as const,
            targetType: 'Account',
            targetId: 7,
            discriminator: [new Date(Date.UTC(2024, 0, 2))],
          },
          '/graph/MyGraph/edges/Person/ann/Pays/Account/7/2024-01-02%2000%3A00%3A00',
          1,
        ],
      ] as const;
      for (const [selection, path, n] of depths) {
        s.clear();
        const edges = await getEdges(s.ctx, 'Person', 'ann', selection);
        const req = only(s.sent());
        expect(req.method).toBe('GET');
        expect(restppPath(req)).toBe(path);
        expect(edges).toHaveLength(n);
      }
      s.clear();
      const one = await getEdges(s.ctx, 'Person', 'ann', {
        edgeType: 'Pays',
        select: ['amount'],
        filter: ['amount>6'],
        sort: ['-amount'],
        limit: 1,
      });
      expect(only(s.sent()).query).toEqual({
        select: 'amount',
        filter: 'amount>6',
        limit: '1',
        sort: '-amount',
      });
      expect(one).toEqual([
        {
          e_type: 'Pays',
          directed: true,
          from_type: 'Person',
          from_id: 'ann',
          to_type: 'Account',
          to_id: '7',
          attributes: { amount: 20 },
        },
      ]);
      await expect(getEdges(s.ctx, 'Person', 'ann', { targetId: 7 })).rejects.toThrow(
        /targetId needs targetType/,
      );
      await expect(
        getEdges(s.ctx, 'Person', 'ann', { edgeType: 'Pays', discriminator: ['x'] }),
      ).rejects.toThrow(/discriminator needs targetType and targetId/);
    });

    it('deletes edges by filter, by discriminator and for every edge type of a vertex', async () => {
      const s = await rich(version);
      expect(await deleteEdges(s.ctx, 'Person', 'ann', { edgeType: 'Pays', filter: 'amount>15' })).toEqual({
        Pays: 1,
      });
      const del = only(s.sent());
      expect(del.method).toBe('DELETE');
      expect(restppPath(del)).toBe('/graph/MyGraph/edges/Person/ann/Pays');
      expect(del.query).toEqual({ filter: 'amount>15' });
      s.clear();
      expect(
        await deleteEdges(s.ctx, 'Person', 'ann', {
          edgeType: 'Pays',
          targetType: 'Account',
          targetId: 8,
          discriminator: ['2024-01-01 00:00:00'],
        }),
      ).toEqual({ Pays: 1 });
      expect(restppPath(only(s.sent()))).toBe(
        '/graph/MyGraph/edges/Person/ann/Pays/Account/8/2024-01-01%2000%3A00%3A00',
      );
      s.clear();
      const all = await deleteEdges(s.ctx, 'Person', 'ann');
      expect(restppPath(only(s.sent()))).toBe('/graph/MyGraph/edges/Person/ann');
      expect(all['Pays']).toBe(1);
      expect(await countEdges(s.ctx, 'Pays')).toBe(0);
      await expect(deleteEdges(s.ctx, 'Person', 'ann', { sort: ['amount'] })).rejects.toBeInstanceOf(
        ValidationError,
      );
    });

    it('returns edge attribute statistics from stat_edge_attr', async () => {
      const s = await rich(version);
      const stats = await getEdgeStats(s.ctx, ['Pays']);
      const req = only(s.sent());
      expect(restppPath(req)).toBe('/builtins/MyGraph');
      expect(JSON.parse(req.body)).toEqual({
        function: 'stat_edge_attr',
        type: 'Pays',
        from_type: '*',
        to_type: '*',
      });
      expect(stats.Pays?.['amount']).toEqual({ MIN: 5, MAX: 20, AVG: 35 / 3 });
    });

    it('lists every edge of a type (getEdgesByType), once per undirected edge', async () => {
      const s = await covid(version);
      s.clear();
      const all = await getEdgesByType(s.ctx, 'INFECTED_BY');
      expect(all.map((e) => [e.from_id, e.to_id]).sort()).toEqual([...INFECTED_BY].sort());
      expect(all.every((e) => e.e_type === 'INFECTED_BY' && e.directed === true)).toBe(true);
      const reqs = lines(s.sent());
      expect(reqs.filter((r) => r === 'GET /graph/MyGraph/vertices/Patient')).toHaveLength(1);
      expect(reqs.filter((r) => r.endsWith('/INFECTED_BY'))).toHaveLength(24);
      expect(await getEdgesByType(s.ctx, 'INFECTED_BY', { limit: 3 })).toHaveLength(3);

      s.clear();
      const queried = await getEdgesByType(s.ctx, 'INFECTED_BY', { strategy: 'query' });
      expect(queried.map((e) => [e.from_id, e.to_id]).sort()).toEqual([...INFECTED_BY].sort());
      const q = only(s.sent());
      expect(q.method).toBe('POST');
      expect(q.path).toBe(s.line === '3' ? '/gsqlserver/interpreted_query' : '/gsql/v1/queries/interpret');
      expect(q.body).toBe(
        'INTERPRET QUERY () FOR GRAPH MyGraph { ListAccum<EDGE> @@edges; start = {Patient.*}; ' +
          'res = SELECT s FROM start:s -(INFECTED_BY:e)-> :t ACCUM @@edges += e; PRINT @@edges AS edges; }',
      );
      expect(await getEdgesByType(s.ctx, 'INFECTED_BY', { strategy: 'query', limit: 2 })).toHaveLength(2);
      await expect(
        getEdgesByType(s.ctx, 'INFECTED_BY', { strategy: 'query', filter: 'x>1' }),
      ).rejects.toThrow(/applies to strategy 'scan' only/);

      const r = await rich(version);
      await upsertEdges(r.ctx, 'Person', 'Friend', 'Person', [
        ['ann', 'bob', { weight: 1 }],
        ['bob', 'cy', { weight: 2 }],
      ]);
      const friends = await getEdgesByType(r.ctx, 'Friend', { select: ['weight'] });
      expect(friends.map((e) => e.attributes.weight).sort()).toEqual([1, 2]);
      expect(await getEdgesByType(r.ctx, 'Pays', { filter: 'amount<15' })).toHaveLength(2);
      const byQuery = await getEdgesByType(r.ctx, 'Friend', { strategy: 'query', select: ['weight'] });
      expect(byQuery.map((e) => e.attributes)).toEqual(
        expect.arrayContaining([{ weight: 1 }, { weight: 2 }]),
      );
      expect(byQuery).toHaveLength(2);
      const pays = await getEdgesByType(r.ctx, 'Pays', { strategy: 'query', select: ['amount'] });
      expect(pays.map((e) => e.attributes.amount).sort()).toEqual([10, 20, 5]);
    });
  });
}
