// Created queries per graph. Keyed by the Graph object, so DROP GRAPH / DROP ALL drop them too.
import type { Graph } from '../store/catalog.js';
import type { Accum } from './accum.js';
import type { QueryDef } from './ast.js';

export interface StoredQuery {
  def: QueryDef;
  installed: boolean;
  /** STATIC global accumulators of the installed query, kept from run to run until it is installed again. */
  statics?: Map<string, Accum>;
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

/** The STATIC accumulators a run of `def` keeps: the installed query's own; none for an interpreted run. */
export function staticsFor(g: Graph, def: QueryDef, interpreted: boolean): Map<string, Accum> | undefined {
  const stored = queriesOf(g).get(def.name);
  if (interpreted || !stored?.installed || stored.def !== def) return undefined;
  stored.statics ??= new Map();
  return stored.statics;
}
