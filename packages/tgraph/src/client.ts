// The runtime-neutral core of `createClient`: validate options, resolve the connection, choose the
// credential strategy, build the transport over the runtime's adapter, and bind the api modules to
// one ApiContext. Each entry (entry-node.ts, entry-browser.ts, entry-deno.ts, entry-default.ts)
// calls `buildClient` with its own adapter factory; package.json `exports` conditions pick the entry.
import { type ApiContext, createContext } from '@tgraph/api/context';
import type { AnySchema, SchemaShape } from '@tgraph/api/schema-types';
// The narrow entry: the providers without the token and secret functions the auth namespace
// loads on first use (a bundle's first chunk would otherwise hold them, see BENCHMARKS.md).
import { chooseAuth } from '@tgraph/auth/choose';
import {
  type AuthProvider,
  connectionSecrets,
  type ResolvedConnection,
  resolveConnection,
  type ServerLine,
} from '@tgraph/protocol/options';
import {
  createTransport,
  type Transport,
  type TransportAdapter,
  type TransportOptions,
} from '@tgraph/transport';
import { type AuthNamespace, authNamespace } from './namespaces/auth.js';
import { type EdgesNamespace, edgesNamespace } from './namespaces/edges.js';
import { type GsqlFunction, gsqlFunction } from './namespaces/gsql.js';
import { type LoadingNamespace, loadingNamespace } from './namespaces/loading.js';
import { type PathsNamespace, pathsNamespace } from './namespaces/paths.js';
import { type QueriesNamespace, queriesNamespace } from './namespaces/queries.js';
import {
  type SchemaNamespace,
  type SystemNamespace,
  schemaNamespace,
  systemNamespace,
  type UdtsNamespace,
  udtsNamespace,
} from './namespaces/schema.js';
import { type VectorsNamespace, vectorsNamespace } from './namespaces/vectors.js';
import { type VerticesNamespace, verticesNamespace } from './namespaces/vertices.js';
import { type ClientOptions, rejectUnknownKeys, splitOptions } from './options.js';

/** Which entry built the client. */
export type ClientRuntime = 'node' | 'browser' | 'deno' | 'default';

/** What an entry supplies: its runtime's adapter, built from the resolved connection. */
export interface RuntimeBinding<O extends ClientOptions> {
  runtime: ClientRuntime;
  /** Option keys only this entry understands (e.g. Node's `proxy`). */
  extraKeys: readonly string[];
  createAdapter(connection: ResolvedConnection, options: O): TransportAdapter;
  /** Runs after `close()` (e.g. stops an embedded emulator). */
  onClose?: (() => Promise<void>) | undefined;
}

/**
 * A connected client: the api resources as namespaces over one connection.
 * `S` is the graph's schema type; with a typed schema, vertex and edge calls are type-checked.
 */
export interface TigerGraphClient<S extends SchemaShape = AnySchema> {
  /** The context every `@tgraph/api` function takes (for selective imports next to the client). */
  readonly context: ApiContext<S>;
  /** The request pipeline (for requests the api does not cover). */
  readonly transport: Transport;
  /** The credential strategy chosen from the options. */
  readonly authProvider: AuthProvider;
  /** Base URLs, line, graph and TLS settings (credentials are non-enumerable and never printed). */
  readonly connection: ResolvedConnection;
  /** The entry that built this client. */
  readonly runtime: ClientRuntime;
  /** The server's API line: `'3'` (3.x, 4.0) or `'4'` (4.1+), from `version` or asked once. */
  line(): Promise<ServerLine>;
  /** Tokens and secrets (`@tgraph/api/auth`). */
  readonly auth: AuthNamespace;
  /** Vertices (`@tgraph/api/vertices`), typed by the schema `S`. */
  readonly vertices: VerticesNamespace<S>;
  /** Edges (`@tgraph/api/edges`), typed by the schema `S`. */
  readonly edges: EdgesNamespace<S>;
  /** Installed and interpreted queries (`@tgraph/api/queries`). */
  readonly queries: QueriesNamespace<S>;
  /** Loading jobs, data sources and `loadData` (`@tgraph/api/loading`). */
  readonly loading: LoadingNamespace;
  /** Shortest and all paths (`@tgraph/api/paths`). */
  readonly paths: PathsNamespace<S>;
  /** Schema, graphs and schema changes (`@tgraph/api/schema`). */
  readonly schema: SchemaNamespace;
  /** Runs GSQL text (`@tgraph/api/gsql`). */
  readonly gsql: GsqlFunction;
  /** User-defined tuples and UDF files (`@tgraph/api/udts`). */
  readonly udts: UdtsNamespace;
  /** Utilities: echo, ping, version, endpoints, statistics, metrics, database operations (`@tgraph/api/system`). */
  readonly system: SystemNamespace;
  /** TigerGraph 4.2+ vectors: upsert, get, top-k search, index status (`@tgraph/api/vectors`). */
  readonly vectors: VectorsNamespace<S>;
  /** Releases pooled connections (and stops an embedded emulator). Idempotent. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Builds a client for one runtime; the entries wrap this as `createClient`. */
export function buildClient<S extends SchemaShape, O extends ClientOptions>(
  binding: RuntimeBinding<O>,
  options: O,
): TigerGraphClient<S> {
  const { connection: connectionOptions, facade } = splitOptions(options, binding.extraKeys);
  const connection = resolveConnection(connectionOptions);
  rejectUnknownKeys(options, binding.extraKeys);

  const credentials = connection.credentials;
  const auth =
    facade.auth ??
    chooseAuth({
      ...credentials,
      exchange: facade.exchange,
      checkJwt: facade.checkJwt,
      lifetimeSeconds: facade.tokenLifetimeSeconds,
      refreshBeforeSeconds: facade.refreshBeforeSeconds,
      scopeToGraph: facade.scopeTokensToGraph,
      now: facade.now,
    });
  const adapter = facade.adapter ?? binding.createAdapter(connection, options);

  // Set once: each request carries its own graph and line (api's `call`), and the context detects
  // the line when `version` was not given.
  const transportOptions: TransportOptions = {
    adapter,
    restppUrls: connection.restppUrls,
    gsqlUrl: connection.gsqlUrl,
    auth,
    line: connection.line,
    graph: connection.graph,
    timeoutMs: connection.timeoutMs,
    retry: { ...facade.retry, limit: connection.retries },
    headers: { ...connection.headers },
    secrets: connectionSecrets({ ...credentials, key: connection.tls.key }),
    ...(connection.userAgent === undefined ? {} : { userAgent: `tgraph-ts ${connection.userAgent}` }),
    ...(facade.integers === undefined ? {} : { integers: facade.integers }),
    ...(facade.hooks === undefined ? {} : { hooks: facade.hooks }),
    ...(facade.logger === undefined ? {} : { logger: facade.logger }),
    ...(facade.control === undefined ? {} : { control: facade.control }),
    ...(facade.requestIdHeader === undefined ? {} : { requestIdHeader: facade.requestIdHeader }),
    ...(facade.requestId === undefined ? {} : { requestId: facade.requestId }),
  };
  const transport = createTransport(transportOptions);

  const context = createContext<S>({
    transport,
    graph: connection.graph,
    auth,
    integers: facade.integers,
    line: connection.line,
    now: facade.now,
  });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      try {
        await transport.close();
      } finally {
        await binding.onClose?.();
      }
    })();
    return closing;
  };

  return {
    context,
    transport,
    authProvider: auth,
    connection,
    runtime: binding.runtime,
    line: () => context.line(),
    auth: authNamespace(context),
    vertices: verticesNamespace(context),
    edges: edgesNamespace(context),
    queries: queriesNamespace<S>(context),
    loading: loadingNamespace(context),
    paths: pathsNamespace(context),
    schema: schemaNamespace(context),
    gsql: gsqlFunction(context),
    udts: udtsNamespace(context),
    system: systemNamespace(context),
    vectors: vectorsNamespace(context),
    close,
    [Symbol.asyncDispose]: close,
  };
}
