// The independent oracle: graphology and its algorithm packages (CommonJS, loaded with require so
// their `module.exports = fn` reaches us as the function), with the few signatures the tests use.
import { createRequire } from 'node:module';
import type { DirectedGraph, UndirectedGraph } from 'graphology';

export type G = DirectedGraph | UndirectedGraph;
type Scores = Record<string, number>;
type Weight = { getEdgeWeight?: string | null };

const require = createRequire(import.meta.url);

export const pagerank = require('graphology-metrics/centrality/pagerank') as (
  g: G,
  o: Weight & { alpha?: number; maxIterations?: number; tolerance?: number },
) => Scores;
export const betweenness = require('graphology-metrics/centrality/betweenness') as (
  g: G,
  o?: Weight & { normalized?: boolean },
) => Scores;
export const closeness = require('graphology-metrics/centrality/closeness') as (
  g: G,
  o?: { wassermanFaust?: boolean },
) => Scores;
export const eigenvector = require('graphology-metrics/centrality/eigenvector') as (
  g: G,
  o?: Weight & { maxIterations?: number; tolerance?: number },
) => Scores;
export const { degreeCentrality } = require('graphology-metrics/centrality/degree') as {
  degreeCentrality: (g: G) => Scores;
};
export const modularity = require('graphology-metrics/graph/modularity') as (
  g: G,
  o?: Weight & { getNodeCommunity?: (node: string) => number | string },
) => number;
export const louvain = require('graphology-communities-louvain') as {
  detailed: (
    g: G,
    o?: Weight & { rng?: () => number },
  ) => { communities: Record<string, number>; modularity: number };
};
export const { connectedComponents, stronglyConnectedComponents } = require('graphology-components') as {
  connectedComponents: (g: G) => string[][];
  stronglyConnectedComponents: (g: G) => string[][];
};
export const unweighted = require('graphology-shortest-path/unweighted') as {
  singleSourceLength: (g: G, source: string) => Record<string, number>;
};
export const dijkstra = require('graphology-shortest-path/dijkstra') as {
  singleSource: (g: G, source: string, weight?: string) => Record<string, string[]>;
};
export const { hasCycle } = require('graphology-dag') as { hasCycle: (g: G) => boolean };

/** Length of a path (list of node keys) by the `weight` attribute. */
export function pathWeight(g: G, path: string[]): number {
  let sum = 0;
  for (let i = 1; i < path.length; i++) {
    sum += g.getEdgeAttribute(g.edge(path[i - 1], path[i]), 'weight') as number;
  }
  return sum;
}

/** Partition of vertex ids as a canonical, comparable form (sorted groups, sorted by first id). */
export function partition(groups: Iterable<Iterable<string>>): string[][] {
  const out = [...groups].map((g) => [...g].sort((a, b) => Number(a) - Number(b)));
  return out.sort((a, b) => Number(a[0]) - Number(b[0]));
}

/** Groups vertex ids by a label. */
export function groupBy(labels: Map<string, unknown>): string[][] {
  const m = new Map<string, string[]>();
  for (const [v, l] of labels) {
    const k = JSON.stringify(l);
    m.set(k, [...(m.get(k) ?? []), v]);
  }
  return partition(m.values());
}
