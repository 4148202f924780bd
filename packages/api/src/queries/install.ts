// Installing queries with bounded waiting. 4.1+: `GET /gsql/v1/queries/install` submits a request
// and `GET /gsql/v1/queries/install/{id}` reports it until the message says SUCCESS or FAILED
// (reference §4.11). 3.x: the GSQL statement `INSTALL QUERY`, which answers when it is done.

import * as endpoints from '@tgraph/protocol/endpoints/queries';
import { GsqlError, TimeoutError, ValidationError } from '@tgraph/protocol/errors';
import { gsqlEnvelopeSchema } from '@tgraph/protocol/schemas/envelope';
import * as z from 'zod/mini';
import { type ApiContext, graphOf } from '../context.js';
import { requireIdentifier as gsqlName } from '../gsql/identifier.js';
import { gsql } from '../gsql/run.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { sleep } from './shared.js';

/** Option keys each function accepts (unknown ones are rejected). */
const INSTALL_QUERIES_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'cost',
  'debug',
  'force',
  'legacy',
  'maxWaitMs',
  'onProgress',
  'pollIntervalMs',
  'single',
  'wait',
];
const GET_INSTALL_STATUS_KEYS: readonly string[] = REQUEST_KEYS;

/** `INSTALL QUERY` flags. `single` and `legacy` exclude each other. */
export interface InstallFlags {
  force?: boolean | undefined;
  single?: boolean | undefined;
  legacy?: boolean | undefined;
  debug?: boolean | undefined;
  cost?: boolean | undefined;
}

export type InstallState = 'SUBMITTED' | 'RUNNING' | 'SUCCESS' | 'FAILED';

/** Progress of an installation, reported to `onProgress` and returned at the end. */
export interface InstallStatus {
  state: InstallState;
  /** 4.x request id (poll it with {@link getInstallStatus}). */
  requestId?: string | undefined;
  /** The server's message (4.x) or GSQL output (3.x). */
  message: string;
  /** Milliseconds since `installQueries` was called. */
  elapsedMs: number;
}

export interface InstallOptions extends RequestOptions, InstallFlags {
  /** Wait until the installation ends (default true). `false` returns right after submitting (4.x). */
  wait?: boolean | undefined;
  /** Upper bound for waiting; then a `TimeoutError` (the server keeps installing). Default 30 min. */
  maxWaitMs?: number | undefined;
  /** Time between status checks on 4.x. Default 2 s. */
  pollIntervalMs?: number | undefined;
  onProgress?: ((status: InstallStatus) => void) | undefined;
}

/**
 * Installs queries (`'all'` installs every query of the graph) and waits, bounded, until the
 * installation ends. A failed installation throws `GsqlError` with the server's message.
 *
 * @example
 * await createQuery(ctx, 'CREATE QUERY hello() FOR GRAPH $graphname { PRINT "hi" AS greeting; }');
 * const status = await installQueries(ctx, ['hello'], {
 *   force: true,
 *   onProgress: (s) => console.log(s.state, s.elapsedMs),
 * });
 */
export async function installQueries(
  ctx: ApiContext<SchemaShape>,
  queries: string | readonly string[] | 'all',
  options: InstallOptions = {},
): Promise<InstallStatus> {
  checkOptions(options, INSTALL_QUERIES_KEYS, 'installQueries');
  const all = queries === 'all' || queries === '*';
  const names = all
    ? []
    : (typeof queries === 'string' ? [queries] : [...queries]).map((q) => gsqlName(q, 'query'));
  if (!all && names.length === 0) {
    throw new ValidationError("installQueries needs query names or 'all'", { field: 'queries' });
  }
  if (options.single && options.legacy) {
    throw new ValidationError('The install flags single and legacy exclude each other; pass one of them', {
      field: 'single',
    });
  }
  const flags = (['force', 'single', 'legacy', 'debug', 'cost'] as const)
    .filter((f) => options[f])
    .map((f) => `-${f}`);
  const graph = gsqlName(graphOf(ctx, options.graph), 'graph');
  const started = Date.now();
  const maxWait = options.maxWaitMs ?? 30 * 60_000;
  const report = (status: Omit<InstallStatus, 'elapsedMs'>): InstallStatus => {
    const full = { ...status, elapsedMs: Date.now() - started };
    options.onProgress?.(full);
    return full;
  };

  if ((await ctx.line()) === '3') {
    report({ state: 'RUNNING', message: '' });
    const statement = `INSTALL QUERY ${flags.map((f) => f.toUpperCase()).join(' ')}${flags.length ? ' ' : ''}${all ? 'ALL' : names.join(', ')}`;
    let out: Awaited<ReturnType<typeof gsql>>;
    try {
      out = await gsql(ctx, statement, {
        graph,
        signal: options.signal,
        timeoutMs: options.timeoutMs ?? maxWait,
      });
    } catch (error) {
      if (error instanceof GsqlError)
        report({ state: 'FAILED', message: error.serverMessage ?? error.message });
      throw error;
    }
    return report({ state: 'SUCCESS', message: out.output });
  }

  const submitted = await callParsed(ctx, endpoints.installQueries, installReplySchema, {
    graph,
    ...abortOf(options),
    searchParams: {
      queries: all ? 'all' : names.join(','),
      ...(flags.length ? { flag: flags.join(',') } : {}),
    },
  });
  const requestId = submitted.requestId;
  const message = submitted.message ?? '';
  if (requestId === undefined) {
    // Some 4.1 builds install synchronously and answer without a request id.
    return finish(report({ state: stateOf(message) ?? 'SUCCESS', message }));
  }
  let status = report({ state: 'SUBMITTED', requestId, message });
  if (options.wait === false) return status;
  for (;;) {
    const polled = await getInstallStatus(ctx, requestId, { graph, signal: options.signal });
    status = report({ state: polled.state, requestId, message: polled.message });
    if (status.state === 'SUCCESS' || status.state === 'FAILED') return finish(status);
    if (Date.now() - started >= maxWait) {
      throw new TimeoutError(
        `Installing ${all ? 'all queries' : names.join(', ')} did not finish within ${maxWait} ms (request ${requestId} is still running on the server; check it with getInstallStatus or raise maxWaitMs)`,
        { code: 'TG-TIMEOUT' },
      );
    }
    await sleep(
      Math.min(options.pollIntervalMs ?? 2_000, Math.max(0, maxWait - (Date.now() - started))),
      options.signal,
    );
  }
}

/**
 * The state of a 4.x installation request (`GET /gsql/v1/queries/install/{requestId}`).
 *
 * @example
 * const { requestId } = await installQueries(ctx, 'all', { wait: false });
 * const { state } = await getInstallStatus(ctx, requestId!);
 */
export async function getInstallStatus(
  ctx: ApiContext<SchemaShape>,
  requestId: string,
  options: RequestOptions = {},
): Promise<{ state: InstallState; message: string; requestId: string }> {
  checkOptions(options, GET_INSTALL_STATUS_KEYS, 'getInstallStatus');
  if (typeof requestId !== 'string' || requestId === '') {
    throw new ValidationError('getInstallStatus needs the request id installQueries returned', {
      field: 'requestId',
    });
  }
  const reply = await callParsed(ctx, endpoints.installStatus, installReplySchema, {
    params: { requestId },
    ...abortOf(options),
  });
  const message = reply.message ?? '';
  return { state: stateOf(message) ?? 'RUNNING', message, requestId };
}

const installReplySchema = z.extend(gsqlEnvelopeSchema, {
  requestId: z.optional(z.string()),
  startTime: z.optional(z.string()),
});

function stateOf(message: string): InstallState | undefined {
  if (/FAILED|FAILURE/.test(message)) return 'FAILED';
  if (/SUCCESS/.test(message)) return 'SUCCESS';
  return undefined;
}

function finish(status: InstallStatus): InstallStatus {
  if (status.state === 'FAILED') {
    throw new GsqlError(`Installing queries failed: ${status.message}`, {
      code: 'TG-INSTALL-FAILED',
      serverMessage: status.message,
    });
  }
  return status;
}
