// POST /builtins/{graph}: stat_vertex_number, stat_edge_number, stat_vertex_attr, stat_edge_attr.
import type { EmuResponse } from '../http/types.js';
import { isObject } from '../json.js';
import type { Value } from '../store/attr-types.js';
import { type EdgeType, edgeTypesOf, type Graph, type VertexType, vertexTypesOf } from '../store/catalog.js';
import { graphOf, inGraph, jsonBody, type RestCtx } from './context.js';
import { ok, RestError } from './envelope.js';

const unknownType = (kind: string, name: string, g: Graph) =>
  new RestError(
    'GSQL-7004',
    `The input ${kind} type "${name}" is not a valid ${kind} type in graph ${g.name}.`,
  );

function pick<T extends { name: string }>(all: T[], type: string, kind: string, g: Graph): T[] {
  if (type === '*') return all;
  const t = all.find((x) => x.name === type);
  if (!t) throw unknownType(kind, type, g);
  return [t];
}

const NUMERIC = new Set(['INT', 'UINT', 'FLOAT', 'DOUBLE']);

/** A vertex type with no numeric attribute has nothing to summarise: TigerGraph answers an error
 * envelope whose message says `stat_vertex_attr is skipped` (clients look for that phrase) with
 * HTTP 200 (pyTigerGraph reads it with skipCheck, which still raises on a 4xx status). */
function skipWithoutNumericAttributes(t: VertexType | undefined): void {
  if (!t || t.attributes.some((a) => a.type.kind === 'primitive' && NUMERIC.has(a.type.name))) return;
  throw new RestError(
    'REST-30000',
    `stat_vertex_attr is skipped: the vertex type ${t.name} has no numeric attribute.`,
    200,
  );
}

function edgeCountOf(et: EdgeType, from: string | undefined, to: string | undefined): number {
  let n = 0;
  for (const r of et.store.records.values()) {
    const [f, t] = et.reverseOf ? [r.toType, r.fromType] : [r.fromType, r.toType];
    if ((from === undefined || from === '*' || f === from) && (to === undefined || to === '*' || t === to))
      n++;
  }
  return n;
}

function numericStats(values: Value[]): { MAX: number; MIN: number; AVG: number } | undefined {
  const nums = values.filter((v) => typeof v === 'number' || typeof v === 'bigint').map((v) => Number(v));
  if (nums.length === 0) return undefined;
  // A loop, not Math.max(...nums): spreading a large type's values overflows the call stack.
  let max = -Infinity;
  let min = Infinity;
  let sum = 0;
  for (const n of nums) {
    if (n > max) max = n;
    if (n < min) min = n;
    sum += n;
  }
  return { MAX: max, MIN: min, AVG: sum / nums.length };
}

export function builtins(ctx: RestCtx, graph: string): EmuResponse {
  const g = graphOf(ctx, graph);
  return inGraph(g, () => {
    const body = jsonBody(ctx);
    if (!isObject(body))
      throw new RestError('REST-30000', 'The payload must be a JSON object with a "function" key.');
    const fn = body['function'];
    const type = typeof body['type'] === 'string' ? (body['type'] as string) : '*';
    const from = typeof body['from_type'] === 'string' ? (body['from_type'] as string) : undefined;
    const to = typeof body['to_type'] === 'string' ? (body['to_type'] as string) : undefined;
    const cat = ctx.state.catalog;
    const schema = { schema: g.schemaVersion };
    switch (fn) {
      case 'stat_vertex_number':
        return ok(
          pick(vertexTypesOf(cat, g), type, 'vertex', g).map((t) => ({ v_type: t.name, count: t.data.size })),
          schema,
        );
      case 'stat_edge_number':
        return ok(
          pick(edgeTypesOf(cat, g), type, 'edge', g).map((t) => ({
            e_type: t.name,
            count: edgeCountOf(t, from, to),
          })),
          schema,
        );
      case 'stat_vertex_attr':
        if (type !== '*') skipWithoutNumericAttributes(pick(vertexTypesOf(cat, g), type, 'vertex', g)[0]);
        return ok(
          pick(vertexTypesOf(cat, g), type, 'vertex', g).map((t) => {
            const attributes: Record<string, unknown> = {};
            for (const a of t.attributes) {
              const s = numericStats([...t.data.values()].map((v) => v.attrs.get(a.name) as Value));
              if (s) attributes[a.name] = s;
            }
            return { v_type: t.name, attributes };
          }),
          schema,
        );
      case 'stat_edge_attr':
        return ok(
          pick(edgeTypesOf(cat, g), type, 'edge', g).map((t) => {
            const attributes: Record<string, unknown> = {};
            for (const a of t.attributes) {
              const s = numericStats([...t.store.records.values()].map((r) => r.attrs.get(a.name) as Value));
              if (s) attributes[a.name] = s;
            }
            return { e_type: t.name, attributes };
          }),
          schema,
        );
      default:
        throw new RestError(
          'REST-30000',
          `The input function '${String(fn)}' is not a valid builtin function.`,
        );
    }
  });
}
