import { ValidationError } from '@tgraph/protocol/errors';
import { type AuthProvider, parseOptions } from '@tgraph/protocol/options';
import { authOptionsSchema } from '../option-schema.js';
import { basicAuth } from './basic.js';
import { gsqlSecretAuth } from './gsql-secret.js';
import { jwtAuth } from './jwt.js';
import type { TokenLifecycleOptions } from './managed.js';
import { noAuth } from './none.js';
import { passwordTokenAuth } from './password-token.js';
import { secretTokenAuth } from './secret-token.js';
import { tokenAuth } from './token.js';

/** pyTigerGraph-style credential options of a connection. Empty strings count as absent. */
export interface AuthOptions extends TokenLifecycleOptions {
  /** A JWT (highest precedence). */
  jwtToken?: string | undefined;
  /** A token obtained earlier; sent as Bearer, never refreshed. */
  apiToken?: string | undefined;
  /** A GSQL secret. */
  gsqlSecret?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  /**
   * Whether a secret or username/password is exchanged for a token:
   * - `'auto'` (default): use the credential directly where the server accepts it, and exchange it
   *   for a token when RESTPP rejects it (3.x RESTPP with auth on);
   * - `true`: always exchange before the first RESTPP request ({@link secretTokenAuth} /
   *   {@link passwordTokenAuth});
   * - `false`: never exchange.
   */
  exchange?: boolean | 'auto' | undefined;
  /** With `jwtToken`: verify it once with the 4.x GSQL server before the first request. */
  checkJwt?: boolean | undefined;
}

const present = (value: string | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

/**
 * Picks the provider for pyTigerGraph-style options, in pyTigerGraph's order of precedence:
 *
 * | given | provider |
 * |---|---|
 * | `jwtToken` | {@link jwtAuth} |
 * | `apiToken` | {@link tokenAuth} |
 * | `gsqlSecret` | `exchange: true` → {@link secretTokenAuth}; otherwise {@link gsqlSecretAuth} (exchanging on a RESTPP rejection unless `exchange: false`) |
 * | `username` + `password` | `exchange: true` → {@link passwordTokenAuth}; otherwise {@link basicAuth} (exchanging on a RESTPP rejection unless `exchange: false`) |
 * | nothing | {@link noAuth} |
 *
 * Unlike pyTigerGraph, no default `tigergraph`/`tigergraph` login is assumed; pass it explicitly.
 *
 * @throws ValidationError when only one of `username` and `password` is given.
 *
 * @example
 * ```ts
 * const auth = chooseAuth({ gsqlSecret: process.env.TG_SECRET, exchange: true, lifetimeSeconds: 3600 });
 * ```
 */
export function chooseAuth(options: AuthOptions = {}): AuthProvider {
  parseOptions(authOptionsSchema, options, 'options');
  const lifecycle: TokenLifecycleOptions = {
    lifetimeSeconds: options.lifetimeSeconds,
    refreshBeforeSeconds: options.refreshBeforeSeconds,
    scopeToGraph: options.scopeToGraph,
    now: options.now,
  };
  const exchange = options.exchange ?? 'auto';
  if (present(options.jwtToken)) return jwtAuth(options.jwtToken, { check: options.checkJwt });
  if (present(options.apiToken)) return tokenAuth(options.apiToken);
  if (present(options.gsqlSecret)) {
    if (exchange === true) return secretTokenAuth({ ...lifecycle, secret: options.gsqlSecret });
    return gsqlSecretAuth(options.gsqlSecret, { ...lifecycle, exchangeOnRejection: exchange === 'auto' });
  }
  const hasUser = present(options.username);
  const hasPassword = typeof options.password === 'string' && options.password !== '';
  if (hasUser !== hasPassword) {
    throw new ValidationError(
      hasUser
        ? 'A username was given without a password: pass both (or use gsqlSecret / apiToken / jwtToken instead).'
        : 'A password was given without a username: pass both (TigerGraph\'s default user is "tigergraph").',
      { field: hasUser ? 'password' : 'username', code: 'TG-INVALID-OPTION' },
    );
  }
  if (hasUser && hasPassword) {
    const credentials = { username: options.username as string, password: options.password as string };
    if (exchange === true) return passwordTokenAuth({ ...lifecycle, ...credentials });
    return basicAuth({ ...lifecycle, ...credentials, exchangeOnRejection: exchange === 'auto' });
  }
  return noAuth({ now: options.now, refreshBeforeSeconds: options.refreshBeforeSeconds });
}
