// `tg.auth`: tokens and secrets (pyTigerGraph's authentication functions) bound to the client.
// New tokens go to the client's own credential provider, so later requests send them.
import { type ApiContext, authContextOf } from '@tgraph/api/context';
import type { SchemaShape } from '@tgraph/api/schema-types';
import {
  type CreatedSecret,
  type CreateSecretOptions,
  checkJwtToken,
  createSecret,
  type DeleteTokenOptions,
  type DropSecretOptions,
  type DropSecretResult,
  deleteToken,
  dropSecret,
  type GetTokenOptions,
  getSecrets,
  getToken,
  type IssuedToken,
  type JwtCheckResult,
  type RefreshTokenOptions,
  refreshToken,
  type SecretInfo,
} from '@tgraph/auth';

/** Per-call cancellation for the auth functions. */
export interface AuthCallOptions {
  signal?: AbortSignal | undefined;
}

/** `tg.auth`: token and secret lifecycle. */
export interface AuthNamespace {
  /**
   * Requests a token (3.x `POST /requesttoken`, 4.x `POST /gsql/v1/tokens`); with `setToken`
   * (default) the client sends it as `Authorization: Bearer` from now on.
   *
   * @example
   * const { token, expiresAt } = await tg.auth.getToken(secret, { lifetime: 100_000 });
   */
  getToken(secret?: string, options?: GetTokenOptions & AuthCallOptions): Promise<IssuedToken>;
  /** Extends a 3.x token's lifetime (`PUT /requesttoken`); 4.x cannot refresh and throws a ValidationError. */
  refreshToken(secret?: string, options?: RefreshTokenOptions & AuthCallOptions): Promise<IssuedToken>;
  /** Deletes a token (default: the one the client sends); requests with it fail with an AuthError afterwards. */
  deleteToken(secret?: string, options?: DeleteTokenOptions & AuthCallOptions): Promise<boolean>;
  /** 4.x: asks the GSQL server whether it accepts a token. */
  checkJwtToken(token?: string, options?: AuthCallOptions): Promise<JwtCheckResult>;
  /** `CREATE SECRET [alias]`: returns the secret (or `{ alias, secret }` with `withAlias`). */
  createSecret(
    alias?: string,
    options?: { withAlias?: false; value?: string } & AuthCallOptions,
  ): Promise<string>;
  createSecret(
    alias: string | undefined,
    options: { withAlias: true; value?: string } & AuthCallOptions,
  ): Promise<CreatedSecret>;
  /** `DROP SECRET`: one alias or several; `ignoreErrors` skips ones that do not exist. */
  dropSecret(
    alias: string | readonly string[],
    options?: DropSecretOptions & AuthCallOptions,
  ): Promise<DropSecretResult>;
  /** `SHOW SECRET`: aliases with masked values, as TigerGraph returns them. */
  getSecrets(options?: AuthCallOptions): Promise<SecretInfo[]>;
}

/** Binds the auth functions to a client context. */
export function authNamespace(ctx: ApiContext<SchemaShape>): AuthNamespace {
  const at = (options?: AuthCallOptions) => authContextOf(ctx, options?.signal);
  return {
    getToken: async (secret, options) => getToken(await at(options), secret, options),
    refreshToken: async (secret, options) => refreshToken(await at(options), secret, options),
    deleteToken: async (secret, options) => deleteToken(await at(options), secret, options),
    checkJwtToken: async (token, options) => checkJwtToken(await at(options), token),
    createSecret: (async (alias?: string, options?: CreateSecretOptions & AuthCallOptions) =>
      createSecret(await at(options), alias, options)) as AuthNamespace['createSecret'],
    dropSecret: async (alias, options) => dropSecret(await at(options), alias, options),
    getSecrets: async (options) => getSecrets(await at(options)),
  };
}
