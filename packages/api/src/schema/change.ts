// Schema changes. GSQL text (both lines): a schema-change job is created, run and dropped in one
// script, locally (`FOR GRAPH g`) or globally. JSON (4.1+ only): `POST /gsql/v1/schema/change`.

import * as endpoints from '@tgraph/protocol/endpoints/schema';
import { ValidationError } from '@tgraph/protocol/errors';
import { errorFlagSchema } from '@tgraph/protocol/schemas/common';
import * as z from 'zod/mini';
import { type ApiContext, graphOf } from '../context.js';
import { gsql } from '../gsql/run.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import type { SchemaOperationResult } from './graphs.js';
import { invalidateSchema } from './invalidate.js';
import { schemaJobDefinition } from './jobs.js';

/** Option keys each function accepts (unknown ones are rejected). */
const RUN_SCHEMA_CHANGE_KEYS: readonly string[] = [...REQUEST_KEYS, 'force', 'global', 'jobName'];

/**
 * A 4.1+ JSON schema change (`/gsql/v1/schema/change`). Vertex and edge entries use the schema JSON
 * shape of `getSchema(...).raw` (`Name`, `PrimaryId`, `Attributes`, `Config`…).
 */
export interface SchemaChangeJson {
  addVertexTypes?: readonly Record<string, unknown>[] | undefined;
  dropVertexTypes?: readonly string[] | undefined;
  alterVertexTypes?: readonly Record<string, unknown>[] | undefined;
  addEdgeTypes?: readonly Record<string, unknown>[] | undefined;
  dropEdgeTypes?: readonly string[] | undefined;
  alterEdgeTypes?: readonly Record<string, unknown>[] | undefined;
  [key: string]: unknown;
}

/** Options of {@link runSchemaChange}. */
export interface SchemaChangeOptions extends RequestOptions {
  /** Change global types (`CREATE GLOBAL SCHEMA_CHANGE JOB`, or JSON without `graph`). Default false. */
  global?: boolean | undefined;
  /** 4.1+ JSON changes: apply even when data or queries are affected (`force=true`). */
  force?: boolean | undefined;
  /** Name of the temporary GSQL job (default `tgraph_schema_change_<random>`). */
  jobName?: string | undefined;
}

const messageReply = z.looseObject({ error: errorFlagSchema, message: z.optional(z.string()) });

function randomJobName(): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return `tgraph_schema_change_${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The GSQL script {@link runSchemaChange} sends for statements: create, run and drop a job.
 *
 * @example
 * schemaChangeScript(['ADD VERTEX X (PRIMARY_ID id INT)'], { graph: 'g', jobName: 'j1' });
 * // 'USE GRAPH g\nCREATE SCHEMA_CHANGE JOB j1 FOR GRAPH g {\n  ADD VERTEX X (PRIMARY_ID id INT);\n}\nRUN SCHEMA_CHANGE JOB j1\nDROP JOB j1'
 */
export function schemaChangeScript(
  statements: string | readonly string[],
  options: { graph?: string | undefined; jobName: string },
): string {
  const job = options.jobName;
  const definition = schemaJobDefinition(statements, job, options.graph);
  return options.graph === undefined
    ? `${definition}\nRUN GLOBAL SCHEMA_CHANGE JOB ${job}\nDROP JOB ${job}`
    : `${definition}\nRUN SCHEMA_CHANGE JOB ${job}\nDROP JOB ${job}`;
}

/**
 * Changes the schema (pyTigerGraph `runSchemaChange`). GSQL statements (`ADD VERTEX …`,
 * `ALTER EDGE … ADD ATTRIBUTE (…)`, `DROP VERTEX …`) run as a temporary schema-change job on both
 * lines; a {@link SchemaChangeJson} object goes to 4.1+'s `POST /gsql/v1/schema/change`.
 * The cached schema is dropped afterwards.
 *
 * @throws ValidationError for JSON on 3.x, empty statements, or invalid names.
 * @throws GsqlError when GSQL rejects the change (the temporary job is dropped).
 *
 * @example
 * await runSchemaChange(ctx, ['ADD VERTEX Hospital (PRIMARY_ID id STRING, name STRING)']);
 * await runSchemaChange(ctx, { dropVertexTypes: ['Hospital'] }, { force: true }); // 4.1+
 */
export async function runSchemaChange(
  ctx: ApiContext<SchemaShape>,
  change: string | readonly string[] | SchemaChangeJson,
  options: SchemaChangeOptions = {},
): Promise<SchemaOperationResult> {
  checkOptions(options, RUN_SCHEMA_CHANGE_KEYS, 'runSchemaChange');
  const graph = options.global ? undefined : graphOf(ctx, options.graph);
  const base = { ...abortOf(options) };
  invalidateSchema(ctx, graph);
  if (typeof change === 'object' && change !== null && !Array.isArray(change)) {
    if ((await ctx.line()) !== '4') {
      throw new ValidationError(
        'JSON schema changes need TigerGraph 4.1+; pass GSQL statements (e.g. "ADD VERTEX …") instead',
        { field: 'change' },
      );
    }
    const searchParams: Record<string, string> = {};
    if (graph !== undefined) searchParams.graph = graph;
    if (options.force) searchParams.force = 'true';
    const reply = await callParsed(ctx, endpoints.schemaChange, messageReply, {
      ...base,
      noGraph: true,
      searchParams,
      json: change,
    });
    return { message: reply.message ?? '' };
  }
  const jobName = options.jobName ?? randomJobName();
  const script = schemaChangeScript(change as string | readonly string[], { graph, jobName });
  try {
    const result = await gsql(ctx, script, base);
    return { message: result.output };
  } catch (error) {
    // The script stops at the failing statement: drop the job it may have left behind.
    await gsql(ctx, graph ? `USE GRAPH ${graph}\nDROP JOB ${jobName}` : `DROP JOB ${jobName}`, {
      ...base,
      throwOnError: false,
    }).catch(() => undefined);
    throw error;
  }
}
