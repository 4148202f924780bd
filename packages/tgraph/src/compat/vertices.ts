// pyTigerGraph's pyTigerGraphVertex: vertex reads, upserts, deletes and statistics.
import * as rows from '@tgraph/api/rows';
import * as vertices from '@tgraph/api/vertices';
import { ValidationError } from 'tgraph';
import { ConnectionBase, list, nonEmpty, seconds } from './base.js';

/** The vertices methods of `TigerGraphConnection`. */
export class VertexMethods extends ConnectionBase {
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
    const graph = this.graphOf(graphName);
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
    return vertices.getVertexStats(this.ctx, vertexTypes, this.g({ skipNA }));
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
}
