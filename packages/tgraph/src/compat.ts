// `tgraph/compat`: a `TigerGraphConnection` class with pyTigerGraph's method names and argument
// order, for porting Python code. Every method delegates to the same @tgraph/api function the
// `tg.*` namespaces use, over a client from this runtime's entry (`import 'tgraph'` resolves to the
// Node, browser or Deno entry by export condition). Results are the api's typed results; where
// pyTigerGraph returns a bare count (upserts, deletes) the count is returned.
//
// Quirks of pyTigerGraph that are fixed, not copied: TLS verification stays on (`certPath` is
// used as a CA), no `tigergraph`/`tigergraph` login is assumed, `getVerticesById` honours `select`,
// and errors are typed (`AuthError`, `NotFoundError`, …) instead of one exception class.

import * as auth from '@tgraph/api/auth';
import * as edges from '@tgraph/api/edges';
import * as gsqlApi from '@tgraph/api/gsql';
import * as loading from '@tgraph/api/loading';
import * as paths from '@tgraph/api/paths';
import type { QueryParams } from '@tgraph/api/queries';
import * as queries from '@tgraph/api/queries';
import * as rows from '@tgraph/api/rows';
import * as schema from '@tgraph/api/schema';
import * as system from '@tgraph/api/system';
import * as udts from '@tgraph/api/udts';
import * as vertices from '@tgraph/api/vertices';
import { type ClientOptions, createClient, type TigerGraphClient, ValidationError } from 'tgraph';

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

type Graph = { graph?: string | undefined };
const list = (value: string | undefined): string[] | undefined =>
  value === undefined || value === '' ? undefined : value.split(',').map((s) => s.trim());
const seconds = (value: number | undefined): number | undefined =>
  value === undefined || value <= 0 ? undefined : value * 1000;
const nonEmpty = (value: string | undefined): string | undefined => (value === '' ? undefined : value);

/** pyTigerGraph's positional edge selection (`''` = not given) as the api's options. */
function edgeSelection(edgeType: string, targetVertexType: string, targetVertexId: string | number) {
  return {
    edgeType: nonEmpty(edgeType),
    targetType: nonEmpty(targetVertexType),
    targetId: targetVertexId === '' ? undefined : targetVertexId,
  };
}

/**
 * pyTigerGraph's `TigerGraphConnection` on top of tgraph.
 *
 * @example
 * import { TigerGraphConnection } from 'tgraph/compat';
 * const conn = new TigerGraphConnection({ host: 'http://localhost', graphname: 'MyGraph', username: 'tigergraph', password: 'tigergraph' });
 * await conn.getToken(secret);
 * const patients = await conn.getVertices('Patient', 'birth_year', '', 5);
 * await conn.close();
 */
export class TigerGraphConnection {
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

  private get ctx() {
    return this.client.context;
  }

  private g<O extends object>(options?: O): O & Graph {
    return { ...(options ?? ({} as O)), ...(this.graphname === undefined ? {} : { graph: this.graphname }) };
  }

  // ---- connection -------------------------------------------------------------------------

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

  // ---- auth -------------------------------------------------------------------------------

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

  // ---- GSQL -------------------------------------------------------------------------------

  /** `gsql(query, graphname)`: the output text; GSQL errors raise a GsqlError. */
  async gsql(query: string, graphname?: string): Promise<string> {
    const graph = nonEmpty(graphname) ?? this.graphname;
    return (await gsqlApi.gsql(this.ctx, query, graph === undefined ? {} : { graph })).output;
  }

  /** GSQL reserved words (pyTigerGraph's static method). */
  static getReservedKeywords(): string[] {
    return gsqlApi.getReservedKeywords();
  }

  /** Whether `name` is a GSQL reserved word. */
  static isReservedKeyword(name: string): boolean {
    return gsqlApi.isReservedKeyword(name);
  }

  getReservedKeywords(): string[] {
    return gsqlApi.getReservedKeywords();
  }

  isReservedKeyword(name: string): boolean {
    return gsqlApi.isReservedKeyword(name);
  }

  // ---- utilities --------------------------------------------------------------------------

  /** `echo(usePost)`: "Hello GSQL". */
  echo(usePost = false) {
    return system.echo(this.ctx, { method: usePost ? 'POST' : 'GET' });
  }

  ping() {
    return system.ping(this.ctx);
  }

  /** `getVersion(raw)`: the parsed version table (its `message` is the raw text). */
  async getVersion(raw = false) {
    const info = await system.getVersion(this.ctx);
    return raw ? info.message : info.components;
  }

  /** `getVer(component, full)`: e.g. `'3.10.1'`. */
  async getVer(component = 'product', full = false): Promise<string> {
    const info = await system.getVersion(this.ctx);
    const row = info.components.find((c) => c.name === component.toLowerCase());
    if (!row) {
      throw new ValidationError(`The server's version table has no component '${component}'`, {
        field: 'component',
      });
    }
    return full ? row.version : (/\d+\.\d+\.\d+/.exec(row.version)?.[0] ?? row.version);
  }

  getGSQLVersion() {
    return system.getGsqlVersion(this.ctx);
  }

  getLicenseInfo() {
    return system.getLicenseInfo(this.ctx);
  }

  /** `getEndpoints(builtin, dynamic, static)`. */
  getEndpoints(builtin = false, dynamic = false, staticEndpoints = false) {
    return system.getEndpoints(this.ctx, this.g({ builtin, dynamic, static: staticEndpoints }));
  }

  /** `getStatistics(seconds, segments)`. */
  getStatistics(seconds = 10, segments = 10) {
    return system.getStatistics(this.ctx, this.g({ seconds, segments }));
  }

  getQueryPerformance(seconds = 10) {
    return system.getQueryPerformance(this.ctx, seconds, this.g());
  }

  /** `getSystemMetrics(from_ts, to_ts, latest, what, who, where)`. */
  getSystemMetrics(
    fromTs?: number,
    toTs?: number,
    latest?: number,
    what = 'cpu',
    who?: string,
    where?: string,
  ) {
    return system.getSystemMetrics(this.ctx, { from: fromTs, to: toTs, latest, what, who, where });
  }

  getServiceStatus(services: Parameters<typeof system.getServiceStatus>[1]) {
    return system.getServiceStatus(this.ctx, services);
  }

  /** `rebuildGraph(threadnum, vertextype, segid, path, force)`. */
  rebuildGraph(threadnum?: number, vertextype = '', segid?: number, path = '', force = false) {
    return system.rebuildGraph(
      this.ctx,
      this.g({
        threads: threadnum,
        vertexType: nonEmpty(vertextype),
        segmentId: segid,
        path: nonEmpty(path),
        force,
      }),
    );
  }

  clearGraphStore() {
    return system.clearGraphStore(this.ctx);
  }

  dropAll() {
    return system.dropAll(this.ctx);
  }

  exportDatabase(options: Parameters<typeof system.exportDatabase>[1]) {
    return system.exportDatabase(this.ctx, options);
  }

  importDatabase(options: Parameters<typeof system.importDatabase>[1]) {
    return system.importDatabase(this.ctx, options);
  }

  // ---- schema and UDTs --------------------------------------------------------------------

  /** `getSchema(udts, force)`. */
  getSchema(udtsToo = true, force = false) {
    return schema.getSchema(this.ctx, this.g({ udts: udtsToo, refresh: force }));
  }

  listGraphs() {
    return schema.listGraphs(this.ctx);
  }

  /** `createGraph(graphName, vertexTypes, edgeTypes)`. */
  createGraph(graphName: string, vertexTypes?: readonly string[], edgeTypes?: readonly string[]) {
    return schema.createGraph(this.ctx, graphName, { vertexTypes, edgeTypes } as Parameters<
      typeof schema.createGraph
    >[2]);
  }

  dropGraph(graphName: string) {
    return schema.dropGraph(this.ctx, graphName);
  }

  /** `runSchemaChange(statements, graphName, force)`. */
  runSchemaChange(
    statements: Parameters<typeof schema.runSchemaChange>[1],
    graphName?: string,
    force = false,
  ) {
    const graph = nonEmpty(graphName) ?? this.graphname;
    return schema.runSchemaChange(this.ctx, statements, { ...(graph === undefined ? {} : { graph }), force });
  }

  createGlobalVertices(gsqlCommands: Parameters<typeof schema.createGlobalVertices>[1]) {
    return schema.createGlobalVertices(this.ctx, gsqlCommands);
  }

  /** `dropVertices(vertexNames)`: drops global vertex types (4.x). */
  dropVertices(vertexNames: string | readonly string[]) {
    return schema.dropGlobalVertices(this.ctx, vertexNames);
  }

  /** `addGlobalVerticesToGraph(global_vertex_names, target_graph)` (4.x). */
  addGlobalVerticesToGraph(globalVertexNames: string | readonly string[], targetGraph?: string) {
    const graph = nonEmpty(targetGraph) ?? this.graphname;
    return schema.addGlobalVerticesToGraph(this.ctx, globalVertexNames, graph === undefined ? {} : { graph });
  }

  /** `createSchemaChangeJob(job_name, statements, graphName)`. */
  createSchemaChangeJob(jobName: string, statements: string | readonly string[], graphName?: string) {
    return schema.createSchemaChangeJob(this.ctx, jobName, statements, this.scope(graphName));
  }

  /** `getSchemaChangeJobs(graphName)`. */
  getSchemaChangeJobs(graphName?: string) {
    return schema.listSchemaChangeJobs(this.ctx, this.scope(graphName));
  }

  /** `runSchemaChangeJob(job_name, graphName)`. */
  runSchemaChangeJob(jobName: string, graphName?: string) {
    return schema.runSchemaChangeJob(this.ctx, jobName, this.scope(graphName));
  }

  /** `dropSchemaChangeJobs(job_names, graphName)`. */
  dropSchemaChangeJobs(jobNames: string | readonly string[], graphName?: string) {
    return schema.dropSchemaChangeJobs(this.ctx, jobNames, this.scope(graphName));
  }

  /** `getSchemaVer()`: the graph's schema version. */
  getSchemaVer() {
    return schema.getSchemaVersion(this.ctx, this.g());
  }

  /** `upsertData(data, atomic, ackAll, newVertexOnly, vertexMustExist, updateVertexOnly)`. */
  upsertData(
    data: Parameters<typeof schema.upsertData>[1],
    atomic = false,
    ackAll = false,
    newVertexOnly = false,
    vertexMustExist = false,
    updateVertexOnly = false,
  ) {
    return schema.upsertData(
      this.ctx,
      data,
      this.g({
        ...(atomic ? { atomic: true } : {}),
        ...(ackAll ? { ack: 'all' as const } : {}),
        newVertexOnly,
        vertexMustExist,
        updateVertexOnly,
      }),
    );
  }

  /** `recoverCatalog()` (4.x). */
  recoverCatalog() {
    return system.recoverCatalog(this.ctx);
  }

  private scope(graphName: string | undefined): { graph?: string } {
    const graph = nonEmpty(graphName) ?? this.graphname;
    return graph === undefined ? {} : { graph };
  }

  /** `validateGraphSchema()` (4.x `POST /gsql/v1/schema/check`). */
  validateGraphSchema() {
    return schema.checkSchema(this.ctx);
  }

  /** `getUDTs()`: names of the user-defined tuples. */
  async getUDTs(): Promise<string[]> {
    return (await udts.listUdts(this.ctx, this.g())).map((u) => u.name);
  }

  /** `getUDT(udtName)`: its fields, or `[]`. */
  async getUDT(udtName: string) {
    return (await udts.getUdt(this.ctx, udtName, this.g()))?.fields ?? [];
  }

  /** `getUDF(ExprFunctions, ExprUtil)`. */
  async getUDF(
    exprFunctions = true,
    exprUtil = true,
  ): Promise<{ ExprFunctions?: string; ExprUtil?: string }> {
    const out: { ExprFunctions?: string; ExprUtil?: string } = {};
    if (exprFunctions) out.ExprFunctions = await udts.getUdf(this.ctx, 'ExprFunctions');
    if (exprUtil) out.ExprUtil = await udts.getUdf(this.ctx, 'ExprUtil');
    return out;
  }

  /** `installUDF(ExprFunctions, ExprUtil)`: uploads the given source text. */
  async installUDF(exprFunctions = '', exprUtil = ''): Promise<void> {
    if (exprFunctions !== '') await udts.putUdf(this.ctx, 'ExprFunctions', exprFunctions);
    if (exprUtil !== '') await udts.putUdf(this.ctx, 'ExprUtil', exprUtil);
  }

  // ---- vertices ---------------------------------------------------------------------------

  getVertexTypes(force = false) {
    return vertices.getVertexTypes(this.ctx, this.g({ refresh: force }));
  }

  getVertexType(vertexType: string, force = false) {
    return vertices.getVertexType(this.ctx, vertexType, this.g({ refresh: force }));
  }

  /** `getVertexAttrs(vertexType)`: `[name, type]` pairs. */
  async getVertexAttrs(vertexType: string): Promise<[string, string][]> {
    return (await vertices.getVertexAttributes(this.ctx, vertexType, this.g())).map((a) => [a.name, a.type]);
  }

  getVertexVectors(vertexType: string) {
    return vertices.getVertexVectors(this.ctx, vertexType, this.g());
  }

  /** `getVectorStatus(vertexType, vectorName)`: true when the index is up to date (4.2+). */
  async getVectorStatus(vertexType: string, vectorName = ''): Promise<boolean> {
    return (await vertices.getVectorStatus(this.ctx, vertexType, nonEmpty(vectorName), this.g())).upToDate;
  }

  /** `getVectorIndexStatus(graphName, vertexType, vectorName)`: the server's `results` (4.2+). */
  async getVectorIndexStatus(graphName?: string, vertexType?: string, vectorName?: string) {
    const graph = nonEmpty(graphName) ?? this.graphname;
    const status = await vertices.getVectorStatus(
      this.ctx,
      nonEmpty(vertexType),
      nonEmpty(vectorName),
      graph === undefined ? {} : { graph },
    );
    return status.raw;
  }

  /** `getVertexCount(vertexType, where, realtime)`: a number for one type, else `{type: count}`. */
  getVertexCount(vertexType: string | readonly string[] = '*', where = '', realtime = false) {
    if (typeof vertexType === 'string' && vertexType !== '*') {
      return vertices.countVertices(this.ctx, vertexType, this.g({ filter: nonEmpty(where), realtime }));
    }
    if (where !== '') {
      throw new ValidationError(
        'getVertexCount: a where condition needs a single vertex type (not "*" or a list)',
        {
          field: 'where',
        },
      );
    }
    return vertices.countVerticesByType(this.ctx, vertexType, this.g({ realtime }));
  }

  /** `upsertVertex(vertexType, vertexId, attributes)`: the number of accepted vertices. */
  async upsertVertex(vertexType: string, vertexId: string | number, attributes?: Record<string, unknown>) {
    return (await vertices.upsertVertex(this.ctx, vertexType, vertexId, attributes, this.g()))
      .accepted_vertices;
  }

  /** `upsertVertices(vertexType, vertices, atomic)`: `[id, attributes]` pairs. */
  async upsertVertices(
    vertexType: string,
    items: readonly (readonly [string | number, Record<string, unknown>?])[],
    atomic = false,
  ) {
    return (await vertices.upsertVertices(this.ctx, vertexType, items, this.g({ atomic }))).accepted_vertices;
  }

  /** `getVertices(vertexType, select, where, limit, sort, timeout)`. */
  getVertices(vertexType: string, select = '', where = '', limit?: number, sort = '', timeout = 0) {
    return vertices.getVertices(
      this.ctx,
      vertexType,
      this.g({
        select: list(select),
        filter: nonEmpty(where),
        limit,
        sort: list(sort),
        serverTimeoutMs: seconds(timeout),
      }),
    );
  }

  /** `getVerticesById(vertexType, vertexIds, select, timeout)` (select is honoured). */
  getVerticesById(
    vertexType: string,
    vertexIds: string | number | readonly (string | number)[],
    select = '',
    timeout = 0,
  ) {
    const ids = Array.isArray(vertexIds) ? vertexIds : [vertexIds as string | number];
    if (ids.length === 0) throw new ValidationError('No vertex ID was specified.', { field: 'vertexIds' });
    return vertices.getVerticesById(
      this.ctx,
      vertexType,
      ids,
      this.g({ select: list(select), serverTimeoutMs: seconds(timeout) }),
    );
  }

  /** `getVertexStats(vertexTypes, skipNA)`. */
  getVertexStats(vertexTypes: string | readonly string[], skipNA = false) {
    const types = vertexTypes === '*' ? '*' : typeof vertexTypes === 'string' ? [vertexTypes] : vertexTypes;
    return vertices.getVertexStats(this.ctx, types, this.g({ skipNA }));
  }

  /** `delVertices(vertexType, where, limit, sort, permanent, timeout)`: the number deleted. */
  delVertices(vertexType: string, where = '', limit?: number, sort = '', permanent = false, timeout = 0) {
    return vertices.deleteVertices(
      this.ctx,
      vertexType,
      this.g({
        filter: nonEmpty(where),
        limit,
        sort: list(sort),
        permanent,
        serverTimeoutMs: seconds(timeout),
      }),
    );
  }

  /** `delVerticesById(vertexType, vertexIds, permanent, timeout)`: the number deleted. */
  delVerticesById(
    vertexType: string,
    vertexIds: string | number | readonly (string | number)[],
    permanent = false,
    timeout = 0,
  ) {
    const ids = Array.isArray(vertexIds) ? vertexIds : [vertexIds as string | number];
    return vertices.deleteVerticesById(
      this.ctx,
      vertexType,
      ids,
      this.g({ permanent, serverTimeoutMs: seconds(timeout) }),
    );
  }

  /** `delVerticesByType(vertexType, permanent, ack)`. */
  delVerticesByType(vertexType: string, permanent = false, ack: 'none' | 'all' = 'none') {
    return vertices.deleteVerticesByType(this.ctx, vertexType, this.g({ permanent, ack }));
  }

  /** `getVertexDataFrame(vertexType, select, where, limit, sort, timeout)`: rows (no DataFrame library). */
  async getVertexDataFrame(
    vertexType: string,
    select = '',
    where = '',
    limit?: number,
    sort = '',
    timeout = 0,
  ) {
    return rows.vertexRows(await this.getVertices(vertexType, select, where, limit, sort, timeout), {
      withId: true,
    });
  }

  /** `getVertexDataFrameById(vertexType, vertexIds, select)`: rows. */
  async getVertexDataFrameById(
    vertexType: string,
    vertexIds: string | number | readonly (string | number)[],
    select = '',
  ) {
    return rows.vertexRows(await this.getVerticesById(vertexType, vertexIds, select), { withId: true });
  }

  /** `parseQueryOutput(output, graphOnly)`: vertices and edges of query output by type and id. */
  parseQueryOutput(output: readonly unknown[], graphOnly = true) {
    return rows.parseQueryOutput(output, { graphOnly });
  }

  /** `vertexSetToDataFrame(vertexSet, withId, withType)`: rows instead of a DataFrame. */
  vertexSetToDataFrame(vertexSet: Parameters<typeof rows.vertexRows>[0], withId = true, withType = false) {
    return rows.vertexRows(vertexSet, { withId, withType });
  }

  // ---- edges ------------------------------------------------------------------------------

  getEdgeTypes(force = false) {
    return edges.getEdgeTypes(this.ctx, this.g({ refresh: force }));
  }

  getEdgeType(edgeType: string, force = false) {
    return edges.getEdgeType(this.ctx, edgeType, this.g({ refresh: force }));
  }

  async getEdgeAttrs(edgeType: string): Promise<[string, string][]> {
    return (await edges.getEdgeAttributes(this.ctx, edgeType, this.g())).map((a) => [a.name, a.type]);
  }

  getEdgeSourceVertexType(edgeType: string) {
    return edges.getEdgeSourceVertexTypes(this.ctx, edgeType, this.g());
  }

  getEdgeTargetVertexType(edgeType: string) {
    return edges.getEdgeTargetVertexTypes(this.ctx, edgeType, this.g());
  }

  isDirected(edgeType: string) {
    return edges.isDirected(this.ctx, edgeType, this.g());
  }

  /** `getReverseEdge(edgeType)`: its name, or `''`. */
  async getReverseEdge(edgeType: string): Promise<string> {
    return (await edges.getReverseEdge(this.ctx, edgeType, this.g())) ?? '';
  }

  isMultiEdge(edgeType: string) {
    return edges.isMultiEdge(this.ctx, edgeType, this.g());
  }

  async getDiscriminators(edgeType: string): Promise<[string, string][]> {
    return (await edges.getDiscriminators(this.ctx, edgeType, this.g())).map((a) => [a.name, a.type]);
  }

  /** `getEdgeCountFrom(sourceVertexType, sourceVertexId, edgeType, targetVertexType, targetVertexId, where)`. */
  getEdgeCountFrom(
    sourceVertexType = '',
    sourceVertexId?: string | number,
    edgeType = '',
    targetVertexType = '',
    targetVertexId?: string | number,
    where = '',
  ) {
    if (sourceVertexType !== '' && sourceVertexId !== undefined) {
      return edges.countEdgesFrom(
        this.ctx,
        sourceVertexType,
        sourceVertexId,
        this.g({
          edgeType: nonEmpty(edgeType),
          targetType: nonEmpty(targetVertexType),
          targetId: targetVertexId,
          filter: nonEmpty(where),
        }),
      );
    }
    if (where !== '') {
      throw new ValidationError(
        'If where condition is specified, then both sourceVertexType and sourceVertexId must be provided too.',
        { field: 'where' },
      );
    }
    return this.getEdgeCount(edgeType === '' ? '*' : edgeType);
  }

  /** `getEdgeCount(edgeType)`: a number for one type, else `{type: count}`. */
  getEdgeCount(edgeType = '*') {
    return edgeType === '*'
      ? edges.countEdgesByType(this.ctx, '*', this.g())
      : edges.countEdges(this.ctx, edgeType, this.g());
  }

  /** `upsertEdge(sourceVertexType, sourceVertexId, edgeType, targetVertexType, targetVertexId, attributes, vertexMustExist)`. */
  async upsertEdge(
    sourceVertexType: string,
    sourceVertexId: string | number,
    edgeType: string,
    targetVertexType: string,
    targetVertexId: string | number,
    attributes?: Record<string, unknown>,
    vertexMustExist = false,
  ) {
    const summary = await edges.upsertEdge(
      this.ctx,
      sourceVertexType,
      sourceVertexId,
      edgeType,
      targetVertexType,
      targetVertexId,
      attributes,
      this.g({ vertexMustExist }),
    );
    return summary.accepted_edges;
  }

  /** `upsertEdges(sourceVertexType, edgeType, targetVertexType, edges, vertexMustExist, atomic)`. */
  async upsertEdges(
    sourceVertexType: string,
    edgeType: string,
    targetVertexType: string,
    items: Parameters<typeof edges.upsertEdges>[4],
    vertexMustExist = false,
    atomic = false,
  ) {
    const summary = await edges.upsertEdges(
      this.ctx,
      sourceVertexType,
      edgeType,
      targetVertexType,
      items,
      this.g({ vertexMustExist, atomic }),
    );
    return summary.accepted_edges;
  }

  /** `getEdges(sourceVertexType, sourceVertexId, edgeType, targetVertexType, targetVertexId, select, where, limit, sort, timeout)`. */
  getEdges(
    sourceVertexType: string,
    sourceVertexId: string | number,
    edgeType = '',
    targetVertexType = '',
    targetVertexId: string | number = '',
    select = '',
    where = '',
    limit?: number,
    sort = '',
    timeout = 0,
  ) {
    return edges.getEdges(
      this.ctx,
      sourceVertexType,
      sourceVertexId,
      this.g({
        ...edgeSelection(edgeType, targetVertexType, targetVertexId),
        select: list(select),
        filter: nonEmpty(where),
        limit,
        sort: list(sort),
        serverTimeoutMs: seconds(timeout),
      }),
    );
  }

  /** `getEdgesByType(edgeType, limit)`. */
  getEdgesByType(edgeType: string, limit?: number) {
    return edges.getEdgesByType(this.ctx, edgeType, this.g({ limit }));
  }

  getEdgeStats(edgeTypes: string | readonly string[], skipNA = false) {
    const types = edgeTypes === '*' ? '*' : typeof edgeTypes === 'string' ? [edgeTypes] : edgeTypes;
    return edges.getEdgeStats(this.ctx, types, this.g({ skipNA }));
  }

  /** `delEdges(sourceVertexType, sourceVertexId, edgeType, targetVertexType, targetVertexId, where, limit, sort, timeout)`. */
  delEdges(
    sourceVertexType: string,
    sourceVertexId: string | number,
    edgeType = '',
    targetVertexType = '',
    targetVertexId: string | number = '',
    where = '',
    limit?: number,
    sort = '',
    timeout = 0,
  ) {
    return edges.deleteEdges(
      this.ctx,
      sourceVertexType,
      sourceVertexId,
      this.g({
        ...edgeSelection(edgeType, targetVertexType, targetVertexId),
        filter: nonEmpty(where),
        limit,
        sort: list(sort),
        serverTimeoutMs: seconds(timeout),
      }),
    );
  }

  /** `getEdgesDataFrame(sourceVertexType, sourceVertexId, edgeType, targetVertexType, targetVertexId, select, where, limit, sort, timeout)`: rows. */
  async getEdgesDataFrame(
    sourceVertexType: string,
    sourceVertexId: string | number,
    edgeType = '',
    targetVertexType = '',
    targetVertexId: string | number = '',
    select = '',
    where = '',
    limit?: number,
    sort = '',
    timeout = 0,
  ) {
    const found = await this.getEdges(
      sourceVertexType,
      sourceVertexId,
      edgeType,
      targetVertexType,
      targetVertexId,
      select,
      where,
      limit,
      sort,
      timeout,
    );
    return rows.edgeRows(found, { withId: true });
  }

  /** `edgeSetToDataFrame(edgeSet, withId, withType)`: rows instead of a DataFrame. */
  edgeSetToDataFrame(edgeSet: Parameters<typeof rows.edgeRows>[0], withId = true, withType = false) {
    return rows.edgeRows(edgeSet, { withId, withType });
  }

  // ---- queries ----------------------------------------------------------------------------

  /** `runInstalledQuery(queryName, params, timeout, sizeLimit, usePost, runAsync, replica, threadLimit, memoryLimit)`. */
  runInstalledQuery(
    queryName: string,
    params?: QueryParams,
    timeout?: number,
    sizeLimit?: number,
    usePost?: boolean,
    runAsync = false,
    replica?: number,
    threadLimit?: number,
    memoryLimit?: number,
  ) {
    const control = this.g({
      gsqlTimeoutMs: timeout,
      responseLimitBytes: sizeLimit,
      replica,
      threadLimit,
      memoryLimitMb: memoryLimit,
      ...(usePost === undefined ? {} : { method: usePost ? ('POST' as const) : ('GET' as const) }),
    });
    return runAsync
      ? queries.runQueryAsync(this.ctx, queryName, params, control)
      : queries.runQuery(this.ctx, queryName, params, control);
  }

  /** `runInterpretedQuery(queryText, params)`. */
  runInterpretedQuery(queryText: string, params?: QueryParams) {
    return queries.runInterpretedQuery(this.ctx, queryText, params, this.g());
  }

  checkQueryStatus(requestId: string) {
    return queries.getQueryStatus(this.ctx, requestId, this.g());
  }

  /** Waits for an async run (`runInstalledQuery(…, runAsync=true)`) and returns its result. */
  waitForQuery(requestId: string) {
    return queries.waitForQuery(this.ctx, requestId, this.g());
  }

  getQueryResult(requestId: string) {
    return queries.getQueryResult(this.ctx, requestId, this.g());
  }

  getInstalledQueries() {
    return queries.listInstalledQueries(this.ctx, this.g());
  }

  listQueryNames() {
    return queries.listQueries(this.ctx, this.g());
  }

  /** `showQuery(queryName)`: its GSQL text. */
  showQuery(queryName: string) {
    return queries.getQueryText(this.ctx, queryName, this.g());
  }

  /** `getQueryContent(queryName)`: the query's GSQL text. */
  getQueryContent(queryName: string) {
    return queries.getQueryText(this.ctx, queryName, this.g());
  }

  getQueryMetadata(queryName: string) {
    return queries.describeQuery(this.ctx, queryName, this.g());
  }

  /** `updateQueryDescription(queryName, queryDescription, parameterDescriptions)` (TigerGraph ≥ 4.0). */
  updateQueryDescription(
    queryName: string,
    queryDescription: string,
    parameterDescriptions?: Readonly<Record<string, string>>,
  ) {
    return queries.setQueryDescription(
      this.ctx,
      queryName,
      queryDescription,
      parameterDescriptions,
      this.g(),
    );
  }

  /** `getQueryDescription(queryName = 'all')`: a name, a comma list or `'all'`. */
  getQueryDescription(queryName: string | readonly string[] = 'all') {
    const names =
      queryName === 'all' ? 'all' : typeof queryName === 'string' ? (list(queryName) ?? []) : queryName;
    return queries.getQueryDescriptions(this.ctx, names, this.g());
  }

  /** `dropQueryDescription(queryName, dropParamDescriptions = true)`; `'*'` drops all. */
  dropQueryDescription(queryName: string | readonly string[], dropParamDescriptions = true) {
    const names = queryName === '*' ? 'all' : typeof queryName === 'string' ? [queryName] : queryName;
    return queries.dropQueryDescriptions(this.ctx, names, this.g({ parameters: dropParamDescriptions }));
  }

  createQuery(queryText: string) {
    return queries.createQuery(this.ctx, queryText, this.g());
  }

  dropQueries(queryName: string | readonly string[]) {
    return queries.dropQueries(this.ctx, queryName, this.g());
  }

  /** `installQueries(queries, flag, wait)`; flags as `-force`, `-single`, … */
  installQueries(queryNames: string | readonly string[], flag: string | readonly string[] = [], wait = true) {
    const flags = (typeof flag === 'string' ? [flag] : flag).map((f) => f.replace(/^-/, '').toLowerCase());
    return queries.installQueries(
      this.ctx,
      queryNames,
      this.g({
        wait,
        force: flags.includes('force'),
        single: flags.includes('single'),
        legacy: flags.includes('legacy'),
        debug: flags.includes('debug'),
        cost: flags.includes('cost'),
      }),
    );
  }

  getQueryInstallationStatus(requestId: string) {
    return queries.getInstallStatus(this.ctx, requestId, this.g());
  }

  getRunningQueries() {
    return queries.listRunningQueries(this.ctx, this.g());
  }

  /** `abortQuery(request_id, url)`. */
  abortQuery(requestId?: string | readonly string[], url?: string) {
    const requestIds =
      requestId === undefined
        ? undefined
        : requestId === 'all'
          ? 'all'
          : typeof requestId === 'string'
            ? [requestId]
            : requestId;
    return queries.abortQuery(this.ctx, { requestIds, url }, this.g());
  }

  // ---- loading ----------------------------------------------------------------------------

  /** `runLoadingJobWithData(data, fileTag, jobName, sep, eol, timeout, sizeLimit)`. */
  runLoadingJobWithData(
    data: Parameters<typeof loading.loadData>[3],
    fileTag: string,
    jobName: string,
    sep?: string,
    eol?: string,
    timeout?: number,
    sizeLimit?: number,
  ) {
    return loading.loadData(
      this.ctx,
      jobName,
      fileTag,
      data,
      this.g({ separator: sep, eol, gsqlTimeoutMs: timeout, responseLimitBytes: sizeLimit }),
    );
  }

  getLoadingJobs() {
    return loading.listLoadingJobs(this.ctx, this.g());
  }

  getLoadingJobInfo(jobName: string) {
    return loading.getLoadingJob(this.ctx, jobName, this.g());
  }

  createLoadingJob(jobText: Parameters<typeof loading.createLoadingJob>[1]) {
    return loading.createLoadingJob(this.ctx, jobText, this.g());
  }

  updateLoadingJob(jobText: string) {
    return loading.updateLoadingJob(this.ctx, jobText, this.g());
  }

  /** `runLoadingJob(jobName, dataSources)` (4.x; the data sources as objects, not pyTigerGraph's broken form). */
  runLoadingJob(jobName: string, dataSources: Parameters<typeof loading.startLoadingJob>[2]) {
    return loading.startLoadingJob(this.ctx, jobName, dataSources, this.g());
  }

  resumeLoadingJob(jobId: string) {
    return loading.resumeLoadingJob(this.ctx, jobId, this.g());
  }

  createDataSource(name: string, config: Parameters<typeof loading.createDataSource>[2]) {
    return loading.createDataSource(this.ctx, name, config, this.g());
  }

  updateDataSource(name: string, config: Parameters<typeof loading.updateDataSource>[2]) {
    return loading.updateDataSource(this.ctx, name, config, this.g());
  }

  getDataSource(name: string) {
    return loading.getDataSource(this.ctx, name, this.g());
  }

  previewSampleData(
    dataSource: string,
    path: string,
    options?: Parameters<typeof loading.previewSampleData>[3],
  ) {
    return loading.previewSampleData(this.ctx, dataSource, path, this.g(options));
  }

  dropLoadingJob(jobName: string) {
    return loading.dropLoadingJob(this.ctx, jobName, this.g());
  }

  getLoadingJobsStatus(jobIds: readonly string[]) {
    return loading.getLoadingJobStatus(this.ctx, jobIds, this.g());
  }

  abortLoadingJobs(jobIds: readonly string[], pause = false) {
    return loading.abortLoadingJobs(this.ctx, jobIds, this.g({ pause }));
  }

  /** `abortLoadingJob(jobId)`. */
  abortLoadingJob(jobId: string) {
    return loading.abortLoadingJobs(this.ctx, [jobId], this.g());
  }

  /** `getLoadingJobStatus(jobId)`. */
  async getLoadingJobStatus(jobId: string) {
    return (await loading.getLoadingJobStatus(this.ctx, [jobId], this.g()))[0];
  }

  getDataSources() {
    return loading.listDataSources(this.ctx, this.g());
  }

  dropDataSource(name: string) {
    return loading.dropDataSource(this.ctx, name, this.g());
  }

  dropAllDataSources() {
    return loading.dropAllDataSources(this.ctx, this.g());
  }

  // ---- paths ------------------------------------------------------------------------------

  /** `shortestPath(sourceVertices, targetVertices, maxLength, vertexFilters, edgeFilters, allShortestPaths)`. */
  shortestPath(
    sourceVertices: Parameters<typeof paths.shortestPath>[1],
    targetVertices: Parameters<typeof paths.shortestPath>[2],
    maxLength?: number,
    vertexFilters?: readonly { type: string; condition: string }[],
    edgeFilters?: readonly { type: string; condition: string }[],
    allShortestPaths = false,
  ) {
    return paths.shortestPath(
      this.ctx,
      sourceVertices,
      targetVertices,
      this.g({ maxLength, vertexFilters, edgeFilters, allShortestPaths }),
    );
  }

  /** `allPaths(sourceVertices, targetVertices, maxLength, vertexFilters, edgeFilters)`. */
  allPaths(
    sourceVertices: Parameters<typeof paths.allPaths>[1],
    targetVertices: Parameters<typeof paths.allPaths>[2],
    maxLength: number,
    vertexFilters?: readonly { type: string; condition: string }[],
    edgeFilters?: readonly { type: string; condition: string }[],
  ) {
    return paths.allPaths(
      this.ctx,
      sourceVertices,
      targetVertices,
      this.g({ maxLength, vertexFilters, edgeFilters }),
    );
  }
}
