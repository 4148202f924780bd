import { AuthError } from '@tgraph/protocol/errors';
import type { AuthProvider, AuthRequestContext } from '@tgraph/protocol/options';
import { requireCredential } from '../credential.js';
import { raceSignal } from '../internal/race.js';
import { RedactedProvider } from '../internal/redacted.js';

/** A JWT, or a function that returns the current one (for SSO / identity providers that rotate it). */
export type JwtSource = string | (() => string | Promise<string>);

/** Options of {@link jwtAuth}. */
export interface JwtAuthOptions {
  /**
   * Verify the JWT once with the 4.x GSQL server (`POST /gsql/v1/tokens/check`) before the first
   * request, so a bad token fails early with a clear AuthError (default false; skipped on 3.x).
   */
  check?: boolean | undefined;
}

class JwtProvider extends RedactedProvider implements AuthProvider {
  readonly kind = 'jwt';
  readonly #source: JwtSource;
  readonly #check: boolean;
  #current: string | undefined;
  #loading: Promise<string> | undefined;
  #checked: Promise<void> | undefined;
  readonly #sent = new WeakMap<AuthRequestContext, string>();
  readonly #seen: string[] = [];

  constructor(source: JwtSource, options: JwtAuthOptions) {
    super();
    this.#source = source;
    this.#check = options.check ?? false;
    if (typeof source === 'string') this.#adopt(requireCredential(source, 'jwt'));
  }

  secrets(): readonly string[] {
    return [...this.#seen];
  }

  async headers(ctx: AuthRequestContext): Promise<Record<string, string>> {
    const jwt = this.#current ?? (await raceSignal(this.#load(), ctx.signal));
    if (this.#check && ctx.line === '4') await raceSignal(this.#verify(ctx, jwt), ctx.signal);
    this.#sent.set(ctx, jwt);
    return { Authorization: `Bearer ${jwt}` };
  }

  /** A function source is asked once for a fresh JWT; a fixed string is never replaced. */
  async onRejected(ctx: AuthRequestContext): Promise<boolean> {
    if (typeof this.#source === 'string') return false;
    const used = this.#sent.get(ctx);
    if (this.#loading) {
      await raceSignal(this.#loading, ctx.signal);
      return true;
    }
    if (used !== undefined && this.#current !== undefined && used !== this.#current) return true;
    const previous = this.#current;
    this.#current = undefined;
    const next = await raceSignal(this.#load(), ctx.signal);
    return next !== previous;
  }

  #adopt(jwt: string): string {
    this.#current = jwt;
    this.#checked = undefined;
    if (!this.#seen.includes(jwt)) this.#seen.push(jwt);
    if (this.#seen.length > 100) this.#seen.shift();
    return jwt;
  }

  #load(): Promise<string> {
    if (this.#loading) return this.#loading;
    const source = this.#source;
    const run = async () => {
      const value = typeof source === 'function' ? await source() : source;
      if (typeof value !== 'string' || value === '') {
        throw new AuthError('The JWT source function returned no token (expected a non-empty string).', {
          code: 'TG-AUTH-NO-JWT',
        });
      }
      return this.#adopt(value);
    };
    this.#loading = run().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  #verify(ctx: AuthRequestContext, jwt: string): Promise<void> {
    if (!this.#checked) {
      // The check is loaded when first needed (only with `check: true` on 4.x), so a bundle's first
      // chunk holds neither it nor the auth endpoint paths.
      const attempt = import('../internal/check.js')
        .then(({ checkToken }) =>
          checkToken({ requester: ctx.requester, token: jwt, secrets: this.secrets() }),
        )
        .then((result) => {
          if (!result.valid) {
            throw new AuthError(
              `The JWT did not pass the GSQL server's check (POST /gsql/v1/tokens/check): ${result.message || 'rejected'}. ` +
                'It may be expired, revoked, or issued by another server; get a new one from your identity provider.',
              {
                code: 'TG-AUTH-JWT-CHECK',
                endpoint: { method: 'POST', path: '/gsql/v1/tokens/check', service: 'gsql' },
              },
            );
          }
        });
      // A failed check is retried by the next request rather than remembered forever.
      attempt.catch(() => {
        if (this.#checked === attempt) this.#checked = undefined;
      });
      this.#checked = attempt;
    }
    return this.#checked;
  }
}

/**
 * A JWT (pyTigerGraph's `jwtToken`; TigerGraph 3.10+ RESTPP, 4.1+ everywhere), sent as
 * `Authorization: Bearer <jwt>`. Pass a function to supply rotating tokens from an identity
 * provider: it is called for the first request and once more after a rejection.
 *
 * @example
 * ```ts
 * const auth = jwtAuth(process.env.TG_JWT!, { check: true });
 * const sso = jwtAuth(async () => (await idp.getToken()).accessToken);
 * ```
 */
export function jwtAuth(jwt: JwtSource, options: JwtAuthOptions = {}): AuthProvider {
  if (typeof jwt !== 'function') requireCredential(jwt, 'jwt');
  return new JwtProvider(jwt, options);
}
