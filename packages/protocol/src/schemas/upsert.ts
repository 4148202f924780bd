// Upsert (reference §4.4): `POST R/graph/{graph}` with attributes directly under each id, each as
// `{value, op?}`, and a one-element `results` list whose extra keys depend on the flags.

import * as z from 'zod/mini';
import { type WireInteger, wireIntegerSchema } from './common.js';

/** Attribute update operators: the word form and the symbol form are equivalent. */
export const UPSERT_OPS = [
  'ignore_if_exists',
  '~',
  'add',
  '+',
  'and',
  '&',
  'or',
  '|',
  'max',
  '>',
  'min',
  '<',
] as const;

/** An attribute update operator. */
export type UpsertOp = (typeof UPSERT_OPS)[number];

export const upsertOpSchema = z.enum(UPSERT_OPS);

/** One attribute in an upsert payload. */
export interface UpsertAttribute {
  value: unknown;
  op?: UpsertOp | undefined;
}

export const upsertAttributeSchema = z.object({ value: z.unknown(), op: z.optional(upsertOpSchema) });

/** Attributes of one vertex or edge: `{ attr: { value, op? } }`. `{}` = create with defaults. */
export type UpsertAttributes = Record<string, UpsertAttribute>;

/** `{ vertices: { type: { id: attrs } }, edges: { srcType: { srcId: { edgeType: { tgtType: { tgtId: attrs } } } } } }`. */
export interface UpsertPayload {
  vertices?: Record<string, Record<string, UpsertAttributes>> | undefined;
  edges?:
    | Record<string, Record<string, Record<string, Record<string, Record<string, UpsertAttributes>>>>>
    | undefined;
}

const attrs = z.record(z.string(), upsertAttributeSchema);
/** Schema of {@link UpsertPayload} (for validating caller input before sending). */
export const upsertPayloadSchema = z.object({
  vertices: z.optional(z.record(z.string(), z.record(z.string(), attrs))),
  edges: z.optional(
    z.record(
      z.string(),
      z.record(z.string(), z.record(z.string(), z.record(z.string(), z.record(z.string(), attrs)))),
    ),
  ),
});

/**
 * Builds upsert attributes from plain values, with optional operators per attribute.
 * `undefined` values are left out (the attribute keeps its value or default).
 *
 * @example
 * upsertAttributes({ name: 'Ann', visits: 1 }, { visits: 'add' });
 * // { name: { value: 'Ann' }, visits: { value: 1, op: 'add' } }
 */
export function upsertAttributes(
  values: Readonly<Record<string, unknown>>,
  ops: Readonly<Record<string, UpsertOp>> = {},
): UpsertAttributes {
  const out: UpsertAttributes = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const op = ops[name];
    out[name] = op === undefined ? { value } : { value, op };
  }
  return out;
}

/** Query flags of `POST R/graph/{graph}` (sent as `true`/`false`). */
export interface UpsertFlags {
  ack?: 'all' | 'none' | undefined;
  new_vertex_only?: boolean | undefined;
  update_vertex_only?: boolean | undefined;
  vertex_must_exist?: boolean | undefined;
  source_vertex_must_exist?: boolean | undefined;
  target_vertex_must_exist?: boolean | undefined;
}

const vertexRef = z.looseObject({ v_type: z.string(), v_id: z.string() });

/** `results[0]` of an upsert, 3.x and 4.x fields (extra keys appear with the flags). */
export const upsertResultSchema = z.looseObject({
  accepted_vertices: wireIntegerSchema,
  accepted_edges: wireIntegerSchema,
  skipped_vertices: z.optional(wireIntegerSchema),
  skipped_edges: z.optional(wireIntegerSchema),
  vertices_already_exist: z.optional(z.array(vertexRef)),
  vertices_not_exist: z.optional(z.array(vertexRef)),
  edge_vertices_not_exist: z.optional(z.array(vertexRef)),
  /** Older docs' name for edge_vertices_not_exist. */
  miss_vertices: z.optional(z.array(z.unknown())),
});

/** A `{v_type, v_id}` pair listed in upsert results. */
export interface VertexIdRef {
  v_type: string;
  v_id: string;
  [key: string]: unknown;
}

/** What one upsert did. */
export interface UpsertResult {
  accepted_vertices: WireInteger;
  accepted_edges: WireInteger;
  skipped_vertices?: WireInteger | undefined;
  skipped_edges?: WireInteger | undefined;
  vertices_already_exist?: VertexIdRef[] | undefined;
  vertices_not_exist?: VertexIdRef[] | undefined;
  edge_vertices_not_exist?: VertexIdRef[] | undefined;
  miss_vertices?: unknown[] | undefined;
  [key: string]: unknown;
}

/** Upsert `results`: a one-element list. */
export const upsertResultsSchema = z.array(upsertResultSchema);
