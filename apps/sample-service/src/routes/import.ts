// POST /api/import: bulk import of cases from CSV. The request body is handed to TigerGraph's
// loading endpoint as a stream (`tg.loading.loadData` with a ReadableStream): bytes flow from the
// caller to TigerGraph as they arrive, never held whole in this process.
// The header line is read first (src/domain/csv-head.ts) so a wrong file is a 400, not an empty load.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { HeaderTooLong, missingColumns, readCsvHead } from '../domain/csv-head.js';
import type { AppDeps, AppEnv } from '../env.js';
import { badRequest, HttpProblem } from '../problems.js';
import { problemResponses } from '../schemas.js';

export const LOADING_JOB = 'load_cases';
export const LOADING_FILE = 'cases';
export const CSV_HEADER = 'patient_id,sex,birth_year,infection_case,confirmed_date,city_id,infected_by';

/** The loading job behind the import (created once when missing). Columns by header name. */
export const LOADING_JOB_TEXT = `CREATE LOADING JOB ${LOADING_JOB} FOR GRAPH $graphname {
  DEFINE FILENAME ${LOADING_FILE};
  LOAD ${LOADING_FILE} TO VERTEX Patient VALUES ($"patient_id", _, $"sex", $"birth_year", _, _, _, $"infection_case", _, _, _, $"confirmed_date", _, _, _)
    USING SEPARATOR=",", HEADER="true", EOL="\\n";
  LOAD ${LOADING_FILE} TO EDGE PATIENT_FROM_CITY VALUES ($"patient_id", $"city_id")
    WHERE gsql_is_not_empty_string($"city_id") USING SEPARATOR=",", HEADER="true", EOL="\\n";
  LOAD ${LOADING_FILE} TO EDGE INFECTED_BY VALUES ($"patient_id", $"infected_by")
    WHERE gsql_is_not_empty_string($"infected_by") USING SEPARATOR=",", HEADER="true", EOL="\\n";
}`;

const ImportResult = z
  .object({
    lines: z.number().int(),
    validLines: z.number().int(),
    rejectedLines: z.number().int(),
    vertices: z.record(z.string(), z.number().int()),
    edges: z.record(z.string(), z.number().int()),
  })
  .openapi('ImportResult');

/** The upload with its header line checked: a 400 naming the expected header, before any load. */
async function checkedCsv(stream: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  let head: Awaited<ReturnType<typeof readCsvHead>>;
  try {
    head = await readCsvHead(stream);
  } catch (error) {
    if (error instanceof HeaderTooLong)
      throw badRequest(`The CSV's first line must be the header ${CSV_HEADER}; ${error.message}.`);
    throw error;
  }
  if (head.header === undefined) throw badRequest('The request body is empty; send CSV data.');
  const missing = missingColumns(head.header, CSV_HEADER.split(','));
  if (missing.length > 0) {
    await head.body.cancel();
    throw badRequest(
      `The CSV's first line must be the header ${CSV_HEADER} (columns in any order); missing: ${missing.join(', ')}.`,
      [{ path: 'body.header', message: `missing ${missing.join(', ')}` }],
    );
  }
  return head.body;
}

export function registerImportRoute(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  let jobReady: Promise<void> | undefined;
  const ensureJob = () => {
    jobReady ??= deps.gateway
      .call(async (tg) => {
        const jobs = await tg.loading.listLoadingJobs();
        if (!jobs.includes(LOADING_JOB)) await tg.loading.createLoadingJob(LOADING_JOB_TEXT);
      })
      .catch((error: unknown) => {
        jobReady = undefined;
        throw error;
      });
    return jobReady;
  };

  // Documented here, handled below without a body validator (a validator would buffer the body).
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/import',
    tags: ['cases'],
    summary: 'Bulk import of cases from CSV (streamed to a loading job)',
    description: `CSV with the header line \`${CSV_HEADER}\`; dates as YYYY-MM-DD, city ids such as jongno_gu.`,
    request: { body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
    responses: {
      200: { description: 'Loading statistics', content: { 'application/json': { schema: ImportResult } } },
      ...problemResponses,
    },
  });

  app.post('/api/import', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^text\/(csv|plain)\b/i.test(type)) {
      throw new HttpProblem(
        415,
        'unsupported-media-type',
        'Unsupported Media Type',
        'Send the CSV with Content-Type: text/csv.',
      );
    }
    const body = c.req.raw.body;
    if (body === null || c.req.header('content-length') === '0')
      throw badRequest('The request body is empty; send CSV data.');
    const signal = c.get('signal');
    // Through a pipe that the deadline aborts: a stalled upload then errors the stream the SDK
    // reads, instead of leaving the load waiting for bytes that never come.
    const data = await checkedCsv(
      body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>(), { signal }),
    );
    await ensureJob();
    const result = await deps.gateway.call((tg) =>
      tg.loading.loadData(LOADING_JOB, LOADING_FILE, data, { signal }),
    );
    const counts = (list: { typeName: string; validObject: number }[]) =>
      Object.fromEntries(list.map((o) => [o.typeName, o.validObject]));
    const s = result.statistics;
    return c.json({
      lines: result.lines,
      validLines: s.validLines,
      rejectedLines: s.rejectedLines,
      vertices: counts(s.vertices),
      edges: counts(s.edges),
    });
  });
}
