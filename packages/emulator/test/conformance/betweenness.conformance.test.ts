// tg_betweenness_cent is not Brandes' betweenness, so graphology is not its oracle. The library runs
// one multi-source BFS per batch of ≤ 60 sources with path counts (@sigma_map) summed over the batch,
// divides by (1 + δ) where Brandes multiplies, and also credits the sources themselves (the backward
// sweep runs down to depth 0). What TigerGraph prints is what that GSQL computes; the values below are
// worked by hand from the query text (batch of all vertices, one bit per vertex):
//  - line3 0–1–2: forward σ₁ = {1: 2, 0: 1, 2: 1}, σ₂ = {0: 2, 2: 2}; backward depth 1 gives
//    vertex 1 two halves (1), depth 0 gives 1 another 2·½·1/(1·1) = 1 and each end 1/(2·(1+1))·½ = 1/8.
//  - star6, centre c, leaves l: σ₁(c) = 5, σ₂(l) = 5; depth 1: c gets 5 × (5/5)·4/2 = 10; depth 0:
//    c gets 5 × ½ = 2.5 more (12.5), each leaf 1/(5·(1+10))·½ = 1/110.
// Shapes with a symmetry that the batch computation keeps give equal scores to equivalent vertices.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { algoEmulator, reverseOf, runQuery, typeSetParams } from './library.js';
import { printed, tupleScores } from './results.js';
import { complete, line, ring, type Shape, star } from './shapes.js';

const LINE3 = line(3);
const STAR6 = star(6);
const LINE6 = line(6);
const RING7 = ring(7);
const COMPLETE5 = complete(5);

let e: RunningEmulator;
beforeAll(async () => {
  e = await algoEmulator([LINE3, STAR6, LINE6, RING7, COMPLETE5], ['tg_betweenness_cent']);
});

async function scores(s: Shape): Promise<Map<string, number>> {
  const r = await runQuery(e, 'tg_betweenness_cent', {
    ...typeSetParams(s),
    reverse_e_type: reverseOf(s),
    top_k: 1000,
    max_hops: 100,
  });
  const out = tupleScores(printed(r, 'top_scores'), 'Vertex_ID', 'score');
  expect(out.size, s.name).toBe(s.n);
  return out;
}

describe('tg_betweenness_cent', () => {
  test('line3: ends 1/8, middle 2 (worked from the query)', async () => {
    const ours = await scores(LINE3);
    expect(ours.get('0')).toBeCloseTo(1 / 8, 12);
    expect(ours.get('1')).toBeCloseTo(2, 12);
    expect(ours.get('2')).toBeCloseTo(1 / 8, 12);
  });

  test('star6: centre 12.5, leaves 1/110 (worked from the query)', async () => {
    const ours = await scores(STAR6);
    expect(ours.get('0')).toBeCloseTo(12.5, 12);
    for (let v = 1; v < 6; v++) expect(ours.get(String(v))).toBeCloseTo(1 / 110, 12);
  });

  test('line6: mirror-symmetric, inner vertices above the ends', async () => {
    const ours = await scores(LINE6);
    for (let v = 0; v < 3; v++)
      expect(ours.get(String(v))).toBeCloseTo(ours.get(String(5 - v)) ?? Number.NaN, 12);
    expect(ours.get('1') ?? 0).toBeGreaterThan(ours.get('0') ?? 0);
    expect(ours.get('2') ?? 0).toBeGreaterThan(ours.get('0') ?? 0);
  });

  test.each([RING7, COMPLETE5].map((s) => [s.name, s] as const))(
    '%s: vertex-transitive, every vertex the same score',
    async (_, s) => {
      const values = [...(await scores(s)).values()];
      for (const x of values) expect(x).toBeCloseTo(values[0] ?? Number.NaN, 12);
    },
  );
});
