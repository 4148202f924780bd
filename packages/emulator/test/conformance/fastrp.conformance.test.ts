// tg_fastRP: random projections propagated over edges. Its PRNG seeds from getvid(), which TigerGraph
// assigns at load time, so the values are not comparable with a server's; what the query guarantees
// whatever the ids is checked instead, from its text. The embeddings are read from the attribute the
// query writes (result_attribute): the map it prints has been cleared just before, on TigerGraph too.
//  - each round normalises a vertex's vector to unit length and adds it times that round's weight,
//    and the written list is that sum over the number of rounds: with weights "1" every vector has
//    length 1, with "0,1" 1/2, with "0,0,1" 1/3 (earlier rounds weigh nothing) — which also checks
//    that the weight list is cut at its commas (instr());
//  - an `embedding_dim_map` entry "<edge type>,<length>,<weight>,<start>" (read with instr() and
//    substr()) puts that edge type's projections in [start, start + length): the other entries are 0;
//  - the same random_seed gives the same vectors.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { algoEmulator, attributeOf, eType, runQuery, typeSetParams, vType } from './library.js';
import { printed } from './results.js';
import { line, ring, type Shape, star } from './shapes.js';

const SHAPES = [ring(7), line(6), star(6)];
const DIM = 8;

let e: RunningEmulator;
beforeAll(async () => {
  e = await algoEmulator(SHAPES, ['tg_fastRP']);
});

async function run(s: Shape, extra: Record<string, string | number | boolean | string[]>) {
  const r = await runQuery(e, 'tg_fastRP', {
    ...typeSetParams(s),
    output_v_type_set: vType(s),
    beta: -0.5,
    embedding_dimension: DIM,
    default_length: DIM,
    sampling_constant: 1,
    print_results: true,
    result_attribute: 'emb',
    ...extra,
  });
  const emb = new Map(
    [...(await attributeOf(e, s, 'emb'))].map(([v, l]) => [v, (l as number[]).map(Number)]),
  );
  for (const [v, vec] of emb) expect(vec, `vertex ${v}`).toHaveLength(DIM);
  return { r, emb };
}

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe.each(SHAPES.map((s) => [s.name, s] as const))('tg_fastRP on %s', (_, s) => {
  test.each([
    ['1', 1],
    ['0,1', 1 / 2],
    ['0,0,1', 1 / 3],
  ])('weights "%s": every vector has length %d', async (w, length) => {
    const { emb } = await run(s, { iteration_weights: w });
    expect(emb.size).toBe(s.n);
    for (const [v, vec] of emb) expect(norm(vec), `vertex ${v}`).toBeCloseTo(length, 5);
  });

  test('an embedding_dim_map region holds its edge type, the rest stays 0', async () => {
    const { r, emb } = await run(s, {
      iteration_weights: '1',
      default_length: 2,
      embedding_dim_map: `${eType(s)},4,1,4`,
    });
    expect(printed(r, '@@embedding_dim_map')).toEqual({
      [eType(s)]: { min_dim: 4, max_dim: 8, weight: 1 },
      default: { min_dim: 0, max_dim: 2, weight: 1 },
    });
    for (const [v, vec] of emb) {
      expect(vec.slice(0, 4), `vertex ${v}`).toEqual([0, 0, 0, 0]);
      expect(norm(vec.slice(4)), `vertex ${v}`).toBeCloseTo(1, 5);
    }
  });

  test('the same seed gives the same vectors, another seed others', async () => {
    const a = (await run(s, { iteration_weights: '1,1', random_seed: 7 })).emb;
    const b = (await run(s, { iteration_weights: '1,1', random_seed: 7 })).emb;
    const c = (await run(s, { iteration_weights: '1,1', random_seed: 8 })).emb;
    expect([...b]).toEqual([...a]);
    expect([...c]).not.toEqual([...a]);
  });
});
