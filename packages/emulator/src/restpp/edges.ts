// GET/DELETE /graph/{g}/edges/{srcType}/{srcId}[/{eType}[/{tgtType}[/{tgtId}[/{discriminator}]]]].
import { boolParam, type EmuResponse, param } from '../http/types.js';
import type { Json } from '../json.js';
import { toJson } from '../store/attr-types.js';
import { type EdgeType, edgeTypesOf, type Graph, type VertexType } from '../store/catalog.js';
import { canonicalId, deleteEdgeView, type EdgeView, edgesFrom } from '../store/data.js';
import { edgeTypeOf, graphOf, inGraph, type RestCtx, vertexTypeOf } from './context.js';
import { ok, RestError } from './envelope.js';
import {
  compileFilter,
  parseFilter,
  parseLimit,
  parseList,
  parseSort,
  selectAttributes,
  sortBy,
} from './filter.js';

export function edgeJson(v: EdgeView, select: string[] | undefined): Json {
  const attrs: { [k: string]: Json } = {};
  for (const a of selectAttributes(select, v.type.attributes, `edge type ${v.type.name}`)) {
    const value = v.record.attrs.get(a.name);
    if (value !== undefined) attrs[a.name] = toJson(value, a.type);
  }
  return {
    e_type: v.type.name,
    directed: v.type.directed,
    from_id: v.fromId,
    from_type: v.fromType,
    to_id: v.toId,
    to_type: v.toType,
    attributes: attrs,
  };
}

/** Splits a discriminator segment on unescaped commas (`\` escapes `,` and itself). */
function splitDiscriminator(text: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
      continue;
    }
    if (ch === ',') {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  return parts;
}

interface EdgeQuery {
  g: Graph;
  src: VertexType;
  srcId: string;
  types: EdgeType[];
  tgtType: string | undefined;
  tgtId: string | undefined;
  disc: string | undefined;
  /** `_` or no edge type: a filter naming an attribute a type lacks just excludes that type. */
  wildcard: boolean;
}

/** Edge types that can leave a vertex of this type (forward, reverse, undirected either way). */
function typesFrom(ctx: RestCtx, g: Graph, src: string): EdgeType[] {
  return edgeTypesOf(ctx.state.catalog, g).filter((et) =>
    et.pairs.some((p) => p.from === src || (!et.directed && p.to === src)),
  );
}

function resolve(ctx: RestCtx, segs: string[]): EdgeQuery {
  const [graph, srcType, srcIdRaw, eType, tgtType, tgtIdRaw, disc] = segs as [
    string,
    string,
    string,
    ...string[],
  ];
  const g = graphOf(ctx, graph);
  const src = vertexTypeOf(ctx, g, srcType, 'source_vertex_type');
  const srcId = canonicalId(src, srcIdRaw);
  if (srcId === undefined || !src.data.has(srcId)) {
    throw new RestError(
      '601',
      `The input source_vertex_id '${srcIdRaw}' is not a valid vertex id for vertex type = ${src.name}.`,
    );
  }
  const wildcard = eType === undefined || (eType === '_' && !boolParam(ctx.req, 'not_wildcard'));
  const types = wildcard ? typesFrom(ctx, g, src.name) : [edgeTypeOf(ctx, g, eType as string)];
  let tgtId: string | undefined;
  if (tgtType !== undefined && tgtType !== '_') {
    const tgt = vertexTypeOf(ctx, g, tgtType, 'target_vertex_type');
    if (tgtIdRaw !== undefined) {
      tgtId = canonicalId(tgt, tgtIdRaw);
      if (tgtId === undefined || !tgt.data.has(tgtId)) {
        throw new RestError(
          '601',
          `The input target_vertex_id '${tgtIdRaw}' is not a valid vertex id for vertex type = ${tgt.name}.`,
        );
      }
    }
  }
  return { g, src, srcId, types, tgtType: tgtType === '_' ? undefined : tgtType, tgtId, disc, wildcard };
}

function matches(ctx: RestCtx, q: EdgeQuery, et: EdgeType): EdgeView[] {
  const owner = `edge type ${et.name}`;
  const conds = parseFilter(param(ctx.req, 'filter'));
  if (q.wildcard && conds.some((c) => !et.attributes.some((a) => a.name === c.attr))) return [];
  const pred = compileFilter(conds, et.attributes, owner);
  const disc = q.disc === undefined ? undefined : splitDiscriminator(q.disc);
  return edgesFrom(et, q.src.name, q.srcId).filter((v) => {
    if (q.tgtType !== undefined && v.toType !== q.tgtType) return false;
    if (q.tgtId !== undefined && v.toId !== q.tgtId) return false;
    if (disc !== undefined) {
      const names = et.discriminators;
      if (!names.every((n, i) => String(toJson(v.record.attrs.get(n) ?? '', attrType(et, n))) === disc[i]))
        return false;
    }
    return pred((n) => v.record.attrs.get(n));
  });
}

const attrType = (et: EdgeType, name: string) => et.attributes.find((a) => a.name === name)?.type;

export function getEdges(ctx: RestCtx, segs: string[]): EmuResponse {
  const g = graphOf(ctx, segs[0] as string);
  return inGraph(g, () => {
    const q = resolve(ctx, segs);
    const select = parseList(param(ctx.req, 'select'));
    if (boolParam(ctx.req, 'count_only')) {
      return ok(
        q.types.map((et) => ({ e_type: et.name, count: matches(ctx, q, et).length })),
        { schema: g.schemaVersion },
      );
    }
    let views = q.types.flatMap((et) => matches(ctx, q, et));
    const sortText = param(ctx.req, 'sort');
    if (sortText !== undefined && q.types.length === 1) {
      const et = q.types[0] as EdgeType;
      views = sortBy(views, parseSort(sortText, et.attributes, `edge type ${et.name}`), (v, a) =>
        v.record.attrs.get(a),
      );
    }
    const limit = parseLimit(param(ctx.req, 'limit'));
    if (limit !== undefined) views = views.slice(0, limit);
    return ok(
      views.map((v) => edgeJson(v, select)),
      { schema: g.schemaVersion },
    );
  });
}

export function deleteEdges(ctx: RestCtx, segs: string[]): EmuResponse {
  const g = graphOf(ctx, segs[0] as string);
  return inGraph(g, () => {
    const q = resolve(ctx, segs);
    const limit = parseLimit(param(ctx.req, 'limit'));
    const results = q.types.map((et) => {
      let views = matches(ctx, q, et);
      if (limit !== undefined) views = views.slice(0, limit);
      for (const v of views) deleteEdgeView(v);
      return { e_type: et.name, deleted_edges: views.length };
    });
    return ok(results, { schema: g.schemaVersion });
  });
}
