// Secret management: createSecret, getSecrets, dropSecret. 4.1+ through `/gsql/v1/secrets`;
// 3.x through GSQL statements posted to `/gsqlserver/gsql/file`. Every alias and graph name that
// reaches GSQL text is validated first, so nothing can be injected through them.
import { AuthError, GsqlError, ResponseShapeError, ValidationError } from '@tgraph/protocol/errors';
import type { AuthExchangeRequest, AuthExchangeResponse } from '@tgraph/protocol/options';
import { redact } from '@tgraph/protocol/redact';
import { parseGsqlOutput } from '@tgraph/protocol/schemas/gsql-output';
import { maskSecret } from '@tgraph/protocol/schemas/secrets';
import type { AuthContext } from './context.js';
import { callerHeaders, secretsOf, withSignal } from './internal/caller.js';
import { quotePlus } from './internal/encoding.js';
import { isRouteMissing } from './internal/exchange.js';
import { endpointOf, envelopeOf, failure, isRecord, send } from './internal/http.js';
import { parseCreatedSecret, parseShowSecrets, type SecretInfo } from './parse.js';
import { AUTH_PATHS } from './paths.js';
import { validateAlias, validateGraphName, validateSecretOrAlias } from './validate.js';

const AUTH_HINT =
  'Secret management needs a logged-in user: give the connection a username/password (or a secret) ' +
  'with the privilege to manage its own secrets.';

/** Runs `operation` for the line; with the line unknown tries 4.x first and 3.x when the route is missing. */
async function byLine<T>(
  ctx: AuthContext,
  v4: () => Promise<T | typeof ROUTE_MISSING>,
  v3: () => Promise<T>,
): Promise<T> {
  if (ctx.line === '3') return v3();
  const result = await v4();
  if (result !== ROUTE_MISSING) return result;
  if (ctx.line === '4') throw new Error('unreachable: route missing on a 4.x server');
  return v3();
}

const ROUTE_MISSING = Symbol('route-missing');

async function call4(
  ctx: AuthContext,
  request: Omit<AuthExchangeRequest, 'service' | 'headers'> & { headers?: Record<string, string> },
  secrets: readonly string[],
): Promise<AuthExchangeResponse | typeof ROUTE_MISSING> {
  const full: AuthExchangeRequest = {
    ...request,
    service: 'gsql',
    headers: {
      'Content-Type': 'application/json',
      ...request.headers,
      ...(await callerHeaders(ctx, 'gsql')),
    },
    ...withSignal(ctx),
  };
  const response = await send(ctx.requester, full, secrets);
  if (ctx.line === undefined && isRouteMissing(response)) return ROUTE_MISSING;
  return response;
}

function requireGraph(ctx: AuthContext, what: string): string {
  if (!ctx.graph) {
    throw new ValidationError(
      `${what} on TigerGraph 3.x runs in a graph (3.x secrets are bound to one): set the connection graph.`,
      { field: 'graph', code: 'TG-GRAPH-REQUIRED' },
    );
  }
  return validateGraphName(ctx.graph);
}

/** Posts GSQL text to the 3.x shell endpoint and returns its cleaned output. */
async function runGsql3(ctx: AuthContext, statements: string[], secrets: readonly string[], action: string) {
  const request: AuthExchangeRequest = {
    service: 'gsql',
    method: 'POST',
    path: AUTH_PATHS.gsqlFile,
    body: quotePlus(statements.join('\n')),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(await callerHeaders(ctx, 'gsql')) },
    ...withSignal(ctx),
  };
  const response = await send(ctx.requester, request, secrets);
  if (response.status >= 300) throw failure({ action, request, response, secrets, authHint: AUTH_HINT });
  const output = parseGsqlOutput(response.text);
  return { request, response, output };
}

/**
 * GSQL output may print secrets and tokens we do not know (e.g. another user's): besides the known
 * values, mask anything shaped like a TigerGraph secret/token (32 lowercase alphanumerics) or a JWT.
 */
function redactGsql(text: string, secrets: readonly string[]): string {
  return redact(text, secrets)
    .replace(/\b[a-z0-9]{32}\b/g, '***')
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, '***');
}

function gsqlFailure(
  action: string,
  text: string,
  request: AuthExchangeRequest,
  secrets: readonly string[],
): GsqlError {
  const clean = redactGsql(text, secrets);
  return new GsqlError(`${action} failed: ${clean || 'the GSQL server reported an error'}`, {
    endpoint: endpointOf(request),
    serverMessage: clean,
  });
}

function conflict(alias: string | undefined, request: AuthExchangeRequest): ValidationError {
  return new ValidationError(
    `A secret with alias "${alias ?? ''}" already exists: choose another alias, or drop the old one first with dropSecret().`,
    { field: 'alias', code: 'TG-SECRET-EXISTS', endpoint: endpointOf(request) },
  );
}

/** A created secret with its alias. */
export interface CreatedSecret {
  alias: string;
  /** The secret value. This is the only time the server shows it in full: store it safely. */
  secret: string;
}

/** Options of {@link createSecret}. */
export interface CreateSecretOptions {
  /** Return `{ alias, secret }` instead of only the secret (useful when the alias is generated). */
  withAlias?: boolean | undefined;
  /** 4.x: a value of your own instead of a random 32-character secret. */
  value?: string | undefined;
}

/**
 * Creates a secret for the connection's user (pyTigerGraph `createSecret(alias, withAlias)`). 4.x:
 * `POST /gsql/v1/secrets?alias=…`; 3.x: `USE GRAPH <graph>` + `CREATE SECRET <alias>` through the
 * GSQL shell endpoint. Without an alias the server generates one (`AUTO_GENERATED_ALIAS_…`).
 *
 * @throws ValidationError for an invalid alias (letters, digits and `_`, not starting with a digit)
 *   or an alias that already exists.
 */
export function createSecret(
  ctx: AuthContext,
  alias?: string,
  options?: { withAlias?: false; value?: string },
): Promise<string>;
export function createSecret(
  ctx: AuthContext,
  alias: string | undefined,
  options: { withAlias: true; value?: string },
): Promise<CreatedSecret>;
export function createSecret(
  ctx: AuthContext,
  alias?: string,
  options?: CreateSecretOptions,
): Promise<string | CreatedSecret>;
export async function createSecret(
  ctx: AuthContext,
  alias?: string,
  options: CreateSecretOptions = {},
): Promise<string | CreatedSecret> {
  const name = alias === undefined || alias === '' ? undefined : validateAlias(alias);
  const secrets = secretsOf(ctx, options.value);
  const created = await byLine<CreatedSecret>(
    ctx,
    async () => {
      const searchParams: Record<string, string> = {};
      if (name) searchParams.alias = name;
      if (options.value) searchParams.value = options.value;
      const request = { method: 'POST' as const, path: AUTH_PATHS.secrets, searchParams };
      const response = await call4(ctx, request, secrets);
      if (response === ROUTE_MISSING) return ROUTE_MISSING;
      const envelope = envelopeOf(response);
      const full = { ...request, service: 'gsql' as const };
      if (response.status >= 300 || envelope.error) {
        if (/already exist/i.test(envelope.message)) throw conflict(name, full);
        throw failure({ action: 'Creating a secret', request: full, response, secrets, authHint: AUTH_HINT });
      }
      const results =
        isRecord(response.body) && isRecord(response.body.results) ? response.body.results : undefined;
      if (typeof results?.value !== 'string') {
        throw new ResponseShapeError('The reply of POST /gsql/v1/secrets has no results.value.', {
          status: response.status,
          endpoint: endpointOf(full),
        });
      }
      return {
        alias: typeof results.alias === 'string' ? results.alias : (name ?? ''),
        secret: results.value,
      };
    },
    async () => {
      if (options.value) {
        throw new ValidationError('Secrets with a value of your own need TigerGraph 4.1 or later.', {
          field: 'value',
          code: 'TG-UNSUPPORTED-ON-3X',
        });
      }
      const graph = requireGraph(ctx, 'Creating a secret');
      const statements = [`USE GRAPH ${graph}`, name ? `CREATE SECRET ${name}` : 'CREATE SECRET'];
      const { request, output } = await runGsql3(ctx, statements, secrets, 'Creating a secret');
      if (/already exist/i.test(output.text)) throw conflict(name, request);
      const secret = parseCreatedSecret(output.text);
      if (!secret || (output.returnCode !== undefined && output.returnCode !== 0)) {
        throw gsqlFailure('Creating a secret', output.text, request, [
          ...secrets,
          ...(secret ? [secret] : []),
        ]);
      }
      if (name) return { alias: name, secret };
      if (!options.withAlias) return { alias: '', secret };
      // The generated alias is only in SHOW SECRET, next to the masked value.
      const listed = await listSecrets3(ctx, graph, [...secrets, secret]);
      const masked = maskSecret(secret);
      const match = listed.find((s) => s.value === masked);
      return { alias: match?.alias ?? '', secret };
    },
  );
  return options.withAlias ? created : created.secret;
}

async function listSecrets3(
  ctx: AuthContext,
  graph: string,
  secrets: readonly string[],
): Promise<SecretInfo[]> {
  const { request, output } = await runGsql3(
    ctx,
    [`USE GRAPH ${graph}`, 'SHOW SECRET'],
    secrets,
    'Listing secrets',
  );
  if (output.returnCode !== undefined && output.returnCode !== 0) {
    throw gsqlFailure('Listing secrets', output.text, request, secrets);
  }
  return parseShowSecrets(output.text);
}

/**
 * Lists the connection user's secrets as TigerGraph returns them (pyTigerGraph `getSecrets()`):
 * masked values (`abc****xyz`) and graph on 3.x (`SHOW SECRET`); values as `GET /gsql/v1/secrets`
 * returns them on 4.x.
 */
export async function getSecrets(ctx: AuthContext): Promise<SecretInfo[]> {
  const secrets = secretsOf(ctx);
  return byLine<SecretInfo[]>(
    ctx,
    async () => {
      const request = { method: 'GET' as const, path: AUTH_PATHS.secrets };
      const response = await call4(ctx, request, secrets);
      if (response === ROUTE_MISSING) return ROUTE_MISSING;
      const full = { ...request, service: 'gsql' as const };
      const envelope = envelopeOf(response);
      if (response.status >= 300 || envelope.error) {
        throw failure({ action: 'Listing secrets', request: full, response, secrets, authHint: AUTH_HINT });
      }
      const body = isRecord(response.body) ? response.body : {};
      const results = Array.isArray(body.results)
        ? body.results
        : isRecord(body.results)
          ? [body.results]
          : [];
      return results.filter(isRecord).map((item) => ({
        alias: typeof item.alias === 'string' ? item.alias : '',
        value: typeof item.value === 'string' ? item.value : '',
      }));
    },
    async () => listSecrets3(ctx, requireGraph(ctx, 'Listing secrets'), secrets),
  );
}

/** Options of {@link dropSecret}. */
export interface DropSecretOptions {
  /** Do not throw when a secret does not exist or cannot be dropped (default true, as in pyTigerGraph). */
  ignoreErrors?: boolean | undefined;
}

/** Result of {@link dropSecret}. */
export interface DropSecretResult {
  /** Aliases (or values) the server confirmed dropping, or all of them when it confirmed in one message. */
  dropped: string[];
  /** Those it could not drop (only with `ignoreErrors`). */
  failed: string[];
  /** The server's message or GSQL output (secret values redacted). */
  message: string;
}

/**
 * Drops one or more secrets by alias (or value) (pyTigerGraph `dropSecret(alias, ignoreErrors)`).
 * 4.x: `DELETE /gsql/v1/secrets/<alias>`, or `DELETE /gsql/v1/secrets` with `{"secrets": [...]}`
 * for several; 3.x: one `DROP SECRET <alias>` statement per alias.
 *
 * @throws ValidationError for an empty list or a name that is not an alias or secret.
 * @throws GsqlError / TigerGraphError when a secret cannot be dropped, unless `ignoreErrors`.
 */
export async function dropSecret(
  ctx: AuthContext,
  alias: string | readonly string[],
  options: DropSecretOptions = {},
): Promise<DropSecretResult> {
  const names = (typeof alias === 'string' ? [alias] : [...alias]).map((a, i) =>
    validateSecretOrAlias(a, typeof alias === 'string' ? 'alias' : `alias[${i}]`),
  );
  if (names.length === 0) {
    throw new ValidationError('dropSecret() needs at least one alias.', {
      field: 'alias',
      code: 'TG-INVALID-ALIAS',
    });
  }
  const ignore = options.ignoreErrors ?? true;
  // Names may be secret values themselves: keep them out of messages.
  const secrets = secretsOf(
    ctx,
    names.filter((n) => n.length >= 16),
  );
  return byLine<DropSecretResult>(
    ctx,
    async () => {
      const single = names.length === 1;
      const request = single
        ? {
            method: 'DELETE' as const,
            path: `${AUTH_PATHS.secrets}/${encodeURIComponent(names[0] as string)}`,
          }
        : { method: 'DELETE' as const, path: AUTH_PATHS.secrets, json: { secrets: names } };
      const response = await call4(ctx, request, secrets);
      if (response === ROUTE_MISSING) return ROUTE_MISSING;
      const envelope = envelopeOf(response);
      const message = redact(envelope.message, secrets);
      if (response.status < 300 && !envelope.error) return { dropped: names, failed: [], message };
      const error = failure({
        action: single ? 'Dropping a secret' : 'Dropping secrets',
        request: { ...request, service: 'gsql' },
        response,
        secrets,
        authHint: AUTH_HINT,
      });
      if (ignore && !(error instanceof AuthError)) return { dropped: [], failed: names, message };
      throw error;
    },
    async () => {
      const graph = requireGraph(ctx, 'Dropping secrets');
      const statements = [`USE GRAPH ${graph}`, ...names.map((n) => `DROP SECRET ${n}`)];
      const { request, output } = await runGsql3(ctx, statements, secrets, 'Dropping secrets');
      const text = redactGsql(output.text, secrets);
      const failed = names.filter((n) => failedToDrop(output.text, n));
      const anyFailure =
        failed.length > 0 ||
        /Failed to drop|does not exist|not exist/i.test(output.text) ||
        (output.returnCode !== undefined && output.returnCode !== 0);
      if (anyFailure && !ignore) throw gsqlFailure('Dropping secrets', output.text, request, secrets);
      const failedAll = anyFailure && failed.length === 0 ? names : failed;
      return { dropped: names.filter((n) => !failedAll.includes(n)), failed: failedAll, message: text };
    },
  );
}

/** Whether the 3.x output says `name` could not be dropped. */
function failedToDrop(output: string, name: string): boolean {
  return output
    .split('\n')
    .some((line) => /fail|not exist|does not|cannot/i.test(line) && line.includes(name));
}
