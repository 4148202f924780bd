// The one place that asks the server for a token: 3.x `POST /requesttoken` on RESTPP, 4.1+
// `POST /gsql/v1/tokens` on the GSQL server, or (line unknown) 4.x first and 3.x after a 404.
import { NotFoundError, ResponseShapeError, ValidationError } from '@tgraph/protocol/errors';
import type {
  AuthExchangeRequest,
  AuthExchangeResponse,
  AuthRequester,
  ServerLine,
} from '@tgraph/protocol/options';
import type { IssuedToken } from '../context.js';
import { DEFAULT_LIFETIME_3X_SECONDS, DEFAULT_LIFETIME_4X_SECONDS, parseTokenReply } from '../parse.js';
import { AUTH_PATHS } from '../paths.js';
import { endpointOf, envelopeOf, failure, isEndpointMissing, isRecord, send } from './http.js';

/** How the exchange proves who is asking. */
export type ExchangeCredential =
  /** A secret in the request body; no Authorization header. */
  | { type: 'secret'; secret: string }
  /** The caller's own Authorization header (Basic user:password, or an accepted token/secret). */
  | { type: 'headers'; headers: Record<string, string>; username?: string | undefined };

export interface ExchangeParams {
  requester: AuthRequester;
  line: ServerLine | undefined;
  graph: string | undefined;
  credential: ExchangeCredential;
  lifetimeSeconds?: number | undefined;
  /** 4.x: request a token scoped to `graph` (default: a global token, as pyTigerGraph does). */
  scopeToGraph?: boolean | undefined;
  signal?: AbortSignal | undefined;
  now: number;
  /** Everything to redact from errors. */
  secrets: readonly string[];
}

function authHint(params: ExchangeParams): string {
  if (params.credential.type === 'secret') {
    return (
      'Check that the secret is correct and has not been dropped (getSecrets() lists them); ' +
      'on 3.x a secret only works for the graph it was created in.'
    );
  }
  const user = params.credential.username;
  return user
    ? `Check the username ("${user}") and password; after 5 failed logins TigerGraph makes the user wait before the next attempt.`
    : 'Check the credentials the connection was given.';
}

function request3(params: ExchangeParams): AuthExchangeRequest {
  const { credential } = params;
  const lifetime = params.lifetimeSeconds === undefined ? {} : { lifetime: String(params.lifetimeSeconds) };
  if (credential.type === 'secret') {
    // Exactly the documented flow: {"secret": "...", "lifetime": "100000"}, no Authorization header.
    return {
      service: 'restpp',
      method: 'POST',
      path: AUTH_PATHS.requestToken,
      json: { secret: credential.secret, ...lifetime },
      ...(params.signal ? { signal: params.signal } : {}),
    };
  }
  if (!params.graph) {
    throw new ValidationError(
      'TigerGraph 3.x issues tokens for username/password only for a graph: set the connection graph, ' +
        'or request the token with a secret.',
      { field: 'graph', code: 'TG-GRAPH-REQUIRED' },
    );
  }
  return {
    service: 'restpp',
    method: 'POST',
    path: AUTH_PATHS.requestToken,
    json: { graph: params.graph, ...lifetime },
    headers: credential.headers,
    ...(params.signal ? { signal: params.signal } : {}),
  };
}

function request4(params: ExchangeParams): AuthExchangeRequest {
  const { credential } = params;
  const json: Record<string, string> = {};
  if (params.scopeToGraph && params.graph) json.graph = params.graph;
  if (params.lifetimeSeconds !== undefined) json.lifetime = String(params.lifetimeSeconds);
  if (credential.type === 'secret') json.secret = credential.secret;
  return {
    service: 'gsql',
    method: 'POST',
    path: AUTH_PATHS.tokens,
    json,
    headers: {
      'Content-Type': 'application/json',
      ...(credential.type === 'headers' ? credential.headers : {}),
    },
    ...(params.signal ? { signal: params.signal } : {}),
  };
}

/** A 404 that is not a TigerGraph reply: the route does not exist on this server (other line). */
export function isRouteMissing(response: AuthExchangeResponse): boolean {
  if (response.status !== 404) return false;
  const body = response.body;
  return !(isRecord(body) && typeof body.code === 'string' && body.code !== 'REST-1000');
}

function interpret(
  params: ExchangeParams,
  line: ServerLine,
  request: AuthExchangeRequest,
  response: AuthExchangeResponse,
): IssuedToken {
  const envelope = envelopeOf(response);
  const action =
    params.credential.type === 'secret'
      ? 'Requesting a token with a secret'
      : 'Requesting a token with the connection credentials';
  if (
    line === '3' &&
    isEndpointMissing(response, envelope) &&
    response.status !== 401 &&
    response.status !== 403
  ) {
    throw new NotFoundError(
      `RESTPP authentication is not enabled on this server, so it issues no tokens (${request.method} ${request.path} ` +
        `answered ${envelope.code ?? `HTTP ${response.status}`}). Connect without a token, or enable ` +
        'RESTPP.Factory.EnableAuth on the server.',
      { code: envelope.code ?? 'REST-1000', status: response.status, endpoint: endpointOf(request) },
    );
  }
  if (response.status >= 200 && response.status < 300 && !envelope.error) {
    const parsed = parseTokenReply(response.body, {
      now: params.now,
      lifetimeSeconds: params.lifetimeSeconds,
      defaultLifetimeSeconds: line === '3' ? DEFAULT_LIFETIME_3X_SECONDS : DEFAULT_LIFETIME_4X_SECONDS,
    });
    if (!parsed) {
      throw new ResponseShapeError(
        `The token reply of ${request.method} ${request.path} has no token (looked at "token" and "results.token").`,
        { status: response.status, endpoint: endpointOf(request) },
      );
    }
    return {
      token: parsed.token,
      expiresAt: parsed.expiresAt,
      expiration: parsed.expiration,
      line,
      graph: line === '3' || params.scopeToGraph ? params.graph : undefined,
      raw: response.body,
    };
  }
  throw failure({ action, request, response, secrets: params.secrets, authHint: authHint(params) });
}

/** Requests one token; returns it with the line that issued it. */
export async function exchangeToken(params: ExchangeParams): Promise<IssuedToken> {
  const lines: ServerLine[] = params.line ? [params.line] : ['4', '3'];
  for (const [i, line] of lines.entries()) {
    const request = line === '3' ? request3(params) : request4(params);
    const response = await send(params.requester, request, params.secrets);
    if (i < lines.length - 1 && isRouteMissing(response)) continue;
    return interpret(params, line, request, response);
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}
