import type { AuthProvider } from '@tgraph/protocol';
import type { TokenHolder } from '../context.js';
import { requireCredential } from '../credential.js';
import { ManagedProvider, type TokenLifecycleOptions } from './managed.js';

/** Options of {@link passwordTokenAuth}. */
export interface PasswordTokenAuthOptions extends TokenLifecycleOptions {
  username: string;
  password: string;
}

/**
 * Username/password → token exchange. Requests a token with `Authorization: Basic` — 3.x
 * `POST /requesttoken` with `{"graph": "<graph>"}` (3.x needs the connection graph), 4.x
 * `POST /gsql/v1/tokens` — and sends `Bearer <token>` to RESTPP and the 4.x GSQL server (the 3.x
 * GSQL server gets Basic). Cached, refreshed and single-flight like {@link secretTokenAuth}.
 *
 * @example
 * ```ts
 * const auth = passwordTokenAuth({ username: 'tigergraph', password: process.env.TG_PASSWORD! });
 * ```
 */
export function passwordTokenAuth(options: PasswordTokenAuthOptions): AuthProvider & TokenHolder {
  const username = requireCredential(options.username, 'username');
  const password = requireCredential(options.password, 'password');
  return new ManagedProvider({
    ...options,
    kind: 'password-exchange',
    basic: { username, password },
    restpp: 'token',
    gsqlToken: true,
  });
}
