// `tg.auth`: @tgraph/api/auth (tokens and secrets) bound to the client. New tokens go to the
// client's own credential provider, so later requests send them.

import type * as auth from '@tgraph/api/auth';
import type { ApiContext } from '@tgraph/api/context';
import type { SchemaShape } from '@tgraph/api/schema-types';
import { type BoundModule, bindModule } from './bind.js';
import { lazyModule } from './lazy.js';

const NAMES = [
  'getToken',
  'refreshToken',
  'deleteToken',
  'checkToken',
  'createSecret',
  'listSecrets',
  'getSecrets',
  'dropSecret',
] as const;

/**
 * `tg.auth`: `getToken({ secret, lifetime })`, `refreshToken`, `deleteToken`, `checkToken`,
 * `createSecret({ alias })`, `listSecrets()` / `getSecrets()`, `dropSecret(alias)`.
 *
 * @example
 * const { token, expiresAt } = await tg.auth.getToken({ secret, lifetime: 100_000 });
 */
export type AuthNamespace = BoundModule<typeof auth, (typeof NAMES)[number]>;

/** Binds `@tgraph/api/auth` to a client context. */
export function authNamespace(ctx: ApiContext<SchemaShape>): AuthNamespace {
  return bindModule(
    ctx,
    lazyModule(() => import('@tgraph/api/auth')),
    NAMES,
  );
}
