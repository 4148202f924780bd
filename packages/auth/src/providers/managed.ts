// The engine behind every credential provider that may hold a token: basic, GSQL secret,
// secret→token, password→token and none. It decides per service and line which header to send,
// caches tokens per scope, refreshes them shortly before they expire and once after a rejection,
// and makes concurrent callers share one exchange (single flight).
import { AuthError, NotFoundError } from '@tgraph/protocol/errors';
import {
  type AuthProvider,
  type AuthRequestContext,
  DEFAULT_REFRESH_BEFORE_SECONDS,
  parseOptions,
  type ServerLine,
  type ServiceKind,
} from '@tgraph/protocol/options';
import type { TokenGrant, TokenHolder } from '../context.js';
import { base64Utf8 } from '../internal/encoding.js';
import type { ExchangeCredential } from '../internal/exchange.js';
import { raceSignal } from '../internal/race.js';
import { RedactedProvider } from '../internal/redacted.js';
import { tokenLifecycleOptionsSchema } from '../option-schema.js';

/** Options shared by providers that exchange credentials for tokens. */
export interface TokenLifecycleOptions {
  /** Lifetime to request for each token, in seconds (default: the server's — one month on 3.x, one week on 4.x). */
  lifetimeSeconds?: number | undefined;
  /** Request a new token this many seconds before the current one expires (default 60, at most half the lifetime). */
  refreshBeforeSeconds?: number | undefined;
  /** 4.x: request tokens scoped to the connection graph instead of global ones (default false). */
  scopeToGraph?: boolean | undefined;
  /** Clock in epoch ms used for expiry decisions (default `Date.now`); tests pass the emulator's clock. */
  now?: (() => number) | undefined;
}

export interface ManagedConfig extends TokenLifecycleOptions {
  kind: string;
  basic?: { username: string; password: string } | undefined;
  secret?: string | undefined;
  /** Send `GSQL-Secret <secret>` where the line accepts it (4.x RESTPP and GSQL server). */
  secretHeader?: boolean;
  /** RESTPP: 'token' = always a token; 'primary' = the own credential first, a token after a rejection. */
  restpp: 'token' | 'primary';
  /** GSQL server on 4.x: send the token instead of the own credential. */
  gsqlToken?: boolean;
  /** 'primary' RESTPP mode: exchange for a token when RESTPP rejects the own credential (default true). */
  exchangeOnRejection?: boolean | undefined;
}

interface Entry {
  token: string;
  /** Epoch ms by the provider's clock; Infinity when unknown. */
  expiresAt: number;
  obtainedAt: number;
  /** Real time it arrived (for matching late rejections to a recent exchange). */
  arrivedAt: number;
  /** Obtained because the previous token was rejected (late rejections of that one may follow). */
  afterRejection: boolean;
}

interface Sent {
  key: string;
  token: string | undefined;
}

const MAX_REMEMBERED = 100;
const RECENT_MS = 2_000;

export class ManagedProvider extends RedactedProvider implements AuthProvider, TokenHolder {
  readonly kind: string;
  readonly #cfg: ManagedConfig;
  readonly #now: () => number;
  readonly #basicHeader: string | undefined;
  /**
   * Secrets adopted with a token (`getToken(secret)` → useToken), by token scope: a 3.x secret
   * only works for its own graph, so it never replaces the connection's credential elsewhere.
   */
  readonly #adopted = new Map<string, string>();
  #detectedLine: ServerLine | undefined;
  /** A token exchange answered REST-1000: RESTPP authentication is off on this (3.x) server. */
  #restppAuthOff = false;
  /** A token exchange with the username/password succeeded: the password is right. */
  #basicProven = false;
  readonly #tokens = new Map<string, Entry>();
  readonly #inflight = new Map<string, Promise<Entry>>();
  /** Scopes whose RESTPP (and, without own credentials, GSQL) requests use the token. */
  readonly #preferToken = new Set<string>();
  readonly #sent = new WeakMap<AuthRequestContext, Sent>();
  readonly #remembered: string[] = [];

  constructor(cfg: ManagedConfig) {
    super();
    parseOptions(tokenLifecycleOptionsSchema, cfg, 'options');
    this.kind = cfg.kind;
    this.#cfg = cfg;
    this.#now = cfg.now ?? Date.now;
    this.#basicHeader = cfg.basic
      ? `Basic ${base64Utf8(`${cfg.basic.username}:${cfg.basic.password}`)}`
      : undefined;
  }

  secrets(): readonly string[] {
    const out: string[] = [];
    const add = (value: string | undefined) => {
      if (value && !out.includes(value)) out.push(value);
    };
    if (this.#cfg.basic) {
      add(this.#cfg.basic.password);
      add(this.#basicHeader?.slice('Basic '.length));
    }
    for (const secret of [this.#cfg.secret, ...this.#adopted.values()]) {
      if (!secret) continue;
      add(secret);
      add(base64Utf8(`__GSQL__secret:${secret}`));
    }
    for (const token of this.#remembered) add(token);
    return out;
  }

  async headers(ctx: AuthRequestContext): Promise<Record<string, string>> {
    const line = ctx.line ?? this.#detectedLine;
    const key = this.#key(line, ctx.graph);
    if (this.#wantsToken(ctx.service, line, key)) {
      const token = await this.#token(ctx, key);
      if (token !== undefined) {
        this.#sent.set(ctx, { key, token });
        return { Authorization: `Bearer ${token}` };
      }
    }
    this.#sent.set(ctx, { key, token: undefined });
    return this.#primary(ctx.service, line);
  }

  async onRejected(ctx: AuthRequestContext, code: string | undefined): Promise<boolean> {
    // A valid credential without the privilege: a new token would not help.
    if (code === 'REST-10018') return false;
    const line = ctx.line ?? this.#detectedLine;
    // What the rejected request carried. The transport may hand onRejected a different context
    // object than headers(); then it is inferred from the current mode.
    const sent = this.#sent.get(ctx);
    const key = sent?.key ?? this.#key(line, ctx.graph);
    // A token from an adopted secret was refused (not merely expired): that secret belongs to
    // another graph or was dropped, so this scope goes back to the connection's own credential.
    if (code !== 'REST-10019' && this.#hasOwnCredential() && this.#adopted.has(key)) {
      this.#adopted.delete(key);
    }
    if (!this.#credential(key)) return false;
    const sentToken = sent ? sent.token !== undefined : this.#wantsToken(ctx.service, line, key);
    if (!sentToken) {
      // The own credential was rejected. The GSQL server checks it directly, so a token cannot
      // help; RESTPP may just not accept it (3.x), which a token fixes.
      if (ctx.service === 'gsql') return false;
      if (this.#cfg.restpp === 'primary' && this.#cfg.exchangeOnRejection === false) return false;
      if (this.#basicCheckedByRestpp(line, key)) throw this.#wrongLogin(code);
    }
    this.#restppAuthOff = false;
    const pending = this.#inflight.get(key);
    if (pending) {
      await raceSignal(pending, ctx.signal);
      this.#prefer(ctx, key);
      return true;
    }
    const current = this.#tokens.get(key);
    if (current) {
      const replaced = sent
        ? (sent.token !== undefined && sent.token !== current.token) ||
          (sent.token === undefined && this.#preferToken.has(key))
        : current.afterRejection && Date.now() - current.arrivedAt < RECENT_MS;
      if (replaced) {
        // Another caller already obtained a newer token than the one this request carried.
        this.#prefer(ctx, key);
        return true;
      }
      this.#tokens.delete(key);
    }
    try {
      await raceSignal(this.#exchange(ctx, key, true), ctx.signal);
    } catch (error) {
      // RESTPP auth is off (no /requesttoken): the rejection was not about credentials.
      if (error instanceof NotFoundError && error.code === 'REST-1000') return false;
      throw error;
    }
    this.#prefer(ctx, key);
    return true;
  }

  useToken(grant: TokenGrant, options: { secret?: string | undefined } = {}): void {
    if (grant.line && !this.#detectedLine) this.#detectedLine = grant.line;
    const key = this.#key(grant.line ?? this.#detectedLine, grant.graph);
    const now = this.#now();
    this.#tokens.set(key, {
      token: grant.token,
      expiresAt: grant.expiresAt ? grant.expiresAt.getTime() : Number.POSITIVE_INFINITY,
      obtainedAt: now,
      arrivedAt: Date.now(),
      afterRejection: false,
    });
    this.#preferToken.add(key);
    this.#remember(grant.token);
    if (options.secret) {
      this.#adopted.set(key, options.secret);
      this.#remember(options.secret);
    }
  }

  currentToken(graph?: string | undefined): string | undefined {
    const direct = this.#tokens.get(this.#key(this.#detectedLine, graph));
    if (direct) return direct.token;
    if (this.#tokens.size === 1) return [...this.#tokens.values()][0]?.token;
    return undefined;
  }

  forgetToken(token: string): void {
    for (const [key, entry] of this.#tokens) {
      if (entry.token !== token) continue;
      this.#tokens.delete(key);
      this.#preferToken.delete(key);
      // A secret adopted with the token (useToken) goes with it: the scope is back to the
      // connection's own credentials, and a deleted token is not silently replaced.
      this.#adopted.delete(key);
    }
  }

  /** Token cache scope: one global token on 4.x, one per graph on 3.x (tokens are graph-bound there). */
  #key(line: ServerLine | undefined, graph: string | undefined): string {
    if (line === '4' && !this.#cfg.scopeToGraph) return '*';
    return graph ? `g:${graph}` : '*';
  }

  /** After a rejection was answered with a token, send the token for this scope from now on. */
  #prefer(ctx: AuthRequestContext, key: string): void {
    if (ctx.service !== 'restpp' && this.#hasOwnCredential()) return;
    this.#preferToken.add(key);
    this.#preferToken.add(this.#key(ctx.line ?? this.#detectedLine, ctx.graph));
  }

  /**
   * 4.x RESTPP checks a username/password itself, so its rejection already cost the user one login
   * attempt (TigerGraph locks a user after 5). Exchanging the same password for a token would cost a
   * second one, so the rejection is final — unless an earlier exchange proved the password right, in
   * which case this endpoint just does not take Basic and a token helps.
   */
  #basicCheckedByRestpp(line: ServerLine | undefined, key: string): boolean {
    const secret = this.#adopted.get(key) ?? this.#cfg.secret;
    return line === '4' && this.#basicHeader !== undefined && !secret && !this.#basicProven;
  }

  #wrongLogin(code: string | undefined): AuthError {
    const user = this.#cfg.basic?.username ?? '';
    return new AuthError(
      `TigerGraph did not accept the username "${user}" and its password${code ? ` (${code})` : ''}. ` +
        'Check both; after 5 failed logins TigerGraph makes the user wait before the next attempt. ' +
        "If this server's RESTPP does not take a username and password, pass exchange: true.",
      { code: code ?? 'TG-AUTH-REJECTED', status: 401 },
    );
  }

  #hasOwnCredential(): boolean {
    return this.#cfg.basic !== undefined || this.#cfg.secret !== undefined;
  }

  #wantsToken(service: ServiceKind, line: ServerLine | undefined, key: string): boolean {
    if (service === 'restpp') return this.#cfg.restpp === 'token' || this.#preferToken.has(key);
    if (line === '3') return false; // the 3.x GSQL server accepts only Basic
    if (line === '4' && this.#cfg.gsqlToken) return true;
    return !this.#hasOwnCredential() && this.#preferToken.has(key);
  }

  #primary(service: ServiceKind, line: ServerLine | undefined): Record<string, string> {
    const secret = this.#cfg.secret;
    if (service === 'gsql') {
      if (secret && this.#cfg.secretHeader && line === '4') return { Authorization: `GSQL-Secret ${secret}` };
      if (secret) return { Authorization: `Basic ${base64Utf8(`__GSQL__secret:${secret}`)}` };
      if (this.#basicHeader) return { Authorization: this.#basicHeader };
      return {};
    }
    if (line === '3') return {}; // 3.x RESTPP accepts only tokens; without auth it needs nothing
    if (secret && this.#cfg.secretHeader) return { Authorization: `GSQL-Secret ${secret}` };
    if (this.#basicHeader) return { Authorization: this.#basicHeader };
    return {};
  }

  /** What exchanges a token for scope `key`: a secret adopted for it, else the connection's own. */
  #credential(key: string): ExchangeCredential | undefined {
    const secret = this.#adopted.get(key) ?? this.#cfg.secret;
    if (secret) return { type: 'secret', secret };
    if (this.#cfg.basic && this.#basicHeader) {
      return {
        type: 'headers',
        headers: { Authorization: this.#basicHeader },
        username: this.#cfg.basic.username,
      };
    }
    return undefined;
  }

  #stale(entry: Entry): boolean {
    if (!Number.isFinite(entry.expiresAt)) return false;
    const lifetime = Math.max(0, entry.expiresAt - entry.obtainedAt);
    const window = Math.min(
      (this.#cfg.refreshBeforeSeconds ?? DEFAULT_REFRESH_BEFORE_SECONDS) * 1000,
      lifetime / 2,
    );
    return this.#now() >= entry.expiresAt - window;
  }

  async #token(ctx: AuthRequestContext, key: string): Promise<string | undefined> {
    const entry = this.#tokens.get(key);
    if (entry && (!this.#stale(entry) || !this.#credential(key))) return entry.token;
    if (!this.#credential(key) || (ctx.service === 'restpp' && this.#restppAuthOff)) return undefined;
    try {
      return (await raceSignal(this.#exchange(ctx, key), ctx.signal)).token;
    } catch (error) {
      // 3.x with RESTPP authentication off has no token endpoint (REST-1000) and needs no token:
      // send none until RESTPP rejects a request.
      if (ctx.service === 'restpp' && error instanceof NotFoundError && error.code === 'REST-1000') {
        this.#restppAuthOff = true;
        return undefined;
      }
      throw error;
    }
  }

  #exchange(ctx: AuthRequestContext, key: string, afterRejection = false): Promise<Entry> {
    const pending = this.#inflight.get(key);
    if (pending) return pending;
    const run = async (): Promise<Entry> => {
      const credential = this.#credential(key);
      if (!credential) throw new Error('unreachable: no credential to exchange');
      // Loaded on the first exchange: a client with a static token or none never needs it, and a
      // bundle keeps it (and the reply schemas it checks with) out of the first chunk.
      const { exchangeToken } = await import('../internal/exchange.js');
      const obtainedAt = this.#now();
      const issued = await exchangeToken({
        requester: ctx.requester,
        line: ctx.line ?? this.#detectedLine,
        graph: ctx.graph,
        credential,
        lifetimeSeconds: this.#cfg.lifetimeSeconds,
        scopeToGraph: this.#cfg.scopeToGraph,
        now: obtainedAt,
        secrets: this.secrets(),
      });
      if (!this.#detectedLine) this.#detectedLine = issued.line;
      if (credential.type === 'headers') this.#basicProven = true;
      const entry: Entry = {
        token: issued.token,
        expiresAt: issued.expiresAt.getTime(),
        obtainedAt,
        arrivedAt: Date.now(),
        afterRejection,
      };
      this.#remember(issued.token);
      this.#tokens.set(key, entry);
      // The line may have been detected by this exchange, which can change the cache scope.
      const detectedKey = this.#key(this.#detectedLine, ctx.graph);
      if (detectedKey !== key) this.#tokens.set(detectedKey, entry);
      return entry;
    };
    const promise = run().finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, promise);
    return promise;
  }

  #remember(token: string): void {
    if (this.#remembered.includes(token)) return;
    this.#remembered.push(token);
    if (this.#remembered.length > MAX_REMEMBERED) this.#remembered.shift();
  }
}
