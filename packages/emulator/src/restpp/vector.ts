// `GET /vector/status[/{graph}[/{vertexType}[/{vectorName}]]]` (TigerGraph 4.2+, reference §4.1):
// the HNSW index rebuild status. Plain: `{"NeedRebuildServers": [...]}`; with `verbose=true` the
// results key is `NeedRebuildInstances({SEGID}_{VECTOR_ID})`, a map server → pending instances
// (ecosys tutorials/VectorSearch.md). The emulator keeps no vector attributes, so a rebuild is
// pending only when a test sets it (`setVectorRebuildPending`); naming a vector attribute is an error.
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
  return ok(rebuildResults(ctx.state.vectorRebuild.pending, verbose), {
    code: 'REST-0000',
    message: 'fetched status success',
    ...(g === undefined ? {} : { schema: g.schemaVersion }),
  });
}

/** The one GPE of a single-node install, as the tutorial's sample names it. */
const SERVER = 'GPE_1#1';
const VERBOSE_KEY = 'NeedRebuildInstances({SEGID}_{VECTOR_ID})';

function rebuildResults(pending: boolean, verbose: boolean): Record<string, unknown> {
  // The tutorial prints the verbose items unquoted (`[1_1]`, not JSON); the emulator sends them as
  // strings, and an empty map when nothing is pending (by analogy with `NeedRebuildServers: []`).
  if (verbose) return { [VERBOSE_KEY]: pending ? { [SERVER]: ['1_1'] } : {} };
  return { NeedRebuildServers: pending ? [SERVER] : [] };
}
