// POST /ddl/{graph}?tag=<job>&filename=<var>[&sep=&eol=&header=&jobid=&max_num_error=…]
// (reference §4.7): runs one file variable of a loading job over the request body. The body is
// consumed as a stream, chunk by chunk, and never held whole.
import { restppCaller } from '../auth/check.js';
import type { EmuRequest, EmuResponse } from '../http/types.js';
import { param } from '../http/types.js';
import { LoadingError } from '../loading/compile.js';
import { FileLoader } from '../loading/loader.js';
import { jobRuns, loadingJobs, newJobId, startRun } from '../loading/registry.js';
import { type FileStats, legacyStatistics, modernStatistics, modernStats } from '../loading/stats.js';
import type { EmulatorState } from '../state.js';
import { endpointNotFound, errorReply, graphNotFound, ok, RestError } from './envelope.js';

export type BodyStream = AsyncIterable<Buffer>;
export type StreamHandler = (body: BodyStream) => Promise<EmuResponse>;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The RESTPP path of a request (no /restpp prefix), or undefined when it is not a RESTPP path. */
function restppPath(req: EmuRequest): string | undefined {
  if (req.listener === 'restpp') return req.fullPath;
  if (req.fullPath.startsWith('/restpp/')) return req.fullPath.slice('/restpp'.length);
  return undefined;
}

/** `eol` may arrive as the characters themselves or as the escapes `\n`, `\r\n`. */
function unescapeEol(v: string): string {
  return v.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
}

const intParam = (req: EmuRequest, name: string): number | undefined => {
  const v = param(req, name);
  if (v === undefined || v === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(v))
    throw new RestError(
      'REST-30000',
      `Values of parameter ${name} must be a number, invalid value [${v}] provided.`,
    );
  return Number(v);
};

function errorCount(s: FileStats): number {
  let n = s.rejectLine;
  for (const o of [...s.vertex, ...s.edge]) {
    n +=
      o.invalidAttribute +
      o.invalidPrimaryId +
      o.noIdFound +
      o.invalidVertexType +
      o.incorrectFixedBinaryLength;
  }
  return n;
}

/**
 * For `POST /ddl/{graph}` (on the RESTPP port or under /restpp), a handler that reads the body as a
 * stream; undefined for every other request, which the server buffers as usual.
 */
export function ddlStreamRoute(state: EmulatorState, req: EmuRequest): StreamHandler | undefined {
  if (req.method !== 'POST') return undefined;
  const path = restppPath(req);
  if (path === undefined) return undefined;
  const segs = path
    .split('/')
    .filter((x) => x !== '')
    .map(decode);
  if (segs[0] !== 'ddl') return undefined;
  return async (body) => {
    try {
      if (segs.length !== 2) throw endpointNotFound(decode(path));
      return await ddl(state, req, segs[1] as string, decode(path), body);
    } catch (e) {
      if (e instanceof RestError) return errorReply(e);
      throw e;
    }
  };
}

async function ddl(
  state: EmulatorState,
  req: EmuRequest,
  graph: string,
  path: string,
  body: BodyStream,
): Promise<EmuResponse> {
  restppCaller(state, req, graph);
  const g = state.catalog.graphs.get(graph);
  if (!g) throw graphNotFound(graph, path);
  const schema = g.schemaVersion;
  const tag = param(req, 'tag');
  const filename = param(req, 'filename');
  if (tag === undefined || tag === '')
    throw new RestError('REST-30000', 'The parameter tag (the loading job name) is required.', 400, schema);
  if (filename === undefined || filename === '')
    throw new RestError(
      'REST-30000',
      'The parameter filename (the file variable of the job) is required.',
      400,
      schema,
    );
  const job = loadingJobs(g).get(tag);
  if (!job)
    throw new RestError(
      'REST-30000',
      `The loading job '${tag}' does not exist in graph ${g.name}.`,
      400,
      schema,
    );
  // A filename the job does not define answers an empty result (TigerGraph's GLE-4684 behaviour).
  if (!job.def.statements.some((s) => s.filename === filename)) {
    for await (const _chunk of body) {
      // drain
    }
    return ok([], { schema, code: 'REST-0000' });
  }
  const sep = param(req, 'sep');
  const eol = param(req, 'eol');
  const header = param(req, 'header');
  const maxErrors = intParam(req, 'max_num_error');
  const maxPercent = intParam(req, 'max_percent_error');
  let loader: FileLoader;
  try {
    loader = new FileLoader(state, g, job.def, filename, {
      ...(sep !== undefined && sep !== '' ? { separator: sep } : {}),
      ...(eol !== undefined && eol !== '' ? { eol: unescapeEol(eol) } : {}),
      ...(header !== undefined ? { header: header.toLowerCase() === 'true' } : {}),
    });
  } catch (e) {
    if (e instanceof LoadingError) throw new RestError('REST-30000', e.message, 400, schema);
    throw e;
  }
  const jobId = param(req, 'jobid') ?? newJobId(state, g.name, tag);
  const run = jobRuns(state).get(jobId) ?? startRun(state, jobId, g.name, tag);
  run.status = 'RUNNING';
  run.files.set(`${filename}:Online_POST:${run.files.size}`, loader.stats);
  let aborted: string | undefined;
  for await (const chunk of body) {
    if (aborted !== undefined) continue;
    loader.write(chunk);
    run.size += chunk.length;
    const errors = errorCount(loader.stats);
    const lines = loader.stats.validLine + loader.stats.rejectLine;
    if (maxErrors !== undefined && errors > maxErrors)
      aborted = `the number of errors ${errors} exceeds max_num_error ${maxErrors}`;
    else if (maxPercent !== undefined && lines > 0 && (errors * 100) / lines > maxPercent)
      aborted = `the error percentage ${((errors * 100) / lines).toFixed(2)}% exceeds max_percent_error ${maxPercent}%`;
  }
  run.endTime = state.clock.now();
  if (aborted !== undefined) {
    run.status = 'FAILED';
    throw new RestError('REST-20002', `The loading job ${jobId} was aborted: ${aborted}.`, 400, schema);
  }
  const stats = loader.end();
  run.status = 'FINISHED';
  const v = state.version;
  const statistics = modernStats(v.major, v.minor)
    ? { parsingStatistics: modernStatistics(stats) }
    : legacyStatistics(stats);
  return ok([{ sourceFileName: 'Online_POST', statistics }], { schema, code: 'REST-0000' });
}
