// Centrality measures from the library against graphology-metrics (closeness, eigenvector, degree)
// and, for harmonic centrality, which graphology lacks, sums over BFS distances.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { algoEmulator, reverseOf, runQuery, typeSetParams } from './library.js';
import { closeness, degreeCentrality, eigenvector, unweighted } from './oracle.js';
import { expectClose, printed, tupleScores } from './results.js';
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
  random(14, 0.25, 4),
  disconnected(),
];
const DIRECTED: Shape[] = [ring(6, true), dag(8, 0.4, 2), random(12, 0.25, 5, true)];
/** Connected and not bipartite: power iteration converges to the principal eigenvector. */
const EIGEN: Shape[] = [ring(7), complete(5), random(14, 0.25, 4)];
const ALL = 1000;

const scores = (r: Record<string, unknown>[]) => tupleScores(printed(r, 'top_scores'), 'Vertex_ID', 'score');

/** Drops the oracle's zeros for vertices the query does not print (it prints only reached ones). */
function printedOnly(ours: Map<string, number>, oracle: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [v, x] of Object.entries(oracle)) {
    if (ours.has(v)) out[v] = x;
    else expect(x, `vertex ${v} not printed`).toBe(0);
  }
  return out;
}

let e: RunningEmulator;
beforeAll(async () => {
  e = await algoEmulator(
    [...UNDIRECTED, ...DIRECTED],
    ['tg_closeness_cent', 'tg_harmonic_cent', 'tg_eigenvector_cent', 'tg_degree_cent'],
  );
});

describe.each(UNDIRECTED.map((s) => [s.name, s] as const))('centrality on %s', (_, s) => {
  const common = () => ({ ...typeSetParams(s), reverse_e_type: reverseOf(s), top_k: ALL, max_hops: 100 });

  test('tg_closeness_cent (Wasserman–Faust) = graphology closeness', async () => {
    const printedScores = scores(await runQuery(e, 'tg_closeness_cent', { ...common(), wf: true }));
    // The library prints −1 for a vertex that reaches no other; graphology gives it 0.
    const ours = new Map([...printedScores].map(([v, x]) => [v, x === -1 ? 0 : x]));
    const oracle = closeness(toGraphology(s), { wassermanFaust: true });
    expectClose(ours, printedOnly(ours, oracle), 1e-6, s.name);
  });

  test('tg_harmonic_cent (wf = false) = Σ 1/distance over reached vertices', async () => {
    const { reverse_e_type, ...rest } = common();
    const ours = scores(
      await runQuery(e, 'tg_harmonic_cent', { ...rest, reverse_e_type_set: reverse_e_type, wf: false }),
    );
    const g = toGraphology(s);
    const oracle: Record<string, number> = {};
    g.forEachNode((v) => {
      const d = unweighted.singleSourceLength(g, v);
      oracle[v] = Object.values(d).reduce((sum, x) => (x > 0 ? sum + 1 / x : sum), 0);
    });
    expectClose(ours, printedOnly(ours, oracle), 1e-6, s.name);
  });

  test('tg_degree_cent (normalised) = graphology degreeCentrality', async () => {
    const ours = scores(
      await runQuery(e, 'tg_degree_cent', {
        ...typeSetParams(s),
        reverse_e_type_set: reverseOf(s),
        in_degree: false,
        top_k: ALL,
      }),
    );
    expectClose(ours, degreeCentrality(toGraphology(s)), 1e-9, s.name);
  });

  // The library measures distances along out-edges; graphology's closeness measures them along
  // in-edges, so it is graphology's closeness of the reversed graph.
  test('tg_closeness_cent (Wasserman–Faust) = graphology closeness of the reversed graph', async () => {
    const printedScores = scores(
      await runQuery(e, 'tg_closeness_cent', {
        ...typeSetParams(s),
        reverse_e_type: reverseOf(s),
        top_k: ALL,
        max_hops: 100,
        wf: true,
      }),
    );
    const ours = new Map([...printedScores].map(([v, x]) => [v, x === -1 ? 0 : x]));
    const g = toGraphology(s);
    const reversed = g.emptyCopy();
    g.forEachEdge((_e, _a, from, to) => {
      reversed.addEdge(to, from);
    });
    const oracle = closeness(reversed, { wassermanFaust: true });
    expectClose(ours, printedOnly(ours, oracle), 1e-6, s.name);
  });

  test('tg_harmonic_cent (wf = false) = Σ 1/distance along out-edges', async () => {
    const ours = scores(
      await runQuery(e, 'tg_harmonic_cent', {
        ...typeSetParams(s),
        reverse_e_type_set: reverseOf(s),
        top_k: ALL,
        max_hops: 100,
        wf: false,
      }),
    );
    const g = toGraphology(s);
    const oracle: Record<string, number> = {};
    g.forEachNode((v) => {
      const d = unweighted.singleSourceLength(g, v);
      oracle[v] = Object.values(d).reduce((sum, x) => (x > 0 ? sum + 1 / x : sum), 0);
    });
    expectClose(ours, printedOnly(ours, oracle), 1e-6, s.name);
  });
});

describe.each(DIRECTED.map((s) => [s.name, s] as const))('directed %s', (_, s) => {
  test('tg_degree_cent (in + out, normalised) = graphology degreeCentrality', async () => {
    const ours = scores(
      await runQuery(e, 'tg_degree_cent', {
        ...typeSetParams(s),
        reverse_e_type_set: reverseOf(s),
        top_k: ALL,
      }),
    );
    expectClose(ours, degreeCentrality(toGraphology(s)), 1e-9, s.name);
  });
});

describe.each(EIGEN.map((s) => [s.name, s] as const))('eigenvector on %s', (_, s) => {
  test('tg_eigenvector_cent = graphology eigenvector (both L2-normalised)', async () => {
    const ours = scores(
      await runQuery(e, 'tg_eigenvector_cent', {
        ...typeSetParams(s),
        top_k: ALL,
        conv_limit: 1e-12,
        maximum_iteration: 1000,
      }),
    );
    const raw = eigenvector(toGraphology(s), {
      maxIterations: 10_000,
      tolerance: 1e-14,
      getEdgeWeight: null,
    });
    const norm = Math.sqrt(Object.values(raw).reduce((sum, x) => sum + x * x, 0));
    const oracle = Object.fromEntries(Object.entries(raw).map(([v, x]) => [v, x / norm]));
    expectClose(ours, oracle, 1e-5, s.name);
  });
});
