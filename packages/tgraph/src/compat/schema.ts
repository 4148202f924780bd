// pyTigerGraph's pyTigerGraphSchema: schema, graphs, schema-change jobs and UDTs.
import * as schema from '@tgraph/api/schema';
import * as system from '@tgraph/api/system';
import * as udts from '@tgraph/api/udts';
import { ConnectionBase } from './base.js';

/** The schema methods of `TigerGraphConnection`. */
export class SchemaMethods extends ConnectionBase {
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
    const graph = this.graphOf(graphName);
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
    const graph = this.graphOf(targetGraph);
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
}
