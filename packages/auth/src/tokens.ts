// The token lifecycle as functions over a minimal context: getToken, refreshToken, deleteToken,
// checkJwtToken. The facade binds them to its connection.
import { NotFoundError, ValidationError } from '@tgraph/protocol/errors';
import type { AuthExchangeRequest, ServerLine } from '@tgraph/protocol/options';
import { redact } from '@tgraph/protocol/redact';
import { type AuthContext, type IssuedToken, isTokenHolder } from './context.js';
import { callerHeaders, secretsOf, withSignal } from './internal/caller.js';
import { checkToken } from './internal/check.js';
import { type ExchangeCredential, exchangeToken, isRouteMissing } from './internal/exchange.js';
import { endpointOf, envelopeOf, failure, send } from './internal/http.js';
import { DEFAULT_LIFETIME_3X_SECONDS, parseTokenReply } from './parse.js';
import { AUTH_PATHS } from './paths.js';
import { requireCredential, validateSeconds } from './validate.js';

/** Options of {@link getToken}. */
export interface GetTokenOptions {
  /** Token lifetime in seconds (server default when omitted: one month on 3.x, one week on 4.x). */
  lifetime?: number | undefined;
  /**
   * Hand the new token to the connection's provider (`ctx.auth`, when it is a TokenHolder) so that
   * later requests send it (default true). With a secret, the provider also renews it on expiry.
   */
  setToken?: boolean | undefined;
  /** 4.x: scope the token to `ctx.graph` instead of requesting a global token (default false). */
  scopeToGraph?: boolean | undefined;
}

/**
 * Requests a token (pyTigerGraph `getToken(secret, setToken, lifetime)`).
 *
 * With a secret: 3.x `POST /requesttoken` on RESTPP with `{"secret": "…", "lifetime": "…"}` (no
 * Authorization header); 4.x `POST /gsql/v1/tokens` with the secret in the JSON body. Without a
 * secret the request is authenticated with the connection provider's credentials (3.x then needs
 * `ctx.graph`). With `ctx.line` undefined, 4.x is tried first and 3.x after a 404.
 *
 * Accepts both reply shapes: the token top-level or in `results`, `expiration` as Unix seconds
 * (3.x) or a date string (4.x).
 *
 * @throws NotFoundError (code REST-1000) when RESTPP authentication is off (3.x issues no tokens then).
 * @throws AuthError when the server rejects the secret or the credentials.
 *
 * @example
 * ```ts
 * const { token, expiresAt } = await getToken(ctx, 'n35lsqofc1if62fld2rmnb9hocqbh8ia', { lifetime: 100_000 });
 * ```
 */
export async function getToken(
  ctx: AuthContext,
  secret?: string,
  options: GetTokenOptions = {},
): Promise<IssuedToken> {
  const lifetime = options.lifetime === undefined ? undefined : validateSeconds(options.lifetime, 'lifetime');
  let credential: ExchangeCredential;
  if (secret !== undefined) {
    credential = { type: 'secret', secret: requireCredential(secret, 'secret') };
  } else {
    const headers = await callerHeaders(ctx, 'gsql');
    if (!headers.Authorization) {
      throw new ValidationError(
        'getToken() without a secret authenticates with the connection credentials, and this connection has ' +
          'none: pass the secret, getToken(ctx, secret).',
        { field: 'secret', code: 'TG-CREDENTIALS-REQUIRED' },
      );
    }
    credential = { type: 'headers', headers };
  }
  const now = (ctx.now ?? Date.now)();
  const issued = await exchangeToken({
    requester: ctx.requester,
    line: ctx.line,
    graph: ctx.graph,
    credential,
    lifetimeSeconds: lifetime,
    scopeToGraph: options.scopeToGraph,
    signal: ctx.signal,
    now,
    secrets: secretsOf(ctx, secret),
  });
  if (options.setToken !== false && isTokenHolder(ctx.auth)) {
    ctx.auth.useToken(issued, { secret });
  }
  return issued;
}

/** Options of {@link refreshToken}. */
export interface RefreshTokenOptions {
  /** The token to extend (default: the token the connection provider currently sends). */
  token?: string | undefined;
  /** New lifetime in seconds, counted from now (not from the old expiry). */
  lifetime?: number | undefined;
  /** Update the provider's idea of when the token expires (default true). */
  setToken?: boolean | undefined;
}

/**
 * Extends a 3.x token's lifetime (`PUT /requesttoken` with `{"token", "secret", "lifetime"}`; the
 * token string stays the same). Without a secret the request uses the connection credentials.
 *
 * @throws ValidationError on 4.x, which cannot refresh tokens: request a new one with {@link getToken}.
 */
export async function refreshToken(
  ctx: AuthContext,
  secret?: string,
  options: RefreshTokenOptions = {},
): Promise<IssuedToken> {
  if (ctx.line === '4') {
    throw new ValidationError(
      'Refreshing tokens is only supported on TigerGraph ≤ 4.0; request a new token with getToken().',
      { field: 'line', code: 'TG-UNSUPPORTED-ON-4X' },
    );
  }
  const lifetime = options.lifetime === undefined ? undefined : validateSeconds(options.lifetime, 'lifetime');
  const token = options.token ?? (isTokenHolder(ctx.auth) ? ctx.auth.currentToken(ctx.graph) : undefined);
  if (!token) {
    throw new ValidationError('refreshToken() needs a token: pass { token } or call getToken() first.', {
      field: 'token',
      code: 'TG-TOKEN-REQUIRED',
    });
  }
  const secrets = secretsOf(ctx, secret, token);
  const json: Record<string, string> = { token };
  if (secret !== undefined) json.secret = requireCredential(secret, 'secret');
  if (lifetime !== undefined) json.lifetime = String(lifetime);
  const request: AuthExchangeRequest = {
    service: 'restpp',
    method: 'PUT',
    path: AUTH_PATHS.requestToken,
    json,
    ...(secret === undefined ? { headers: await callerHeaders(ctx, 'gsql') } : {}),
    ...withSignal(ctx),
  };
  const response = await send(ctx.requester, request, secrets);
  const envelope = envelopeOf(response);
  if (ctx.line === undefined && isRouteMissing(response)) {
    throw new ValidationError(
      'Refreshing tokens is only supported on TigerGraph ≤ 4.0; request a new token with getToken().',
      { field: 'line', code: 'TG-UNSUPPORTED-ON-4X', status: 404, endpoint: endpointOf(request) },
    );
  }
  if (response.status >= 300 || envelope.error) {
    throw failure({
      action: 'Refreshing the token',
      request,
      response,
      secrets,
      authHint: 'Check the secret and that the token was issued for it and has not been deleted.',
    });
  }
  const now = (ctx.now ?? Date.now)();
  const parsed = parseTokenReply(
    { ...(response.body as object), token: (response.body as { token?: unknown }).token ?? token },
    { now, lifetimeSeconds: lifetime, defaultLifetimeSeconds: DEFAULT_LIFETIME_3X_SECONDS },
  );
  const issued: IssuedToken = {
    token,
    expiresAt: parsed?.expiresAt ?? new Date(now + (lifetime ?? DEFAULT_LIFETIME_3X_SECONDS) * 1000),
    expiration: parsed?.expiration,
    line: '3',
    graph: ctx.graph,
    raw: response.body,
  };
  if (options.setToken !== false && isTokenHolder(ctx.auth) && ctx.auth.currentToken(ctx.graph) === token) {
    ctx.auth.useToken(issued, { secret });
  }
  return issued;
}

/** Options of {@link deleteToken}. */
export interface DeleteTokenOptions {
  /** The token(s) to delete (default: the token the connection provider currently sends). */
  token?: string | readonly string[] | undefined;
  /** Treat "no such token" (3.x REST-3300) as success (pyTigerGraph's `skipNA`; default false). */
  skipNA?: boolean | undefined;
}

function deleteRequest(
  line: ServerLine,
  tokens: readonly string[],
  secret: string | undefined,
  headers: Record<string, string>,
  ctx: AuthContext,
): AuthExchangeRequest[] {
  if (line === '4') {
    return [
      {
        service: 'gsql',
        method: 'DELETE',
        path: AUTH_PATHS.tokens,
        json: { tokens: tokens.join(',') },
        headers: { 'Content-Type': 'application/json', ...headers },
        ...withSignal(ctx),
      },
    ];
  }
  return tokens.map((token) => ({
    service: 'restpp' as const,
    method: 'DELETE' as const,
    path: AUTH_PATHS.requestToken,
    json: secret === undefined ? { token } : { token, secret },
    ...(secret === undefined ? { headers } : {}),
    ...withSignal(ctx),
  }));
}

/**
 * Deletes tokens: 3.x `DELETE /requesttoken` with `{"token", "secret"}` (one request per token);
 * 4.x `DELETE /gsql/v1/tokens` with `{"tokens": "t1,t2"}` (JWTs go on the caller's block list).
 * Requests sent with a deleted token fail with an AuthError afterwards; the connection provider
 * stops sending it.
 *
 * @returns true when deleted (or absent with `skipNA`).
 * @throws NotFoundError (REST-3300) for an unknown token unless `skipNA`.
 */
export async function deleteToken(
  ctx: AuthContext,
  secret?: string,
  options: DeleteTokenOptions = {},
): Promise<boolean> {
  const given = options.token;
  const current = isTokenHolder(ctx.auth) ? ctx.auth.currentToken(ctx.graph) : undefined;
  const tokens =
    given === undefined ? (current ? [current] : []) : typeof given === 'string' ? [given] : [...given];
  if (tokens.length === 0 || tokens.some((t) => typeof t !== 'string' || t === '')) {
    throw new ValidationError('deleteToken() needs a token: pass { token } or call getToken() first.', {
      field: 'token',
      code: 'TG-TOKEN-REQUIRED',
    });
  }
  if (secret !== undefined) requireCredential(secret, 'secret');
  const secrets = secretsOf(ctx, secret, tokens);
  const lines: ServerLine[] = ctx.line ? [ctx.line] : ['4', '3'];
  const headers4 = async () => {
    const own = await callerHeaders(ctx, 'gsql');
    return own.Authorization || secret === undefined ? own : { Authorization: `GSQL-Secret ${secret}` };
  };
  for (const [i, line] of lines.entries()) {
    const headers =
      line === '4' ? await headers4() : secret === undefined ? await callerHeaders(ctx, 'gsql') : {};
    const requests = deleteRequest(line, tokens, secret, headers, ctx);
    let fellThrough = false;
    for (const request of requests) {
      const response = await send(ctx.requester, request, secrets);
      if (i < lines.length - 1 && isRouteMissing(response)) {
        fellThrough = true;
        break;
      }
      const envelope = envelopeOf(response);
      if (envelope.code === 'REST-3300') {
        if (options.skipNA) continue;
        throw new NotFoundError(
          'The token to delete does not exist (REST-3300): it was never issued for this secret, already deleted, or expired and purged.',
          {
            code: 'REST-3300',
            status: response.status,
            endpoint: endpointOf(request),
            serverMessage: redact(envelope.message, secrets),
          },
        );
      }
      if (response.status >= 300 || envelope.error) {
        throw failure({
          action: 'Deleting the token',
          request,
          response,
          secrets,
          authHint:
            'Check the secret (3.x) or the connection credentials (4.x): only the owner can delete a token.',
        });
      }
    }
    if (fellThrough) continue;
    if (isTokenHolder(ctx.auth)) for (const token of tokens) ctx.auth.forgetToken(token);
    return true;
  }
  /* c8 ignore next */
  return false;
}

/** Result of {@link checkJwtToken}. */
export interface JwtCheckResult {
  /** Whether the GSQL server accepts the token. */
  valid: boolean;
  /** The server's message (token text redacted). */
  message: string;
}

/**
 * Asks the 4.x GSQL server whether it accepts a token (`POST /gsql/v1/tokens/check`); the token
 * must be checked on the server that issued it.
 *
 * @throws ValidationError on 3.x, which has no check endpoint.
 */
export async function checkJwtToken(ctx: AuthContext, token?: string): Promise<JwtCheckResult> {
  if (ctx.line === '3') {
    throw new ValidationError('Checking tokens needs TigerGraph 4.1 or later (POST /gsql/v1/tokens/check).', {
      field: 'line',
      code: 'TG-UNSUPPORTED-ON-3X',
    });
  }
  const value = token ?? (isTokenHolder(ctx.auth) ? ctx.auth.currentToken(ctx.graph) : undefined);
  if (!value) {
    throw new ValidationError('checkJwtToken() needs a token: pass it, or call getToken() first.', {
      field: 'token',
      code: 'TG-TOKEN-REQUIRED',
    });
  }
  return checkToken({
    requester: ctx.requester,
    token: value,
    headers: await callerHeaders(ctx, 'gsql'),
    secrets: secretsOf(ctx, value),
    signal: ctx.signal,
  });
}
