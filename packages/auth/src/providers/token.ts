import type { AuthProvider, AuthRequestContext } from '@tgraph/protocol';
import { requireCredential } from '../credential.js';
import { RedactedProvider } from '../internal/redacted.js';

class StaticTokenProvider extends RedactedProvider implements AuthProvider {
  readonly kind = 'token';
  readonly #token: string;

  constructor(token: string) {
    super();
    this.#token = token;
  }

  async headers(_ctx: AuthRequestContext): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${this.#token}` };
  }

  /** A static token is never replaced: the rejection surfaces as an AuthError. */
  async onRejected(): Promise<boolean> {
    return false;
  }

  secrets(): readonly string[] {
    return [this.#token];
  }
}

/**
 * A token obtained elsewhere (pyTigerGraph's `apiToken`), sent as `Authorization: Bearer <token>`
 * on every request. Never refreshed: when it expires or is deleted, requests fail with an AuthError.
 *
 * @example
 * ```ts
 * const auth = tokenAuth(process.env.TG_TOKEN!);
 * ```
 */
export function tokenAuth(token: string): AuthProvider {
  return new StaticTokenProvider(requireCredential(token, 'token'));
}
