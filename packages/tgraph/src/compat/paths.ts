// pyTigerGraph's pyTigerGraphPath: shortest and all paths.
import * as paths from '@tgraph/api/paths';
import { ConnectionBase } from './base.js';

/** The paths methods of `TigerGraphConnection`. */
export class PathMethods extends ConnectionBase {
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
