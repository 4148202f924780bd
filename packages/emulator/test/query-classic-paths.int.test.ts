// Classic-syntax (default SYNTAX v2) multi-hop and Kleene-star patterns on 3.10 and 4.2: every match
// is checked against a brute-force enumeration of the walks of a small graph built here. A Kleene
// hop matches each end vertex once per shortest path (TigerGraph docs, "Repeating a 1-Hop Pattern":
// the shortest walks of length within the bounds), a fixed hop once per edge.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX P (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE VERTEX C (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE T (FROM P, TO P) WITH REVERSE_EDGE="T_rev"
CREATE UNDIRECTED EDGE LIVES (FROM P, TO C)
CREATE GRAPH g (*)`;

// Cycles (p0→p1→p3→p4→p0, p5→p6→p7→p5), a diamond (p0→p1|p2→p3) and p3 living in two cities.
const T_EDGES: [string, string][] = [
  ['p0', 'p1'],
  ['p0', 'p2'],
  ['p1', 'p2'],
  ['p1', 'p3'],
  ['p2', 'p3'],
  ['p3', 'p4'],
  ['p4', 'p0'],
  ['p4', 'p5'],
  ['p2', 'p5'],
  ['p5', 'p6'],
  ['p6', 'p7'],
  ['p7', 'p5'],
];
const LIVES: [string, string][] = [
  ['p0', 'c0'],
  ['p1', 'c1'],
  ['p2', 'c2'],
  ['p3', 'c0'],
  ['p3', 'c2'],
  ['p4', 'c1'],
  ['p5', 'c2'],
  ['p6', 'c0'],
  ['p7', 'c1'],
];
const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];

type Adj = Map<string, string[]>;

/** One neighbour entry per edge (parallel ways stay separate paths). */
function adjacency(pairs: [string, string][]): Adj {
  const adj: Adj = new Map();
  for (const [a, b] of pairs) adj.set(a, [...(adj.get(a) ?? []), b]);
  return adj;
}

const OUT = adjacency(T_EDGES);
const IN = adjacency(T_EDGES.map(([a, b]) => [b, a]));
const BOTH = adjacency([...T_EDGES, ...T_EDGES.map(([a, b]): [string, string] => [b, a])]);
const CITIES = adjacency(LIVES);
const next = (adj: Adj, v: string) => adj.get(v) ?? [];

/** Number of walks from s of each length 0..maxLen, per end vertex (plain enumeration). */
function walkCounts(adj: Adj, s: string, maxLen: number): Map<string, number[]> {
  const counts = new Map<string, number[]>();
  const walk = (v: string, len: number) => {
    const row = counts.get(v) ?? new Array<number>(maxLen + 1).fill(0);
    row[len] = (row[len] ?? 0) + 1;
    counts.set(v, row);
    if (len < maxLen) for (const w of next(adj, v)) walk(w, len + 1);
  };
  walk(s, 0);
  return counts;
}

/** Kleene ends from s: each t with its shortest walk length in [min, max], counted per such walk. */
function kleene(adj: Adj, s: string, min: number, max: number | undefined): Map<string, number> {
  // A shortest walk of length ≥ min never needs more than min + |V| steps.
  const limit = max ?? min + PEOPLE.length;
  const out = new Map<string, number>();
  for (const [t, row] of walkCounts(adj, s, limit)) {
    const len = row.findIndex((n, i) => i >= min && n > 0);
    if (len >= 0) out.set(t, row[len] as number);
  }
  return out;
}

function tally(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

const repeat = (n: number, k: string) => Array.from({ length: n }, () => k);

const VERSIONS = [
  { version: '3.10', interpret: '/gsqlserver/interpreted_query' },
  { version: '4.2', interpret: '/gsql/v1/queries/interpret' },
] as const;

describe.each(VERSIONS)('classic multi-hop and Kleene patterns on $version', (v) => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await emulator({ version: v.version, gsqlScript: SCHEMA });
    const ends = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, {}]));
    const vertices = { P: ends(PEOPLE) };
    const edges = {
      P: Object.fromEntries(
        PEOPLE.map((p) => [p, { T: { P: ends(next(OUT, p)) }, LIVES: { C: ends(next(CITIES, p)) } }]),
      ),
    };
    const r = await http(`${e.restppUrl}/graph/g`, {
      method: 'POST',
      body: JSON.stringify({ vertices, edges }),
    });
    expect(r.json, r.text).toMatchObject({ error: false });
  });

  /** Runs `body` after `S = {P.*}` and a MapAccum @@paths; returns @@paths and the PRINTed size. */
  async function paths(select: string): Promise<{ paths: Record<string, number>; n: number }> {
    const body = `MapAccum<STRING, SumAccum<INT>> @@paths; S = {P.*};\nR = ${select};\nPRINT @@paths, R.size() AS n;`;
    const r = await http(`${e.gsUrl}${v.interpret}`, {
      method: 'POST',
      headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
      body: `INTERPRET QUERY () FOR GRAPH g {\n${body}\n}`,
    });
    expect(r.json, r.text).toMatchObject({ error: false });
    const [printed] = (r.json as { results: Record<string, unknown>[] }).results;
    return { paths: printed?.['@@paths'] as Record<string, number>, n: printed?.['n'] as number };
  }

  const distinctLast = (keys: string[]) => new Set(keys.map((k) => k.split('>').pop())).size;

  test('two hops -(T>:e)- P:m -(LIVES:f)- C:c: one match per edge pair', async () => {
    const want = PEOPLE.flatMap((s) =>
      next(OUT, s).flatMap((m) => next(CITIES, m).map((c) => `${s}>${m}>${c}`)),
    );
    const got = await paths(
      'SELECT c FROM S:s -(T>:e)- P:m -(LIVES:f)- C:c ACCUM @@paths += (s.id + ">" + m.id + ">" + c.id -> 1)',
    );
    expect(got.paths).toEqual(tally(want));
    expect(got.n).toBe(distinctLast(want));
  });

  test('mixed directions -(<T)- … -(T>)-, three hops with WHERE, and E1.E2 abbreviation', async () => {
    const coCited = PEOPLE.flatMap((s) =>
      next(IN, s).flatMap((m) => next(OUT, m).map((t) => `${s}>${m}>${t}`)),
    );
    const got = await paths(
      'SELECT t FROM S:s -(<T:e)- P:m -(T>:f)- P:t ACCUM @@paths += (s.id + ">" + m.id + ">" + t.id -> 1)',
    );
    expect(got.paths).toEqual(tally(coCited));
    const three = PEOPLE.flatMap((s) =>
      next(OUT, s).flatMap((x) => next(OUT, x).flatMap((y) => next(OUT, y).map((t) => [s, t]))),
    )
      .filter(([s, t]) => s !== t)
      .map(([s, t]) => `${s}>${t}`);
    const got3 = await paths(
      'SELECT t FROM S:s -(T>)- P:x -(T>)- P:y -(T>)- P:t WHERE s != t ACCUM @@paths += (s.id + ">" + t.id -> 1)',
    );
    expect(got3.paths).toEqual(tally(three));
    const two = PEOPLE.flatMap((s) => next(OUT, s).flatMap((x) => next(OUT, x).map((t) => `${s}>${t}`)));
    const dotted = await paths('SELECT t FROM S:s -(T>.T>)- P:t ACCUM @@paths += (s.id + ">" + t.id -> 1)');
    expect(dotted.paths).toEqual(tally(two));
  });

  test('vertex types without aliases along a path (P -(T>)- P -(T>)- P) are not forced to be one vertex', async () => {
    const walks = PEOPLE.flatMap((s) => next(OUT, s).flatMap((x) => next(OUT, x).map(() => s)));
    const got = await paths('SELECT P FROM P -(T>)- P -(T>)- P ACCUM @@paths += ("walks" -> 1)');
    expect(got.paths).toEqual({ walks: walks.length });
    expect(got.n).toBe(new Set(walks).size);
  });

  const BOUNDS: [string, number, number | undefined][] = [
    ['*', 0, undefined],
    ['*2', 2, 2],
    ['*1..3', 1, 3],
    ['*..2', 0, 2],
    ['*2..', 2, undefined],
    ['*0..1', 0, 1],
  ];

  test.each(BOUNDS)('-(T>%s)- matches each end once per shortest path', async (star, min, max) => {
    const want = PEOPLE.flatMap((s) =>
      [...kleene(OUT, s, min, max)].flatMap(([t, n]) => repeat(n, `${s}>${t}`)),
    );
    const got = await paths(`SELECT t FROM S:s -(T>${star})- P:t ACCUM @@paths += (s.id + ">" + t.id -> 1)`);
    expect(got.paths).toEqual(tally(want));
    expect(got.n).toBe(distinctLast(want));
  });

  test('-(<T*1..2)- and -((T>|<T)*1..2)- follow the directions written', async () => {
    for (const [pattern, adj] of [
      ['<T*1..2', IN],
      ['(T>|<T)*1..2', BOTH],
    ] as const) {
      const want = PEOPLE.flatMap((s) =>
        [...kleene(adj, s, 1, 2)].flatMap(([t, n]) => repeat(n, `${s}>${t}`)),
      );
      const got = await paths(
        `SELECT t FROM S:s -(${pattern})- P:t ACCUM @@paths += (s.id + ">" + t.id -> 1)`,
      );
      expect(got.paths, pattern).toEqual(tally(want));
    }
  });

  test('a Kleene hop inside a path: -(T>*1..2)- P:m -(LIVES)- C:c, with POST-ACCUM (m)', async () => {
    const want = PEOPLE.flatMap((s) =>
      [...kleene(OUT, s, 1, 2)].flatMap(([m, n]) =>
        next(CITIES, m).flatMap((c) => repeat(n, `${s}>${m}>${c}`)),
      ),
    );
    const got = await paths(
      'SELECT c FROM S:s -(T>*1..2)- P:m -(LIVES)- C:c ACCUM @@paths += (s.id + ">" + m.id + ">" + c.id -> 1) POST-ACCUM (m) @@paths += ("m:" + m.id -> 1)',
    );
    const middles = new Set(want.map((k) => k.split('>')[1] as string));
    expect(got.paths).toEqual({ ...tally(want), ...tally([...middles].map((m) => `m:${m}`)) });
    expect(got.n).toBe(distinctLast(want));
  });
});
