// `GET /vector/status[/{graph}[/{vertexType}[/{vectorName}]]]` (TigerGraph 4.2+, reference §4.1):
// the HNSW index rebuild status. Plain: `{"NeedRebuildServers": [...]}`; with `verbose=true` the
// results key is `NeedRebuildInstances({SEGID}_{VECTOR_ID})`, a map server → pending instances
// (ecosys tutorials/VectorSearch.md). A vector attribute needs a rebuild for a short while after
// each write of its vectors (store/vectors.ts); the test hook `setVectorRebuildPending` forces one.
import type { EmuResponse } from '../http/types.js';
import { type Catalog, type Graph, type VertexType, vertexTypesOf } from '../store/catalog.js';
import { pendingVectorAttrs, vectorAttr, vectorAttrs, versionHasVectors } from '../store/vectors.js';
import { graphOf, type RestCtx, vertexTypeOf } from './context.js';
import { endpointNotFound, ok, RestError } from './envelope.js';

/** Whether this server version has vector search (4.2+). */
export function hasVectors(ctx: RestCtx): boolean {
  return versionHasVectors(ctx.state.version);
}

export function vectorStatus(ctx: RestCtx): EmuResponse {
  if (!hasVectors(ctx)) throw endpointNotFound(ctx.path);
  const [, graph, vertexType, vectorName] = ctx.segments;
  const g = graph === undefined ? undefined : graphOf(ctx, graph);
  let types = g === undefined ? allVertexTypes(ctx.state.catalog) : vertexTypesOf(ctx.state.catalog, g);
  if (g !== undefined && vertexType !== undefined) {
    const t = vertexTypeOf(ctx, g, vertexType);
    types = [t];
    if (vectorName !== undefined && vectorName !== '' && !vectorAttr(t, vectorName)) {
      throw new RestError(
        'REST-30000',
        `The vector attribute '${vectorName}' does not exist on vertex type ${vertexType} in graph ${g.name}.`,
        400,
        g.schemaVersion,
      );
    }
  }
  const now = ctx.state.clock.now();
  const name = vectorName === '' ? undefined : vectorName;
  const instances = types.flatMap((t) =>
    pendingVectorAttrs(t, now, name).map((a) => `1_${vectorAttrs(t).indexOf(a) + 1}`),
  );
  if (ctx.state.vectorRebuild.pending && instances.length === 0) instances.push('1_1');
  const verbose = ctx.req.query.get('verbose')?.toLowerCase() === 'true';
  return ok(rebuildResults([...new Set(instances)], verbose), {
    code: 'REST-0000',
    message: 'fetched status success',
    ...(g === undefined ? {} : { schema: g.schemaVersion }),
  });
}

function allVertexTypes(cat: Catalog): VertexType[] {
  const out = new Set<VertexType>(cat.vertices.values());
  for (const g of cat.graphs.values() as Iterable<Graph>) for (const t of vertexTypesOf(cat, g)) out.add(t);
  return [...out];
}

/** The one GPE of a single-node install, as the tutorial's sample names it. */
const SERVER = 'GPE_1#1';
const VERBOSE_KEY = 'NeedRebuildInstances({SEGID}_{VECTOR_ID})';

function rebuildResults(instances: string[], verbose: boolean): Record<string, unknown> {
  // The tutorial prints the verbose items unquoted (`[1_1]`, not JSON); the emulator sends them as
  // strings ("{segment}_{vector attribute number}"), and an empty map when nothing is pending.
  const pending = instances.length > 0;
  if (verbose) return { [VERBOSE_KEY]: pending ? { [SERVER]: instances } : {} };
  return { NeedRebuildServers: pending ? [SERVER] : [] };
}
