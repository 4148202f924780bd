// Reads the graph schema through the GSQL server's schema endpoint (3.x `/gsqlserver/gsql/schema`,
// 4.x `/gsql/v1/schema/graphs/{g}`), cached per graph in `ctx.cache`. Vertex and edge functions
// use it for types, attributes, direction and discriminators. The schema module may replace this
// with its public `getSchema`; the cache key and the cached shape (`GraphSchema`) are shared.
import {
  type EdgeType,
  type GraphSchema,
  graphSchemaSchema,
  gsqlEnvelope,
  NotFoundError,
  ResponseShapeError,
  type VertexType,
} from '@tgraph/protocol';
import { type ApiContext, graphOf } from '../context.js';
import { callParsed, type RequestOptions } from '../internal/call.js';
import type { SchemaShape } from '../schema-types.js';

/** Options of the functions that read the schema. */
export interface SchemaReadOptions extends RequestOptions {
  /** Ask the server again instead of using the schema cached on this context. */
  refresh?: boolean | undefined;
}

const envelope = gsqlEnvelope(graphSchemaSchema);

/** The graph's schema (vertex and edge types), cached per graph on the context. */
export function readGraphSchema(
  ctx: ApiContext<SchemaShape>,
  options: SchemaReadOptions = {},
): Promise<GraphSchema> {
  const graph = graphOf(ctx, options.graph);
  const key = `schema:${graph}`;
  const cached = ctx.cache.get(key) as Promise<GraphSchema> | undefined;
  if (cached !== undefined && options.refresh !== true) return cached;
  const loading = callParsed(ctx, 'schema', envelope, {
    graph,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  }).then((reply) => {
    if (reply.results === undefined) {
      throw new ResponseShapeError(`The schema reply for graph '${graph}' has no 'results'`, {
        code: 'TG-SHAPE',
      });
    }
    return reply.results as GraphSchema;
  });
  // A failed read is not cached, so the next call asks again.
  const guarded = loading.catch((error: unknown) => {
    if (ctx.cache.get(key) === guarded) ctx.cache.delete(key);
    throw error;
  });
  ctx.cache.set(key, guarded);
  return guarded;
}

/** One vertex type of the schema, or a NotFoundError that lists the known types. */
export function vertexTypeIn(schema: GraphSchema, name: string): VertexType {
  const t = schema.VertexTypes.find((v) => v.Name === name);
  if (t === undefined) {
    throw new NotFoundError(
      `Vertex type '${name}' is not in graph '${schema.GraphName}' (known: ${
        schema.VertexTypes.map((v) => v.Name).join(', ') || 'none'
      })`,
      { code: 'TG-NOT-FOUND' },
    );
  }
  return t;
}

/** One edge type of the schema, or a NotFoundError that lists the known types. */
export function edgeTypeIn(schema: GraphSchema, name: string): EdgeType {
  const t = schema.EdgeTypes.find((e) => e.Name === name);
  if (t === undefined) {
    throw new NotFoundError(
      `Edge type '${name}' is not in graph '${schema.GraphName}' (known: ${
        schema.EdgeTypes.map((e) => e.Name).join(', ') || 'none'
      })`,
      { code: 'TG-NOT-FOUND' },
    );
  }
  return t;
}
