// The client context every resource function takes: the transport to send through, the default
// graph, the server line and per-connection caches. The facade builds one per client; tests and
// selective imports build one with `createContext`.
import type { AuthContext } from '@tgraph/auth';
import type { AuthProvider, IntegerMode, ServerLine } from '@tgraph/protocol';
import { ValidationError } from '@tgraph/protocol/errors';
import type { Transport } from '@tgraph/transport';
import { detectServerLine } from './detect-line.js';
import type { AnySchema, SchemaShape } from './schema-types.js';

/**
 * What every `@tgraph/api` function needs. Build it with {@link createContext}. `S` is the graph's
 * schema type (see `schema-types`); it only exists at compile time.
 */
export interface ApiContext<S extends SchemaShape = AnySchema> {
  /** Compile-time carrier of the schema type; never set. */
  readonly __schema?: S | undefined;
  /** The request pipeline (from `@tgraph/transport`). */
  readonly transport: Transport;
  /** Default graph for graph-scoped calls; a call's own `graph` option wins. */
  readonly graph: string | undefined;
  /** The connection's credential strategy (token lifecycle functions hand new tokens to it). */
  readonly auth: AuthProvider | undefined;
  /** Default integer parsing for results (`number`, `bigint`, `string` or `auto`). */
  readonly integers: IntegerMode | undefined;
  /**
   * The server's API line: `'3'` (3.x and 4.0) or `'4'` (4.1+). Resolved once, on first use, by
   * `detectLine` (by default: asking the server) when it was not given.
   */
  line(): Promise<ServerLine>;
  /** Per-connection cache (schemas by graph, …); `refresh` options bypass it. */
  readonly cache: Map<string, Promise<unknown>>;
  /** Clock in epoch ms (tests pass the emulator's). */
  readonly now: () => number;
}

export interface CreateContextOptions {
  transport: Transport;
  graph?: string | undefined;
  auth?: AuthProvider | undefined;
  integers?: IntegerMode | undefined;
  /** The server line when known (from the `version` option). */
  line?: ServerLine | undefined;
  /**
   * How to find the line when it is not given. Default: ask the server once (`GET /gsql/v1/version`
   * without credentials, then RESTPP `GET /version`; see `detectServerLine`).
   */
  detectLine?: (() => Promise<ServerLine>) | undefined;
  now?: (() => number) | undefined;
}

/**
 * Builds an {@link ApiContext} from a transport.
 *
 * @example
 * const ctx = createContext({ transport, graph: 'MyGraph', line: '4' });
 * const patients = await getVertices(ctx, 'Patient', { limit: 5 });
 */
export function createContext<S extends SchemaShape = AnySchema>(
  options: CreateContextOptions,
): ApiContext<S> {
  let line: Promise<ServerLine> | undefined =
    options.line === undefined ? undefined : Promise.resolve(options.line);
  const transport = options.transport;
  const detect = options.detectLine ?? (() => detectServerLine(transport));
  return {
    transport,
    graph: options.graph,
    auth: options.auth,
    integers: options.integers,
    cache: new Map(),
    now: options.now ?? Date.now,
    line() {
      // A failed detection is not cached, so the next call tries again.
      if (line !== undefined) return line;
      const detecting = detect().catch((error: unknown) => {
        line = undefined;
        throw error;
      });
      line = detecting;
      return detecting;
    },
  };
}

/**
 * The graph a call targets: its own option, else the context's default. Throws a ValidationError
 * that says how to set one.
 */
export function graphOf(ctx: ApiContext<SchemaShape>, graph?: string | undefined): string {
  const name = graph ?? ctx.graph;
  if (name === undefined || name === '') {
    throw new ValidationError(
      "No graph given: set `graph` when creating the client, or pass `{ graph: 'MyGraph' }` to this call",
      { field: 'graph' },
    );
  }
  return name;
}

/** The context `@tgraph/auth`'s token and secret functions take, bound to this connection. */
export async function authContextOf(
  ctx: ApiContext<SchemaShape>,
  signal?: AbortSignal | undefined,
): Promise<AuthContext> {
  return {
    requester: ctx.transport.authRequester,
    line: await ctx.line(),
    graph: ctx.graph,
    auth: ctx.auth,
    signal,
    now: ctx.now,
  };
}
