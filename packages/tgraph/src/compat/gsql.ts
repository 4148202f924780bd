// pyTigerGraph's pyTigerGraphGSQL: GSQL text and reserved words.
import * as gsqlApi from '@tgraph/api/gsql';
import { ConnectionBase } from './base.js';

/** The gsql methods of `TigerGraphConnection`. */
export class GsqlMethods extends ConnectionBase {
  /** `gsql(query, graphname)`: the output text; GSQL errors raise a GsqlError. */
  async gsql(query: string, graphname?: string): Promise<string> {
    const graph = this.graphOf(graphname);
    return (await gsqlApi.gsql(this.ctx, query, graph === undefined ? {} : { graph })).output;
  }

  getReservedKeywords(): string[] {
    return gsqlApi.getReservedKeywords();
  }

  isReservedKeyword(name: string): boolean {
    return gsqlApi.isReservedKeyword(name);
  }
}
