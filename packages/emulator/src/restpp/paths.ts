// POST /shortestpath/{graph} and POST /allpaths/{graph} (reference §4.6). Both answer the subgraph
// (vertices and edges, not in path order) made of the paths found:
// - shortestpath: for every source/target pair, one shortest path (or every shortest path with
//   `allShortestPaths`) of at most `maxLength` edges (default 6);
// - allpaths: every path of at most `maxLength` edges (required) from a source to a target, loops
//   included — an edge u→v is on one iff dist(sources,u) + 1 + dist(v,targets) ≤ maxLength.
// Every edge type of the graph is traversable in its own direction (undirected both ways, reverse
// types backwards). Filters: a vertex or edge of a type with filters must satisfy one of them.
import type { EmuResponse } from '../http/types.js';
import { isObject, type Json } from '../json.js';
import { toJson } from '../store/attr-types.js';
import {
  type EdgeRecord,
  type EdgeType,
  edgeTypesOf,
  type Graph,
  type VertexType,
  vertexTypeIn,
} from '../store/catalog.js';
import { canonicalId, type EdgeView, edgesFrom, vkey } from '../store/data.js';
import { edgeTypeOf, graphOf, inGraph, jsonBody, type RestCtx, vertexTypeOf } from './context.js';
import { ok, RestError } from './envelope.js';
import { compileCondition, type Predicate } from './path-filter.js';
import { invalidVertexId, vertexJson } from './vertices.js';

interface Vtx {
  type: VertexType;
  id: string;
}

interface Step {
  edge: EdgeView;
  to: Vtx;
}

const bad = (message: string) => new RestError('REST-30000', message);

function vertexList(
  ctx: RestCtx,
  g: Graph,
  body: Record<string, Json>,
  plural: string,
  single: string,
): Vtx[] {
  const raw = body[plural] ?? (body[single] === undefined ? undefined : [body[single] as Json]);
  if (!Array.isArray(raw) || raw.length === 0)
    throw bad(`The payload needs "${plural}" (a list of {"type": …, "id": …}) or "${single}".`);
  return raw.map((item) => {
    if (!isObject(item) || typeof item['type'] !== 'string')
      throw bad(`Each of "${plural}" must be an object {"type": "<vertex type>", "id": "<vertex id>"}.`);
    const t = vertexTypeOf(ctx, g, item['type']);
    const rawId = item['id'];
    const idText =
      typeof rawId === 'string' || typeof rawId === 'number' || typeof rawId === 'bigint'
        ? String(rawId)
        : '';
    const id = canonicalId(t, idText);
    if (id === undefined || !t.data.has(id)) throw invalidVertexId(idText, t.name);
    return { type: t, id };
  });
}

/** Filters by type name: a type with filters must satisfy at least one (they are OR-ed). */
function filters(
  ctx: RestCtx,
  g: Graph,
  raw: Json | undefined,
  kind: 'vertex' | 'edge',
): Map<string, Predicate[]> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw bad(`"${kind}Filters" must be a list of {"type": …, "condition": …}.`);
  const out = new Map<string, Predicate[]>();
  for (const f of raw) {
    if (!isObject(f) || typeof f['type'] !== 'string' || typeof f['condition'] !== 'string')
      throw bad(
        `Each of "${kind}Filters" must be an object {"type": "<${kind} type>", "condition": "<condition>"}.`,
      );
    const attrs =
      kind === 'vertex'
        ? vertexTypeOf(ctx, g, f['type']).attributes
        : edgeTypeOf(ctx, g, f['type']).attributes;
    const p = compileCondition(f['condition'], attrs, `${kind} type ${f['type']}`);
    out.set(f['type'], [...(out.get(f['type']) ?? []), p]);
  }
  return out;
}

function maxLength(body: Record<string, Json>, required: boolean): number {
  const v = body['maxLength'];
  if (v === undefined || v === null) {
    if (required) throw bad('The payload needs "maxLength" (the longest path, in edges) for allpaths.');
    return 6;
  }
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    throw bad(`"maxLength" must be a non-negative integer, not ${JSON.stringify(String(v))}.`);
  return n;
}

class PathGraph {
  private readonly types: EdgeType[];
  private reverse: Map<string, Step[]> | undefined;

  constructor(
    private readonly ctx: RestCtx,
    private readonly g: Graph,
    private readonly vf: Map<string, Predicate[]> | undefined,
    private readonly ef: Map<string, Predicate[]> | undefined,
  ) {
    this.types = edgeTypesOf(ctx.state.catalog, g);
  }

  vertexOk(v: Vtx): boolean {
    const rec = v.type.data.get(v.id);
    if (!rec) return false;
    const preds = this.vf?.get(v.type.name);
    return preds === undefined || preds.some((p) => p((n) => rec.attrs.get(n)));
  }

  private edgeOk(e: EdgeView): boolean {
    const preds = this.ef?.get(e.type.name);
    return preds === undefined || preds.some((p) => p((n) => e.record.attrs.get(n)));
  }

  vertex(typeName: string, id: string): Vtx | undefined {
    const t = vertexTypeIn(this.ctx.state.catalog, this.g, typeName);
    return t ? { type: t, id } : undefined;
  }

  /** Steps leaving `v` (edge and the vertex it reaches), after filters. */
  out(v: Vtx): Step[] {
    const steps: Step[] = [];
    for (const et of this.types) {
      for (const e of edgesFrom(et, v.type.name, v.id)) {
        const to = this.vertex(e.toType, e.toId);
        if (to && this.edgeOk(e) && this.vertexOk(to)) steps.push({ edge: e, to });
      }
    }
    return steps;
  }

  /** Steps arriving at `v`, as (edge, vertex it came from); built once by scanning every edge. */
  in(v: Vtx): Step[] {
    if (!this.reverse) {
      const rev = new Map<string, Step[]>();
      for (const et of this.types) {
        const seen = new Set<string>();
        for (const rec of et.store.records.values()) {
          for (const [type, id] of [
            [rec.fromType, rec.fromId],
            [rec.toType, rec.toId],
          ] as const) {
            const k = vkey(type, id);
            if (seen.has(k)) continue;
            seen.add(k);
            const from = this.vertex(type, id);
            if (!from || !this.vertexOk(from)) continue;
            for (const e of edgesFrom(et, type, id)) {
              if (!this.edgeOk(e)) continue;
              const key = vkey(e.toType, e.toId);
              rev.set(key, [...(rev.get(key) ?? []), { edge: e, to: from }]);
            }
          }
        }
      }
      this.reverse = rev;
    }
    return this.reverse.get(vkey(v.type.name, v.id)) ?? [];
  }

  /** Breadth-first distances (≤ limit) from `starts`, following `out` or `in` steps. */
  distances(
    starts: Vtx[],
    limit: number,
    dir: 'out' | 'in',
  ): { dist: Map<string, number>; parent: Map<string, Step> } {
    const dist = new Map<string, number>();
    const parent = new Map<string, Step>();
    let frontier: Vtx[] = [];
    for (const s of starts) {
      const k = vkey(s.type.name, s.id);
      if (!dist.has(k) && this.vertexOk(s)) {
        dist.set(k, 0);
        frontier.push(s);
      }
    }
    for (let d = 1; d <= limit && frontier.length > 0; d++) {
      const next: Vtx[] = [];
      for (const v of frontier) {
        for (const step of dir === 'out' ? this.out(v) : this.in(v)) {
          const k = vkey(step.to.type.name, step.to.id);
          if (dist.has(k)) continue;
          dist.set(k, d);
          // The step that reached `to`, seen from `to`: its edge and the vertex it came from.
          parent.set(k, { edge: step.edge, to: v });
          next.push(step.to);
        }
      }
      frontier = next;
    }
    return { dist, parent };
  }
}

/** Collects the answer subgraph without duplicates, in discovery order. */
class Subgraph {
  readonly vertices = new Map<string, Vtx>();
  /** Keyed by record and type: an undirected edge walked both ways is still one edge. */
  readonly edges = new Map<EdgeRecord, Map<string, EdgeView>>();

  addVertex(v: Vtx): void {
    this.vertices.set(vkey(v.type.name, v.id), v);
  }

  addEdge(e: EdgeView): void {
    const byType = this.edges.get(e.record) ?? new Map<string, EdgeView>();
    if (!byType.has(e.type.name)) byType.set(e.type.name, e);
    this.edges.set(e.record, byType);
  }

  json(): Json {
    return [
      {
        vertices: [...this.vertices.values()].map((v) =>
          vertexJson(v.type, v.type.data.get(v.id) as never, undefined),
        ),
        edges: [...this.edges.values()]
          .flatMap((m) => [...m.values()])
          .map((e) => {
            const attrs: { [k: string]: Json } = {};
            for (const a of e.type.attributes) {
              const value = e.record.attrs.get(a.name);
              if (value !== undefined) attrs[a.name] = toJson(value, a.type);
            }
            return {
              e_type: e.type.name,
              from_id: e.fromId,
              from_type: e.fromType,
              to_id: e.toId,
              to_type: e.toType,
              directed: e.type.directed,
              attributes: attrs,
            };
          }),
      },
    ];
  }
}

function message(body: Record<string, Json>): string {
  if (body['vertexFilters'] === undefined) return "Cannot get 'vertex_filters' filters, use empty filter.";
  if (body['edgeFilters'] === undefined) return "Cannot get 'edge_filters' filters, use empty filter.";
  return '';
}

function request(ctx: RestCtx, graph: string, allPaths: boolean): EmuResponse {
  const g = graphOf(ctx, graph);
  return inGraph(g, () => {
    const raw = jsonBody(ctx);
    if (!isObject(raw)) throw bad('The payload must be a JSON object with "sources" and "targets".');
    const sources = vertexList(ctx, g, raw, 'sources', 'source');
    const targets = vertexList(ctx, g, raw, 'targets', 'target');
    const limit = maxLength(raw, allPaths);
    const pg = new PathGraph(
      ctx,
      g,
      filters(ctx, g, raw['vertexFilters'], 'vertex'),
      filters(ctx, g, raw['edgeFilters'], 'edge'),
    );
    const sub = new Subgraph();
    if (allPaths) everyPath(pg, sub, sources, targets, limit);
    else shortest(pg, sub, sources, targets, limit, raw['allShortestPaths'] === true);
    return ok(sub.json(), { schema: g.schemaVersion, message: message(raw) });
  });
}

function shortest(
  pg: PathGraph,
  sub: Subgraph,
  sources: Vtx[],
  targets: Vtx[],
  limit: number,
  all: boolean,
): void {
  for (const s of sources) {
    const fwd = pg.distances([s], limit, 'out');
    for (const t of targets) {
      const tk = vkey(t.type.name, t.id);
      const d = fwd.dist.get(tk);
      if (d === undefined || d === 0) continue;
      if (!all) {
        // Walk the BFS parents back from the target.
        sub.addVertex(t);
        let k = tk;
        for (let p = fwd.parent.get(k); p; p = fwd.parent.get(k)) {
          sub.addEdge(p.edge);
          sub.addVertex(p.to);
          k = vkey(p.to.type.name, p.to.id);
        }
        continue;
      }
      const back = pg.distances([t], d, 'in');
      addWhere(pg, sub, fwd.dist, back.dist, (sum) => sum === d);
    }
  }
}

function everyPath(pg: PathGraph, sub: Subgraph, sources: Vtx[], targets: Vtx[], limit: number): void {
  const fwd = pg.distances(sources, limit, 'out');
  const back = pg.distances(targets, limit, 'in');
  addWhere(pg, sub, fwd.dist, back.dist, (sum) => sum <= limit && sum > 0);
}

/** Adds every edge u→v with dist(u) + 1 + back(v) accepted, and the vertices at its ends. */
function addWhere(
  pg: PathGraph,
  sub: Subgraph,
  dist: Map<string, number>,
  back: Map<string, number>,
  accept: (length: number) => boolean,
): void {
  for (const [k, du] of dist) {
    const [type, id] = k.split('\u0000') as [string, string];
    const u = pg.vertex(type, id);
    if (!u) continue;
    for (const step of pg.out(u)) {
      const dv = back.get(vkey(step.to.type.name, step.to.id));
      if (dv === undefined || !accept(du + 1 + dv)) continue;
      sub.addVertex(u);
      sub.addVertex(step.to);
      sub.addEdge(step.edge);
    }
  }
}

export const shortestPath = (ctx: RestCtx, graph: string): EmuResponse => request(ctx, graph, false);
export const allPaths = (ctx: RestCtx, graph: string): EmuResponse => request(ctx, graph, true);
