// Created queries per graph. Keyed by the Graph object, so DROP GRAPH / DROP ALL drop them too.
import type { Graph } from '../store/catalog.js';
import type { QueryDef } from './ast.js';

export interface StoredQuery {
  def: QueryDef;
  installed: boolean;
}

const byGraph = new WeakMap<Graph, Map<string, StoredQuery>>();

export function queriesOf(g: Graph): Map<string, StoredQuery> {
  let m = byGraph.get(g);
  if (!m) {
    m = new Map();
    byGraph.set(g, m);
  }
  return m;
}
