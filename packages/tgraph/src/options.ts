// The options of `createClient`: pyTigerGraph's connection options (validated by
// @tgraph/protocol's resolveConnection) plus what the facade wires itself (token lifecycle,
// logging, integer parsing, a custom adapter). This file validates the facade's own part with a
// schema composed of @tgraph/auth's and @tgraph/transport's option schemas.
// The narrow entry: the option schemas without the token and secret functions (see client.ts).
import { authOptionsShape } from '@tgraph/auth/options';
import type { AuthProvider, ConnectionOptions, IntegerMode } from '@tgraph/protocol';
import { ValidationError } from '@tgraph/protocol/errors';
import {
  closestName,
  connectionOptionsSchema,
  parseOptions,
  retryOptionsSchema,
} from '@tgraph/protocol/options';
import {
  type ControlOptions,
  type RetryOptions,
  type TransportAdapter,
  type TransportHooks,
  type TransportLogger,
  transportOptionsShape,
} from '@tgraph/transport';
import * as z from 'zod/mini';

/**
 * Options of `createClient`. Connection fields follow pyTigerGraph's `TigerGraphConnection`
 * (`graphname` is `graph`, `gsqlVersion` is `version`); see {@link ConnectionOptions}.
 *
 * @example
 * const options: ClientOptions = { host: 'https://my.i.tgcloud.io', graph: 'MyGraph', gsqlSecret: process.env.TG_SECRET };
 */
export interface ClientOptions extends ConnectionOptions {
  /**
   * Whether a secret or username/password is exchanged for a RESTPP token:
   * `'auto'` (default) sends the credential itself where the server accepts it and exchanges it when
   * RESTPP rejects it; `true` always exchanges before the first RESTPP request; `false` never does.
   */
  exchange?: boolean | 'auto' | undefined;
  /** Lifetime to request for tokens the client obtains, in seconds (default: the server's). */
  tokenLifetimeSeconds?: number | undefined;
  /** Request a new token this many seconds before the current one expires (default 60). */
  refreshBeforeSeconds?: number | undefined;
  /** 4.x: request tokens scoped to `graph` instead of global ones (default false). */
  scopeTokensToGraph?: boolean | undefined;
  /** With `jwtToken`: verify it once with the 4.x GSQL server before the first request. */
  checkJwt?: boolean | undefined;
  /** A custom credential strategy; replaces the one chosen from username/secret/token options. */
  auth?: AuthProvider | undefined;
  /** How JSON integers are returned: `'number'` (default), `'bigint'`, `'string'` or `'auto'` (bigint beyond 2^53). */
  integers?: IntegerMode | undefined;
  /** Debug logger (`console` works). It receives redacted request and response lines only. */
  logger?: TransportLogger | undefined;
  /** Observers of every request, response and error (redacted views). */
  hooks?: TransportHooks | undefined;
  /** Retry policy details beyond `retries` (backoff, statuses). */
  retry?: Omit<RetryOptions, 'limit'> | undefined;
  /** A runtime adapter to use instead of the one this entry picks (e.g. a recording fetch). */
  adapter?: TransportAdapter | undefined;
  /** Clock in epoch ms for token expiry decisions (default `Date.now`). */
  now?: (() => number) | undefined;
  /**
   * TigerGraph control headers sent on every RESTPP request (server timeout, response size limit,
   * thread and memory limits, workload queue); a call's own options win. pyTigerGraph's
   * `customizeHeader(timeout, responseSize)` is `control: { gsqlTimeoutMs, responseLimitBytes }`.
   */
  control?: ControlOptions | undefined;
  /**
   * Also send the SDK's request id (the one in hooks, logs and errors) in this header, e.g.
   * `'X-Request-Id'`, so a proxy's or TigerGraph's logs can be matched with yours.
   */
  requestIdHeader?: string | undefined;
  /**
   * Supplies each request's id instead of the SDK's own (`tg-…`), e.g. your service's from an
   * `AsyncLocalStorage`: hooks, logs, errors and `requestIdHeader` then carry it. Return
   * `undefined` for the SDK's own. An id is 1–200 visible ASCII characters.
   */
  requestId?: (() => string | undefined) | undefined;
}

/** The keys `resolveConnection` validates (everything else is the facade's). */
export const FACADE_KEYS = [
  'exchange',
  'tokenLifetimeSeconds',
  'refreshBeforeSeconds',
  'scopeTokensToGraph',
  'checkJwt',
  'auth',
  'integers',
  'logger',
  'hooks',
  'retry',
  'adapter',
  'now',
  'control',
  'requestIdHeader',
  'requestId',
] as const;

/**
 * createClient's own options, composed from the auth and transport option schemas (each field's
 * rule and message is @tgraph/protocol's); only `auth` and `retry.limit` are the facade's.
 */
const facadeSchema = z.object({
  exchange: authOptionsShape.exchange,
  tokenLifetimeSeconds: authOptionsShape.lifetimeSeconds,
  refreshBeforeSeconds: authOptionsShape.refreshBeforeSeconds,
  scopeTokensToGraph: authOptionsShape.scopeToGraph,
  checkJwt: authOptionsShape.checkJwt,
  now: authOptionsShape.now,
  auth: z.optional(
    z.custom<unknown>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as AuthProvider).headers === 'function' &&
        typeof (v as AuthProvider).secrets === 'function',
      { error: 'must be an auth provider (e.g. basicAuth(…) or gsqlSecretAuth(…) from @tgraph/auth)' },
    ),
  ),
  integers: transportOptionsShape.integers,
  logger: transportOptionsShape.logger,
  hooks: transportOptionsShape.hooks,
  // The retry count is the connection's `retries`; the rest of the policy is the transport's.
  retry: z.optional(
    retryOptionsSchema.check(
      z.superRefine((retry, ctx) => {
        if (retry.limit === undefined) return;
        ctx.issues.push({
          code: 'custom',
          message: "is not an option of createClient; give the retry count as 'retries'",
          input: retry,
          path: ['limit'],
        });
      }),
    ),
  ),
  adapter: transportOptionsShape.adapter,
  requestIdHeader: transportOptionsShape.requestIdHeader,
  requestId: transportOptionsShape.requestId,
  control: transportOptionsShape.control,
});

/**
 * Validates the facade's own options and returns the rest (the connection options) for
 * `resolveConnection`. Throws a ValidationError naming the option and what to write instead.
 */
export function splitOptions<O extends ClientOptions>(
  options: O,
  extraKeys: readonly string[] = [],
): { connection: ConnectionOptions; facade: Pick<ClientOptions, (typeof FACADE_KEYS)[number]> } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValidationError(
      'createClient options must be an object, e.g. createClient({ host: "http://127.0.0.1", graph: "MyGraph", username: "tigergraph", password: "…" })',
    );
  }
  const connection: Record<string, unknown> = {};
  const facade: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if ((FACADE_KEYS as readonly string[]).includes(key)) facade[key] = value;
    else if (!extraKeys.includes(key)) connection[key] = value;
  }
  parseOptions(facadeSchema, facade, 'options');
  return {
    connection: connection as ConnectionOptions,
    facade: facade as Pick<ClientOptions, (typeof FACADE_KEYS)[number]>,
  };
}

const CONNECTION_KEYS = Object.keys(connectionOptionsSchema.def.shape);

/**
 * After `resolveConnection` accepted the connection part (it explains pyTigerGraph names such as
 * `graphname`), rejects keys neither part knows, so a typo is not silently ignored.
 */
export function rejectUnknownKeys(options: object, extraKeys: readonly string[] = []): void {
  const known = [...CONNECTION_KEYS, ...FACADE_KEYS, ...extraKeys];
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = closestName(key, known);
    throw new ValidationError(
      near
        ? `options.${key} is not an option; did you mean '${near}'?`
        : `options.${key} is not an option of createClient; see the tgraph README for the list (host, graph, username, password, gsqlSecret, apiToken, jwtToken, version, …)`,
      { field: key },
    );
  }
}
