import type { AuthProvider } from '@tgraph/protocol';
import type { TokenHolder } from '../context.js';
import { requireCredential } from '../credential.js';
import { ManagedProvider, type TokenLifecycleOptions } from './managed.js';

/** Options of {@link secretTokenAuth}. */
export interface SecretTokenAuthOptions extends TokenLifecycleOptions {
  /** The GSQL secret to exchange (from CREATE SECRET or `createSecret()`). */
  secret: string;
}

/**
 * Secret → token exchange: the seed flow. Before the first request it asks for a token — 3.x
 * `POST /requesttoken` on RESTPP with body `{"secret": "…", "lifetime": "…"}`, 4.x
 * `POST /gsql/v1/tokens` on the GSQL server (line unknown: 4.x first, 3.x after a 404) — and sends
 * `Authorization: Bearer <token>` to RESTPP (and to the 4.x GSQL server; the 3.x GSQL server gets
 * `Basic __GSQL__secret:<secret>`, as it accepts no tokens). The token is cached, replaced
 * `refreshBeforeSeconds` before it expires and once after an expired-token rejection (REST-10019),
 * and concurrent requests share one exchange.
 *
 * @example
 * ```ts
 * const auth = secretTokenAuth({ secret: process.env.TG_SECRET!, lifetimeSeconds: 100_000 });
 * ```
 */
export function secretTokenAuth(options: SecretTokenAuthOptions): AuthProvider & TokenHolder {
  const secret = requireCredential(options.secret, 'secret');
  return new ManagedProvider({
    ...options,
    kind: 'secret-exchange',
    secret,
    restpp: 'token',
    gsqlToken: true,
  });
}
