import type { AuthProvider } from '@tgraph/protocol';
import type { TokenHolder } from '../context.js';
import { requireCredential } from '../credential.js';
import { ManagedProvider, type TokenLifecycleOptions } from './managed.js';

/** Options of {@link gsqlSecretAuth}. */
export interface GsqlSecretAuthOptions extends TokenLifecycleOptions {
  /**
   * When RESTPP rejects the request (always the case on 3.x with RESTPP auth on), exchange the
   * secret for a token (`POST /requesttoken`), resend once, and use the token for RESTPP from then
   * on (default true).
   */
  exchangeOnRejection?: boolean | undefined;
}

/**
 * A GSQL secret used directly. On 4.x: `Authorization: GSQL-Secret <secret>` on RESTPP and the
 * GSQL server. On 3.x: `Basic base64("__GSQL__secret:<secret>")` on the GSQL server; RESTPP gets no
 * header while its authentication is off, and a token exchanged for the secret once it answers
 * 401/403 (RESTPP auth on).
 *
 * @example
 * ```ts
 * const auth = gsqlSecretAuth(process.env.TG_SECRET!);
 * ```
 */
export function gsqlSecretAuth(
  secret: string,
  options: GsqlSecretAuthOptions = {},
): AuthProvider & TokenHolder {
  return new ManagedProvider({
    ...options,
    kind: 'secret',
    secret: requireCredential(secret, 'secret'),
    secretHeader: true,
    restpp: 'primary',
  });
}
