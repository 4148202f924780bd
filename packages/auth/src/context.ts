// The minimal context the token and secret functions run in, and the optional interface through
// which they hand a new token to the connection's provider.
import type { AuthProvider, AuthRequester, ServerLine } from '@tgraph/protocol';

/**
 * What `getToken`, `createSecret` and the other lifecycle functions need. The facade binds it once
 * per connection; tests build it from a transport.
 */
export interface AuthContext {
  /** Sends a request to a service path without adding credentials (the transport's AuthRequester). */
  requester: AuthRequester;
  /** TigerGraph line of the server; when undefined the functions try 4.x first and fall back to 3.x. */
  line: ServerLine | undefined;
  /** The connection's graph (3.x secrets and tokens are bound to one). */
  graph?: string | undefined;
  /**
   * The connection's provider: its GSQL-server headers authenticate calls that need a logged-in
   * user (secret management, tokens requested with username/password), and it receives new tokens
   * when `setToken` is on (see {@link TokenHolder}).
   */
  auth?: AuthProvider | undefined;
  signal?: AbortSignal | undefined;
  /** Clock in epoch ms (default `Date.now`). */
  now?: (() => number) | undefined;
}

/** A token issued by the server. */
export interface IssuedToken {
  /** The token (32 characters on 3.x, a JWT on 4.1+). Treat it as a credential. */
  token: string;
  /** When it expires. */
  expiresAt: Date;
  /** `expiration` as the server sent it: Unix seconds (3.x) or a date string (4.x); undefined if absent. */
  expiration: number | string | undefined;
  /** Which line issued it (decides how it is refreshed and deleted). */
  line: ServerLine;
  /** The graph it was requested for, when any. */
  graph: string | undefined;
  /** The server's reply, unchanged. */
  raw: unknown;
}

/** A token handed to a provider by `getToken(…, { setToken: true })` or by the application. */
export interface TokenGrant {
  token: string;
  expiresAt?: Date | undefined;
  line?: ServerLine | undefined;
  graph?: string | undefined;
}

/**
 * A provider that can adopt a token obtained elsewhere (`getToken` with `setToken`). Every provider
 * of this package except `tokenAuth` and `jwtAuth` implements it.
 */
export interface TokenHolder {
  /**
   * Sends `grant.token` as `Authorization: Bearer` from now on wherever the server accepts tokens.
   * With `secret`, the provider can also request a replacement when the token expires.
   */
  useToken(grant: TokenGrant, options?: { secret?: string | undefined }): void;
  /** The token the provider currently sends for `graph`, if any. */
  currentToken(graph?: string | undefined): string | undefined;
  /** Stops sending `token` (after it was deleted on the server). */
  forgetToken(token: string): void;
}

/** True when `value` implements {@link TokenHolder}. */
export function isTokenHolder(value: unknown): value is TokenHolder {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as TokenHolder).useToken === 'function' &&
    typeof (value as TokenHolder).currentToken === 'function' &&
    typeof (value as TokenHolder).forgetToken === 'function'
  );
}
