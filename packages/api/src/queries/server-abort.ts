// When the caller aborts a synchronous query run, the HTTP request is dropped but the query keeps
// running on the server. RESTPP does not tell the client a synchronous run's request id, so it is
// looked up in `/showprocesslist`: the entry for this query's endpoint whose elapsed time is
// closest to (and not above) how long this client has been waiting. Then `/abortquery` is sent
// with that id. This is best effort and bounded: it never throws and gives up after 5 s.
import type { ApiContext } from '../context.js';
import type { SchemaShape } from '../schema-types.js';
import { abortQuery, listRunningQueries, type RunningQuery } from './running.js';

const LOOKUP_BUDGET_MS = 5_000;
// Network latency lets the client's clock run ahead of the server's elapsed time; not behind it.
const SLACK_MS = 1_000;

export interface ServerRun {
  graph: string;
  query: string;
  /** How long the client waited before aborting. */
  elapsedMs: number;
  /** The run's request id, when known (detached runs). */
  requestId?: string | undefined;
}

/** Aborts a query run on the server; returns the request id that was aborted, if any. */
export async function abortQueryOnServer(
  ctx: ApiContext<SchemaShape>,
  run: ServerRun,
): Promise<string | undefined> {
  const signal = AbortSignal.timeout(LOOKUP_BUDGET_MS);
  try {
    let requestId = run.requestId;
    if (requestId === undefined) {
      const running = await listRunningQueries(ctx, { graph: run.graph, signal });
      requestId = pickRun(running, run)?.requestid;
    }
    if (requestId === undefined) return undefined;
    await abortQuery(ctx, { requestIds: [requestId] }, { graph: run.graph, signal });
    return requestId;
  } catch {
    // The run may have finished meanwhile, or the server is unreachable: nothing more to do.
    return undefined;
  }
}

/** The running entry that is most likely this client's run (see the file comment). */
export function pickRun(running: readonly RunningQuery[], run: ServerRun): RunningQuery | undefined {
  const path = `/query/${run.graph}/${run.query}`;
  // A run that has been going for longer than this client waited is someone else's.
  const fits = (r: RunningQuery) =>
    typeof r.elapsedTime !== 'number' || r.elapsedTime <= run.elapsedMs + SLACK_MS;
  const candidates = running.filter((r) => safeDecode((r.url ?? '').split('?')[0] ?? '') === path && fits(r));
  if (candidates.length <= 1) return candidates[0];
  const timed = candidates.filter((r) => typeof r.elapsedTime === 'number');
  if (timed.length > 0) {
    const gap = (r: RunningQuery) => Math.abs((r.elapsedTime as number) - run.elapsedMs);
    return timed.reduce((best, r) => (gap(r) < gap(best) ? r : best));
  }
  // No elapsed times (older servers): the most recently started one.
  return [...candidates].sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? '')).at(-1);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
