import type { AuthProvider } from '@tgraph/protocol';
import type { TokenHolder } from '../context.js';
import { ManagedProvider, type TokenLifecycleOptions } from './managed.js';

/**
 * No credentials: for servers with authentication off. It can still adopt a token later
 * (`getToken(ctx, secret)` with `setToken`), which it then sends as `Bearer` and, knowing the
 * secret, replaces when it expires.
 *
 * @example
 * ```ts
 * const auth = noAuth();
 * ```
 */
export function noAuth(
  options: Pick<TokenLifecycleOptions, 'now' | 'refreshBeforeSeconds'> = {},
): AuthProvider & TokenHolder {
  return new ManagedProvider({ ...options, kind: 'none', restpp: 'primary' });
}
