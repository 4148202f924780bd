// Community detection and clustering from the library against graphology (components) or counts
// made here (triangles, clustering coefficients, k-cores of regular shapes).
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { algoEmulator, eType, reverseOf, rType, runQuery, typeParams, typeSetParams } from './library.js';
import { connectedComponents, groupBy, partition, stronglyConnectedComponents } from './oracle.js';
import { printed, vertexValues } from './results.js';
import {
  complete,
  dag,
  disconnected,
  line,
  random,
  ring,
  type Shape,
  star,
  toGraphology,
  tree,
} from './shapes.js';

const UNDIRECTED: Shape[] = [
  line(6),
  ring(7),
  tree(9),
  star(6),
  complete(5),
  random(16, 0.25, 4),
  disconnected(false, true),
];
const DIRECTED: Shape[] = [
  ring(6, true),
  line(5, true),
  dag(8, 0.4, 2),
  complete(4, true),
  random(12, 0.2, 5, true),
  disconnected(true),
];

/** Neighbour sets (both directions), no self-loops. */
function neighbours(s: Shape): Set<number>[] {
  const adj = Array.from({ length: s.n }, () => new Set<number>());
  for (const [a, b] of s.edges) {
    adj[a]?.add(b);
    adj[b]?.add(a);
  }
  return adj;
}

function triangles(s: Shape): number[] {
  const adj = neighbours(s);
  return adj.map((na) => {
    let t = 0;
    for (const b of na) for (const c of na) if (b < c && adj[b]?.has(c)) t++;
    return t;
  });
}

let e: RunningEmulator;
beforeAll(async () => {
  e = await algoEmulator(
    [...UNDIRECTED, ...DIRECTED],
    ['tg_wcc', 'tg_scc', 'tg_label_prop', 'tg_lcc', 'tg_tri_count', 'tg_tri_count_fast', 'tg_kcore'],
  );
});

describe.each([...UNDIRECTED, ...DIRECTED].map((s) => [s.name, s] as const))('components on %s', (_, s) => {
  test('tg_wcc: the same partition as graphology connectedComponents', async () => {
    // On a directed graph, weak components need both the edge type and its reverse.
    const e_type_set = s.directed ? [eType(s), rType(s)] : eType(s);
    const r = await runQuery(e, 'tg_wcc', { ...typeSetParams(s), e_type_set, print_limit: -1 });
    const ours = groupBy(vertexValues(printed(r, 'Start')));
    expect(ours).toEqual(partition(connectedComponents(toGraphology(s))));
  });
});

describe.each(DIRECTED.map((s) => [s.name, s] as const))('directed %s', (_, s) => {
  test('tg_scc: the same partition as graphology stronglyConnectedComponents', async () => {
    const r = await runQuery(e, 'tg_scc', {
      ...typeSetParams(s),
      reverse_e_type_set: reverseOf(s),
      top_k_dist: 100,
      print_limit: 1000,
    });
    const ours = groupBy(vertexValues(printed(r, 'v_all')));
    expect(ours).toEqual(partition(stronglyConnectedComponents(toGraphology(s))));
  });
});

describe.each(UNDIRECTED.map((s) => [s.name, s] as const))('undirected %s', (_, s) => {
  test('tg_tri_count and tg_tri_count_fast: the number of triangles', async () => {
    const want = triangles(s).reduce((a, b) => a + b, 0) / 3;
    for (const q of ['tg_tri_count', 'tg_tri_count_fast']) {
      const r = await runQuery(e, q, typeParams(s));
      expect(Number(printed(r, 'num_triangles')), q).toBe(want);
    }
  });

  test('tg_lcc: 2·triangles / (deg·(deg−1)) per vertex', async () => {
    const r = await runQuery(e, 'tg_lcc', { ...typeParams(s), top_k: 1000 });
    const adj = neighbours(s);
    const tri = triangles(s);
    const list = printed(r, 'top_scores') as { Vertex_ID: string; score: number }[];
    const ours = new Map(list.map((t) => [String(t.Vertex_ID), Number(t.score)]));
    for (const [v, na] of adj.entries()) {
      const d = na.size;
      const want = d < 2 ? 0 : (2 * (tri[v] as number)) / (d * (d - 1));
      expect(ours.get(String(v)) ?? 0, `vertex ${v}`).toBeCloseTo(want, 9);
    }
  });

  test('tg_label_prop: every vertex labelled, communities inside components, one on a complete graph', async () => {
    const r = await runQuery(e, 'tg_label_prop', {
      ...typeSetParams(s),
      maximum_iteration: 100,
      print_limit: 1000,
    });
    const labels = vertexValues(printed(r, 'Start'));
    expect(labels.size).toBe(s.n);
    const comp = new Map<string, number>();
    connectedComponents(toGraphology(s)).forEach((c, i) => {
      for (const v of c) comp.set(v, i);
    });
    for (const group of groupBy(labels)) expect(new Set(group.map((v) => comp.get(v))).size).toBe(1);
    // A complete graph agrees on one label.
    if (s.name.startsWith('complete')) expect(groupBy(labels)).toHaveLength(1);
  });
});

describe.each([ring(7), complete(5)].map((s) => [s.name, s] as const))('regular %s', (_, s) => {
  test('tg_kcore: the whole graph is the maximal core, of order = degree', async () => {
    const r = await runQuery(e, 'tg_kcore', typeParams(s));
    const members = printed(r, 'max_core') as { v_id: string }[];
    expect(members.map((m) => m.v_id).sort()).toEqual(
      Array.from({ length: s.n }, (_, i) => String(i)).sort(),
    );
    expect(printed(r, 'core_size')).toBe(s.n);
  });
});
