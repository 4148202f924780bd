// Running a helper query (helper-queries.ts). A run goes straight to the query's endpoint, so a
// query installed beforehand needs no look-up (nor the privilege to read the query catalogue). When
// the endpoint is not found, the query is looked up in the catalogue and, when missing, created,
// then installed — once per client and query, however many calls find it missing at once (the
// promise is shared through the context's cache; calls made meanwhile wait for it) — and the run is
// made again. The installation does not follow one caller's AbortSignal: a caller that aborts stops
// waiting, the installation goes on for the others.
import { AbortError, GsqlError, NotFoundError } from '@tgraph/protocol/errors';
import type { ApiContext } from '../context.js';
import { type InstallStatus, installQueries } from '../queries/install.js';
import { createQuery, listQueries } from '../queries/manage.js';
import type { QueryParams } from '../queries/params.js';
import { runQuery } from '../queries/run.js';
import type { SchemaShape } from '../schema-types.js';
import type { HelperQuery } from './helper-queries.js';

/** Options of the vector functions that run a helper query. */
export interface HelperQueryOptions {
  /**
   * Create and install the helper query when the graph does not have it yet (default true). With
   * `false` a missing query is a `NotFoundError` (code `TG-QUERY-NOT-INSTALLED`) that names it;
   * install it beforehand with `installVectorQueries`.
   */
  install?: boolean | undefined;
  /**
   * Progress of an installation this call started (INSTALL QUERY takes tens of seconds to minutes
   * on a server, once per query definition).
   */
  onInstall?: ((query: string, status: InstallStatus) => void) | undefined;
}

/** What a run needs besides the query: the caller's signal and timeout, how to say how to install. */
export interface HelperRun extends HelperQueryOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** How to install the query beforehand, for the `install: false` error. */
  hint: string;
}

const PREFIX = 'tgraph:vector-query:';
const keyOf = (q: HelperQuery) => `${PREFIX}${q.graph}:${q.name}`;

/** Forgets what the client knows of the graph's helper queries (after dropping them). */
export function forgetInstalled(ctx: ApiContext<SchemaShape>, graph: string): void {
  for (const key of [...ctx.cache.keys()]) if (key.startsWith(`${PREFIX}${graph}:`)) ctx.cache.delete(key);
}

/** Runs `query` with `params` (POST, JSON body), installing it first when the graph lacks it. */
export async function runHelper(
  ctx: ApiContext<SchemaShape>,
  query: HelperQuery,
  params: QueryParams,
  run: HelperRun,
): Promise<Record<string, unknown>[]> {
  if (run.signal?.aborted) throw aborted(run.signal);
  const key = keyOf(query);
  // An installation under way (or done) on this client: wait for it (and share its failure).
  const known = ctx.cache.get(key) as Promise<boolean> | undefined;
  if (known !== undefined) await untilDone(known, run.signal);
  const once = () =>
    runQuery<Record<string, unknown>[], SchemaShape>(ctx, query.name, params, {
      graph: query.graph,
      signal: run.signal,
      timeoutMs: run.timeoutMs,
    });
  try {
    return await once();
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    // Not installed yet, or gone since (DROP QUERY, a schema change…): what this client knew is stale.
    if (ctx.cache.get(key) === known) ctx.cache.delete(key);
    if (run.install === false) throw notInstalled(query, run.hint);
    await untilDone(installed(ctx, query, run), run.signal);
    return once();
  }
}

/**
 * The shared promise that `query` is installed, started when the client has none: true when it
 * was already installed on the server, false when it had to be installed.
 */
export function installed(
  ctx: ApiContext<SchemaShape>,
  query: HelperQuery,
  run: Pick<HelperRun, 'onInstall'>,
): Promise<boolean> {
  const key = keyOf(query);
  const known = ctx.cache.get(key) as Promise<boolean> | undefined;
  if (known !== undefined) return known;
  const pending = prepare(ctx, query, run);
  ctx.cache.set(key, pending);
  pending.catch(() => {
    if (ctx.cache.get(key) === pending) ctx.cache.delete(key);
  });
  return pending;
}

async function prepare(
  ctx: ApiContext<SchemaShape>,
  query: HelperQuery,
  run: Pick<HelperRun, 'onInstall'>,
): Promise<boolean> {
  const graph = { graph: query.graph };
  const found = (await listQueries(ctx, graph)).find((q) => q.name === query.name);
  if (found?.installed === true) return true;
  if (found === undefined) {
    await createQuery(ctx, query.text, graph).catch((error: unknown) => {
      // Created meanwhile by another client: the same text, since the name is its hash.
      if (!(error instanceof GsqlError && /already exists/i.test(error.message))) throw error;
    });
  }
  const onInstall = run.onInstall;
  await installQueries(ctx, [query.name], {
    graph: query.graph,
    onProgress: onInstall === undefined ? undefined : (status) => onInstall(query.name, status),
  });
  return false;
}

function notInstalled(query: HelperQuery, hint: string): NotFoundError {
  return new NotFoundError(
    `The vector ${query.purpose} query ${query.name} is not installed on graph ${query.graph}, and install: false forbids installing it. Install it once beforehand (INSTALL QUERY takes tens of seconds to minutes on a server) with ${hint}, or let the call install it (install: true, the default).`,
    { code: 'TG-QUERY-NOT-INSTALLED' },
  );
}

/** `promise`, or an AbortError as soon as `signal` aborts (the promise itself goes on). */
export function untilDone<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(aborted(signal));
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

function aborted(signal: AbortSignal): AbortError {
  return new AbortError('The vector call was aborted (an installation of its helper query goes on)', {
    code: 'TG-ABORTED',
    cause: signal.reason,
  });
}
