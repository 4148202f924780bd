// tg_weisfeiler_lehman: each round a vertex's label becomes tg_hash_label(its neighbours' labels and
// its own), the library UDF that sorts the strings, joins them and returns std::to_string of
// libstdc++'s std::hash. Expected labels were printed by that std::hash compiled with g++ 12:
//   "111" → 13512855866083484826 (a ring vertex after one round: two neighbours and itself),
//   three copies of that → 1780370213723718256 (round two on the ring),
//   "111111" → 16690415777799962292 (the star's centre), "11" → 9717255990760309898 (a leaf).
// And the WL property: vertices with isomorphic neighbourhoods get equal labels, others differ.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { algoEmulator, runQuery, typeParams } from './library.js';
import { printed, vertexValues } from './results.js';
import { line, ring, type Shape, star } from './shapes.js';

const RING7 = ring(7);
const STAR6 = star(6);
const LINE6 = line(6);

let e: RunningEmulator;
beforeAll(async () => {
  e = await algoEmulator([RING7, STAR6, LINE6], ['tg_weisfeiler_lehman']);
});

async function labels(s: Shape, depth: number): Promise<Map<string, string>> {
  const r = await runQuery(e, 'tg_weisfeiler_lehman', { ...typeParams(s), DEPTH: depth, print_limit: 100 });
  const out = vertexValues(printed(r, 'Start'), '@current_label');
  expect(out.size).toBe(s.n);
  return new Map([...out].map(([v, l]) => [v, String(l)]));
}

describe('tg_weisfeiler_lehman', () => {
  test('ring7: every vertex the libstdc++ hash of "111", then of three of those', async () => {
    for (const l of (await labels(RING7, 1)).values()) expect(l).toBe('13512855866083484826');
    for (const l of (await labels(RING7, 2)).values()) expect(l).toBe('1780370213723718256');
  });

  test('star6, one round: centre hash("111111"), leaves hash("11")', async () => {
    const ls = await labels(STAR6, 1);
    expect(ls.get('0')).toBe('16690415777799962292');
    for (let v = 1; v < 6; v++) expect(ls.get(String(v))).toBe('9717255990760309898');
  });

  test('line6, three rounds: mirror images equal, the three positions distinct', async () => {
    const ls = await labels(LINE6, 3);
    for (let v = 0; v < 3; v++) expect(ls.get(String(v))).toBe(ls.get(String(5 - v)));
    expect(new Set([ls.get('0'), ls.get('1'), ls.get('2')]).size).toBe(3);
  });
});
