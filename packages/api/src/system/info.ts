// Connectivity and version: RESTPP `/echo` and `/version`, the GSQL server's `/api/ping` and version text.

import * as endpoints from '@tgraph/protocol/endpoints';
import { ResponseShapeError } from '@tgraph/protocol/errors';
import { parseJson } from '@tgraph/protocol/json';
import { parseVersionMessage, type VersionInfo } from '@tgraph/protocol/options';
import { echoReplySchema, pingReplySchema, versionReplySchema } from '@tgraph/protocol/schemas/meta';
import type { ApiContext } from '../context.js';
import { abortOf, call, callParsed, type RequestOptions } from '../internal/call.js';
import { ABORT_KEYS, checkOptions } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const ECHO_KEYS: readonly string[] = [...ABORT_KEYS, 'method'];
const PING_KEYS: readonly string[] = ABORT_KEYS;
const GET_VERSION_KEYS: readonly string[] = ABORT_KEYS;
const GET_GSQL_VERSION_KEYS: readonly string[] = [...ABORT_KEYS, 'verbose'];

type BaseOptions = Omit<RequestOptions, 'graph'>;

/**
 * RESTPP's echo (`GET /echo`, or `POST /echo` with `{ method: 'POST' }`): returns its message,
 * `"Hello GSQL"`. A cheap liveness and credential check.
 *
 * @example
 * await echo(ctx); // 'Hello GSQL'
 */
export async function echo(
  ctx: ApiContext<SchemaShape>,
  options: BaseOptions & { method?: 'GET' | 'POST' | undefined } = {},
): Promise<string> {
  checkOptions(options, ECHO_KEYS, 'echo');
  const reply = await callParsed(
    ctx,
    options.method === 'POST' ? endpoints.echoPost : endpoints.echo,
    echoReplySchema,
    {
      ...abortOf(options),
    },
  );
  return reply.message ?? '';
}

/**
 * The GSQL server's public health check, `GET /api/ping` (no credentials needed).
 *
 * @example
 * await ping(ctx); // { error: false, message: 'pong' }
 */
export async function ping(
  ctx: ApiContext<SchemaShape>,
  options: BaseOptions = {},
): Promise<{ error: boolean; message: string }> {
  checkOptions(options, PING_KEYS, 'ping');
  const reply = await callParsed(ctx, endpoints.ping, pingReplySchema, {
    ...abortOf(options),
  });
  return { error: reply.error, message: reply.message ?? '' };
}

/** {@link getVersion}'s result: the parsed table plus the server's text. */
export interface ServerVersionInfo extends VersionInfo {
  /** The `message` text of `GET /version`, unchanged. */
  message: string;
}

// `/version` may carry raw control characters inside its JSON string (reference §4.1): escape them
// so the reply parses instead of failing like a strict parser would.
function lenientJson(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    let escaped = '';
    let inString = false;
    let backslash = false;
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (inString && code < 0x20) escaped += `\\u${code.toString(16).padStart(4, '0')}`;
      else escaped += ch;
      if (backslash) backslash = false;
      else if (ch === '\\') backslash = inString;
      else if (ch === '"') inString = !inString;
    }
    return parseJson(escaped);
  }
}

/**
 * RESTPP `GET /version` parsed (pyTigerGraph `getVersion()` / `getVer()`): `version` is the product
 * version `X.Y.Z`, `components` every row of the table.
 *
 * @example
 * const { version, components } = await getVersion(ctx);
 * version; // '4.2.0'
 */
export async function getVersion(
  ctx: ApiContext<SchemaShape>,
  options: BaseOptions = {},
): Promise<ServerVersionInfo> {
  checkOptions(options, GET_VERSION_KEYS, 'getVersion');
  const response = await call<string>(ctx, endpoints.version, {
    responseType: 'text',
    ...abortOf(options),
  });
  let body: unknown;
  try {
    body = lenientJson(response.data);
  } catch {
    throw new ResponseShapeError(`GET ${response.path}: the reply is not JSON`, {
      code: 'TG-RESPONSE-SHAPE',
      endpoint: { method: 'GET', path: response.path },
    });
  }
  const parsed = versionReplySchema.safeParse(body);
  if (!parsed.success) {
    throw new ResponseShapeError(`GET ${response.path}: message: expected the version text`, {
      code: 'TG-RESPONSE-SHAPE',
      endpoint: { method: 'GET', path: response.path },
    });
  }
  return { ...parseVersionMessage(parsed.data.message), message: parsed.data.message };
}

/**
 * The GSQL server's version text (pyTigerGraph `getGSQLVersion`): 4.1+ `GET /gsql/v1/version`,
 * 3.x `GET /gsqlserver/gsql/version`. The reply is plain text (`GSQL version: …`); `version` is
 * the `X.Y.Z` found in its first line, when there is one.
 *
 * @example
 * const { version, text } = await getGsqlVersion(ctx);
 */
export async function getGsqlVersion(
  ctx: ApiContext<SchemaShape>,
  options: BaseOptions & { verbose?: boolean | undefined } = {},
): Promise<{ version: string | undefined; text: string }> {
  checkOptions(options, GET_GSQL_VERSION_KEYS, 'getGsqlVersion');
  const response = await call<string>(ctx, endpoints.gsqlVersion, {
    responseType: 'text',
    ...(options.verbose ? { searchParams: { verbose: 'true' } } : {}),
    ...abortOf(options),
  });
  let text = response.data;
  // Some builds wrap the text in a JSON envelope (reference §11.7).
  try {
    const json = parseJson(text) as { message?: unknown; results?: unknown };
    if (typeof json.results === 'string') text = json.results;
    else if (typeof json.message === 'string') text = json.message;
  } catch {
    // plain text
  }
  const first = /GSQL version:\s*(\S+)/.exec(text)?.[1];
  const m = first === undefined ? undefined : /(\d+)\.(\d+)(?:\.(\d+))?/.exec(first);
  return { version: m ? `${m[1]}.${m[2]}.${m[3] ?? '0'}` : undefined, text };
}
