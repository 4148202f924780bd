// Path finding against the emulator (3.x and 4.x layouts): the request the server received and the
// typed subgraph, compared with hand-computed answers on a small graph.
//
//   a(30) ──1──▶ b(10) ──1──▶ c(40) ──2──▶ e(60) ──1──▶ a      FOLLOWS (directed, weight)
//   a ──9──▶ d(50) ──1──▶ c                                      f(20) ─── a   FRIEND (undirected)
import { TigerGraphError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { allPaths, type PathResult, shortestPath } from '../src/paths.js';
import { header, only, restppPath, type Setup, setup } from './vertices-edges-helpers.js';

const GSQL = `CREATE VERTEX Person (PRIMARY_ID id STRING, age INT)
CREATE DIRECTED EDGE FOLLOWS (FROM Person, TO Person, weight INT)
CREATE UNDIRECTED EDGE FRIEND (FROM Person, TO Person)
CREATE GRAPH MyGraph (*)`;

interface PathSchema {
  vertices: { Person: { id: string; attributes: { age: number } } };
  edges: {
    FOLLOWS: { from: 'Person'; to: 'Person'; directed: true; attributes: { weight: number } };
    FRIEND: { from: 'Person'; to: 'Person'; directed: false; attributes: Record<string, never> };
  };
}

const AGES: Record<string, number> = { a: 30, b: 10, c: 40, d: 50, e: 60, f: 20 };
const FOLLOWS: [string, string, number][] = [
  ['a', 'b', 1],
  ['b', 'c', 1],
  ['a', 'd', 9],
  ['d', 'c', 1],
  ['c', 'e', 2],
  ['e', 'a', 1],
];

async function graph(version: string): Promise<Setup<PathSchema>> {
  const s = await setup<PathSchema>(version, { seed: 'empty', gsqlScript: GSQL });
  const follows: Record<string, Record<string, unknown>> = {};
  for (const [from, to, weight] of FOLLOWS)
    follows[from] = { ...follows[from], [to]: { weight: { value: weight } } };
  const edges: Record<string, unknown> = {};
  for (const [from, targets] of Object.entries(follows)) edges[from] = { FOLLOWS: { Person: targets } };
  edges.f = { FRIEND: { Person: { a: {} } } };
  await s.ctx.transport.request({
    service: 'restpp',
    method: 'POST',
    path: '/graph/MyGraph',
    json: {
      vertices: {
        Person: Object.fromEntries(Object.entries(AGES).map(([id, age]) => [id, { age: { value: age } }])),
      },
      edges: { Person: edges },
    },
  });
  s.clear();
  return s;
}

/** Vertex ids and `from>to` edge keys, sorted (the server gives no path order). */
function ids(r: PathResult<PathSchema>) {
  return {
    vertices: r.vertices.map((v) => v.v_id).sort(),
    edges: r.edges.map((e) => `${e.from_id}>${e.to_id}`).sort(),
  };
}

for (const version of ['3.10', '4.2']) {
  describe(`paths on TigerGraph ${version}`, () => {
    it('shortestPath: literal request body, typed vertices and edges', async () => {
      const s = await graph(version);
      const r = await shortestPath(s.ctx, { type: 'Person', id: 'a' }, [{ type: 'Person', id: 'c' }], {
        maxLength: 4,
        edgeFilters: [{ type: 'FOLLOWS', condition: 'weight < 5' }],
      });
      const req = only(s.sent());
      expect(req.method).toBe('POST');
      expect(restppPath(req)).toBe('/shortestpath/MyGraph');
      expect(req.path).toBe(s.line === '3' ? '/shortestpath/MyGraph' : '/restpp/shortestpath/MyGraph');
      expect(req.query).toEqual({});
      expect(header(req, 'content-type')).toBe('application/json');
      expect(req.body).toBe(
        '{"sources":[{"type":"Person","id":"a"}],"targets":[{"type":"Person","id":"c"}],"edgeFilters":[{"type":"FOLLOWS","condition":"weight < 5"}],"maxLength":4}',
      );
      expect(ids(r)).toEqual({ vertices: ['a', 'b', 'c'], edges: ['a>b', 'b>c'] });
      const b = r.vertices.find((v) => v.v_id === 'b');
      expect(b).toEqual({ v_id: 'b', v_type: 'Person', attributes: { age: 10 } });
      const age: number | undefined = b?.attributes?.age; // typed from the schema
      expect(age).toBe(10);
      expect(r.edges.find((e) => e.from_id === 'a')).toEqual({
        e_type: 'FOLLOWS',
        directed: true,
        from_id: 'a',
        from_type: 'Person',
        to_id: 'b',
        to_type: 'Person',
        attributes: { weight: 1 },
      });
    });

    it('shortestPath with allShortestPaths returns both equal-length routes; vertex filters exclude', async () => {
      const s = await graph(version);
      const all = await shortestPath(
        s.ctx,
        { v_type: 'Person', v_id: 'a' },
        { type: 'Person', id: 'c' },
        {
          allShortestPaths: true,
        },
      );
      expect(JSON.parse(only(s.sent()).body)).toEqual({
        sources: [{ type: 'Person', id: 'a' }],
        targets: [{ type: 'Person', id: 'c' }],
        allShortestPaths: true,
      });
      expect(ids(all)).toEqual({ vertices: ['a', 'b', 'c', 'd'], edges: ['a>b', 'a>d', 'b>c', 'd>c'] });

      s.clear();
      const young = await shortestPath(
        s.ctx,
        { type: 'Person', id: 'a' },
        { type: 'Person', id: 'c' },
        {
          allShortestPaths: true,
          vertexFilters: [{ type: 'Person', condition: 'age < 45' }],
        },
      );
      expect(JSON.parse(only(s.sent()).body).vertexFilters).toEqual([
        { type: 'Person', condition: 'age < 45' },
      ]);
      expect(ids(young)).toEqual({ vertices: ['a', 'b', 'c'], edges: ['a>b', 'b>c'] });

      // Through the undirected FRIEND edge: f - a -> b -> c -> e (4 hops) or via d.
      s.clear();
      const far = await shortestPath(
        s.ctx,
        { type: 'Person', id: 'f' },
        { type: 'Person', id: 'e' },
        {
          maxLength: 4,
          // Only FOLLOWS is filtered; FRIEND edges stay usable.
          edgeFilters: [{ type: 'FOLLOWS', condition: 'weight < 5' }],
        },
      );
      expect(ids(far)).toEqual({ vertices: ['a', 'b', 'c', 'e', 'f'], edges: ['a>b', 'b>c', 'c>e', 'f>a'] });
      const tooShort = await shortestPath(
        s.ctx,
        { type: 'Person', id: 'f' },
        { type: 'Person', id: 'e' },
        { maxLength: 3 },
      );
      expect(ids(tooShort)).toEqual({ vertices: [], edges: [] });
    });

    it('allPaths: every path up to maxLength; maxLength is required before any request', async () => {
      const s = await graph(version);
      const r = await allPaths(
        s.ctx,
        { type: 'Person', id: 'a' },
        { type: 'Person', id: 'c' },
        { maxLength: 2 },
      );
      const req = only(s.sent());
      expect(req.method).toBe('POST');
      expect(restppPath(req)).toBe('/allpaths/MyGraph');
      expect(req.body).toBe(
        '{"sources":[{"type":"Person","id":"a"}],"targets":[{"type":"Person","id":"c"}],"maxLength":2}',
      );
      expect(ids(r)).toEqual({ vertices: ['a', 'b', 'c', 'd'], edges: ['a>b', 'a>d', 'b>c', 'd>c'] });

      s.clear();
      await expect(
        allPaths(s.ctx, { type: 'Person', id: 'a' }, { type: 'Person', id: 'c' }, {} as never),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        // @ts-expect-error 'Nope' is not a vertex type of the schema
        shortestPath(s.ctx, { type: 'Nope', id: 'a' }, { type: 'Person', id: 'c' }),
      ).rejects.toBeInstanceOf(TigerGraphError);
      expect(s.sent()).toHaveLength(1); // only the unknown-type call reached the server
    });

    it('an unknown source vertex is the server’s typed error (code 601)', async () => {
      const s = await graph(version);
      const error = await shortestPath(
        s.ctx,
        { type: 'Person', id: 'zz' },
        { type: 'Person', id: 'c' },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TigerGraphError);
      expect((error as TigerGraphError).code).toBe('601');
      expect((error as TigerGraphError).message).toContain('zz');
    });
  });
}
