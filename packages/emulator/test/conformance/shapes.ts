// Graph shapes the algorithm tests run on, built here (never read from the library), and the same
// graph as a graphology object for the oracle. Vertices are "0".."n-1"; weights are small integers
// so weighted sums stay exact in floating point.
import { DirectedGraph, UndirectedGraph } from 'graphology';

export interface Shape {
  name: string;
  directed: boolean;
  n: number;
  /** [from, to, weight]; undirected shapes list each edge once. */
  edges: [number, number, number][];
}

/** Deterministic pseudo-random numbers (mulberry32), so the "random" shapes are the same every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const w = (i: number, j: number) => 1 + ((i * 7 + j * 3) % 5);

function make(name: string, directed: boolean, n: number, pairs: [number, number][]): Shape {
  return { name, directed, n, edges: pairs.map(([a, b]) => [a, b, w(a, b)]) };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const line = (n: number, directed = false) =>
  make(
    `line${n}${directed ? 'd' : ''}`,
    directed,
    n,
    range(n - 1).map((i) => [i, i + 1]),
  );

export const ring = (n: number, directed = false) =>
  make(
    `ring${n}${directed ? 'd' : ''}`,
    directed,
    n,
    range(n).map((i) => [i, (i + 1) % n]),
  );

/** A binary tree, edges from parent to child. */
export const tree = (n: number, directed = false) =>
  make(
    `tree${n}${directed ? 'd' : ''}`,
    directed,
    n,
    range(n - 1).map((i) => [Math.floor(i / 2), i + 1]),
  );

export const star = (n: number, directed = false) =>
  make(
    `star${n}${directed ? 'd' : ''}`,
    directed,
    n,
    range(n - 1).map((i) => [0, i + 1]),
  );

export function complete(n: number, directed = false): Shape {
  const pairs: [number, number][] = [];
  for (const i of range(n)) for (const j of range(n)) if (directed ? i !== j : i < j) pairs.push([i, j]);
  return make(`complete${n}${directed ? 'd' : ''}`, directed, n, pairs);
}

/** A DAG: edges only from lower to higher ids, chosen at random. */
export function dag(n: number, p: number, seed: number): Shape {
  const r = rng(seed);
  const pairs: [number, number][] = [];
  for (const i of range(n)) for (let j = i + 1; j < n; j++) if (r() < p) pairs.push([i, j]);
  return make(`dag${n}`, true, n, pairs);
}

/** G(n, p) with a seed; no self-loops. */
export function random(n: number, p: number, seed: number, directed = false): Shape {
  const r = rng(seed);
  const pairs: [number, number][] = [];
  for (const i of range(n))
    for (const j of range(n)) if ((directed ? i !== j : i < j) && r() < p) pairs.push([i, j]);
  return make(`random${n}s${seed}${directed ? 'd' : ''}`, directed, n, pairs);
}

/** Two rings and a line, not joined: three components (four with the isolated last vertex if asked). */
export function disconnected(directed = false, isolated = false): Shape {
  const pairs: [number, number][] = [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 0],
    [4, 5],
    [5, 6],
    [6, 4],
    [7, 8],
    [8, 9],
  ];
  const n = isolated ? 11 : 10;
  return make(`disc${directed ? 'd' : ''}${isolated ? 'i' : ''}`, directed, n, pairs);
}

export function toGraphology(s: Shape): DirectedGraph | UndirectedGraph {
  const g = s.directed ? new DirectedGraph() : new UndirectedGraph();
  for (let i = 0; i < s.n; i++) g.addNode(String(i));
  for (const [a, b, weight] of s.edges) g.addEdge(String(a), String(b), { weight });
  return g;
}
