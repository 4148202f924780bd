// PageRank (plain, weighted, personalized) and ArticleRank from the library against graphology's
// PageRank, or a fixed point computed here where graphology has no such variant.
// The library's scores are un-normalised (they sum to n when nothing leaks) and its iteration stops at
// max_change, so we run it to max_change 1e-9 and compare n × graphology's score. Shapes have no
// vertex without out-edges: the library lets their share leak where graphology spreads it over all.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { algoEmulator, eType, runQuery, typeParams, vType } from './library.js';
import { pagerank } from './oracle.js';
import { expectClose, printed, tupleScores } from './results.js';
import {
  complete,
  disconnected,
  line,
  random,
  ring,
  type Shape,
  star,
  toGraphology,
  tree,
} from './shapes.js';

const SHAPES: Shape[] = [
  line(5),
  ring(6),
  ring(5, true),
  tree(7),
  star(7),
  complete(5),
  complete(4, true),
  random(14, 0.3, 7),
  random(10, 0.35, 2, true),
  disconnected(),
];
const D = 0.85;
const CONVERGED = { max_change: 1e-9, maximum_iteration: 500, damping: D, top_k: 1000 };

/** Out-neighbours with weights (both directions for undirected shapes). */
function adjacency(s: Shape): [number, number][][] {
  const adj: [number, number][][] = Array.from({ length: s.n }, () => []);
  for (const [a, b, w] of s.edges) {
    adj[a]?.push([b, w]);
    if (!s.directed) adj[b]?.push([a, w]);
  }
  return adj;
}

/** Iterates x ← f(x) until it moves less than 1e-13. */
function fixedPoint(n: number, init: number, step: (x: number[]) => number[]): Record<string, number> {
  let x = new Array<number>(n).fill(init);
  for (let i = 0; i < 10_000; i++) {
    const next = step(x);
    const diff = Math.max(...next.map((v, j) => Math.abs(v - (x[j] as number))));
    x = next;
    if (diff < 1e-13) break;
  }
  return Object.fromEntries(x.map((v, i) => [String(i), v]));
}

function scaled(m: Record<string, number>, k: number): Record<string, number> {
  return Object.fromEntries(Object.entries(m).map(([id, v]) => [id, v * k]));
}

let e: RunningEmulator;
beforeAll(async () => {
  for (const s of SHAPES)
    expect(
      adjacency(s).every((a) => a.length > 0),
      `${s.name} has a sink`,
    ).toBe(true);
  e = await algoEmulator(SHAPES, ['tg_pagerank', 'tg_pagerank_wt', 'tg_pagerank_pers', 'tg_article_rank']);
});

describe.each(SHAPES.map((s) => [s.name, s] as const))('PageRank family on %s', (_, s) => {
  test('tg_pagerank = n × graphology pagerank', async () => {
    const r = await runQuery(e, 'tg_pagerank', { ...typeParams(s), ...CONVERGED });
    const oracle = pagerank(toGraphology(s), {
      alpha: D,
      getEdgeWeight: null,
      tolerance: 1e-14,
      maxIterations: 10_000,
    });
    expectClose(
      tupleScores(printed(r, '@@top_scores_heap'), 'Vertex_ID', 'score'),
      scaled(oracle, s.n),
      1e-5,
      s.name,
    );
  });

  test('tg_pagerank_wt = n × graphology pagerank weighted by the weight attribute', async () => {
    const r = await runQuery(e, 'tg_pagerank_wt', {
      ...typeParams(s),
      weight_attribute: 'weight',
      ...CONVERGED,
    });
    const oracle = pagerank(toGraphology(s), {
      alpha: D,
      getEdgeWeight: 'weight',
      tolerance: 1e-14,
      maxIterations: 10_000,
    });
    expectClose(
      tupleScores(printed(r, '@@top_scores_heap'), 'Vertex_ID', 'score'),
      scaled(oracle, s.n),
      1e-5,
      s.name,
    );
  });

  test('tg_pagerank_pers from {0, 1}: x = (1-d)·[v is a source] + d·Σ x(u)/outdeg(u)', async () => {
    const r = await runQuery(e, 'tg_pagerank_pers', {
      'source[0]': '0',
      'source[0].type': vType(s),
      'source[1]': '1',
      'source[1].type': vType(s),
      e_type: eType(s),
      ...CONVERGED,
    });
    const adj = adjacency(s);
    const oracle = fixedPoint(s.n, 0, (x) => {
      const next = x.map((_, v) => (v <= 1 ? 1 - D : 0));
      adj.forEach((out, u) => {
        for (const [t] of out) next[t] = (next[t] as number) + (D * (x[u] as number)) / out.length;
      });
      return next;
    });
    // Vertices never reached are not printed: compare the reached ones and require the rest be 0.
    const ours = tupleScores(printed(r, 'top_scores'), 'vertex_id', 'score');
    for (const [id, v] of Object.entries(oracle)) if (v === 0) delete oracle[id];
    expectClose(ours, oracle, 1e-5, s.name);
  });

  test('tg_article_rank, 20 iterations: x ← (1-d) + d·avg_out·Σ x(u)/(avg_out + outdeg(u)) from 0.15', async () => {
    // The library's ArticleRank need not converge (it grows without bound on dense graphs), so both
    // sides run the same fixed number of iterations.
    const r = await runQuery(e, 'tg_article_rank', {
      ...typeParams(s),
      ...CONVERGED,
      max_change: 0,
      maximum_iteration: 20,
    });
    const adj = adjacency(s);
    const avg = adj.reduce((sum, a) => sum + a.length, 0) / s.n;
    let x = new Array<number>(s.n).fill(0.15);
    for (let i = 0; i < 20; i++) {
      const recv = new Array<number>(s.n).fill(0);
      adj.forEach((out, u) => {
        for (const [t] of out) recv[t] = (recv[t] as number) + (x[u] as number) / (avg + out.length);
      });
      x = recv.map((sum) => 1 - D + D * sum * avg);
    }
    const oracle = Object.fromEntries(x.map((v, i) => [String(i), v]));
    expectClose(tupleScores(printed(r, '@@top_scores_heap'), 'Vertex_ID', 'score'), oracle, 1e-9, s.name);
  });
});
