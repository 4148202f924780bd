// POST /graph/{g}: upsert vertices and edges with attribute ops and the RESTPP flags (reference §4.4).
// The whole payload is validated before anything is written (RESTPP rejects a bad request as a whole).
import { boolParam, type EmuResponse, header, param } from '../http/types.js';
import { isObject, type Json } from '../json.js';
import { fromJson, type Value, ValueError } from '../store/attr-types.js';
import type { AttributeDef, EdgeType, Graph, VertexType } from '../store/catalog.js';
import { edgeTypeIn, vertexTypeIn } from '../store/catalog.js';
import { applyOp, canonicalId, findEdge, insertEdge, newVertex, udtLookup } from '../store/data.js';
import { graphOf, inGraph, jsonBody, type RestCtx } from './context.js';
import { ok, RestError } from './envelope.js';
import { applyVectorUpdates, type VectorUpdate, vectorUpdates } from './vector-upsert.js';
import { invalidVertexId } from './vertices.js';

interface AttrUpdate {
  name: string;
  value: Value;
  op: string | undefined;
}

interface VertexUpsert {
  type: VertexType;
  id: string;
  attrs: AttrUpdate[];
  vectors: VectorUpdate[];
}

interface EdgeUpsert {
  type: EdgeType;
  fromType: VertexType;
  fromId: string;
  toType: VertexType;
  toId: string;
  disc: string;
  attrs: AttrUpdate[];
}

type Ref = { v_type: string; v_id: string };

const payloadError = (msg: string) => new RestError('REST-30200', msg);

function attrUpdates(ctx: RestCtx, defs: AttributeDef[], body: Json, kind: 'vertex' | 'edge'): AttrUpdate[] {
  if (!isObject(body)) throw payloadError(`Invalid ${kind} attributes: an object is expected.`);
  const udts = udtLookup(ctx.state.catalog);
  return Object.entries(body).map(([name, spec]) => {
    const def = defs.find((a) => a.name === name);
    if (!def) throw new RestError('REST-10004', `Unknown ${kind} attribute "${name}"`);
    if (!isObject(spec) || !('value' in spec)) {
      throw payloadError(
        `The payload format parsing error: attribute "${name}" needs an object with a "value" key.`,
      );
    }
    const opRaw = spec['op'];
    if (opRaw !== undefined && typeof opRaw !== 'string')
      throw payloadError(`Invalid operator for attribute "${name}".`);
    try {
      applyOp(opRaw, undefined, 0, true);
      return { name, value: fromJson(def.type, spec['value'] ?? null, udts), op: opRaw };
    } catch (e) {
      if (e instanceof ValueError) throw payloadError(e.message);
      throw e;
    }
  });
}

function vertexOf(ctx: RestCtx, g: Graph, name: string): VertexType {
  const t = vertexTypeIn(ctx.state.catalog, g, name);
  if (!t) throw payloadError(`The vertex type '${name}' is not a valid vertex type in graph ${g.name}.`);
  return t;
}

function idOf(t: VertexType, raw: string): string {
  const id = canonicalId(t, raw);
  if (id === undefined) throw invalidVertexId(raw, t.name);
  return id;
}

function parseVertices(ctx: RestCtx, g: Graph, body: Json): VertexUpsert[] {
  if (!isObject(body)) throw payloadError('The payload format parsing error: "vertices" must be an object.');
  const out: VertexUpsert[] = [];
  for (const [typeName, byId] of Object.entries(body)) {
    const t = vertexOf(ctx, g, typeName);
    if (!isObject(byId))
      throw payloadError(`The payload format parsing error: vertices of ${typeName} must be an object.`);
    const keyAttrs = new Set(
      t.keyStyle === 'composite' ? t.compositeKey : t.keyStyle === 'primary_key' ? [t.primaryId.name] : [],
    );
    const settable = t.attributes.filter((a) => !keyAttrs.has(a.name));
    for (const [rawId, attrs] of Object.entries(byId)) {
      const id = idOf(t, rawId);
      const { plain, vectors } = vectorUpdates(t, id, attrs);
      out.push({ type: t, id, attrs: attrUpdates(ctx, settable, plain, 'vertex'), vectors });
    }
  }
  return out;
}

function parseEdges(ctx: RestCtx, g: Graph, body: Json): EdgeUpsert[] {
  const shape = (what: string) =>
    payloadError(`The payload format parsing error: ${what} must be an object.`);
  if (!isObject(body)) throw shape('"edges"');
  const out: EdgeUpsert[] = [];
  for (const [srcName, bySrcId] of Object.entries(body)) {
    const src = vertexOf(ctx, g, srcName);
    if (!isObject(bySrcId)) throw shape(`edges of ${srcName}`);
    for (const [srcRaw, byType] of Object.entries(bySrcId)) {
      const fromId = idOf(src, srcRaw);
      if (!isObject(byType)) throw shape(`edges of ${srcName} ${srcRaw}`);
      for (const [eName, byTgtType] of Object.entries(byType)) {
        const et = edgeTypeIn(ctx.state.catalog, g, eName);
        if (!et) throw payloadError(`The edge type '${eName}' is not a valid edge type in graph ${g.name}.`);
        if (!isObject(byTgtType)) throw shape(`edges ${eName}`);
        for (const [tgtName, byTgtId] of Object.entries(byTgtType)) {
          const tgt = vertexOf(ctx, g, tgtName);
          const pairOk = et.pairs.some(
            (p) =>
              (p.from === src.name && p.to === tgt.name) ||
              (!et.directed && p.from === tgt.name && p.to === src.name),
          );
          if (!pairOk) {
            throw payloadError(
              `from vertex type '${src.name}' and to vertex type '${tgt.name}' is not valid for edge type '${et.name}'`,
            );
          }
          if (!isObject(byTgtId)) throw shape(`edges ${eName} to ${tgtName}`);
          for (const [tgtRaw, attrsOrList] of Object.entries(byTgtId)) {
            const toId = idOf(tgt, tgtRaw);
            // An array holds several parallel edges (discriminated multi-edges).
            const list = Array.isArray(attrsOrList) ? attrsOrList : [attrsOrList];
            for (const attrs of list) {
              const updates = attrUpdates(ctx, et.attributes, attrs, 'edge');
              const disc = discriminatorKey(et, updates);
              out.push({ type: et, fromType: src, fromId, toType: tgt, toId, disc, attrs: updates });
            }
          }
        }
      }
    }
  }
  return out;
}

function discriminatorKey(et: EdgeType, updates: AttrUpdate[]): string {
  if (et.discriminators.length === 0) return '';
  return et.discriminators
    .map((d) => {
      const u = updates.find((x) => x.name === d);
      if (!u) throw payloadError(`The discriminator attribute "${d}" of edge type ${et.name} is missing.`);
      return typeof u.value === 'bigint' ? u.value.toString() : JSON.stringify(u.value);
    })
    .join('\u0002');
}

function applyAttrs(attrs: Map<string, Value>, updates: AttrUpdate[], inserting: boolean): void {
  for (const u of updates) attrs.set(u.name, applyOp(u.op, attrs.get(u.name), u.value, inserting));
}

export function upsert(ctx: RestCtx, graph: string): EmuResponse {
  const g = graphOf(ctx, graph);
  return inGraph(g, () => {
    const body = jsonBody(ctx) ?? {};
    if (!isObject(body))
      throw payloadError('The payload format parsing error: the payload must be a JSON object.');
    const newOnly = boolParam(ctx.req, 'new_vertex_only');
    const updateOnly = boolParam(ctx.req, 'update_vertex_only');
    const mustExist = boolParam(ctx.req, 'vertex_must_exist');
    const srcMust = boolParam(ctx.req, 'source_vertex_must_exist');
    const tgtMust = boolParam(ctx.req, 'target_vertex_must_exist');
    if (mustExist && (srcMust || tgtMust)) {
      throw new RestError(
        'REST-30000',
        'vertex_must_exist cannot be used together with source_vertex_must_exist or target_vertex_must_exist.',
      );
    }
    const level = header(ctx.req, 'gsql-atomic-level');
    if (level !== undefined && !['atomic', 'nonatomic'].includes(level.toLowerCase())) {
      throw new RestError('REST-30000', `Invalid value of header gsql-atomic-level: ${level}.`);
    }
    const ack = param(ctx.req, 'ack');
    if (ack !== undefined && ack !== 'all' && ack !== 'none') {
      throw new RestError(
        'REST-30000',
        `The value of parameter ack must be one of [all, none], invalid value [${ack}] provided.`,
      );
    }
    for (const k of Object.keys(body)) {
      if (k !== 'vertices' && k !== 'edges')
        throw payloadError(`The payload format parsing error: unknown key "${k}".`);
    }
    const vertices = body['vertices'] === undefined ? [] : parseVertices(ctx, g, body['vertices']);
    const edges = body['edges'] === undefined ? [] : parseEdges(ctx, g, body['edges']);
    return ok([write(ctx, vertices, edges, { newOnly, updateOnly, mustExist, srcMust, tgtMust })], {
      schema: g.schemaVersion,
      code: upsertCode('vertices' in body, 'edges' in body),
    });
  });
}

function upsertCode(v: boolean, e: boolean): string {
  if (v && e) return 'REST-0003';
  if (v) return 'REST-0001';
  if (e) return 'REST-0002';
  return 'REST-0000';
}

interface Flags {
  newOnly: boolean;
  updateOnly: boolean;
  mustExist: boolean;
  srcMust: boolean;
  tgtMust: boolean;
}

function write(
  ctx: RestCtx,
  vertices: VertexUpsert[],
  edges: EdgeUpsert[],
  f: Flags,
): Record<string, unknown> {
  const cat = ctx.state.catalog;
  let acceptedV = 0;
  const alreadyExist: Ref[] = [];
  const notExist: Ref[] = [];
  for (const v of vertices) {
    if (v.type.permanentlyDeleted.has(v.id)) continue;
    const existing = v.type.data.get(v.id);
    if (existing && f.newOnly) {
      alreadyExist.push({ v_type: v.type.name, v_id: v.id });
      continue;
    }
    if (!existing && f.updateOnly) {
      notExist.push({ v_type: v.type.name, v_id: v.id });
      continue;
    }
    const rec = existing ?? newVertex(cat, v.type, v.id);
    applyAttrs(rec.attrs, v.attrs, !existing);
    applyVectorUpdates(v.type, rec, v.vectors, ctx.state.clock.now());
    if (!existing) v.type.data.set(v.id, rec);
    acceptedV++;
  }
  let acceptedE = 0;
  let skippedE = 0;
  const missing: Ref[] = [];
  const seenMissing = new Set<string>();
  for (const e of edges) {
    const srcExists = e.fromType.data.has(e.fromId);
    const tgtExists = e.toType.data.has(e.toId);
    const needSrc = f.mustExist || f.srcMust;
    const needTgt = f.mustExist || f.tgtMust;
    if ((needSrc && !srcExists) || (needTgt && !tgtExists)) {
      skippedE++;
      for (const [ok, t, id] of [
        [srcExists || !needSrc, e.fromType, e.fromId],
        [tgtExists || !needTgt, e.toType, e.toId],
      ] as const) {
        const key = `${t.name}\u0000${id}`;
        if (!ok && !seenMissing.has(key)) {
          seenMissing.add(key);
          missing.push({ v_type: t.name, v_id: id });
        }
      }
      continue;
    }
    if (e.fromType.permanentlyDeleted.has(e.fromId) || e.toType.permanentlyDeleted.has(e.toId)) {
      skippedE++;
      continue;
    }
    // Absent endpoints are created with default attributes.
    if (!srcExists) e.fromType.data.set(e.fromId, newVertex(cat, e.fromType, e.fromId));
    if (!tgtExists) e.toType.data.set(e.toId, newVertex(cat, e.toType, e.toId));
    const existing = findEdge(e.type, e.fromType.name, e.fromId, e.toType.name, e.toId, e.disc);
    const { record } = existing
      ? { record: existing }
      : insertEdge(cat, e.type, e.fromType.name, e.fromId, e.toType.name, e.toId, e.disc);
    applyAttrs(record.attrs, e.attrs, !existing);
    acceptedE++;
  }
  const result: Record<string, unknown> = { accepted_vertices: acceptedV };
  if (f.newOnly || f.updateOnly) result['skipped_vertices'] = alreadyExist.length + notExist.length;
  if (f.newOnly) result['vertices_already_exist'] = alreadyExist;
  if (f.updateOnly) result['vertices_not_exist'] = notExist;
  result['accepted_edges'] = acceptedE;
  if (f.mustExist || f.srcMust || f.tgtMust) {
    result['skipped_edges'] = skippedE;
    result['edge_vertices_not_exist'] = missing;
  }
  return result;
}
