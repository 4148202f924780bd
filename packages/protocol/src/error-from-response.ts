// Turns a failed TigerGraph response into the right TigerGraphError subclass with a message that
// says what happened, where, what TigerGraph said (redacted) and how to fix it. The code decides
// the class when it is known; otherwise the HTTP status does (REST-10016 arrives as 401 or 403
// depending on the version, and ≤3.7 servers answer 200 with `error: true`).

import { codeKind, type ErrorCodeKind } from './error-kinds.js';
import {
  AuthError,
  type ErrorEndpoint,
  GsqlError,
  NotFoundError,
  TigerGraphError,
  type TigerGraphErrorOptions,
  TimeoutError,
  ValidationError,
} from './errors.js';
import { redact } from './redact.js';

/** What the transport knows about a failed response. */
export interface ErrorResponseInput {
  /** HTTP status (200 for legacy servers that report errors in the body only). */
  status: number;
  /** The parsed JSON body, when the body was JSON. */
  body?: unknown;
  /** The raw body text (used when there is no JSON body, e.g. an HTML gateway page). */
  text?: string | undefined;
  /** Method and path of the request; a query string in `path` is dropped. */
  endpoint: ErrorEndpoint;
  /** TigerGraph's or the SDK's request id, when known. */
  requestId?: string | undefined;
  /** Secret values (password, secret, tokens) to remove from the message. */
  secrets?: readonly string[] | undefined;
  cause?: unknown;
}

const MAX_SERVER_MESSAGE = 500;

/**
 * Builds (does not throw) the error for a failed response.
 *
 * | code / status | class |
 * |---|---|
 * | REST-10016, REST-10018, REST-10019, 401, 403 | `AuthError` |
 * | REST-1000, REST-1004, REST-10001, REST-3300, 601, 404 | `NotFoundError` |
 * | REST-3000…3002, GSQL-7002, 408, 504 | `TimeoutError` |
 * | REST-2001/2004/2005/10004/30000/30001/30200/30400, GSQL-7004, 400 | `ValidationError` |
 * | GSQL engine codes, bare numeric codes, `Runtime Error:` messages | `GsqlError` |
 * | anything else | `TigerGraphError` |
 *
 * @example
 * const error = errorFromResponse({
 *   status: 401,
 *   body: { error: true, code: 'REST-10016', message: "Access Denied because the input token = '' is empty or too short" },
 *   endpoint: { method: 'GET', path: '/restpp/graph/MyGraph/vertices/Patient' },
 * });
 * error instanceof AuthError; // true
 * error.message;
 * // "Authentication failed: GET /restpp/graph/MyGraph/vertices/Patient returned HTTP 401 (REST-10016).
 * //  TigerGraph said: "Access Denied because the input token = '' is empty or too short".
 * //  No token was sent but RESTPP authentication is on: pass apiToken, or gsqlSecret / username+password to obtain a token with getToken()."
 */
export function errorFromResponse(input: ErrorResponseInput): TigerGraphError {
  const secrets = input.secrets ?? [];
  const endpoint: ErrorEndpoint = { ...input.endpoint, path: stripQuery(input.endpoint.path) };
  const body = bodyObject(input.body, input.text);
  const code = readCode(body);
  const rawMessage = readMessage(body) ?? textMessage(input.text);
  const serverMessage = rawMessage === undefined ? undefined : clip(redact(rawMessage, secrets).trim());
  const kind = classify(code, input.status, rawMessage, endpoint);
  const facts: Facts = {
    code,
    status: input.status,
    serverMessage: serverMessage ?? '',
    endpoint,
    kind,
    json: body !== undefined,
  };

  const where = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
  const statusPart = input.status > 0 ? `returned HTTP ${input.status}` : 'failed';
  const codePart = code === undefined ? '' : ` (${code})`;
  const said = serverMessage ? ` TigerGraph said: "${serverMessage}".` : '';
  const message = redact(
    `${TITLES[kind]}: ${where} ${statusPart}${codePart}.${said} ${hint(facts)}`,
    secrets,
  );

  const options: TigerGraphErrorOptions = {
    code,
    status: input.status > 0 ? input.status : undefined,
    endpoint,
    serverMessage,
    requestId: input.requestId,
    cause: input.cause,
  };
  switch (kind) {
    case 'auth':
      return new AuthError(message, options);
    case 'gsql':
      return new GsqlError(message, { ...options, ...positionOf(serverMessage) });
    case 'not-found':
      return new NotFoundError(message, options);
    case 'timeout':
      return new TimeoutError(message, options);
    case 'validation':
      return new ValidationError(message, options);
    default:
      return new TigerGraphError(message, options);
  }
}

/** `… at line 3, column 3.` / `(line 2, column 9)`: where the GSQL parser or checker stopped. */
function positionOf(message: string | undefined): { line?: number; column?: number } {
  const at = message === undefined ? null : /\bline (\d+), column (\d+)/i.exec(message);
  return at ? { line: Number(at[1]), column: Number(at[2]) } : {};
}

type Kind = Exclude<ErrorCodeKind, 'success'>;

interface Facts {
  code: string | undefined;
  status: number;
  serverMessage: string;
  endpoint: ErrorEndpoint;
  kind: Kind;
  /** The server answered with a JSON body (so a 404 came from TigerGraph, not from a missing route). */
  json: boolean;
}

const TITLES: Record<Kind, string> = {
  auth: 'Authentication failed',
  'not-found': 'Not found',
  timeout: 'Timed out',
  validation: 'Rejected as invalid',
  gsql: 'GSQL error',
  server: 'Server error',
  limit: 'Limit exceeded',
};

function classify(
  code: string | undefined,
  status: number,
  message: string | undefined,
  endpoint: ErrorEndpoint,
): Kind {
  const known = codeKind(code);
  if (known !== undefined && known !== 'success') return known;
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 408 || status === 504) return 'timeout';
  if (message !== undefined && /runtime error/i.test(message)) return 'gsql';
  if (status === 413 || status === 429) return 'limit';
  // Query text the GSQL server could not compile: a 400 for interpreted queries, a 200 with the
  // error text from 3.x `/gsql/file`. It is the query's fault, not the payload's or the schema's.
  if (isGsqlService(endpoint) && message !== undefined && GSQL_FAILURE.test(message)) return 'gsql';
  if (status === 400 || status === 422) return 'validation';
  return 'server';
}

const GSQL_FAILURE = /Semantic Check Fails|SEMANTIC ERROR|Encountered "|Syntax Error|Failed to create/i;

function hint(f: Facts): string {
  const msg = f.serverMessage;
  const path = f.endpoint.path;
  // A bare id where the query declares a VERTEX parameter: RESTPP wants {"id", "type"} objects.
  if (/is not found in the VERTEX parameter|must be VERTEX type/i.test(msg)) {
    return "Pass VERTEX parameters as vertexParam('Type', id) (VERTEX<Type>) or anyVertexParam('Type', id) (untyped VERTEX), not as a bare id.";
  }
  switch (f.code) {
    case 'REST-10016':
      return /empty or too short/i.test(msg)
        ? 'No token was sent but RESTPP authentication is on: pass apiToken, or gsqlSecret / username+password to obtain a token with getToken().'
        : 'Check the token or secret; request a new token with getToken().';
    case 'REST-10019':
      return 'The token expired; request a new one with getToken() (the SDK refreshes it by itself when it holds a secret or password).';
    case 'REST-10018':
      return "The token is valid but its user lacks the privilege for this request; grant the privilege (e.g. READ_DATA on the graph) or use another user's token.";
    case 'REST-1004': {
      const graph = /graph name '([^']*)'/.exec(msg)?.[1];
      const name = graph === undefined ? 'in the URL' : `'${graph}'`;
      return `The graph name ${name} does not exist; check options.graph (names are case-sensitive) and list the graphs with the GSQL statement SHOW GRAPH *.`;
    }
    case 'REST-1000':
      if (/\/requesttoken$/.test(path))
        return 'RESTPP authentication is off on this server, so it has no token endpoint; connect without a token (username/password or no credentials), or enable RESTPP.Factory.EnableAuth.';
      if (/\/query\//.test(path))
        return 'The query is not installed on this graph; check its name and run INSTALL QUERY first.';
      return 'The endpoint does not exist on this server; check the server version option (3.x and 4.x use different paths) or list endpoints with GET /endpoints.';
    case 'REST-10001':
    case 'SYS-0004':
      return 'The endpoint was removed from this server version; check the server version option.';
    case 'REST-3300':
      return 'The token does not exist (already deleted or expired); nothing to delete.';
    case '601':
    case 'SYS-0005':
    case 'GSQL-4502':
      return 'No vertex with this id exists; check the id and the vertex type.';
    case 'REST-3000':
      return 'The request ran longer than its GSQL-TIMEOUT header; raise the timeout option.';
    case 'REST-3001':
      return "The request ran longer than the endpoint's timeout parameter; raise it (0 = server default).";
    case 'REST-3002':
    case 'GSQL-7002':
      return 'The query exceeded the server default timeout (RESTPP.Factory.DefaultQueryTimeoutSec, 16 s unless changed); pass a larger timeout (sent as GSQL-TIMEOUT) or make the query cheaper.';
    case 'REST-2001':
      return 'The request body is not valid JSON for this endpoint.';
    case 'REST-30200':
    case 'REST-10004':
      return 'Check vertex/edge type and attribute names against the schema and the value types (STRING as strings, DATETIME as "YYYY-MM-DD HH:MM:SS", no null values).';
    case 'REST-30400':
      return 'Check the /statistics parameters (seconds 1-60, segments 1-100).';
    case 'GSQL-7004':
      return 'The vertex or edge type does not exist in this graph (or has no numeric attributes); check the type name.';
    case 'REST-4000':
      return 'The response is larger than the RESPONSE-LIMIT; raise the response limit option or return less (limit, select, fewer PRINTs).';
    case 'REST-14000':
      return 'The workload queue was not granted to this user or is full; check the Workload-Queue header and the queue configuration, or retry later.';
    case 'SYS-0002':
      return 'The query hit its memory limit; raise GSQL-QueryLocalMemLimitMB or reduce the memory the query uses.';
    case 'REST-12000':
    case 'REST-12001':
    case 'SYS-0001':
      return 'The TigerGraph engine (GPE/GSE) is not running or not answering; check the services with `gadmin status` and retry.';
    case 'REST-5000':
    case 'REST-10020':
      return 'The server has no valid license; renew or install the license.';
    default:
      return hintByKind(f);
  }
}

function hintByKind(f: Facts): string {
  const gsql = isGsqlService(f.endpoint);
  switch (f.kind) {
    case 'auth':
      if (f.status === 403)
        return 'The credentials were refused or lack a privilege for this request; check the token/secret (some versions and TigerGraph Cloud answer 403 for a missing token) and the user’s privileges on the graph.';
      return gsql
        ? 'The GSQL server rejected the credentials; check username/password or gsqlSecret (the TigerGraph 3.x GSQL server does not accept tokens).'
        : 'Check the token or secret; request a new token with getToken().';
    case 'not-found':
      if (!f.json && /\/gsql\/v1\//.test(f.endpoint.path))
        return 'This server does not serve the 4.x GSQL API (/gsql/v1); it is probably TigerGraph 3.x or 4.0 — set options.version (e.g. "3.10.1").';
      if (!f.json && /\/gsqlserver\//.test(f.endpoint.path))
        return 'This server does not serve the 3.x GSQL API (/gsqlserver); it is probably TigerGraph 4.1 or later — set options.version (e.g. "4.2.0").';
      return 'Check the URL, the graph name and the type or query name.';
    case 'timeout':
      return 'The server did not answer in time; raise the timeout option or retry when the server is less busy.';
    case 'validation':
      return 'The server rejected a parameter or the payload; check type names, attribute names and value types against the schema.';
    case 'gsql': {
      const at = positionOf(f.serverMessage);
      if (at.line !== undefined) return `Fix the query text at line ${at.line}, column ${at.column}.`;
      return /^\d+$/.test(f.code ?? '') && Number(f.code) >= 40000
        ? 'The query raised a user-defined exception; see the query’s RAISE statement.'
        : 'The GSQL statement or query failed on the server; see TigerGraph’s message above.';
    }
    case 'limit':
      return f.status === 429
        ? 'Too many requests; slow down and retry later.'
        : 'A server limit was exceeded; reduce the request or raise the limit.';
    default:
      if (/Starting workspace|workspace is (starting|suspended|resuming)/i.test(f.serverMessage))
        return 'The TigerGraph Cloud workspace is starting or suspended; wait for it to be ready and retry.';
      if (f.status >= 500)
        return 'The server failed to handle the request; retry later and check the server logs (search them for the request id).';
      return 'Unexpected answer from the server; check the server logs.';
  }
}

function isGsqlService(endpoint: ErrorEndpoint): boolean {
  return endpoint.service === 'gsql' || /^\/(gsqlserver|gsql\/v1)\//.test(endpoint.path);
}

function stripQuery(path: string): string {
  const cut = path.search(/[?#]/);
  return cut === -1 ? path : path.slice(0, cut);
}

function bodyObject(body: unknown, text: string | undefined): Record<string, unknown> | undefined {
  if (isRecord(body)) return body;
  if (body === undefined && text !== undefined && /^\s*\{/.test(text)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed)) return parsed;
    } catch {
      // Not JSON after all: the text is used as the message.
    }
  }
  return undefined;
}

function readCode(body: Record<string, unknown> | undefined): string | undefined {
  const code = body?.['code'];
  if (typeof code === 'string' && code.trim() !== '') return code.trim();
  if (typeof code === 'number' && Number.isFinite(code)) return String(code);
  return undefined;
}

function readMessage(body: Record<string, unknown> | undefined): string | undefined {
  const message = body?.['message'];
  if (typeof message === 'string' && message.trim() !== '') return message;
  const results = body?.['results'];
  // 4.x GSQL-server replies sometimes carry the sentence in `results`.
  if (typeof results === 'string' && results.trim() !== '') return results;
  return undefined;
}

function textMessage(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  if (/^\s*</.test(text)) {
    // An HTML page from a gateway (e.g. Cloud's "Starting workspace"): its title says enough.
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    const stripped = text
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return title || stripped || undefined;
  }
  return text;
}

function clip(text: string): string {
  return text.length > MAX_SERVER_MESSAGE ? `${text.slice(0, MAX_SERVER_MESSAGE)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
