// Graphs: list, create, drop. 4.1+ uses `/gsql/v1/schema/graphs`; 3.x/4.0 runs the GSQL statements
// (`SHOW GRAPH *`, `CREATE GRAPH`, `DROP GRAPH`) through the shell endpoint.

import * as endpoints from '@tgraph/protocol/endpoints/schema';
import { ValidationError } from '@tgraph/protocol/errors';
import { errorFlagSchema } from '@tgraph/protocol/schemas/common';
import { graphSummarySchema } from '@tgraph/protocol/schemas/graph-schema';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { requireIdentifier } from '../gsql/identifier.js';
import { gsql } from '../gsql/run.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { ABORT_KEYS, checkOptions } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { invalidateSchema } from './invalidate.js';

/** Option keys each function accepts (unknown ones are rejected). */
const LIST_GRAPHS_KEYS: readonly string[] = ABORT_KEYS;
const CREATE_GRAPH_KEYS: readonly string[] = [...ABORT_KEYS, 'edgeTypes', 'vertexTypes'];
const DROP_GRAPH_KEYS: readonly string[] = [...ABORT_KEYS, 'cascade'];

/** One graph and the types it contains. */
export interface GraphSummary {
  name: string;
  vertexTypes: string[];
  edgeTypes: string[];
}

/** What the server said after a schema operation. */
export interface SchemaOperationResult {
  /** The server's message (4.1+) or the GSQL output (3.x). */
  message: string;
}

type BaseOptions = Omit<RequestOptions, 'graph'>;

const graphsReply = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  graphs: z.array(graphSummarySchema),
});

const messageReply = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  results: z.optional(z.unknown()),
});

/**
 * Parses the `Graph <name>(<type>:v, <type>:e, …)` lines GSQL prints for `SHOW GRAPH *` / `ls`.
 *
 * @example
 * parseGraphList('Graphs:\n  - Graph MyGraph(Patient:v, INFECTED_BY:e)');
 * // [{ name: 'MyGraph', vertexTypes: ['Patient'], edgeTypes: ['INFECTED_BY'] }]
 */
export function parseGraphList(output: string): GraphSummary[] {
  const graphs: GraphSummary[] = [];
  for (const raw of output.split('\n')) {
    const m = /^\s*(?:-\s*)?Graph\s+([A-Za-z_][A-Za-z0-9_]*)\s*\((.*)\)\s*$/.exec(raw);
    if (!m) continue;
    const items = m[2]!.split(',').map((s) => s.trim());
    graphs.push({
      name: m[1]!,
      vertexTypes: items.filter((i) => i.endsWith(':v')).map((i) => i.slice(0, -2)),
      edgeTypes: items.filter((i) => i.endsWith(':e')).map((i) => i.slice(0, -2)),
    });
  }
  return graphs;
}

/**
 * Lists the graphs with their vertex and edge types (pyTigerGraph `listGraphs()`).
 *
 * @example
 * const graphs = await listGraphs(ctx);
 * // [{ name: 'MyGraph', vertexTypes: ['Patient', …], edgeTypes: ['INFECTED_BY', …] }]
 */
export async function listGraphs(
  ctx: ApiContext<SchemaShape>,
  options: BaseOptions = {},
): Promise<GraphSummary[]> {
  checkOptions(options, LIST_GRAPHS_KEYS, 'listGraphs');
  if ((await ctx.line()) === '4') {
    const reply = await callParsed(ctx, endpoints.graphs, graphsReply, { ...options, noGraph: true });
    return reply.graphs.map((g) => ({
      name: g.graphName,
      vertexTypes: g.vertices ?? [],
      edgeTypes: g.edges ?? [],
    }));
  }
  const { output } = await gsql(ctx, 'SHOW GRAPH *', options);
  return parseGraphList(output);
}

/** Options of {@link createGraph}. */
export interface CreateGraphOptions extends BaseOptions {
  /** Global vertex types to include; `['*']` includes every global vertex and edge type. */
  vertexTypes?: readonly string[] | undefined;
  /** Global edge types to include. */
  edgeTypes?: readonly string[] | undefined;
}

function typeList(options: CreateGraphOptions): string[] {
  const all = [...(options.vertexTypes ?? []), ...(options.edgeTypes ?? [])];
  return all.map((t, i) => (t === '*' ? '*' : requireIdentifier(t, `types[${i}]`)));
}

/**
 * Creates a graph over existing global types (pyTigerGraph `createGraph(name, vertexTypes, edgeTypes)`).
 * 4.1+: `POST /gsql/v1/schema/graphs?gsql=true&graphName=<name>` with `{"gsql": "CREATE GRAPH …"}`;
 * 3.x: the GSQL statement.
 *
 * @throws ValidationError for a name or type that is not a GSQL identifier.
 * @throws GsqlError / TigerGraphError when the server refuses (e.g. the graph exists).
 *
 * @example
 * await createGraph(ctx, 'Social', { vertexTypes: ['Person'], edgeTypes: ['Friend'] });
 */
export async function createGraph(
  ctx: ApiContext<SchemaShape>,
  name: string,
  options: CreateGraphOptions = {},
): Promise<SchemaOperationResult> {
  checkOptions(options, CREATE_GRAPH_KEYS, 'createGraph');
  requireIdentifier(name, 'name');
  const statement = `CREATE GRAPH ${name}(${typeList(options).join(', ')})`;
  const base = { ...abortOf(options) };
  if ((await ctx.line()) === '4') {
    const reply = await callParsed(ctx, endpoints.createGraph, messageReply, {
      ...base,
      noGraph: true,
      searchParams: { gsql: 'true', graphName: name },
      json: { gsql: statement },
    });
    return { message: reply.message ?? '' };
  }
  const { output } = await gsql(ctx, statement, base);
  return { message: output };
}

/** Options of {@link dropGraph}. */
export interface DropGraphOptions extends BaseOptions {
  /** 4.1+: also drop the graph's queries and jobs (`cascade=true`). */
  cascade?: boolean | undefined;
}

/**
 * Drops a graph (pyTigerGraph `dropGraph(name)`): 4.1+ `DELETE /gsql/v1/schema/graphs/<name>`, 3.x
 * `DROP GRAPH <name>`. Global types stay.
 *
 * @example
 * await dropGraph(ctx, 'Social');
 */
export async function dropGraph(
  ctx: ApiContext<SchemaShape>,
  name: string,
  options: DropGraphOptions = {},
): Promise<SchemaOperationResult> {
  checkOptions(options, DROP_GRAPH_KEYS, 'dropGraph');
  requireIdentifier(name, 'name');
  const base = { ...abortOf(options) };
  invalidateSchema(ctx, name);
  if ((await ctx.line()) === '4') {
    const reply = await callParsed(ctx, endpoints.dropGraph, messageReply, {
      ...base,
      noGraph: true,
      params: { graphName: name },
      ...(options.cascade ? { searchParams: { cascade: 'true' } } : {}),
    });
    return { message: reply.message ?? '' };
  }
  if (options.cascade) {
    throw new ValidationError('cascade needs TigerGraph 4.1+; drop the queries and jobs first on 3.x', {
      field: 'cascade',
    });
  }
  const { output } = await gsql(ctx, `DROP GRAPH ${name}`, base);
  return { message: output };
}
