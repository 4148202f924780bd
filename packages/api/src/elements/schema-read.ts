// The graph schema for the vertex and edge functions (types, attributes, direction,
// discriminators), read through the schema module's `getSchema` so that they share its per-graph
// cache — and see a schema change as soon as that module drops the cached copy.
import { NotFoundError } from '@tgraph/protocol/errors';
import type { EdgeType, GraphSchema, VertexType } from '@tgraph/protocol/schemas/graph-schema';
import type { ApiContext } from '../context.js';
import type { RequestOptions } from '../internal/call.js';
import { perCall } from '../internal/call.js';
import { getSchema } from '../schema/get.js';
import type { SchemaShape } from '../schema-types.js';

/** Options of the functions that read the schema. */
export interface SchemaReadOptions extends RequestOptions {
  /** Ask the server again instead of using the schema cached on this context. */
  refresh?: boolean | undefined;
}

/** The graph's schema JSON (vertex and edge types, no UDTs), cached per graph on the context. */
export async function readGraphSchema(
  ctx: ApiContext<SchemaShape>,
  options: SchemaReadOptions = {},
): Promise<GraphSchema> {
  const model = await getSchema(ctx, {
    ...perCall(options),
    refresh: options.refresh,
    udts: false,
  });
  return model.raw;
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
