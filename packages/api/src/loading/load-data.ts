// Running a loading job with posted data: `POST R/ddl/{graph}?tag=<job>&filename=<var>…` with
// the raw CSV / JSON-lines as the body (reference §4.7). With an adapter that streams request
// bodies the data goes up as one streamed request and is never held whole in memory; otherwise
// it is cut at line ends into requests of about `chunkBytes` each.

import * as endpoints from '@tgraph/protocol/endpoints';
import { NotFoundError, ValidationError } from '@tgraph/protocol/errors';
import { type ApiContext, graphOf } from '../context.js';
import { abortOf, call, callParsed, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { concat, LineCounter, LineCutter } from './lines.js';
import {
  chunksOf,
  describeSource,
  isInMemory,
  isLoadDataSource,
  type LoadDataSource,
  scannedChunksOf,
} from './source.js';
import {
  emptyStats,
  type LoadingStats,
  loadedObjectsOf,
  loadReplySchema,
  mergeStats,
  rejectionsOf,
  statsOf,
} from './stats.js';

/** Option keys each function accepts (unknown ones are rejected). */
const LOAD_DATA_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'chunkBytes',
  'concise',
  'eol',
  'gsqlTimeoutMs',
  'header',
  'jobId',
  'maxErrorPercent',
  'maxErrors',
  'onProgress',
  'responseLimitBytes',
  'separator',
  'serverTimeoutSeconds',
];

/** Progress of a load, reported as data is handed to the network. */
export interface LoadProgress {
  /** Bytes sent so far. */
  bytes: number;
  /** Complete lines sent so far. */
  lines: number;
  /** Requests completed so far. */
  requests: number;
}

export interface LoadDataOptions extends RequestOptions {
  /** Field separator (`sep`), default `,` on the server. One character, e.g. `'|'` or `'\t'`. */
  separator?: string | undefined;
  /** Line end (`eol`), default `\n`; one or two characters (e.g. `'\r\n'`). Also where the data is cut. */
  eol?: string | undefined;
  /** 3.x only: the first line is a header (sent with the first request only). */
  header?: boolean | undefined;
  /** `GSQL-TIMEOUT` in ms per request (the server's loading default is 600 s). */
  gsqlTimeoutMs?: number | undefined;
  /** `RESPONSE-LIMIT` in bytes. */
  responseLimitBytes?: number | undefined;
  /** `timeout` query parameter in seconds (0 = server default). */
  serverTimeoutSeconds?: number | undefined;
  /** `concise=true`: shorter statistics. */
  concise?: boolean | undefined;
  /** 3.9+: `jobid` for progress tracking (`<graph>.<job>.<source>.<…>.<ms>`). */
  jobId?: string | undefined;
  /** 3.9+: abort the job after this many bad lines (`max_num_error`). */
  maxErrors?: number | undefined;
  /** 3.9+: abort the job above this percentage of bad lines (`max_percent_error`). */
  maxErrorPercent?: number | undefined;
  /**
   * Cut the data at line ends into requests of about this many bytes. Default: one streamed
   * request when the adapter streams request bodies (`transport.capabilities.streamingRequestBody`),
   * else 16 MiB per request.
   */
  chunkBytes?: number | undefined;
  onProgress?: ((progress: LoadProgress) => void) | undefined;
}

/** What a load returns. */
export interface LoadResult {
  /** TigerGraph's statistics, summed over all requests. */
  statistics: LoadingStats;
  /** Vertices and edges the server accepted. 0 means nothing was loaded, whatever else it says. */
  loadedObjects: number;
  /**
   * What the server refused, by counter (`rejectLine`, `notEnoughToken`, `invalidAttribute`,
   * `noIdFound`, `invalidPrimaryId`, …), summed over types; only counters above 0. Empty when
   * every line was taken.
   */
  rejections: Record<string, number>;
  bytes: number;
  lines: number;
  requests: number;
}

/** Default request size when the adapter cannot stream request bodies. */
export const DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024;

/**
 * Runs a loading job on posted data (pyTigerGraph `runLoadingJobWithData` / `…WithFile`): `job` is
 * the loading job's name, `filename` its `DEFINE FILENAME` variable. `data` may be a string,
 * bytes, a `Blob`/`File`, a `ReadableStream`, or an (async) iterable such as a Node `Readable`.
 *
 * @example
 * const { statistics } = await loadData(ctx, 'load_patients', 'f1', 'id,name\n1,Ann\n2,Bo\n', {
 *   onProgress: ({ bytes, lines }) => console.log(bytes, lines),
 * });
 * console.log(statistics.validLines, statistics.vertices);
 */
export async function loadData(
  ctx: ApiContext<SchemaShape>,
  job: string,
  filename: string,
  data: LoadDataSource,
  options: LoadDataOptions = {},
): Promise<LoadResult> {
  checkOptions(options, LOAD_DATA_KEYS, 'loadData');
  for (const [field, value] of [
    ['job', job],
    ['filename', filename],
  ] as const) {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ValidationError(
        `loadData needs the loading job's ${field === 'job' ? 'name' : 'DEFINE FILENAME variable'} (${field})`,
        {
          field,
        },
      );
    }
  }
  if (!isLoadDataSource(data)) {
    throw new ValidationError(
      `loadData cannot read data of type ${describeSource(data)}; pass a string, bytes, Blob, ReadableStream or (async) iterable of chunks`,
      { field: 'data' },
    );
  }
  const eolText = options.eol ?? '\n';
  const eol = new TextEncoder().encode(eolText);
  if (eol.length < 1 || eol.length > 2) {
    throw new ValidationError(
      `eol must be one or two bytes (e.g. '\\n' or '\\r\\n'), got ${JSON.stringify(eolText)}`,
      {
        field: 'eol',
      },
    );
  }
  if (options.chunkBytes !== undefined && !(Number.isInteger(options.chunkBytes) && options.chunkBytes > 0)) {
    throw new ValidationError(`chunkBytes must be a positive integer, got ${String(options.chunkBytes)}`, {
      field: 'chunkBytes',
    });
  }
  const graph = graphOf(ctx, options.graph);
  const streaming = ctx.transport.capabilities.streamingRequestBody && !isInMemory(data);
  const limit =
    options.chunkBytes ?? (streaming || isInMemory(data) ? Number.POSITIVE_INFINITY : DEFAULT_CHUNK_BYTES);

  if (streaming) await readyForStreaming(ctx, options.signal);
  const blob = !streaming && typeof Blob !== 'undefined' && data instanceof Blob ? data : undefined;
  let blobOffset = 0;
  const counter = new LineCounter(eol);
  // A Blob sent as slices is only scanned here, so it can be read into one reused buffer.
  const cutter = new LineCutter(
    blob === undefined ? chunksOf(data) : scannedChunksOf(blob),
    eol,
    limit,
    options.signal,
  );
  const progress = (): LoadProgress => ({ bytes: counter.bytes, lines: counter.lines, requests });
  let requests = 0;
  let statistics = emptyStats();
  try {
    while (await cutter.hasMore()) {
      const first = requests === 0;
      let body: Uint8Array | Blob | ReadableStream<Uint8Array>;
      let counted = false;
      if (streaming) {
        const part = cutter.part();
        body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const next = await part.next();
            if (next.done) {
              controller.close();
              return;
            }
            counter.add(next.value);
            controller.enqueue(next.value);
            options.onProgress?.(progress());
          },
          async cancel() {
            await part.return(undefined);
          },
        });
      } else if (blob !== undefined) {
        // A Blob (a user's File) goes up as slices of itself, which the browser reads from disk:
        // its bytes pass through memory only in the small pieces read to find line ends.
        let size = 0;
        for await (const piece of cutter.part()) {
          counter.add(piece);
          size += piece.length;
        }
        body = blob.slice(blobOffset, blobOffset + size);
        blobOffset += size;
        counted = true;
      } else {
        const pieces: Uint8Array[] = [];
        let size = 0;
        for await (const piece of cutter.part()) {
          pieces.push(piece);
          size += piece.length;
        }
        body = concat(pieces, size);
        pieces.length = 0; // only the joined body stays alive while it is sent
      }
      const reply = await callParsed(ctx, endpoints.loadData, loadReplySchema, {
        graph,
        ...abortOf(options),
        integers: 'number',
        searchParams: searchParamsOf(job, filename, options, first),
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        control: { gsqlTimeoutMs: options.gsqlTimeoutMs, responseLimitBytes: options.responseLimitBytes },
        body,
      });
      if (!streaming && !counted) counter.add(body as Uint8Array);
      if ((reply.results ?? []).length === 0) throw unknownFilename(job, filename, graph);
      requests++;
      statistics = mergeStats(statistics, statsOf(reply.results ?? []));
      options.onProgress?.(progress());
    }
  } finally {
    if (!cutter.done) await cutter.close();
  }
  return {
    statistics,
    loadedObjects: loadedObjectsOf(statistics),
    rejections: rejectionsOf(statistics),
    bytes: counter.bytes,
    lines: counter.totalLines,
    requests,
  };
}

/**
 * TigerGraph answers data for a filename variable the job does not define with an empty `results`
 * and loads nothing (reference §4.7, server issue GLE-4684): that is an error, never a success.
 */
function unknownFilename(job: string, filename: string, graph: string | undefined): NotFoundError {
  return new NotFoundError(
    `Loading job '${job}'${graph ? ` of graph ${graph}` : ''} has no DEFINE FILENAME ${filename}: the server loaded nothing. ` +
      `Pass one of the job's filename variables (getLoadingJob(ctx, '${job}') shows them).`,
    { code: 'TG-NOT-FOUND' },
  );
}

function searchParamsOf(
  job: string,
  filename: string,
  o: LoadDataOptions,
  first: boolean,
): [string, string | number | boolean][] {
  const p: [string, string | number | boolean][] = [
    ['tag', job],
    ['filename', filename],
  ];
  if (o.separator !== undefined) p.push(['sep', o.separator]);
  if (o.eol !== undefined) p.push(['eol', o.eol]);
  if (o.header && first) p.push(['header', 'true']);
  if (o.serverTimeoutSeconds !== undefined) p.push(['timeout', o.serverTimeoutSeconds]);
  if (o.concise) p.push(['concise', true]);
  if (o.jobId !== undefined) p.push(['jobid', o.jobId]);
  if (o.maxErrors !== undefined) p.push(['max_num_error', o.maxErrors]);
  if (o.maxErrorPercent !== undefined) p.push(['max_percent_error', o.maxErrorPercent]);
  return p;
}

/**
 * A streamed body cannot be sent twice, so it must not be the request on which the auth provider
 * learns that RESTPP wants a token (3.x basic auth exchanges the password for a token after a 401
 * and resends). One cheap RESTPP call per context lets that happen first.
 */
async function readyForStreaming(
  ctx: ApiContext<SchemaShape>,
  signal: AbortSignal | undefined,
): Promise<void> {
  // Known providers that never re-authenticate need no warm-up; unknown ones (auth lives only in
  // the transport) get it.
  if (ctx.auth !== undefined && ctx.auth.onRejected === undefined) return;
  const key = 'loading:restpp-auth-ready';
  let ready = ctx.cache.get(key);
  if (ready === undefined) {
    ready = call(ctx, endpoints.echo, { noGraph: true, signal }).then(() => undefined);
    ready.catch(() => ctx.cache.delete(key));
    ctx.cache.set(key, ready);
  }
  await ready;
}
