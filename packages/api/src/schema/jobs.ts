// Named schema-change jobs (pyTigerGraph's create/get/run/dropSchemaChangeJob(s)): GSQL statements on
// both lines, so the same call works on 3.x and 4.x (the 4.x REST forms disagree between the docs —
// POST to run — and pyTigerGraph — PUT).
import { ValidationError } from '@tgraph/protocol/errors';
import { type ApiContext, graphOf } from '../context.js';
import { requireIdentifier } from '../gsql/identifier.js';
import { gsql } from '../gsql/run.js';
import { abortOf, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import type { SchemaOperationResult } from './graphs.js';
import { invalidateSchema } from './invalidate.js';

/** Option keys each function accepts (unknown ones are rejected). */
const CREATE_SCHEMA_CHANGE_JOB_KEYS: readonly string[] = [...REQUEST_KEYS, 'global'];
const RUN_SCHEMA_CHANGE_JOB_KEYS: readonly string[] = [...REQUEST_KEYS, 'global'];
const DROP_SCHEMA_CHANGE_JOBS_KEYS: readonly string[] = [...REQUEST_KEYS, 'global'];
const LIST_SCHEMA_CHANGE_JOBS_KEYS: readonly string[] = [...REQUEST_KEYS, 'global'];

/** Options of the schema-change job functions. */
export interface SchemaJobOptions extends RequestOptions {
  /** A global job (`CREATE GLOBAL SCHEMA_CHANGE JOB`) instead of one for the graph. Default false. */
  global?: boolean | undefined;
}

/** A schema-change job as GSQL lists it. */
export interface SchemaChangeJob {
  name: string;
  global: boolean;
  /** The job's GSQL definition. */
  text: string;
}

/** Trims each statement and ends it with `;` (a string is split at line-ending semicolons). */
export function normaliseStatements(statements: string | readonly string[], field = 'statements'): string[] {
  const list = typeof statements === 'string' ? statements.split(/;\s*\n/) : statements;
  const out = list
    .map((s) => String(s).trim().replace(/;+$/, ''))
    .filter((s) => s !== '')
    .map((s) => `${s};`);
  if (out.length === 0) {
    throw new ValidationError('A schema change needs at least one statement, e.g. "ADD VERTEX …"', { field });
  }
  return out;
}

/** `CREATE [GLOBAL] SCHEMA_CHANGE JOB <job> [FOR GRAPH <g>] { … }`, preceded by the scope statement. */
export function schemaJobDefinition(
  statements: string | readonly string[],
  job: string,
  graph: string | undefined,
): string {
  const body = normaliseStatements(statements)
    .map((s) => `  ${s}`)
    .join('\n');
  requireIdentifier(job, 'jobName');
  if (graph === undefined) return `USE GLOBAL\nCREATE GLOBAL SCHEMA_CHANGE JOB ${job} {\n${body}\n}`;
  requireIdentifier(graph, 'graph');
  return `USE GRAPH ${graph}\nCREATE SCHEMA_CHANGE JOB ${job} FOR GRAPH ${graph} {\n${body}\n}`;
}

const scopeOf = (ctx: ApiContext<SchemaShape>, options: SchemaJobOptions) =>
  options.global ? undefined : graphOf(ctx, options.graph);

/**
 * Creates a named schema-change job without running it (pyTigerGraph `createSchemaChangeJob`).
 *
 * @example
 * await createSchemaChangeJob(ctx, 'add_hospital', ['ADD VERTEX Hospital (PRIMARY_ID id STRING)']);
 * await runSchemaChangeJob(ctx, 'add_hospital');
 */
export async function createSchemaChangeJob(
  ctx: ApiContext<SchemaShape>,
  jobName: string,
  statements: string | readonly string[],
  options: SchemaJobOptions = {},
): Promise<SchemaOperationResult> {
  checkOptions(options, CREATE_SCHEMA_CHANGE_JOB_KEYS, 'createSchemaChangeJob');
  const script = schemaJobDefinition(statements, jobName, scopeOf(ctx, options));
  return { message: (await gsql(ctx, script, abortOf(options))).output };
}

/**
 * Runs a schema-change job (pyTigerGraph `runSchemaChangeJob`) and drops the cached schema.
 *
 * @example
 * await runSchemaChangeJob(ctx, 'add_hospital');
 */
export async function runSchemaChangeJob(
  ctx: ApiContext<SchemaShape>,
  jobName: string,
  options: SchemaJobOptions = {},
): Promise<SchemaOperationResult> {
  checkOptions(options, RUN_SCHEMA_CHANGE_JOB_KEYS, 'runSchemaChangeJob');
  const job = requireIdentifier(jobName, 'jobName');
  const graph = scopeOf(ctx, options);
  invalidateSchema(ctx, graph);
  const script =
    graph === undefined
      ? `USE GLOBAL\nRUN GLOBAL SCHEMA_CHANGE JOB ${job}`
      : `USE GRAPH ${graph}\nRUN SCHEMA_CHANGE JOB ${job}`;
  return { message: (await gsql(ctx, script, abortOf(options))).output };
}

/**
 * Drops schema-change jobs (pyTigerGraph `dropSchemaChangeJobs`).
 *
 * @example
 * await dropSchemaChangeJobs(ctx, ['add_hospital']);
 */
export async function dropSchemaChangeJobs(
  ctx: ApiContext<SchemaShape>,
  jobNames: string | readonly string[],
  options: SchemaJobOptions = {},
): Promise<SchemaOperationResult> {
  checkOptions(options, DROP_SCHEMA_CHANGE_JOBS_KEYS, 'dropSchemaChangeJobs');
  const names = (typeof jobNames === 'string' ? [jobNames] : [...jobNames]).map((n, i) =>
    requireIdentifier(n, `jobNames[${i}]`),
  );
  if (names.length === 0)
    throw new ValidationError('dropSchemaChangeJobs() needs a job name', { field: 'jobNames' });
  const graph = scopeOf(ctx, options);
  const script = `${graph === undefined ? 'USE GLOBAL' : `USE GRAPH ${graph}`}\nDROP JOB ${names.join(', ')}`;
  return { message: (await gsql(ctx, script, abortOf(options))).output };
}

/**
 * Reads the schema-change job definitions from GSQL's `ls` listing (its `Jobs:` section).
 *
 * @example
 * parseSchemaJobs('Jobs:\n  - CREATE SCHEMA_CHANGE JOB j FOR GRAPH g {\n  DROP VERTEX A;\n}\nQueries:');
 * // [{ name: 'j', global: false, text: 'CREATE SCHEMA_CHANGE JOB j FOR GRAPH g {\n  DROP VERTEX A;\n}' }]
 */
export function parseSchemaJobs(output: string): SchemaChangeJob[] {
  const jobs: SchemaChangeJob[] = [];
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(?:-\s*)?(CREATE\s+(GLOBAL\s+)?SCHEMA_CHANGE\s+JOB\s+([A-Za-z_][A-Za-z0-9_]*).*)$/i.exec(
      lines[i]!,
    );
    if (!m) continue;
    const text = [m[1]!];
    let depth = (m[1]!.match(/\{/g) ?? []).length - (m[1]!.match(/\}/g) ?? []).length;
    while (depth > 0 && i + 1 < lines.length) {
      const next = lines[++i]!;
      text.push(next);
      depth += (next.match(/\{/g) ?? []).length - (next.match(/\}/g) ?? []).length;
    }
    jobs.push({ name: m[3]!, global: m[2] !== undefined, text: text.join('\n') });
  }
  return jobs;
}

/**
 * Lists the schema-change jobs of the graph (or the global ones) (pyTigerGraph `getSchemaChangeJobs`).
 *
 * @example
 * const jobs = await listSchemaChangeJobs(ctx);
 * jobs.map((j) => j.name); // ['add_hospital']
 */
export async function listSchemaChangeJobs(
  ctx: ApiContext<SchemaShape>,
  options: SchemaJobOptions = {},
): Promise<SchemaChangeJob[]> {
  checkOptions(options, LIST_SCHEMA_CHANGE_JOBS_KEYS, 'listSchemaChangeJobs');
  const graph = scopeOf(ctx, options);
  const script = graph === undefined ? 'USE GLOBAL\nls' : `USE GRAPH ${graph}\nls`;
  const { output } = await gsql(ctx, script, abortOf(options));
  return parseSchemaJobs(output).filter((j) => j.global === (graph === undefined));
}
