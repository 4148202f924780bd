// POST /shortestpath/{graph} and /allpaths/{graph}: hand-computed subgraphs on a small graph.
//
//   a(30) ──1──▶ b(10) ──1──▶ c(40) ──2──▶ e(60) ──1──▶ a      FOLLOWS (directed, weight)
//   a ──9──▶ d(50) ──1──▶ c                                      f(20) ─── a   FRIEND (undirected)
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, http, VERSION_BLOCK } from './helpers.js';

const SCHEMA = `CREATE VERTEX Person (PRIMARY_ID id STRING, age INT)
CREATE DIRECTED EDGE FOLLOWS (FROM Person, TO Person, weight INT)
CREATE UNDIRECTED EDGE FRIEND (FROM Person, TO Person)
CREATE GRAPH g (*)`;

const AGES: Record<string, number> = { a: 30, b: 10, c: 40, d: 50, e: 60, f: 20 };
const FOLLOWS: [string, string, number][] = [
  ['a', 'b', 1],
  ['b', 'c', 1],
  ['a', 'd', 9],
  ['d', 'c', 1],
  ['c', 'e', 2],
  ['e', 'a', 1],
];

let e: RunningEmulator;

beforeAll(async () => {
  e = await emulator({ version: '4.2', gsqlScript: SCHEMA });
  const vertices = {
    Person: Object.fromEntries(Object.entries(AGES).map(([id, age]) => [id, { age: { value: age } }])),
  };
  const follows: Record<string, Record<string, unknown>> = {};
  for (const [from, to, weight] of FOLLOWS) {
    follows[from] = { ...follows[from], [to]: { weight: { value: weight } } };
  }
  const edges: Record<string, unknown> = { Person: {} };
  for (const [from, targets] of Object.entries(follows)) {
    (edges['Person'] as Record<string, unknown>)[from] = { FOLLOWS: { Person: targets } };
  }
  (edges['Person'] as Record<string, Record<string, unknown>>)['f'] = { FRIEND: { Person: { a: {} } } };
  const r = await http(`${e.restppUrl}/graph/g`, {
    method: 'POST',
    body: JSON.stringify({ vertices, edges }),
  });
  expect(r.json).toMatchObject({ results: [{ accepted_vertices: 6, accepted_edges: 7 }] });
});

const person = (id: string) => ({ v_id: id, v_type: 'Person', attributes: { age: AGES[id] } });
const follows = (from: string, to: string) => ({
  e_type: 'FOLLOWS',
  from_id: from,
  from_type: 'Person',
  to_id: to,
  to_type: 'Person',
  directed: true,
  attributes: { weight: FOLLOWS.find(([f, t]) => f === from && t === to)?.[2] },
});

const friend = (from: string, to: string) => ({
  e_type: 'FRIEND',
  from_id: from,
  from_type: 'Person',
  to_id: to,
  to_type: 'Person',
  directed: false,
  attributes: {},
});

interface Sub {
  vertices: { v_id: string }[];
  edges: { from_id: string; to_id: string }[];
}

/** The answer with vertices and edges sorted (the server gives no path order). */
function sorted(json: unknown): Sub {
  const sub = (json as { results: Sub[] }).results[0] as Sub;
  return {
    vertices: [...sub.vertices].sort((x, y) => x.v_id.localeCompare(y.v_id)),
    edges: [...sub.edges].sort((x, y) => `${x.from_id}${x.to_id}`.localeCompare(`${y.from_id}${y.to_id}`)),
  };
}

const post = (path: string, body: unknown) =>
  http(`${e.restppUrl}/${path}/g`, { method: 'POST', body: JSON.stringify(body) });

const a = { type: 'Person', id: 'a' };
const c = { type: 'Person', id: 'c' };

describe('shortestpath', () => {
  test('one shortest path: the reply envelope, the filter message, the subgraph', async () => {
    const r = await post('shortestpath', { sources: [a], targets: [c] });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      version: VERSION_BLOCK,
      error: false,
      message: "Cannot get 'vertex_filters' filters, use empty filter.",
      results: [expect.any(Object)],
    });
    // a→b→c and a→d→c are both 2 long; breadth-first from a reaches c through b first.
    expect(sorted(r.json)).toEqual({
      vertices: [person('a'), person('b'), person('c')],
      edges: [follows('a', 'b'), follows('b', 'c')],
    });
    const req = e.requests.at(-1);
    expect(req).toMatchObject({
      method: 'POST',
      path: '/shortestpath/g',
      body: JSON.stringify({ sources: [a], targets: [c] }),
    });
  });

  test('allShortestPaths gives both 2-edge paths; maxLength 1 finds none', async () => {
    const all = await post('shortestpath', { sources: [a], targets: [c], allShortestPaths: true });
    expect(sorted(all.json)).toEqual({
      vertices: ['a', 'b', 'c', 'd'].map(person),
      edges: [follows('a', 'b'), follows('a', 'd'), follows('b', 'c'), follows('d', 'c')],
    });
    const none = await post('shortestpath', { sources: [a], targets: [c], maxLength: 1 });
    expect((none.json as { results: unknown }).results).toEqual([{ vertices: [], edges: [] }]);
  });

  test('vertex and edge filters steer the path; with both given the message is empty', async () => {
    // b (age 10) fails the filter: the only remaining 2-edge path is a→d→c.
    const byVertex = await post('shortestpath', {
      sources: [a],
      targets: [c],
      vertexFilters: [{ type: 'Person', condition: 'age > 20' }],
      edgeFilters: [{ type: 'FOLLOWS', condition: 'weight >= 1 and weight < 100' }],
    });
    expect((byVertex.json as { message: string }).message).toBe('');
    expect(sorted(byVertex.json)).toEqual({
      vertices: ['a', 'c', 'd'].map(person),
      edges: [follows('a', 'd'), follows('d', 'c')],
    });
    // The heavy edge a→d (weight 9) fails "weight < 5" and all shortest paths keep only a→b→c.
    const byEdge = await post('shortestpath', {
      source: a,
      target: c,
      edgeFilters: [{ type: 'FOLLOWS', condition: 'weight < 5' }],
      allShortestPaths: true,
    });
    expect((byEdge.json as { message: string }).message).toBe(
      "Cannot get 'vertex_filters' filters, use empty filter.",
    );
    expect(sorted(byEdge.json).edges).toEqual([follows('a', 'b'), follows('b', 'c')]);
    // Two OR-ed filters on one type: b passes the second.
    const ored = await post('shortestpath', {
      sources: [a],
      targets: [c],
      vertexFilters: [
        { type: 'Person', condition: 'age > 20' },
        { type: 'Person', condition: 'age == 10' },
      ],
    });
    expect(sorted(ored.json).edges).toEqual([follows('a', 'b'), follows('b', 'c')]);
  });

  test('undirected edges are walked both ways; several targets', async () => {
    const r = await post('shortestpath', {
      sources: [{ type: 'Person', id: 'f' }],
      targets: [
        { type: 'Person', id: 'b' },
        { type: 'Person', id: 'e' },
      ],
    });
    const sub = sorted(r.json);
    expect(sub.vertices.map((v) => v.v_id)).toEqual(['a', 'b', 'c', 'e', 'f']);
    expect(sub.edges).toEqual([follows('a', 'b'), follows('b', 'c'), follows('c', 'e'), friend('f', 'a')]);
  });
});

describe('allpaths', () => {
  test('every path up to maxLength, loops included once they fit', async () => {
    const two = await post('allpaths', { sources: [a], targets: [c], maxLength: 2 });
    expect(sorted(two.json)).toEqual({
      vertices: ['a', 'b', 'c', 'd'].map(person),
      edges: [follows('a', 'b'), follows('a', 'd'), follows('b', 'c'), follows('d', 'c')],
    });
    // a–f–a→b→c (4 edges) loops over the undirected FRIEND edge, reported once.
    const five = await post('allpaths', { sources: [a], targets: [c], maxLength: 5 });
    expect(sorted(five.json)).toEqual({
      vertices: ['a', 'b', 'c', 'd', 'f'].map(person),
      edges: [follows('a', 'b'), follows('a', 'd'), friend('a', 'f'), follows('b', 'c'), follows('d', 'c')],
    });
    // a→b→c→e→a→b→c is 6 edges long: the cycle through e joins the answer.
    const six = await post('allpaths', { sources: [a], targets: [c], maxLength: 6 });
    expect(sorted(six.json)).toEqual({
      vertices: ['a', 'b', 'c', 'd', 'e', 'f'].map(person),
      edges: [
        follows('a', 'b'),
        follows('a', 'd'),
        friend('a', 'f'),
        follows('b', 'c'),
        follows('c', 'e'),
        follows('d', 'c'),
        follows('e', 'a'),
      ],
    });
  });

  test('errors: maxLength is required, bad ids, types and conditions are REST errors', async () => {
    const noMax = await post('allpaths', { sources: [a], targets: [c] });
    expect(noMax.status).toBe(400);
    expect(noMax.json).toEqual({
      version: VERSION_BLOCK,
      error: true,
      message: 'The payload needs "maxLength" (the longest path, in edges) for allpaths.',
      code: 'REST-30000',
    });
    const badId = await post('shortestpath', { sources: [{ type: 'Person', id: 'zz' }], targets: [c] });
    expect(badId.json).toMatchObject({
      error: true,
      code: '601',
      message: "The input vertex id 'zz' is not a valid vertex id for vertex type = Person.",
    });
    const badType = await post('shortestpath', { sources: [{ type: 'Robot', id: 'a' }], targets: [c] });
    expect(badType.json).toMatchObject({
      error: true,
      code: 'REST-30000',
      message: "The input parameter vertex_type = 'Robot' is not a valid vertex type in graph g.",
    });
    const badCond = await post('shortestpath', {
      sources: [a],
      targets: [c],
      vertexFilters: [{ type: 'Person', condition: 'height > 3' }],
    });
    expect(badCond.json).toMatchObject({
      error: true,
      code: 'REST-30000',
      message: "The attribute 'height' in the filter is not an attribute of vertex type Person.",
    });
    const noSources = await http(`${e.restppUrl}/shortestpath/g`, { method: 'POST', body: '' });
    expect(noSources.json).toMatchObject({ error: true, code: 'REST-30000' });
    const get = await http(`${e.restppUrl}/shortestpath/g`);
    expect(get.json).toMatchObject({ error: true, code: 'REST-1000' });
  });
});
