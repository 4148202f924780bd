import type { AuthProvider } from '@tgraph/protocol';
import type { TokenHolder } from '../context.js';
import { requireCredential } from '../credential.js';
import { ManagedProvider, type TokenLifecycleOptions } from './managed.js';

/** Options of {@link basicAuth}. */
export interface BasicAuthOptions extends TokenLifecycleOptions {
  username: string;
  password: string;
  /**
   * When RESTPP rejects the request (3.x RESTPP never accepts Basic; some 4.x endpoints do not
   * either), request a token with the username/password, resend once, and use the token for RESTPP
   * from then on (default true). With false the rejection surfaces as an AuthError.
   */
  exchangeOnRejection?: boolean | undefined;
}

/**
 * Username and password. Sends `Authorization: Basic base64(username:password)` (UTF-8) to the GSQL
 * server, and to RESTPP where the line accepts it (4.x; on 3.x RESTPP it sends nothing, which works
 * while RESTPP authentication is off). When RESTPP answers 401/403 it mints a token with the same
 * credentials and retries once (see `exchangeOnRejection`).
 *
 * @example
 * ```ts
 * const auth = basicAuth({ username: 'tigergraph', password: process.env.TG_PASSWORD! });
 * ```
 */
export function basicAuth(options: BasicAuthOptions): AuthProvider & TokenHolder {
  const username = requireCredential(options.username, 'username');
  const password = requireCredential(options.password, 'password');
  return new ManagedProvider({
    ...options,
    kind: 'basic',
    basic: { username, password },
    restpp: 'primary',
  });
}
