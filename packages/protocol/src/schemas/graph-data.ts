// Vertices and edges as RESTPP returns them (reference §4.2–4.3, §7.3). `v_id` is always a JSON
// string, even for INT/UINT primary ids.

import * as z from 'zod/mini';
import { attributesSchema, type WireInteger, wireIntegerSchema } from './common.js';

/** `{v_id, v_type, attributes}`. `attributes` is absent for count/select-less forms. */
export const vertexSchema = z.looseObject({
  v_id: z.string(),
  v_type: z.string(),
  attributes: z.optional(attributesSchema),
});

/** A vertex as RESTPP and query PRINT output return it. */
export interface Vertex<A extends Record<string, unknown> = Record<string, unknown>> {
  v_id: string;
  v_type: string;
  attributes?: A | undefined;
  [key: string]: unknown;
}

/** `{e_type, directed, from_id, from_type, to_id, to_type, attributes}`. */
export const edgeSchema = z.looseObject({
  e_type: z.string(),
  directed: z.optional(z.boolean()),
  from_id: z.string(),
  from_type: z.string(),
  to_id: z.string(),
  to_type: z.string(),
  attributes: z.optional(attributesSchema),
});

/** An edge as RESTPP returns it (undirected edges from the queried vertex's side). */
export interface Edge<A extends Record<string, unknown> = Record<string, unknown>> {
  e_type: string;
  directed?: boolean | undefined;
  from_id: string;
  from_type: string;
  to_id: string;
  to_type: string;
  attributes?: A | undefined;
  [key: string]: unknown;
}

/** `count_only=true` and `stat_vertex_number` items: `{v_type, count}`. */
export const vertexCountSchema = z.looseObject({ v_type: z.string(), count: wireIntegerSchema });
/** `count_only=true` and `stat_edge_number` items: `{e_type, count}`. */
export const edgeCountSchema = z.looseObject({ e_type: z.string(), count: wireIntegerSchema });

export interface VertexCount {
  v_type: string;
  count: WireInteger;
  [key: string]: unknown;
}
export interface EdgeCount {
  e_type: string;
  count: WireInteger;
  [key: string]: unknown;
}

/** `DELETE …/vertices/{type}[/{id}]` results (an object, not a list): `{v_type, deleted_vertices}`. */
export const deletedVerticesSchema = z.looseObject({
  v_type: z.string(),
  deleted_vertices: wireIntegerSchema,
});
/** `DELETE …/edges/…` results items: `{e_type, deleted_edges}`. */
export const deletedEdgesSchema = z.looseObject({ e_type: z.string(), deleted_edges: wireIntegerSchema });

export interface DeletedVertices {
  v_type: string;
  deleted_vertices: WireInteger;
  [key: string]: unknown;
}
export interface DeletedEdges {
  e_type: string;
  deleted_edges: WireInteger;
  [key: string]: unknown;
}

/** Shortest-path / all-paths results item: a subgraph (not in path order). */
export const pathResultSchema = z.looseObject({
  vertices: z.array(vertexSchema),
  edges: z.array(edgeSchema),
});

/** A vertex reference in path-finding bodies. */
export interface VertexRef {
  type: string;
  id: string | number;
}

/** `stat_vertex_attr` / `stat_edge_attr` items (numeric attributes get MIN/MAX/AVG). */
export const attributeStatsSchema = z.looseObject({
  v_type: z.optional(z.string()),
  e_type: z.optional(z.string()),
  attributes: z.record(z.string(), z.record(z.string(), z.unknown())),
});
