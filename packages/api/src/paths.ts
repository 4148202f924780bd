// Path finding (reference §4.6): `POST R/shortestpath/{graph}` and `POST R/allpaths/{graph}` with
// sources, targets, vertex/edge filters and `maxLength` in a JSON body. The reply is the subgraph
// the paths run through (vertices and edges, not in path order), typed by the graph schema.

import * as endpoints from '@tgraph/protocol/endpoints/elements';
import { ValidationError } from '@tgraph/protocol/errors';
import type { IntegerMode } from '@tgraph/protocol/json';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import { type Edge, edgeSchema, type Vertex, vertexSchema } from '@tgraph/protocol/schemas/graph-data';
import * as z from 'zod/mini';
import type { ApiContext } from './context.js';
import { callParsed, perCall, type RequestOptions } from './internal/call.js';
import { checkOptions, REQUEST_KEYS } from './internal/options.js';
import type {
  AnySchema,
  EdgeAttributes,
  EdgeTypeName,
  SchemaShape,
  VertexAttributes,
  VertexTypeName,
} from './schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const SHORTEST_PATH_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'allShortestPaths',
  'edgeFilters',
  'integers',
  'maxLength',
  'vertexFilters',
];
const ALL_PATHS_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'edgeFilters',
  'integers',
  'maxLength',
  'vertexFilters',
];

/** A vertex to start or end at: `{ type, id }`, or a vertex as the API returns it (`v_type`, `v_id`). */
export type PathVertex<S extends SchemaShape = AnySchema> =
  | { type: VertexTypeName<S>; id: string | number | bigint }
  | { v_type: VertexTypeName<S>; v_id: string };

/** A condition on one vertex type (`"year >= 1984"`); several filters are OR-ed by the server. */
export interface VertexFilter<S extends SchemaShape = AnySchema> {
  type: VertexTypeName<S>;
  condition: string;
}

/** A condition on one edge type (`"rating > 5 and date_time > 1000"`). */
export interface EdgeFilter<S extends SchemaShape = AnySchema> {
  type: EdgeTypeName<S>;
  condition: string;
}

export interface PathOptions<S extends SchemaShape = AnySchema> extends RequestOptions {
  vertexFilters?: readonly VertexFilter<S>[] | undefined;
  edgeFilters?: readonly EdgeFilter<S>[] | undefined;
  /** Integer parsing for attribute values. */
  integers?: IntegerMode | undefined;
}

export interface ShortestPathOptions<S extends SchemaShape = AnySchema> extends PathOptions<S> {
  /** Longest path considered (server default 6). */
  maxLength?: number | undefined;
  /** Return every shortest path, not just one. */
  allShortestPaths?: boolean | undefined;
}

export interface AllPathsOptions<S extends SchemaShape = AnySchema> extends PathOptions<S> {
  /** Longest path considered (required by the server). */
  maxLength: number;
}

/** A vertex of the result, with its type's attributes. */
export type PathResultVertex<S extends SchemaShape> = {
  [T in VertexTypeName<S>]: Vertex<VertexAttributes<S, T> & Record<string, unknown>> & { v_type: T };
}[VertexTypeName<S>];

/** An edge of the result, with its type's attributes. */
export type PathResultEdge<S extends SchemaShape> = {
  [T in EdgeTypeName<S>]: Edge<EdgeAttributes<S, T> & Record<string, unknown>> & { e_type: T };
}[EdgeTypeName<S>];

/** The vertices and edges the found paths run through (a subgraph, not in path order). */
export interface PathResult<S extends SchemaShape = AnySchema> {
  vertices: PathResultVertex<S>[];
  edges: PathResultEdge<S>[];
}

const pathReplySchema = restppEnvelope(
  z.array(
    z.looseObject({ vertices: z.optional(z.array(vertexSchema)), edges: z.optional(z.array(edgeSchema)) }),
  ),
);

/**
 * Shortest path(s) between source and target vertices (pyTigerGraph `shortestPath`).
 *
 * @example
 * const { vertices, edges } = await shortestPath(ctx,
 *   { type: 'Patient', id: '4100000006' },
 *   { type: 'Patient', id: '4100000008' },
 *   { maxLength: 4, edgeFilters: [{ type: 'INFECTED_BY', condition: 'true' }] },
 * );
 */
export async function shortestPath<S extends SchemaShape = AnySchema>(
  ctx: ApiContext<S>,
  sources: PathVertex<S> | readonly PathVertex<S>[],
  targets: PathVertex<S> | readonly PathVertex<S>[],
  options: ShortestPathOptions<S> = {},
): Promise<PathResult<S>> {
  checkOptions(options, SHORTEST_PATH_KEYS, 'shortestPath');
  const body = pathBody(sources, targets, options);
  if (options.allShortestPaths) body.allShortestPaths = true;
  return findPaths(ctx, endpoints.shortestPath, body, options);
}

/**
 * Every path of at most `maxLength` edges between sources and targets (pyTigerGraph `allPaths`);
 * paths may contain loops.
 *
 * @example
 * const { vertices } = await allPaths(ctx,
 *   { type: 'City', id: 'Seoul' },
 *   [{ type: 'Province', id: 'Busan' }],
 *   { maxLength: 3 },
 * );
 */
export async function allPaths<S extends SchemaShape = AnySchema>(
  ctx: ApiContext<S>,
  sources: PathVertex<S> | readonly PathVertex<S>[],
  targets: PathVertex<S> | readonly PathVertex<S>[],
  options: AllPathsOptions<S>,
): Promise<PathResult<S>> {
  checkOptions(options, ALL_PATHS_KEYS, 'allPaths');
  if (options?.maxLength === undefined) {
    throw new ValidationError(
      'allPaths needs maxLength (the longest path to consider), e.g. { maxLength: 3 }',
      {
        field: 'maxLength',
      },
    );
  }
  return findPaths(ctx, endpoints.allPaths, pathBody(sources, targets, options), options);
}

async function findPaths<S extends SchemaShape>(
  ctx: ApiContext<S>,
  target: typeof endpoints.shortestPath | typeof endpoints.allPaths,
  body: Record<string, unknown>,
  options: PathOptions<S>,
): Promise<PathResult<S>> {
  const reply = await callParsed(ctx, target, pathReplySchema, {
    ...perCall(options),
    integers: options.integers,
    json: body,
  });
  const result: PathResult<AnySchema> = { vertices: [], edges: [] };
  for (const item of reply.results ?? []) {
    result.vertices.push(...((item.vertices ?? []) as PathResult<AnySchema>['vertices']));
    result.edges.push(...((item.edges ?? []) as PathResult<AnySchema>['edges']));
  }
  return result as unknown as PathResult<S>;
}

/**
 * The path-finding request body, keys in the order pyTigerGraph sends them.
 *
 * @example
 * pathBody({ type: 'V', id: 1 }, { type: 'V', id: 2 }, { maxLength: 3 });
 * // { sources: [{ type: 'V', id: '1' }], targets: [{ type: 'V', id: '2' }], maxLength: 3 }
 */
export function pathBody<S extends SchemaShape = AnySchema>(
  sources: PathVertex<S> | readonly PathVertex<S>[],
  targets: PathVertex<S> | readonly PathVertex<S>[],
  options: {
    vertexFilters?: readonly VertexFilter<S>[] | undefined;
    edgeFilters?: readonly EdgeFilter<S>[] | undefined;
    maxLength?: number | undefined;
  },
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    sources: refs(sources, 'sources'),
    targets: refs(targets, 'targets'),
  };
  if (options.vertexFilters?.length) body.vertexFilters = filters(options.vertexFilters, 'vertexFilters');
  if (options.edgeFilters?.length) body.edgeFilters = filters(options.edgeFilters, 'edgeFilters');
  if (options.maxLength !== undefined) {
    if (!Number.isInteger(options.maxLength) || options.maxLength < 1) {
      throw new ValidationError(`maxLength must be a positive integer, got ${String(options.maxLength)}`, {
        field: 'maxLength',
      });
    }
    body.maxLength = options.maxLength;
  }
  return body;
}

function refs(input: unknown, field: string): { type: string; id: string }[] {
  const list: readonly unknown[] = Array.isArray(input) ? input : [input];
  if (list.length === 0) throw new ValidationError(`${field} must name at least one vertex`, { field });
  return list.map((v, i) => {
    const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
    const type = o.type ?? o.v_type;
    const id = o.id ?? o.v_id;
    if (
      typeof type !== 'string' ||
      type === '' ||
      !['string', 'number', 'bigint'].includes(typeof id) ||
      id === ''
    ) {
      throw new ValidationError(`${field}[${i}] must be { type, id } or a vertex { v_type, v_id }`, {
        field: `${field}[${i}]`,
      });
    }
    return { type, id: String(id) };
  });
}

function filters(list: readonly { type: string; condition: string }[], field: string) {
  return list.map((f, i) => {
    if (
      typeof f?.type !== 'string' ||
      f.type === '' ||
      typeof f.condition !== 'string' ||
      f.condition.trim() === ''
    ) {
      throw new ValidationError(`${field}[${i}] must be { type, condition } with a non-empty condition`, {
        field: `${field}[${i}]`,
      });
    }
    return { type: f.type, condition: f.condition };
  });
}
