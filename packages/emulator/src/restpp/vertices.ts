// GET/DELETE /graph/{g}/vertices/{type}[/{id}] and DELETE /graph/{g}/delete_by_type/vertices/{type}.

import type { EmuResponse } from '../http/types.js';
import { boolParam, param } from '../http/types.js';
import type { Json } from '../json.js';
import { toJson } from '../store/attr-types.js';
import { type VertexRecord, type VertexType, visibleVertexAttributes } from '../store/catalog.js';
import { canonicalId, deleteVertex } from '../store/data.js';
import { graphOf, inGraph, type RestCtx, vertexTypeOf } from './context.js';
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

export function vertexJson(t: VertexType, v: VertexRecord, select: string[] | undefined): Json {
  const attrs: { [k: string]: Json } = {};
  for (const a of selectAttributes(select, visibleVertexAttributes(t), `vertex type ${t.name}`)) {
    const value = v.attrs.get(a.name);
    if (value !== undefined) attrs[a.name] = toJson(value, a.type);
  }
  return { v_id: v.id, v_type: t.name, attributes: attrs };
}

export const invalidVertexId = (id: string, type: string): RestError =>
  new RestError('601', `The input vertex id '${id}' is not a valid vertex id for vertex type = ${type}.`);

/** Vertices of a type after filter → sort → limit. */
function matching(ctx: RestCtx, t: VertexType): VertexRecord[] {
  const attrs = visibleVertexAttributes(t);
  const pred = compileFilter(parseFilter(param(ctx.req, 'filter')), attrs, `vertex type ${t.name}`);
  const sort = parseSort(param(ctx.req, 'sort'), attrs, `vertex type ${t.name}`);
  const limit = parseLimit(param(ctx.req, 'limit'));
  let list = [...t.data.values()].filter((v) => pred((n) => v.attrs.get(n)));
  list = sortBy(list, sort, (v, a) => v.attrs.get(a));
  return limit === undefined ? list : list.slice(0, limit);
}

export function getVertices(ctx: RestCtx, graph: string, type: string, id: string | undefined): EmuResponse {
  const g = graphOf(ctx, graph);
  return inGraph(g, () => {
    const t = vertexTypeOf(ctx, g, type);
    const select = parseList(param(ctx.req, 'select'));
    if (id !== undefined) {
      const cid = canonicalId(t, id);
      const v = cid === undefined ? undefined : t.data.get(cid);
      if (!v) throw invalidVertexId(id, t.name);
      return ok([vertexJson(t, v, select)], { schema: g.schemaVersion });
    }
    const list = matching(ctx, t);
    if (boolParam(ctx.req, 'count_only')) {
      return ok([{ v_type: t.name, count: list.length }], { schema: g.schemaVersion });
    }
    return ok(
      list.map((v) => vertexJson(t, v, select)),
      { schema: g.schemaVersion },
    );
  });
}

export function deleteVertices(
  ctx: RestCtx,
  graph: string,
  type: string,
  id: string | undefined,
): EmuResponse {
  const g = graphOf(ctx, graph);
  return inGraph(g, () => {
    const t = vertexTypeOf(ctx, g, type);
    const permanent = boolParam(ctx.req, 'permanent');
    let ids: string[];
    if (id !== undefined) {
      const cid = canonicalId(t, id);
      ids = cid !== undefined && t.data.has(cid) ? [cid] : [];
    } else {
      ids = matching(ctx, t).map((v) => v.id);
    }
    let deleted = 0;
    for (const vid of ids) if (deleteVertex(ctx.state.catalog, t, vid, permanent)) deleted++;
    return ok({ v_type: t.name, deleted_vertices: deleted }, { schema: g.schemaVersion });
  });
}

export function deleteByType(ctx: RestCtx, graph: string, type: string): EmuResponse {
  const g = graphOf(ctx, graph);
  return inGraph(g, () => {
    const t = vertexTypeOf(ctx, g, type);
    const permanent = boolParam(ctx.req, 'permanent');
    let deleted = 0;
    for (const vid of [...t.data.keys()]) if (deleteVertex(ctx.state.catalog, t, vid, permanent)) deleted++;
    return ok({ v_type: t.name, deleted_vertices: deleted }, { schema: g.schemaVersion });
  });
}
