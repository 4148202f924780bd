// Runs a query: synchronously under a deadline (GSQL-TIMEOUT), or detached in slices (GSQL-ASYNC)
// so /query_status can see it running and /abortquery can stop it.
import type { Json } from '../json.js';
import { versionBlock } from '../rest-error.js';
import type { EmulatorState } from '../state.js';
import type { Graph } from '../store/catalog.js';
import { QueryRuntimeError } from './accum.js';
import type { QueryDef, QueryParam } from './ast.js';
import { printsVertexSetsToCsv } from './csv.js';
import { Interp } from './interp.js';
import { staticsFor } from './store.js';
import type { QV } from './values.js';

/** RESTPP's default query timeout (RESTPP.Factory.DefaultQueryTimeoutSec = 16). */
export const DEFAULT_TIMEOUT_MS = 16_000;

export type Outcome =
  | { kind: 'ok'; results: Record<string, Json>[] }
  | { kind: 'error'; message: string; code: string | undefined }
  | { kind: 'timeout'; ms: number; fromHeader: boolean }
  | { kind: 'aborted' };

export function evalDefaultFor(state: EmulatorState, g: Graph, def: QueryDef): (p: QueryParam) => QV {
  return (p) => {
    const q = new Interp(state.catalog, g, def, new Map(), () => state.clock.now());
    return p.default ? q.ev(p.default) : null;
  };
}

/** A run of `def`; an installed query's run (not `interpreted`) shares its STATIC accumulators. */
export function newRun(
  state: EmulatorState,
  g: Graph,
  def: QueryDef,
  params: Map<string, QV>,
  interpreted = false,
): Interp {
  const q = new Interp(state.catalog, g, def, params, () => state.clock.now(), state.outputDir);
  q.statics = staticsFor(g, def, interpreted);
  q.csvVertexSets = printsVertexSetsToCsv(state.version.full);
  return q;
}

function nullVertexParam(def: QueryDef, params: Map<string, QV>): Outcome | undefined {
  for (const p of def.params) {
    if (p.type.k === 'vertex' && params.get(p.name) === null)
      return { kind: 'error', message: `Runtime Error: Parameter ${p.name} is NULL.`, code: '3001' };
  }
  return undefined;
}

function fail(e: unknown): Outcome {
  if (e instanceof QueryRuntimeError) return { kind: 'error', message: e.message, code: e.code };
  if (e instanceof RangeError)
    return { kind: 'error', message: `Runtime Error: ${e.message}`, code: undefined };
  // Anything else is an emulator bug: TigerGraph's internal-error answer for this run only (a
  // detached run has no caller to throw to, and a throw there would end the whole process).
  return { kind: 'error', message: `Internal error: ${(e as Error).message}`, code: 'REST-10005' };
}

export function runSync(
  q: Interp,
  def: QueryDef,
  params: Map<string, QV>,
  timeoutMs: number,
  fromHeader: boolean,
): Outcome {
  const early = nullVertexParam(def, params);
  if (early) return early;
  const deadline = performance.now() + timeoutMs;
  try {
    const it = q.run();
    for (;;) {
      if (it.next().done) break;
      if (performance.now() > deadline) return { kind: 'timeout', ms: timeoutMs, fromHeader };
    }
  } catch (e) {
    return fail(e);
  }
  return { kind: 'ok', results: q.results };
}

/** Drives the query in ~10 ms slices; `aborted()` is checked between slices. */
export function runDetached(
  q: Interp,
  def: QueryDef,
  params: Map<string, QV>,
  timeoutMs: number,
  aborted: () => boolean,
  done: (o: Outcome) => void,
  fromHeader = true,
): void {
  const early = nullVertexParam(def, params);
  if (early) {
    setImmediate(() => done(early)).unref();
    return;
  }
  const deadline = performance.now() + timeoutMs;
  const it = q.run();
  const slice = () => {
    const until = performance.now() + 10;
    try {
      for (;;) {
        if (aborted()) return done({ kind: 'aborted' });
        if (it.next().done) return done({ kind: 'ok', results: q.results });
        const now = performance.now();
        if (now > deadline) return done({ kind: 'timeout', ms: timeoutMs, fromHeader });
        if (now > until) break;
      }
    } catch (e) {
      return done(fail(e));
    }
    // Unref'd: a detached query never keeps the process alive on its own.
    setImmediate(slice).unref();
  };
  setImmediate(slice).unref();
}

/** A reply's status and JSON body, before any HTTP framing. */
export interface OutcomeBody {
  status: number;
  body: Record<string, unknown>;
}

const reply = (status: number, body: Record<string, unknown>): OutcomeBody => ({ status, body });

/** The RESTPP status and body for an outcome (query envelope, §4.8; timeout REST-3000/3002, §2.4). */
export function outcomeBody(o: Outcome, schema: number, requestId: string): OutcomeBody {
  const version = versionBlock(schema);
  switch (o.kind) {
    case 'ok':
      return reply(200, { version, error: false, message: '', results: o.results });
    case 'error': {
      const body: Record<string, unknown> = { version, error: true, message: o.message };
      if (o.code !== undefined) body['code'] = o.code;
      return reply(500, body);
    }
    case 'timeout': {
      const secs = o.ms / 1000;
      return reply(504, {
        version,
        error: true,
        message: `The query didn't finish because it exceeded the query timeout threshold (${secs} seconds). Please check GSE log for license expiration and RESTPP/GPE log with request id (${requestId}) for details. Try increase RESTPP.Factory.DefaultQueryTimeoutSec or add header GSQL-TIMEOUT to override default system timeout. `,
        code: o.fromHeader ? 'REST-3000' : 'REST-3002',
      });
    }
    case 'aborted':
      return reply(500, {
        version,
        error: true,
        message: 'The query is aborted by user.',
        code: 'REST-12002',
      });
  }
}
