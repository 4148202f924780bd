// What every pyTigerGraph-style mixin of `TigerGraphConnection` shares: the tgraph client underneath
// and the one rule that picks a call's graph (its own argument, else the connection's, which
// `useGraph` / `useGlobal` change). Each mixin file (auth, gsql, utils, schema, vertices, edges,
// queries, loading, paths) extends this class; compat.ts assembles them as pyTigerGraph does.
import { type ClientOptions, createClient, type TigerGraphClient } from 'tgraph';

/** pyTigerGraph's constructor arguments (as one object; `graphname` and `gsqlVersion` kept). */
export interface TigerGraphConnectionOptions {
  host?: string | undefined;
  graphname?: string | undefined;
  gsqlSecret?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  tgCloud?: boolean | undefined;
  restppPort?: number | string | undefined;
  gsPort?: number | string | undefined;
  gsqlVersion?: string | undefined;
  /** Deprecated in pyTigerGraph: same as gsqlVersion. */
  version?: string | undefined;
  apiToken?: string | undefined;
  /** A CA bundle that is actually used to verify the server (pyTigerGraph ignores it). */
  certPath?: string | undefined;
  sslPort?: number | string | undefined;
  jwtToken?: string | undefined;
  /** Anything else `createClient` accepts (timeouts, logger, integers, …). */
  client?: Omit<ClientOptions, 'host' | 'graph'> | undefined;
}

export type Graph = { graph?: string | undefined };
export const list = (value: string | undefined): string[] | undefined =>
  value === undefined || value === '' ? undefined : value.split(',').map((s) => s.trim());
export const seconds = (value: number | undefined): number | undefined =>
  value === undefined || value <= 0 ? undefined : value * 1000;
export const nonEmpty = (value: string | undefined): string | undefined => (value === '' ? undefined : value);

/** pyTigerGraph's positional edge selection (`''` = not given) as the api's options. */
export function edgeSelection(edgeType: string, targetVertexType: string, targetVertexId: string | number) {
  return {
    edgeType: nonEmpty(edgeType),
    targetType: nonEmpty(targetVertexType),
    targetId: targetVertexId === '' ? undefined : targetVertexId,
  };
}

/** The connection state the mixins share (not exported from `tgraph/compat`). */
export class ConnectionBase {
  /** The tgraph client underneath (its namespaces are the idiomatic API). */
  readonly client: TigerGraphClient;
  /** Default graph of the calls (`useGraph` / `useGlobal` change it). */
  graphname: string | undefined;

  constructor(options: TigerGraphConnectionOptions = {}) {
    const { graphname, gsqlVersion, version, client, ...rest } = options;
    this.graphname = nonEmpty(graphname);
    const chosenVersion = nonEmpty(gsqlVersion) ?? nonEmpty(version);
    const connection: ClientOptions = { ...client };
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined && value !== '') (connection as Record<string, unknown>)[key] = value;
    }
    if (this.graphname !== undefined) connection.graph = this.graphname;
    if (chosenVersion !== undefined) connection.version = chosenVersion;
    this.client = createClient(connection);
  }

  protected get ctx() {
    return this.client.context;
  }

  /** The graph of a call: its own argument when given (not `''`), else the connection's. */
  protected graphOf(graphName?: string | undefined): string | undefined {
    return nonEmpty(graphName) ?? this.graphname;
  }

  /** `options` with the call's graph (see {@link graphOf}) when there is one. */
  protected g<O extends object>(options?: O, graphName?: string | undefined): O & Graph {
    const graph = this.graphOf(graphName);
    return { ...(options ?? ({} as O)), ...(graph === undefined ? {} : { graph }) };
  }

  /** Just the call's graph, as an options object. */
  protected scope(graphName: string | undefined): Graph {
    return this.g({}, graphName);
  }

  /** Makes `graphName` the default graph of later calls. */
  useGraph(graphName: string): void {
    this.graphname = nonEmpty(graphName);
  }

  /** Calls without a graph (global scope). */
  useGlobal(): void {
    this.graphname = undefined;
  }

  /** Releases the connection pool. */
  close(): Promise<void> {
    return this.client.close();
  }
}
