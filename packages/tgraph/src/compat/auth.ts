// pyTigerGraph's pyTigerGraphAuth: tokens and secrets.
import * as auth from '@tgraph/api/auth';
import { ConnectionBase, nonEmpty } from './base.js';

/** The auth methods of `TigerGraphConnection`. */
export class AuthMethods extends ConnectionBase {
  /** `getToken(secret, setToken, lifetime)`: returns the issued token (with `expiresAt`). */
  getToken(secret?: string, setToken = true, lifetime?: number) {
    return auth.getToken(this.ctx, this.g({ secret: nonEmpty(secret), setToken, lifetime }));
  }

  /** `refreshToken(secret, setToken, lifetime, token)` (3.x only; 4.x raises a ValidationError). */
  refreshToken(secret?: string, setToken = true, lifetime?: number, token?: string) {
    return auth.refreshToken(this.ctx, this.g({ secret: nonEmpty(secret), setToken, lifetime, token }));
  }

  /** `deleteToken(secret, token, skipNA)`. */
  deleteToken(secret?: string, token?: string, skipNA = false) {
    return auth.deleteToken(this.ctx, this.g({ secret: nonEmpty(secret), token, skipNA }));
  }

  /** `checkJwtToken(token)` (4.x). */
  checkJwtToken(token?: string) {
    return auth.checkToken(this.ctx, this.g({ token }));
  }

  /** `createSecret(alias, withAlias)`: the secret, or `{ alias: secret }` with `withAlias`. */
  async createSecret(alias = '', withAlias = false): Promise<string | Record<string, string>> {
    const created = await auth.createSecret(this.ctx, this.g({ alias: nonEmpty(alias) }));
    return withAlias ? { [created.alias]: created.secret } : created.secret;
  }

  /** `getSecrets()`: `{ alias: maskedSecret }` as pyTigerGraph returns it. */
  async getSecrets(): Promise<Record<string, string>> {
    const secrets = await auth.listSecrets(this.ctx, this.g());
    return Object.fromEntries(secrets.map((s) => [s.alias, s.value]));
  }

  /** Deprecated pyTigerGraph alias of {@link getSecrets}. */
  showSecrets(): Promise<Record<string, string>> {
    return this.getSecrets();
  }

  /** `dropSecret(alias, ignoreErrors)`. */
  dropSecret(alias: string | readonly string[], ignoreErrors = true) {
    return auth.dropSecret(this.ctx, alias, this.g({ ignoreErrors }));
  }
}
