// @tgraph/api/auth: @tgraph/auth's token and secret functions bound to an ApiContext, so the facade
// (and `tg.auth.*`) gets them from one place. The lifecycle itself lives in @tgraph/auth.
import {
  type CreatedSecret,
  checkJwtToken,
  createSecret as createSecretOf,
  type DropSecretResult,
  deleteToken as deleteTokenOf,
  dropSecret as dropSecretOf,
  getSecrets as getSecretsOf,
  getToken as getTokenOf,
  type IssuedToken,
  type JwtCheckResult,
  refreshToken as refreshTokenOf,
  type SecretInfo,
} from '@tgraph/auth';
import { type ApiContext, authContextOf } from './context.js';
import { checkOptions } from './internal/options.js';
import type { SchemaShape } from './schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_TOKEN_KEYS: readonly string[] = [
  'graph',
  'lifetime',
  'scopeToGraph',
  'secret',
  'setToken',
  'signal',
];
const REFRESH_TOKEN_KEYS: readonly string[] = ['graph', 'lifetime', 'secret', 'setToken', 'signal', 'token'];
const DELETE_TOKEN_KEYS: readonly string[] = ['graph', 'secret', 'signal', 'skipNA', 'token'];
const CHECK_TOKEN_KEYS: readonly string[] = ['graph', 'signal', 'token'];
const CREATE_SECRET_KEYS: readonly string[] = ['alias', 'graph', 'signal', 'value'];
const LIST_SECRETS_KEYS: readonly string[] = ['graph', 'signal'];
const DROP_SECRET_KEYS: readonly string[] = ['graph', 'ignoreErrors', 'signal'];

export type { CreatedSecret, DropSecretResult, IssuedToken, JwtCheckResult, SecretInfo } from '@tgraph/auth';

interface Base {
  /** Graph the token or secret is bound to (default: the client's graph). */
  graph?: string | undefined;
  signal?: AbortSignal | undefined;
}

async function authCtx(ctx: ApiContext<SchemaShape>, options: Base) {
  const a = await authContextOf(ctx, options.signal);
  return options.graph === undefined ? a : { ...a, graph: options.graph };
}

/** Options of {@link getToken}. */
export interface GetTokenOptions extends Base {
  /** Exchange this secret; without it the connection's own credentials request the token. */
  secret?: string | undefined;
  /** Lifetime in seconds (server default: one month on 3.x, one week on 4.x). */
  lifetime?: number | undefined;
  /** Hand the token to the connection's provider so later requests send it (default true). */
  setToken?: boolean | undefined;
  /** 4.x: scope the token to the graph instead of requesting a global token (default false). */
  scopeToGraph?: boolean | undefined;
}

/**
 * Requests a token (pyTigerGraph `getToken(secret, setToken, lifetime)`): 3.x `POST /requesttoken`,
 * 4.x `POST /gsql/v1/tokens`.
 *
 * @example
 * const { token, expiresAt } = await getToken(ctx, { secret: 'n35lsqofc1if62fld2rmnb9hocqbh8ia', lifetime: 3600 });
 */
export async function getToken(
  ctx: ApiContext<SchemaShape>,
  options: GetTokenOptions = {},
): Promise<IssuedToken> {
  checkOptions(options, GET_TOKEN_KEYS, 'getToken');
  return getTokenOf(await authCtx(ctx, options), options.secret, {
    lifetime: options.lifetime,
    setToken: options.setToken,
    scopeToGraph: options.scopeToGraph,
  });
}

/** Options of {@link refreshToken}. */
export interface RefreshTokenOptions extends Base {
  secret?: string | undefined;
  /** The token to extend (default: the one the connection sends). */
  token?: string | undefined;
  /** New lifetime in seconds, from now. */
  lifetime?: number | undefined;
  setToken?: boolean | undefined;
}

/**
 * Extends a 3.x token (`PUT /requesttoken`); 4.x cannot refresh tokens (a ValidationError says so).
 *
 * @example
 * await refreshToken(ctx, { secret, lifetime: 7200 });
 */
export async function refreshToken(
  ctx: ApiContext<SchemaShape>,
  options: RefreshTokenOptions = {},
): Promise<IssuedToken> {
  checkOptions(options, REFRESH_TOKEN_KEYS, 'refreshToken');
  return refreshTokenOf(await authCtx(ctx, options), options.secret, {
    token: options.token,
    lifetime: options.lifetime,
    setToken: options.setToken,
  });
}

/** Options of {@link deleteToken}. */
export interface DeleteTokenOptions extends Base {
  secret?: string | undefined;
  /** Token(s) to delete (default: the one the connection sends). */
  token?: string | readonly string[] | undefined;
  /** Treat an unknown token (REST-3300) as deleted. */
  skipNA?: boolean | undefined;
}

/**
 * Deletes tokens: 3.x `DELETE /requesttoken`, 4.x `DELETE /gsql/v1/tokens`.
 *
 * @example
 * await deleteToken(ctx, { secret, token });
 */
export async function deleteToken(
  ctx: ApiContext<SchemaShape>,
  options: DeleteTokenOptions = {},
): Promise<boolean> {
  checkOptions(options, DELETE_TOKEN_KEYS, 'deleteToken');
  return deleteTokenOf(await authCtx(ctx, options), options.secret, {
    token: options.token,
    skipNA: options.skipNA,
  });
}

/**
 * Asks a 4.x server whether it accepts a token (pyTigerGraph `checkJwtToken`, `POST /gsql/v1/tokens/check`).
 *
 * @example
 * const { valid } = await checkToken(ctx, { token });
 */
export async function checkToken(
  ctx: ApiContext<SchemaShape>,
  options: Base & { token?: string | undefined } = {},
): Promise<JwtCheckResult> {
  checkOptions(options, CHECK_TOKEN_KEYS, 'checkToken');
  return checkJwtToken(await authCtx(ctx, options), options.token);
}

/** Options of {@link createSecret}. */
export interface CreateSecretOptions extends Base {
  /** Alias of the new secret (server-generated when omitted). */
  alias?: string | undefined;
  /** 4.x: the secret's value (server-generated when omitted). */
  value?: string | undefined;
}

/**
 * Creates a secret for the connection's user and returns it with its alias (pyTigerGraph
 * `createSecret(alias, withAlias=True)`).
 *
 * @example
 * const { secret, alias } = await createSecret(ctx, { alias: 'ci' });
 */
export async function createSecret(
  ctx: ApiContext<SchemaShape>,
  options: CreateSecretOptions = {},
): Promise<CreatedSecret> {
  checkOptions(options, CREATE_SECRET_KEYS, 'createSecret');
  return createSecretOf(await authCtx(ctx, options), options.alias, {
    withAlias: true,
    ...(options.value === undefined ? {} : { value: options.value }),
  });
}

/**
 * Lists the user's secrets (pyTigerGraph `getSecrets`): masked values on 3.x, values on 4.x.
 *
 * @example
 * const secrets = await listSecrets(ctx);
 */
export async function listSecrets(ctx: ApiContext<SchemaShape>, options: Base = {}): Promise<SecretInfo[]> {
  checkOptions(options, LIST_SECRETS_KEYS, 'listSecrets');
  return getSecretsOf(await authCtx(ctx, options));
}

/** pyTigerGraph's name for {@link listSecrets}. */
export const getSecrets = listSecrets;

/**
 * Drops secrets by alias (pyTigerGraph `dropSecret(alias, ignoreErrors)`).
 *
 * @example
 * await dropSecret(ctx, 'ci', { ignoreErrors: false });
 */
export async function dropSecret(
  ctx: ApiContext<SchemaShape>,
  alias: string | readonly string[],
  options: Base & { ignoreErrors?: boolean | undefined } = {},
): Promise<DropSecretResult> {
  checkOptions(options, DROP_SECRET_KEYS, 'dropSecret');
  return dropSecretOf(await authCtx(ctx, options), alias, { ignoreErrors: options.ignoreErrors });
}
