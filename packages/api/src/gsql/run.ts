// Runs GSQL text on the GSQL server: 4.1+ `POST /gsql/v1/statements` (text/plain), 3.x/4.0
// `POST /gsqlserver/gsql/file` (form-encoded, `__GSQL__` control lines in the reply). The endpoint
// follows `ctx.line()`; pyTigerGraph instead tries 4.x and falls back on 404, and ignores its graph
// argument — here `graph` really selects the graph.

import * as endpoints from '@tgraph/protocol/endpoints/auth';
import { GsqlError, ValidationError } from '@tgraph/protocol/errors';
import { redact } from '@tgraph/protocol/redact';
import { parseGsqlOutput } from '@tgraph/protocol/schemas/gsql-output';
import type { ApiContext } from '../context.js';
import { abortOf, call, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { requireIdentifier } from './identifier.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GSQL_KEYS: readonly string[] = [...REQUEST_KEYS, 'throwOnError'];

/** Options of {@link gsql}. */
export interface GsqlOptions extends Omit<RequestOptions, 'graph'> {
  /**
   * Runs the text in this graph (`USE GRAPH <graph>` is sent first). The client's default graph is
   * not applied on its own, because GSQL text often runs in global scope (`CREATE VERTEX`, `CREATE GRAPH`).
   */
  graph?: string | undefined;
  /** Throw a {@link GsqlError} when the output reports a failure (default true). */
  throwOnError?: boolean | undefined;
}

/** What a GSQL run printed. */
export interface GsqlResult {
  /** The output without `__GSQL__` control lines and terminal escapes. */
  output: string;
  /** False when the output reports a failure (an error marker or a non-zero return code). */
  ok: boolean;
  /** The 3.x shell's `__GSQL__RETURN__CODE__` (0 = success); undefined on 4.1+, which prints none. */
  returnCode: number | undefined;
}

/**
 * Python's `urllib.parse.quote_plus`: the 3.x shell endpoint expects the text form-encoded
 * (space → `+`, everything but letters, digits and `_.-~` percent-encoded as UTF-8).
 *
 * @example
 * formEncodeGsql('USE GRAPH g\nls'); // 'USE+GRAPH+g%0Als'
 */
export function formEncodeGsql(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/**
 * Runs GSQL statements and returns their output; a failure reported in the output (HTTP stays 200)
 * becomes a {@link GsqlError} whose `output` holds the (redacted) text.
 *
 * @throws ValidationError for empty text or an invalid graph name.
 * @throws GsqlError when GSQL reports an error (unless `throwOnError: false`).
 *
 * @example
 * const { output } = await gsql(ctx, 'ls', { graph: 'MyGraph' });
 * console.log(output); // ---- Graph MyGraph …
 */
export async function gsql(
  ctx: ApiContext<SchemaShape>,
  text: string,
  options: GsqlOptions = {},
): Promise<GsqlResult> {
  checkOptions(options, GSQL_KEYS, 'gsql');
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ValidationError('gsql() needs GSQL text, e.g. gsql(ctx, "ls")', { field: 'text' });
  }
  const script =
    options.graph === undefined ? text : `USE GRAPH ${requireIdentifier(options.graph, 'graph')}\n${text}`;
  const line = await ctx.line();
  const response = await call<string>(ctx, endpoints.gsqlStatements, {
    noGraph: true,
    body: line === '4' ? script : formEncodeGsql(script),
    headers: {
      'Content-Type': line === '4' ? 'text/plain' : 'application/x-www-form-urlencoded',
    },
    responseType: 'text',
    ...abortOf(options),
  });
  const parsed = parseGsqlOutput(response.data);
  const result: GsqlResult = { output: parsed.text, ok: !parsed.failed, returnCode: parsed.returnCode };
  if (!result.ok && options.throwOnError !== false) {
    throw gsqlFailure(ctx, result, { method: response.spec.method, path: response.path }, response.requestId);
  }
  return result;
}

/** The GsqlError for a failed run: names the first line that reports the failure. */
export function gsqlFailure(
  ctx: ApiContext<SchemaShape>,
  result: GsqlResult,
  endpoint: { method: string; path: string },
  requestId?: string | undefined,
): GsqlError {
  const secrets = ctx.auth?.secrets() ?? [];
  const output = redact(result.output, secrets);
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  const reason =
    lines.find((l) => /error|fail|does not exist|already exists|is not a valid|Encountered "/i.test(l)) ??
    lines[lines.length - 1] ??
    `return code ${String(result.returnCode)}`;
  return new GsqlError(`GSQL reported an error: ${reason.trim()}`, {
    code: result.returnCode === undefined ? 'TG-GSQL-FAILED' : `GSQL-RC-${result.returnCode}`,
    endpoint,
    requestId,
    serverMessage: output.slice(0, 500),
    output,
  });
}
