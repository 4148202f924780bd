// `GET /vector/status[/{graph}[/{vertexType}[/{vectorName}]]]` (TigerGraph 4.2+, reference §4.1):
// the HNSW index rebuild status. The emulator keeps no vector attributes, so every index it knows
// of is up to date (`NeedRebuildServers: []`); naming a vector attribute is an error.
import type { EmuResponse } from '../http/types.js';
import { graphOf, type RestCtx, vertexTypeOf } from './context.js';
import { endpointNotFound, ok, RestError } from './envelope.js';

/** Whether this server version has vector search (4.2+). */
export function hasVectors(ctx: RestCtx): boolean {
  const v = ctx.state.version;
  return v.major > 4 || (v.major === 4 && v.minor >= 2);
}

export function vectorStatus(ctx: RestCtx): EmuResponse {
  if (!hasVectors(ctx)) throw endpointNotFound(ctx.path);
  const [, graph, vertexType, vectorName] = ctx.segments;
  const g = graph === undefined ? undefined : graphOf(ctx, graph);
  if (g !== undefined && vertexType !== undefined) {
    vertexTypeOf(ctx, g, vertexType);
    if (vectorName !== undefined) {
      throw new RestError(
        'REST-30000',
        `The vector attribute '${vectorName}' does not exist on vertex type ${vertexType} in graph ${g.name}.`,
        400,
        g.schemaVersion,
      );
    }
  }
  const verbose = ctx.req.query.get('verbose')?.toLowerCase() === 'true';
  const results = verbose ? {} : { NeedRebuildServers: [] };
  return ok(results, {
    code: 'REST-0000',
    message: 'fetched status success',
    ...(g === undefined ? {} : { schema: g.schemaVersion }),
  });
}
