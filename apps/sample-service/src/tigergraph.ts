// The one TigerGraph client of the process, behind a small gateway that
//  - builds it from the configured server and the current credentials (a secret is exchanged for
//    a token that the SDK refreshes before and after it expires),
//  - logs every TigerGraph request and response (redacted views from the SDK's hooks),
//  - re-reads mounted credentials when TigerGraph rejects them and swaps in a new client (the old
//    one is closed once its in-flight calls are done), retrying the call once on the new one,
//  - answers readiness: TigerGraph reachable and our credentials accepted.
import { AuthError, createClient, type TigerGraphClient, type TransportHooks } from 'tgraph';
import type { TigerGraphTarget } from './config.js';
import { type CredentialSource, type Credentials, sameCredentials } from './credentials.js';
import type { Logger } from './logger.js';
import { requestContext } from './request-context.js';

export interface GatewayOptions {
  target: TigerGraphTarget;
  credentials: CredentialSource;
  logger: Logger;
  tokenLifetimeSeconds: number;
  timeoutMs: number;
  /** Clock for token expiry decisions (tests pass the emulator's). */
  now?: (() => number) | undefined;
}

export interface Readiness {
  ready: boolean;
  /** `ok`, `credentials rejected`, `unreachable` or `error`. */
  tigergraph: string;
}

interface Generation {
  client: TigerGraphClient;
  credentials: Credentials;
  inFlight: number;
  retired: boolean;
}

/** Don't re-read credential files more often than this while TigerGraph keeps rejecting them. */
const RELOAD_INTERVAL_MS = 1000;

export class TigerGraphGateway {
  private current: Generation | undefined;
  private reloading: Promise<boolean> | undefined;
  private lastReload = 0;
  private closed = false;

  constructor(private readonly options: GatewayOptions) {}

  /** Reads the credentials and builds the client (no request is sent yet). */
  async start(): Promise<void> {
    const credentials = await this.options.credentials.read();
    this.current = this.build(credentials);
    this.options.logger.info('tigergraph client ready', {
      host: this.options.target.host,
      graph: this.options.target.graph,
      credentials: this.options.credentials.describe(),
    });
  }

  /** The client in use (for calls that need no tracking, e.g. tests). */
  get client(): TigerGraphClient {
    return this.generation().client;
  }

  /**
   * Runs `fn` on the current client. When TigerGraph rejects the credentials and the mounted ones
   * changed since, the call is repeated once on a client with the new ones.
   */
  async call<T>(fn: (tg: TigerGraphClient) => Promise<T>): Promise<T> {
    try {
      return await this.run(fn);
    } catch (error) {
      if (error instanceof AuthError && (await this.reloadCredentials())) return this.run(fn);
      throw error;
    }
  }

  /** Readiness: one cheap authenticated RESTPP read. Re-reads rotated credentials first. */
  async readiness(): Promise<Readiness> {
    try {
      await this.call((tg) =>
        tg.vertices.count('Patient', { timeoutMs: Math.min(this.options.timeoutMs, 5000) }),
      );
      return { ready: true, tigergraph: 'ok' };
    } catch (error) {
      const name = (error as Error).name;
      const state =
        name === 'AuthError'
          ? 'credentials rejected'
          : name === 'NetworkError' || name === 'TimeoutError'
            ? 'unreachable'
            : 'error';
      return { ready: false, tigergraph: state };
    }
  }

  /**
   * Reads the credentials again; when they changed, builds a new client and retires the old one.
   * Returns true when the client was replaced. Concurrent callers share one reload.
   */
  reloadCredentials(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.reloading) return this.reloading;
    if (Date.now() - this.lastReload < RELOAD_INTERVAL_MS) return Promise.resolve(false);
    this.lastReload = Date.now();
    this.reloading = (async () => {
      try {
        const fresh = await this.options.credentials.read();
        const old = this.generation();
        if (sameCredentials(fresh, old.credentials)) return false;
        this.current = this.build(fresh);
        this.options.logger.warn('tigergraph credentials changed; client rebuilt', {
          credentials: this.options.credentials.describe(),
        });
        old.retired = true;
        if (old.inFlight === 0) await old.client.close();
        return true;
      } catch (error) {
        this.options.logger.error('cannot read tigergraph credentials', { error: (error as Error).message });
        return false;
      } finally {
        this.reloading = undefined;
      }
    })();
    return this.reloading;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.current?.client.close();
  }

  private generation(): Generation {
    if (!this.current) throw new Error('TigerGraphGateway.start() was not called');
    return this.current;
  }

  private async run<T>(fn: (tg: TigerGraphClient) => Promise<T>): Promise<T> {
    const gen = this.generation();
    gen.inFlight++;
    try {
      return await fn(gen.client);
    } finally {
      gen.inFlight--;
      if (gen.retired && gen.inFlight === 0) void gen.client.close();
    }
  }

  private build(credentials: Credentials): Generation {
    const { target, logger } = this.options;
    logger.addSecrets(secretsOf(credentials));
    const { kind: _kind, ...credentialOptions } = credentials;
    const client = createClient({
      host: target.host,
      graph: target.graph,
      ...(target.version === undefined ? {} : { version: target.version }),
      ...(target.restppPort === undefined ? {} : { restppPort: target.restppPort }),
      ...credentialOptions,
      // A secret becomes a token once; the SDK refreshes it before expiry and when RESTPP says it expired.
      ...(credentials.kind === 'gsqlSecret' ? { exchange: true } : {}),
      tokenLifetimeSeconds: this.options.tokenLifetimeSeconds,
      timeoutMs: this.options.timeoutMs,
      // Every TigerGraph request carries the HTTP request's id, so the service's logs and TigerGraph's
      // (nginx, RESTPP) can be joined on it; outside a request (readiness) the SDK's own id is used.
      requestIdHeader: 'X-Request-Id',
      requestId: () => requestContext.getStore()?.requestId,
      hooks: logHooks(logger),
      ...(this.options.now === undefined ? {} : { now: this.options.now }),
    });
    return { client, credentials, inFlight: 0, retired: false };
  }
}

function secretsOf(c: Credentials): string[] {
  switch (c.kind) {
    case 'gsqlSecret':
      return [c.gsqlSecret];
    case 'apiToken':
      return [c.apiToken];
    case 'password':
      return [c.password];
    default:
      return [];
  }
}

/** TigerGraph traffic in the service's log (the SDK's views are already redacted). */
function logHooks(logger: Logger): TransportHooks {
  return {
    afterResponse: (v) =>
      logger.debug('tigergraph response', {
        tgRequestId: v.requestId,
        method: v.method,
        url: v.url,
        status: v.status,
        durationMs: Math.round(v.durationMs),
        attempt: v.attempt,
      }),
    onError: (v) =>
      logger.warn('tigergraph error', {
        tgRequestId: v.requestId,
        method: v.method,
        url: v.url,
        attempt: v.attempt,
        code: v.error.code,
        status: v.error.status,
        error: v.error.name,
      }),
  };
}
