// tg_louvain is TigerGraph's one-level variant of Louvain (no graph aggregation; a first pass with its
// own gain formula; vertices of degree 1 follow their neighbour afterwards), so its partition need not
// reach graphology-communities-louvain's modularity and is not compared with it. Checked instead:
//  - complete5: the first pass moves every vertex to the one of least weighted degree (vertex 2, degree
//    12, the gain m·k_t·(k_t − k_s) dominates), and nothing moves after: one community;
//  - star6: the leaves have degree 1 and follow the centre: one community;
//  - line6 (weights all 4, vertex numbers in load order): worked from the query text, the inner
//    vertices chain 1→2→3→4→4, then 1→3, then 2→4, and the ends follow: {0,1} and {2,3,4,5};
//  - on every shape a community stays inside one connected component, and an isolated vertex is alone.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { algoEmulator, attributeOf, runQuery, typeSetParams } from './library.js';
import { connectedComponents, groupBy } from './oracle.js';
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
  line(6),
  ring(7),
  tree(10),
  star(6),
  complete(5),
  random(14, 0.25, 4),
  disconnected(false, true),
];

let e: RunningEmulator;
beforeAll(async () => {
  e = await algoEmulator(SHAPES, ['tg_louvain']);
});

/** Runs tg_louvain writing `cid`, and returns the communities as sorted lists of vertex ids. */
async function communities(s: Shape): Promise<string[][]> {
  await runQuery(e, 'tg_louvain', {
    ...typeSetParams(s),
    weight_attribute: 'weight',
    result_attribute: 'cid',
  });
  const cid = await attributeOf(e, s, 'cid');
  expect(cid.size).toBe(s.n);
  return groupBy(cid);
}

const byName = (name: string) => SHAPES.find((s) => s.name === name) as Shape;

describe('tg_louvain', () => {
  test.each(['complete5', 'star6'])('%s: one community', async (name) => {
    expect(await communities(byName(name))).toHaveLength(1);
  });

  test('line6: {0,1} and {2,3,4,5} (worked from the query)', async () => {
    const groups = await communities(byName('line6'));
    expect(groups.map((c) => [...c].sort()).sort()).toEqual([
      ['0', '1'],
      ['2', '3', '4', '5'],
    ]);
  });

  test.each(SHAPES.map((s) => [s.name, s] as const))('%s: communities inside components', async (_, s) => {
    const comp = new Map<string, number>();
    connectedComponents(toGraphology(s)).forEach((c, i) => {
      for (const v of c) comp.set(v, i);
    });
    const groups = await communities(s);
    for (const group of groups) expect(new Set(group.map((v) => comp.get(v))).size).toBe(1);
    for (const [v, i] of comp) {
      const alone = [...comp.values()].filter((j) => j === i).length === 1;
      if (alone) expect(groups.find((c) => c.includes(v))).toEqual([v]);
    }
  });
});
