// pyTigerGraph's pyTigerGraphEdge: edge reads, upserts, deletes and statistics.
import * as edges from '@tgraph/api/edges';
import * as rows from '@tgraph/api/rows';
import { ValidationError } from 'tgraph';
import { ConnectionBase, edgeSelection, list, nonEmpty, seconds } from './base.js';

/** The edges methods of `TigerGraphConnection`. */
export class EdgeMethods extends ConnectionBase {
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
    return edges.getEdgeStats(this.ctx, edgeTypes, this.g({ skipNA }));
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
}
