// Reading the schema: 3.x `GET /gsqlserver/gsql/schema?graph=`, 4.1+ `GET /gsql/v1/schema/graphs/{g}`,
// plus the UDT list, like pyTigerGraph's `getSchema(udts=True)`. Cached per graph in `ctx.cache`
// (the schema rarely changes and many helpers need it); `refresh: true` re-reads it, and the schema
// changing functions of this module drop the cached copy.

import * as endpoints from '@tgraph/protocol/endpoints/schema';
import { errorFlagSchema } from '@tgraph/protocol/schemas/common';
import { type GraphSchema, graphSchemaSchema } from '@tgraph/protocol/schemas/graph-schema';
import * as z from 'zod/mini';
import { type ApiContext, graphOf } from '../context.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { listUdts } from '../udts/tuples.js';
import { schemaCacheKey } from './cache.js';
import { type GraphSchemaModel, toSchemaModel } from './model.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_SCHEMA_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh', 'udts'];

/** Options of {@link getSchema}. */
export interface GetSchemaOptions extends RequestOptions {
  /** Also read the graph's UDTs (default true). */
  udts?: boolean | undefined;
  /** Ignore the cached copy and read the schema again (default false). */
  refresh?: boolean | undefined;
}

const schemaReply = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  results: graphSchemaSchema,
});

/**
 * Reads a graph's schema (vertex types, edge types, attributes, UDTs) as a typed model.
 *
 * @example
 * const schema = await getSchema(ctx);
 * schema.vertexTypes.map((v) => v.name); // ['Patient', 'City', 'Province', 'InfectionCase']
 * const fresh = await getSchema(ctx, { refresh: true }); // after someone else changed it
 */
export async function getSchema(
  ctx: ApiContext<SchemaShape>,
  options: GetSchemaOptions = {},
): Promise<GraphSchemaModel> {
  checkOptions(options, GET_SCHEMA_KEYS, 'getSchema');
  const graph = graphOf(ctx, options.graph);
  const withUdts = options.udts !== false;
  const key = schemaCacheKey(graph, withUdts);
  const cached = options.refresh ? undefined : (ctx.cache.get(key) as Promise<GraphSchemaModel> | undefined);
  if (cached) return cached;
  const pending = readSchema(ctx, graph, withUdts, options);
  ctx.cache.set(key, pending);
  // A failed read is not cached: the next call asks again.
  pending.catch(() => {
    if (ctx.cache.get(key) === pending) ctx.cache.delete(key);
  });
  return pending;
}

async function readSchema(
  ctx: ApiContext<SchemaShape>,
  graph: string,
  withUdts: boolean,
  options: RequestOptions,
): Promise<GraphSchemaModel> {
  const request = { graph, ...abortOf(options) };
  const [reply, udts] = await Promise.all([
    callParsed(ctx, endpoints.schema, schemaReply, { ...request, integers: 'number' }),
    withUdts ? listUdts(ctx, request) : Promise.resolve(undefined),
  ]);
  const raw: GraphSchema = reply.results as GraphSchema;
  if (udts !== undefined) {
    raw.UDTs = udts.map((u) => ({
      name: u.name,
      fields: u.fields.map((f) => ({
        fieldName: f.name,
        fieldType: f.type,
        ...(f.length === undefined ? {} : { length: f.length }),
      })),
    }));
  }
  return toSchemaModel(raw);
}
