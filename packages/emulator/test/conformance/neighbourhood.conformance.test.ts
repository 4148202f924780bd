// Neighbourhood algorithms of the library: similarity and link prediction (counted here: graphology
// has none), and the ones whose answer is not unique, checked for validity (a proper colouring, an
// independent and maximal set) or against graphology-dag (cycles exist or not) and a cycle count.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { algoEmulator, eType, reverseOf, runQuery, typeParams, typeSetParams, vType } from './library.js';
import { hasCycle } from './oracle.js';
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
  tree(10),
  star(6),
  complete(5),
  random(14, 0.3, 4),
  disconnected(false, true),
];
const DIRECTED: Shape[] = [ring(6, true), complete(4, true), dag(8, 0.4, 2), random(9, 0.3, 5, true)];

function outNeighbours(s: Shape): Set<number>[] {
  const adj = Array.from({ length: s.n }, () => new Set<number>());
  for (const [a, b] of s.edges) {
    adj[a]?.add(b);
    if (!s.directed) adj[b]?.add(a);
  }
  return adj;
}

function weightOf(s: Shape): Map<string, number> {
  const w = new Map<string, number>();
  for (const [a, b, x] of s.edges) {
    w.set(`${a},${b}`, x);
    if (!s.directed) w.set(`${b},${a}`, x);
  }
  return w;
}

const inter = (a: Set<number>, b: Set<number>) => [...a].filter((x) => b.has(x));

/** Simple directed cycles of length 2..depth, each counted once (from its lowest vertex). */
function countCycles(s: Shape, depth: number): number {
  const adj = outNeighbours(s);
  let count = 0;
  const walk = (start: number, v: number, seen: Set<number>, len: number): void => {
    for (const t of adj[v] ?? []) {
      if (t === start && len >= 2) count++;
      else if (t > start && !seen.has(t) && len < depth) {
        seen.add(t);
        walk(start, t, seen, len + 1);
        seen.delete(t);
      }
    }
  };
  for (let v = 0; v < s.n; v++) walk(v, v, new Set([v]), 1);
  return count;
}

const vertexParam = (name: string, s: Shape, id: number) => ({
  [name]: String(id),
  [`${name}.type`]: vType(s),
});

let e: RunningEmulator;
beforeAll(async () => {
  e = await algoEmulator(
    [...UNDIRECTED, ...DIRECTED],
    [
      'tg_jaccard_nbor_ss',
      'tg_cosine_nbor_ss',
      'tg_common_neighbors',
      'tg_adamic_adar',
      'tg_greedy_graph_coloring',
      'tg_maximal_indep_set',
      'tg_cycle_detection_count',
    ],
  );
});

describe.each([...UNDIRECTED, ...DIRECTED].map((s) => [s.name, s] as const))('similarity on %s', (_, s) => {
  const adj = outNeighbours(s);

  test('tg_jaccard_nbor_ss from 0: |N(0) ∩ N(v)| / |N(0) ∪ N(v)| for every v sharing a neighbour', async () => {
    const r = await runQuery(e, 'tg_jaccard_nbor_ss', {
      ...vertexParam('source', s, 0),
      e_type: eType(s),
      reverse_e_type: reverseOf(s),
      top_k: 1000,
    });
    const ours = vertexValues(printed(r, 'Others'), '@sum_similarity');
    const a = adj[0] as Set<number>;
    const want: Record<string, number> = {};
    adj.forEach((b, v) => {
      const n = inter(a, b).length;
      if (v !== 0 && n > 0) want[String(v)] = n / (a.size + b.size - n);
    });
    expect(Object.keys(Object.fromEntries(ours)).sort()).toEqual(Object.keys(want).sort());
    for (const [v, x] of Object.entries(want)) expect(Number(ours.get(v)), `vertex ${v}`).toBeCloseTo(x, 9);
  });
});

// The library seeds each neighbour of the source with its edge weight and adds the 2-hop products on
// top, so a vertex both adjacent to 0 and sharing a neighbour with it gets more than the cosine:
// the textbook cosine is compared on the shapes where no vertex is both.
const untangled = (s: Shape) => {
  const adj = outNeighbours(s);
  return !adj.some((b, v) => v !== 0 && adj[0]?.has(v) && inter(adj[0] as Set<number>, b).length > 0);
};

describe.each([...UNDIRECTED, ...DIRECTED].filter(untangled).map((s) => [s.name, s] as const))(
  'cosine on %s',
  (_, s) => {
    const adj = outNeighbours(s);

    test('tg_cosine_nbor_ss from 0: weighted cosine of the neighbour vectors', async () => {
      const r = await runQuery(e, 'tg_cosine_nbor_ss', {
        ...vertexParam('source', s, 0),
        e_type_set: eType(s),
        reverse_e_type_set: reverseOf(s),
        weight_attribute: 'weight',
        top_k: 1000,
        print_limit: 1000,
      });
      const ours = vertexValues(printed(r, 'neighbours'), '@sum_similarity');
      const w = weightOf(s);
      const vec = (v: number) => new Map([...(adj[v] ?? [])].map((x) => [x, w.get(`${v},${x}`) as number]));
      const norm = (m: Map<number, number>) => Math.sqrt([...m.values()].reduce((sum, x) => sum + x * x, 0));
      const a = vec(0);
      const want: Record<string, number> = {};
      adj.forEach((_b, v) => {
        const b = vec(v);
        const common = [...a.keys()].filter((x) => b.has(x));
        if (v === 0 || common.length === 0) return;
        const dot = common.reduce((sum, x) => sum + (a.get(x) as number) * (b.get(x) as number), 0);
        want[String(v)] = dot / (norm(a) * norm(b));
      });
      expect(Object.keys(Object.fromEntries(ours)).sort()).toEqual(Object.keys(want).sort());
      for (const [v, x] of Object.entries(want)) expect(Number(ours.get(v)), `vertex ${v}`).toBeCloseTo(x, 9);
    });
  },
);

describe.each(UNDIRECTED.map((s) => [s.name, s] as const))(
  'link prediction and classification on %s',
  (_, s) => {
    const adj = outNeighbours(s);
    const pairs: [number, number][] = [
      [0, 1],
      [0, 2],
      [1, s.n - 2],
    ];

    test('tg_common_neighbors and tg_adamic_adar for three pairs', async () => {
      for (const [a, b] of pairs) {
        const params = {
          ...vertexParam('v_source', s, a),
          ...vertexParam('v_target', s, b),
          e_type_set: eType(s),
        };
        const common = inter(adj[a] as Set<number>, adj[b] as Set<number>);
        const cn = await runQuery(e, 'tg_common_neighbors', params);
        expect(printed(cn, 'closeness'), `${a},${b}`).toBe(common.length);
        const aa = await runQuery(e, 'tg_adamic_adar', params);
        const want = common.reduce((sum, p) => sum + 1 / Math.log10((adj[p] as Set<number>).size), 0);
        expect(Number(printed(aa, '@@sum_closeness')), `${a},${b}`).toBeCloseTo(want, 9);
      }
    });

    test('tg_greedy_graph_coloring: a proper colouring with at most Δ+1 colours', async () => {
      const r = await runQuery(e, 'tg_greedy_graph_coloring', typeSetParams(s));
      const colour = vertexValues(printed(r, 'start'), '@sum_color_vertex');
      for (const [a, b] of s.edges)
        expect(colour.get(String(a)), `edge ${a}-${b}`).not.toBe(colour.get(String(b)));
      const maxDegree = Math.max(...adj.map((x) => x.size));
      expect(Number(printed(r, 'color_count'))).toBeLessThanOrEqual(maxDegree + 1);
    });

    test('tg_maximal_indep_set: an independent set no vertex can join', async () => {
      const r = await runQuery(e, 'tg_maximal_indep_set', typeParams(s));
      const set = new Set((printed(r, 'Start') as { v_id: string }[]).map((v) => Number(v.v_id)));
      for (const [a, b] of s.edges) expect(set.has(a) && set.has(b), `edge ${a}-${b} inside`).toBe(false);
      adj.forEach((na, v) => {
        if (!set.has(v))
          expect(
            [...na].some((u) => set.has(u)),
            `vertex ${v} could join`,
          ).toBe(true);
      });
    });
  },
);

describe.each(DIRECTED.map((s) => [s.name, s] as const))('cycles on %s', (_, s) => {
  test('tg_cycle_detection_count: the number of simple cycles; none iff graphology-dag finds none', async () => {
    const r = await runQuery(e, 'tg_cycle_detection_count', { ...typeSetParams(s), depth: s.n, batches: 1 });
    const n = Number(printed(r, 'cycles'));
    expect(n).toBe(countCycles(s, s.n));
    expect(n > 0).toBe(hasCycle(toGraphology(s)));
  });
});
