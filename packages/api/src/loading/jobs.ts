// Loading-job management (reference §4.13, §4.14; pyTigerGraph §6.2). 4.1+ has REST endpoints under
// `/gsql/v1/loading-jobs`; on 3.x jobs are created, listed, shown and dropped with GSQL statements,
// and started, paused, resumed, stopped and followed through `/gsqlserver/gsql/loading-jobs?action=`.

import * as endpoints from '@tgraph/protocol/endpoints/loading';
import { GsqlError, ValidationError } from '@tgraph/protocol/errors';
import { errorFlagSchema } from '@tgraph/protocol/schemas/common';
import { gsqlEnvelope, gsqlEnvelopeSchema } from '@tgraph/protocol/schemas/envelope';
import * as z from 'zod/mini';
import { type ApiContext, graphOf } from '../context.js';
import { requireIdentifier } from '../gsql/identifier.js';
import { gsql } from '../gsql/run.js';
import { abortOf, callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { type LoadingStats, statsOf } from './stats.js';

/** Option keys each function accepts (unknown ones are rejected). */
const LIST_LOADING_JOBS_KEYS: readonly string[] = REQUEST_KEYS;
const CREATE_LOADING_JOB_KEYS: readonly string[] = REQUEST_KEYS;
const UPDATE_LOADING_JOB_KEYS: readonly string[] = REQUEST_KEYS;
const GET_LOADING_JOB_KEYS: readonly string[] = [...REQUEST_KEYS, 'json', 'verbose'];
const DROP_LOADING_JOB_KEYS: readonly string[] = REQUEST_KEYS;
const START_LOADING_JOB_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'dryrun',
  'interval',
  'maxNumError',
  'maxPercentError',
  'streaming',
  'sysDataRoot',
  'verbose',
];
const ABORT_LOADING_JOBS_KEYS: readonly string[] = [...REQUEST_KEYS, 'pause'];
const RESUME_LOADING_JOB_KEYS: readonly string[] = REQUEST_KEYS;
const GET_LOADING_JOB_STATUS_KEYS: readonly string[] = REQUEST_KEYS;

/**
 * Names of the graph's loading jobs. 4.x: `GET /gsql/v1/loading-jobs` (`jobNames`); 3.x: the
 * `CREATE LOADING JOB` lines of GSQL `ls`.
 *
 * @example
 * const jobs = await listLoadingJobs(ctx); // ['load_patients', …]
 */
export async function listLoadingJobs(
  ctx: ApiContext<SchemaShape>,
  options: RequestOptions = {},
): Promise<string[]> {
  checkOptions(options, LIST_LOADING_JOBS_KEYS, 'listLoadingJobs');
  const graph = requireIdentifier(graphOf(ctx, options.graph), 'graph');
  if ((await ctx.line()) === '3') {
    const { output } = await gsql(ctx, 'ls', { graph, ...abortOf(options) });
    return [...output.matchAll(/CREATE\s+LOADING\s+JOB\s+([A-Za-z_]\w*)/gi)].map((m) => m[1] as string);
  }
  const reply = await callParsed(
    ctx,
    endpoints.loadingJobs,
    z.extend(gsqlEnvelopeSchema, { jobNames: z.optional(z.array(z.string())) }),
    {
      graph,
      ...abortOf(options),
    },
  );
  return reply.jobNames ?? [];
}

/**
 * Creates a loading job from its GSQL text (`CREATE LOADING JOB … FOR GRAPH …`). `$graphname` /
 * `@graphname@` are replaced by the graph. Returns the server's message.
 *
 * @example
 * await createLoadingJob(ctx, `CREATE LOADING JOB load_people FOR GRAPH $graphname {
 *   DEFINE FILENAME f1;
 *   LOAD f1 TO VERTEX Person VALUES ($0, $1) USING SEPARATOR=",", HEADER="false";
 * }`);
 */
export async function createLoadingJob(
  ctx: ApiContext<SchemaShape>,
  jobText: string,
  options: RequestOptions = {},
): Promise<string> {
  checkOptions(options, CREATE_LOADING_JOB_KEYS, 'createLoadingJob');
  return writeJob(ctx, endpoints.createLoadingJob, jobText, options);
}

/**
 * Replaces a loading job with new GSQL text (4.1+ `PUT /gsql/v1/loading-jobs`). On 3.x drop and
 * create the job instead.
 *
 * @example
 * await updateLoadingJob(ctx, 'CREATE LOADING JOB load_people FOR GRAPH $graphname { … }');
 */
export async function updateLoadingJob(
  ctx: ApiContext<SchemaShape>,
  jobText: string,
  options: RequestOptions = {},
): Promise<string> {
  checkOptions(options, UPDATE_LOADING_JOB_KEYS, 'updateLoadingJob');
  return writeJob(ctx, endpoints.updateLoadingJob, jobText, options);
}

async function writeJob(
  ctx: ApiContext<SchemaShape>,
  target: typeof endpoints.createLoadingJob | typeof endpoints.updateLoadingJob,
  jobText: string,
  options: RequestOptions,
): Promise<string> {
  if (typeof jobText !== 'string' || !/\bLOADING\s+JOB\b/i.test(jobText)) {
    throw new ValidationError(
      'Pass the loading job as GSQL text: CREATE LOADING JOB <name> FOR GRAPH <graph> { … }',
      {
        field: 'jobText',
      },
    );
  }
  const graph = requireIdentifier(graphOf(ctx, options.graph), 'graph');
  const text = jobText.replaceAll('$graphname', graph).replaceAll('@graphname@', graph);
  if ((await ctx.line()) === '3') {
    if (target === endpoints.updateLoadingJob) {
      // Fails with TG-UNSUPPORTED and the reason from the endpoint catalogue.
      await callParsed(ctx, target, gsqlEnvelopeSchema, { graph });
    }
    const { output } = await gsql(ctx, text, { graph, ...abortOf(options) });
    return output;
  }
  const reply = await callParsed(ctx, target, gsqlEnvelopeSchema, {
    graph,
    ...abortOf(options),
    body: text,
    headers: { 'Content-Type': 'text/plain' },
  });
  return reply.message ?? '';
}

/** A loading job's definition. */
export interface LoadingJobInfo {
  name: string;
  /** The job's GSQL text (3.x `SHOW JOB`; 4.x `jobContent`), when the server sent it. */
  text?: string | undefined;
  /** 4.x with `json: true`: the job as a JSON spec (`FileNames`, `LoadingStatements`, …). */
  spec?: Record<string, unknown> | undefined;
}

/**
 * A loading job's definition. 4.x: `GET /gsql/v1/loading-jobs/{job}` (`json: true` for the JSON
 * spec); 3.x: `SHOW JOB <job>`.
 *
 * @example
 * const { text } = await getLoadingJob(ctx, 'load_patients');
 */
export async function getLoadingJob(
  ctx: ApiContext<SchemaShape>,
  job: string,
  options: RequestOptions & { json?: boolean | undefined; verbose?: boolean | undefined } = {},
): Promise<LoadingJobInfo> {
  checkOptions(options, GET_LOADING_JOB_KEYS, 'getLoadingJob');
  requireIdentifier(job, 'job');
  const graph = requireIdentifier(graphOf(ctx, options.graph), 'graph');
  if ((await ctx.line()) === '3') {
    const { output } = await gsql(ctx, `SHOW JOB ${job}`, {
      graph,
      ...abortOf(options),
    });
    return { name: job, text: output };
  }
  const reply = await callParsed(
    ctx,
    endpoints.loadingJob,
    gsqlEnvelope(z.optional(z.record(z.string(), z.unknown()))),
    {
      graph,
      params: { job },
      ...abortOf(options),
      searchParams: { verbose: options.verbose ? true : undefined, json: options.json ? true : undefined },
    },
  );
  const results = reply.results ?? {};
  const text = typeof results.jobContent === 'string' ? results.jobContent : undefined;
  return {
    name:
      typeof results.jobName === 'string'
        ? results.jobName
        : typeof results.JobName === 'string'
          ? results.JobName
          : job,
    ...(text === undefined ? {} : { text }),
    ...(options.json ? { spec: results } : {}),
  };
}

/**
 * Drops a loading job. 4.x: `DELETE /gsql/v1/loading-jobs/{job}`; 3.x: `DROP JOB <job>`.
 *
 * @example
 * await dropLoadingJob(ctx, 'load_patients');
 */
export async function dropLoadingJob(
  ctx: ApiContext<SchemaShape>,
  job: string,
  options: RequestOptions = {},
): Promise<string> {
  checkOptions(options, DROP_LOADING_JOB_KEYS, 'dropLoadingJob');
  requireIdentifier(job, 'job');
  const graph = requireIdentifier(graphOf(ctx, options.graph), 'graph');
  if ((await ctx.line()) === '3') {
    const { output } = await gsql(ctx, `DROP JOB ${job}`, {
      graph,
      ...abortOf(options),
    });
    return output;
  }
  const reply = await callParsed(ctx, endpoints.dropLoadingJob, gsqlEnvelopeSchema, {
    graph,
    params: { job },
    ...abortOf(options),
  });
  return reply.message ?? '';
}

/** Where one `DEFINE FILENAME` variable reads from when a job runs on the server. */
export interface JobDataSource {
  /** The job's `DEFINE FILENAME` variable. */
  filename: string;
  /** `file` for server-local files, or a data source's name (S3, Kafka, …). */
  name: string;
  /** File path, bucket/object or topic. */
  path: string;
  [key: string]: unknown;
}

export interface StartLoadingJobOptions extends RequestOptions {
  sysDataRoot?: string | undefined;
  verbose?: boolean | undefined;
  dryrun?: boolean | undefined;
  interval?: number | undefined;
  maxNumError?: number | undefined;
  maxPercentError?: number | undefined;
  streaming?: boolean | undefined;
}

/**
 * Starts a loading job on the server reading from files or data sources (4.1+
 * `POST /gsql/v1/loading-jobs/run`, sent as JSON — pyTigerGraph form-encodes it by mistake).
 * Returns the job ids to follow with {@link getLoadingJobStatus}.
 *
 * @example
 * const [jobId] = await startLoadingJob(ctx, 'load_patients', [
 *   { filename: 'f1', name: 'file', path: '/data/patients.csv' },
 * ]);
 */
export async function startLoadingJob(
  ctx: ApiContext<SchemaShape>,
  job: string,
  dataSources: readonly JobDataSource[],
  options: StartLoadingJobOptions = {},
): Promise<string[]> {
  checkOptions(options, START_LOADING_JOB_KEYS, 'startLoadingJob');
  requireIdentifier(job, 'job');
  if (!Array.isArray(dataSources) || dataSources.length === 0) {
    throw new ValidationError('startLoadingJob needs at least one data source { filename, name, path }', {
      field: 'dataSources',
    });
  }
  const spec = {
    name: job,
    ...(options.sysDataRoot === undefined ? {} : { 'sys.data_root': options.sysDataRoot }),
    ...(options.verbose === undefined ? {} : { verbose: options.verbose }),
    ...(options.dryrun === undefined ? {} : { dryrun: options.dryrun }),
    ...(options.interval === undefined ? {} : { interval: options.interval }),
    ...(options.maxNumError === undefined ? {} : { maxNumError: options.maxNumError }),
    ...(options.maxPercentError === undefined ? {} : { maxPercentError: options.maxPercentError }),
    ...(options.streaming === undefined ? {} : { streaming: options.streaming }),
    dataSources,
  };
  const common = { ...perCall(options) };
  if ((await ctx.line()) === '3') {
    // 3.x answers keyed by job name: {"<job>": {"error", "message", "results": "<jobId>"}}.
    const reply = await callParsed(ctx, endpoints.startLoadingJob, startReply3Schema, {
      ...common,
      searchParams: { action: 'start' },
      json: { jobs: [{ streaming: false, ...spec }] },
    });
    const entry = reply[job];
    if (entry === undefined || entry.error) {
      throw new GsqlError(
        `Starting loading job ${job} failed: ${entry?.message ?? 'the server did not report the job'}`,
        {
          code: 'TG-LOADING-JOB',
          serverMessage: entry?.message,
        },
      );
    }
    return typeof entry.results === 'string' ? [entry.results] : [];
  }
  const reply = await callParsed(
    ctx,
    endpoints.startLoadingJob,
    z.extend(gsqlEnvelopeSchema, { jobIds: z.optional(z.array(z.string())) }),
    {
      ...common,
      json: [spec],
    },
  );
  return reply.jobIds ?? [];
}

const startReply3Schema = z.record(
  z.string(),
  z.looseObject({
    error: errorFlagSchema,
    message: z.optional(z.string()),
    results: z.optional(z.unknown()),
  }),
);

/**
 * Aborts (or with `pause: true` pauses) running loading jobs (4.1+ `GET /gsql/v1/loading-jobs/abort`).
 *
 * @example
 * await abortLoadingJobs(ctx, [jobId], { pause: true });
 */
export async function abortLoadingJobs(
  ctx: ApiContext<SchemaShape>,
  jobIds: readonly string[],
  options: RequestOptions & { pause?: boolean | undefined } = {},
): Promise<string> {
  checkOptions(options, ABORT_LOADING_JOBS_KEYS, 'abortLoadingJobs');
  checkJobIds(jobIds);
  const common = { ...perCall(options) };
  if ((await ctx.line()) === '3') {
    // 3.x: one request per job id, `action=stop` (or `pause`).
    const messages: string[] = [];
    for (const jobId of jobIds) {
      const reply = await callParsed(ctx, endpoints.abortLoadingJobs, gsqlEnvelopeSchema, {
        ...common,
        searchParams: { action: options.pause ? 'pause' : 'stop', jobId },
      });
      messages.push(reply.message ?? '');
    }
    return messages.join('\n');
  }
  const reply = await callParsed(ctx, endpoints.abortLoadingJobs, gsqlEnvelopeSchema, {
    ...common,
    searchParams: { jobIds: jobIds.join(','), isPause: options.pause ? true : undefined },
  });
  return reply.message ?? '';
}

/**
 * Resumes a paused loading job (4.1+ `GET /gsql/v1/loading-jobs/resume/{jobId}`).
 *
 * @example
 * await resumeLoadingJob(ctx, jobId);
 */
export async function resumeLoadingJob(
  ctx: ApiContext<SchemaShape>,
  jobId: string,
  options: RequestOptions = {},
): Promise<string> {
  checkOptions(options, RESUME_LOADING_JOB_KEYS, 'resumeLoadingJob');
  checkJobIds([jobId]);
  const reply = await callParsed(ctx, endpoints.resumeLoadingJob, gsqlEnvelopeSchema, {
    ...abortOf(options),
    ...((await ctx.line()) === '3'
      ? { graph: options.graph, searchParams: { action: 'resume', jobId } }
      : { params: { jobId } }),
  });
  return reply.message ?? '';
}

/** Progress of one server-side loading job. */
export interface LoadingJobStatus {
  jobId: string;
  /** `overall` block: `startTime`, `endTime`, `duration`, `progress`, `size`, speeds, `statistics`… */
  overall: Record<string, unknown>;
  /** The job's statistics read into the typed shape, when present. */
  statistics: LoadingStats | undefined;
  /** Per-worker details as the server sent them. */
  workers: unknown[];
}

const statusItem = z.looseObject({
  overall: z.optional(z.record(z.string(), z.unknown())),
  workers: z.optional(z.array(z.unknown())),
});

/**
 * Progress of server-side loading jobs. 4.x: `GET /gsql/v1/loading-jobs/status?jobIds=`; 3.x:
 * `GET /gsqlserver/gsql/loading-jobs?action=getprogress&jobId=`.
 *
 * @example
 * const [status] = await getLoadingJobStatus(ctx, [jobId]);
 * console.log(status.overall.progress, status.statistics?.validLines);
 */
export async function getLoadingJobStatus(
  ctx: ApiContext<SchemaShape>,
  jobIds: readonly string[],
  options: RequestOptions = {},
): Promise<LoadingJobStatus[]> {
  checkOptions(options, GET_LOADING_JOB_STATUS_KEYS, 'getLoadingJobStatus');
  checkJobIds(jobIds);
  const statusSchema = gsqlEnvelope(z.union([z.array(statusItem), statusItem]));
  const common = {
    ...perCall(options),
    integers: 'number' as const,
  };
  const items: z.output<typeof statusItem>[] = [];
  const add = (results: unknown) => {
    if (results !== undefined)
      items.push(...((Array.isArray(results) ? results : [results]) as z.output<typeof statusItem>[]));
  };
  if ((await ctx.line()) === '3') {
    // 3.x: one `action=getprogress` request per job id.
    for (const jobId of jobIds) {
      const reply = await callParsed(ctx, endpoints.loadingJobStatus, statusSchema, {
        ...common,
        searchParams: { action: 'getprogress', jobId },
      });
      add(reply.results);
    }
  } else {
    const reply = await callParsed(ctx, endpoints.loadingJobStatus, statusSchema, {
      ...common,
      searchParams: { jobIds: jobIds.join(',') },
    });
    add(reply.results);
  }
  return items.map((item, i) => {
    const overall = item.overall ?? {};
    const raw = overall.statistics as Record<string, unknown> | undefined;
    return {
      jobId: typeof overall.id === 'string' ? overall.id : (jobIds[i] as string),
      overall,
      statistics: raw === undefined ? undefined : statsOf([{ statistics: wrapStatistics(raw) }]),
      workers: item.workers ?? [],
    };
  });
}

// The status endpoint prints `{fileLevel, objectLevel}` without the `parsingStatistics` wrapper.
function wrapStatistics(raw: Record<string, unknown>) {
  return ('fileLevel' in raw || 'objectLevel' in raw ? { parsingStatistics: raw } : raw) as never;
}

function checkJobIds(jobIds: readonly string[]): void {
  if (
    !Array.isArray(jobIds) ||
    jobIds.length === 0 ||
    jobIds.some((id) => typeof id !== 'string' || id === '')
  ) {
    throw new ValidationError('Pass loading job ids as a non-empty array of strings (from startLoadingJob)', {
      field: 'jobIds',
    });
  }
}
