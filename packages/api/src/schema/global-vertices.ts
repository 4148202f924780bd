// Global vertex types: created outside any graph and shared by graphs. 4.1+ has REST endpoints under
// `/gsql/v1/schema/vertices`; 3.x/4.0 runs the same GSQL statements in global scope.

import * as endpoints from '@tgraph/protocol/endpoints/schema';
import { TigerGraphError, ValidationError } from '@tgraph/protocol/errors';
import { errorFlagSchema } from '@tgraph/protocol/schemas/common';
import * as z from 'zod/mini';
import { type ApiContext, graphOf } from '../context.js';
import { requireIdentifier } from '../gsql/identifier.js';
import { gsql } from '../gsql/run.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { ABORT_KEYS, checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import type { SchemaOperationResult } from './graphs.js';
import { invalidateSchema } from './invalidate.js';

/** Option keys each function accepts (unknown ones are rejected). */
const CREATE_GLOBAL_VERTICES_KEYS: readonly string[] = ABORT_KEYS;
const DROP_GLOBAL_VERTICES_KEYS: readonly string[] = ABORT_KEYS;
const ADD_GLOBAL_VERTICES_TO_GRAPH_KEYS: readonly string[] = REQUEST_KEYS;

type BaseOptions = Omit<RequestOptions, 'graph'>;

const messageReply = z.looseObject({ error: errorFlagSchema, message: z.optional(z.string()) });

/**
 * Creates global vertex types from `CREATE VERTEX …` statements (pyTigerGraph
 * `createGlobalVertices`): 4.1+ `POST /gsql/v1/schema/vertices?gsql=true` with `{"gsql": [...]}`,
 * 3.x the statements in global scope.
 *
 * @throws ValidationError when the list is empty or an entry is not a `CREATE VERTEX` statement.
 *
 * @example
 * await createGlobalVertices(ctx, ['CREATE VERTEX Hospital (PRIMARY_ID id STRING, name STRING)']);
 */
export async function createGlobalVertices(
  ctx: ApiContext<SchemaShape>,
  statements: string | readonly string[],
  options: BaseOptions = {},
): Promise<SchemaOperationResult> {
  checkOptions(options, CREATE_GLOBAL_VERTICES_KEYS, 'createGlobalVertices');
  const list = (typeof statements === 'string' ? [statements] : [...statements]).map((s) =>
    String(s).trim().replace(/;+$/, ''),
  );
  if (list.length === 0) {
    throw new ValidationError('createGlobalVertices() needs at least one CREATE VERTEX statement', {
      field: 'statements',
    });
  }
  list.forEach((s, i) => {
    if (!/^CREATE\s+VERTEX\s/i.test(s)) {
      throw new ValidationError(
        `statements[${i}] must be a CREATE VERTEX statement, got "${s.slice(0, 40)}"`,
        {
          field: `statements[${i}]`,
        },
      );
    }
  });
  const base = { ...abortOf(options) };
  invalidateSchema(ctx);
  if ((await ctx.line()) === '4') {
    const reply = await callParsed(ctx, endpoints.createGlobalVertices, messageReply, {
      ...base,
      noGraph: true,
      searchParams: { gsql: 'true' },
      json: { gsql: list },
    });
    return { message: reply.message ?? '' };
  }
  const { output } = await gsql(ctx, `USE GLOBAL\n${list.join('\n')}`, base);
  return { message: output };
}

/**
 * Drops global vertex types (pyTigerGraph `dropVertices`): 4.1+
 * `DELETE /gsql/v1/schema/vertices?vertex=a,b`, 3.x `DROP VERTEX a, b` in global scope.
 *
 * @example
 * await dropGlobalVertices(ctx, ['Hospital']);
 */
export async function dropGlobalVertices(
  ctx: ApiContext<SchemaShape>,
  names: string | readonly string[],
  options: BaseOptions = {},
): Promise<SchemaOperationResult> {
  checkOptions(options, DROP_GLOBAL_VERTICES_KEYS, 'dropGlobalVertices');
  const list = (typeof names === 'string' ? [names] : [...names]).map((n, i) =>
    requireIdentifier(n, `names[${i}]`),
  );
  if (list.length === 0) {
    throw new ValidationError('dropGlobalVertices() needs at least one vertex type name', { field: 'names' });
  }
  const base = { ...abortOf(options) };
  invalidateSchema(ctx);
  if ((await ctx.line()) === '4') {
    const reply = await callParsed(ctx, endpoints.dropGlobalVertices, messageReply, {
      ...base,
      noGraph: true,
      searchParams: { vertex: list.join(',') },
    });
    return { message: reply.message ?? '' };
  }
  const { output } = await gsql(ctx, `USE GLOBAL\nDROP VERTEX ${list.join(', ')}`, base);
  return { message: output };
}

/**
 * Adds global vertex types to a graph (pyTigerGraph `addGlobalVerticesToGraph`, 4.1+
 * `POST /gsql/v1/schema/vertices?graph=<g>` with `{"addVertices": [...]}`).
 *
 * @throws TigerGraphError (TG-UNSUPPORTED) on 3.x: run a global schema-change job with
 *   `ALTER GRAPH <g> ADD VERTEX <type>` there.
 *
 * @example
 * await addGlobalVerticesToGraph(ctx, ['Hospital'], { graph: 'MyGraph' });
 */
export async function addGlobalVerticesToGraph(
  ctx: ApiContext<SchemaShape>,
  names: string | readonly string[],
  options: RequestOptions = {},
): Promise<SchemaOperationResult> {
  checkOptions(options, ADD_GLOBAL_VERTICES_TO_GRAPH_KEYS, 'addGlobalVerticesToGraph');
  const list = (typeof names === 'string' ? [names] : [...names]).map((n, i) =>
    requireIdentifier(n, `names[${i}]`),
  );
  if (list.length === 0) {
    throw new ValidationError('addGlobalVerticesToGraph() needs at least one vertex type name', {
      field: 'names',
    });
  }
  const graph = graphOf(ctx, options.graph);
  if ((await ctx.line()) !== '4') {
    throw new TigerGraphError(
      'addGlobalVerticesToGraph is not available on TigerGraph 3.x / 4.0: run a global schema-change job with ALTER GRAPH <graph> ADD VERTEX <type> instead.',
      { code: 'TG-UNSUPPORTED' },
    );
  }
  invalidateSchema(ctx, graph);
  const reply = await callParsed(ctx, endpoints.createGlobalVertices, messageReply, {
    ...abortOf(options),
    noGraph: true,
    searchParams: { graph },
    json: { addVertices: list },
  });
  return { message: reply.message ?? '' };
}
