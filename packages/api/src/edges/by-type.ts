// All edges of one type (pyTigerGraph's getEdgesByType). RESTPP lists edges only below a source
// vertex, and pyTigerGraph's way — an interpreted query — needs query privileges and breaks on
// edge types with several source vertex types. This walks RESTPP instead: the source vertex types
// from the schema, the ids of each (one listing per type), then each vertex's edges of the type
// (`concurrency` requests at a time), stopping once `limit` edges are in hand.
import { ValidationError } from '@tgraph/protocol';
import type { ApiContext } from '../context.js';
import type { RequestOptions } from '../internal/call.js';
import type { EdgeAttributes, EdgeTypeName, SchemaShape } from '../schema-types.js';
import { checkConcurrency, mapLimit } from '../vertices/concurrency.js';
import { getVertices } from '../vertices/get.js';
import { type FilterInput, limitParam, readParams } from '../vertices/read-params.js';
import { edgeTypeIn, readGraphSchema } from '../vertices/schema-read.js';
import type { EdgeAttributeName, EdgeResult, Selected } from '../vertices/types.js';
import { listEdges } from './get.js';
import { edgeTypeDescription } from './schema-info.js';

export interface GetEdgesByTypeOptions<K extends string> extends RequestOptions {
  /** At most this many edges. */
  limit?: number | undefined;
  select?: readonly K[] | undefined;
  /** Conditions on edge attributes (RESTPP filter syntax, ANDed). */
  filter?: FilterInput | undefined;
  /** Source vertices whose edges are read at once (default 8). */
  concurrency?: number | undefined;
}

/** An undirected edge seen from both ends is one edge: key it by its sorted ends and attributes. */
function edgeKey(e: EdgeResult, directed: boolean, discriminators: readonly string[]): string {
  const a = `${e.from_type}\u0000${e.from_id}`;
  const b = `${e.to_type}\u0000${e.to_id}`;
  const ends = directed || a <= b ? `${a}\u0001${b}` : `${b}\u0001${a}`;
  const disc = discriminators.map((d) => JSON.stringify(e.attributes[d] ?? null));
  return `${ends}\u0002${disc.join('\u0003')}`;
}

/**
 * Every edge of one type in the graph (or the first `limit`). Costs one vertex listing per source
 * vertex type plus one request per source vertex; prefer getEdges when the source is known.
 *
 * @example
 * const infections = await getEdgesByType(ctx, 'INFECTED_BY');
 * infections[0]; // { e_type: 'INFECTED_BY', directed: true, from_type: 'Patient', from_id: '1000000003', to_type: 'Patient', to_id: '1000000001', attributes: {} }
 */
export async function getEdgesByType<
  S extends SchemaShape,
  E extends EdgeTypeName<S>,
  K extends EdgeAttributeName<S, E> = never,
>(
  ctx: ApiContext<S>,
  edgeType: E,
  options: GetEdgesByTypeOptions<K> = {},
): Promise<EdgeResult<E, Selected<EdgeAttributes<S, E>, K>>[]> {
  if (typeof edgeType !== 'string' || edgeType === '') {
    throw new ValidationError('edgeType must be a non-empty edge type name', { field: 'edgeType' });
  }
  const limit = limitParam(options.limit) ?? Number.POSITIVE_INFINITY;
  const concurrency = checkConcurrency(options.concurrency);
  const base = { graph: options.graph, signal: options.signal, timeoutMs: options.timeoutMs };
  const schema = await readGraphSchema(ctx, base);
  const info = edgeTypeDescription(edgeTypeIn(schema, edgeType));
  const discriminators = info.discriminators.map((d) => d.name);
  // Keep the discriminators in the reply so parallel undirected edges stay apart.
  const select =
    options.select !== undefined && options.select.length > 0
      ? [...new Set([...(options.select as readonly string[]), ...discriminators])]
      : undefined;
  const searchParams = readParams({ select, filter: options.filter });
  const seen = new Set<string>();
  const out: EdgeResult[] = [];
  for (const sourceType of info.sourceTypes) {
    if (out.length >= limit) break;
    const firstAttr = schema.VertexTypes.find((t) => t.Name === sourceType)?.Attributes[0]?.AttributeName;
    const sources = await getVertices(ctx as ApiContext<SchemaShape>, sourceType, {
      ...base,
      // The ids are what matters: ask for as little as the schema allows.
      ...(firstAttr === undefined ? {} : { select: [firstAttr] }),
    });
    for (let i = 0; i < sources.length && out.length < limit; i += concurrency) {
      const chunk = sources.slice(i, i + concurrency);
      const lists = await mapLimit(chunk, concurrency, (v) =>
        listEdges(ctx, {
          ...base,
          endpoint: 'edgesOfType',
          params: { sourceType, sourceId: v.v_id, edgeType },
          searchParams,
        }),
      );
      for (const e of lists.flat()) {
        if (e.e_type !== edgeType) continue;
        const key = edgeKey(e, info.directed, discriminators);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(e);
        if (out.length >= limit) break;
      }
    }
  }
  return out as EdgeResult<E, Selected<EdgeAttributes<S, E>, K>>[];
}
