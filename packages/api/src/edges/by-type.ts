// All edges of one type (pyTigerGraph's getEdgesByType). RESTPP lists edges only below a source
// vertex, so there are two ways:
// - `query` (pyTigerGraph's way, one request): an interpreted GSQL query that collects the edges
//   from every source vertex type (pyTigerGraph refuses edge types with several source types)
//   into a ListAccum — a SetAccum may merge the parallel edges of a multi-edge type — and the
//   client drops the second sighting of an undirected edge;
//   needs the privilege to run interpreted queries, and GSQL-server credentials on 3.x;
// - `scan` (default; RESTPP only): the source vertex types from the schema, the ids of each (one
//   listing per type), then each vertex's edges of the type (`concurrency` requests at a time),
//   stopping once `limit` edges are in hand.

import * as endpoints from '@tgraph/protocol/endpoints/elements';
import { ResponseShapeError, ValidationError } from '@tgraph/protocol/errors';
import { edgeSchema } from '@tgraph/protocol/schemas/graph-data';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { checkConcurrency, mapLimit } from '../elements/concurrency.js';
import { gsqlIdentifier, interpret } from '../elements/interpret.js';
import { type FilterInput, filterText, limitParam, readParams } from '../elements/read-params.js';
import { edgeTypeIn, readGraphSchema } from '../elements/schema-read.js';
import type { EdgeAttributeName, EdgeResult, Selected } from '../elements/types.js';
import type { RequestOptions } from '../internal/call.js';
import { perCall } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { EdgeAttributes, EdgeTypeName, SchemaShape } from '../schema-types.js';
import { getVertices } from '../vertices/get.js';
import { listEdges } from './get.js';
import { edgeTypeDescription } from './schema-info.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_EDGES_BY_TYPE_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'concurrency',
  'filter',
  'limit',
  'select',
  'strategy',
];

export interface GetEdgesByTypeOptions<K extends string> extends RequestOptions {
  /** At most this many edges. */
  limit?: number | undefined;
  select?: readonly K[] | undefined;
  /** Conditions on edge attributes (RESTPP filter syntax, ANDed). */
  filter?: FilterInput | undefined;
  /** Source vertices whose edges are read at once (default 8). */
  concurrency?: number | undefined;
  /** `scan` (default, RESTPP) or `query` (one interpreted GSQL query; no `filter`). */
  strategy?: 'scan' | 'query' | undefined;
}

const edgeList = z.array(edgeSchema);

/** An undirected edge seen from both ends is one edge: key it by its sorted ends and attributes. */
function edgeKey(e: EdgeResult, directed: boolean, discriminators: readonly string[]): string {
  const a = `${e.from_type}\u0000${e.from_id}`;
  const b = `${e.to_type}\u0000${e.to_id}`;
  const ends = directed || a <= b ? `${a}\u0001${b}` : `${b}\u0001${a}`;
  const disc = discriminators.map((d) => JSON.stringify(e.attributes[d] ?? null));
  return `${ends}\u0002${disc.join('\u0003')}`;
}

/**
 * Every edge of one type in the graph (or the first `limit`). The default `scan` costs one vertex
 * listing per source vertex type plus one request per source vertex (RESTPP only); `strategy:
 * 'query'` is one interpreted GSQL query. Prefer getEdges when the source is known.
 *
 * @example
 * const infections = await getEdgesByType(ctx, 'INFECTED_BY');
 * infections[0]; // { e_type: 'INFECTED_BY', directed: true, from_type: 'Patient', from_id: '1000000003', to_type: 'Patient', to_id: '1000000001', attributes: {} }
 * const firstTen = await getEdgesByType(ctx, 'INFECTED_BY', { strategy: 'query', limit: 10 });
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
  checkOptions(options, GET_EDGES_BY_TYPE_KEYS, 'getEdgesByType');
  if (typeof edgeType !== 'string' || edgeType === '') {
    throw new ValidationError('edgeType must be a non-empty edge type name', { field: 'edgeType' });
  }
  const limit = limitParam(options.limit) ?? Number.POSITIVE_INFINITY;
  const strategy = options.strategy ?? 'scan';
  if (strategy !== 'scan' && strategy !== 'query') {
    throw new ValidationError(`strategy must be 'scan' or 'query', got '${String(strategy)}'`, {
      field: 'strategy',
    });
  }
  if (strategy === 'query' && filterText(options.filter) !== undefined) {
    throw new ValidationError("filter is RESTPP syntax and applies to strategy 'scan' only", {
      field: 'filter',
    });
  }
  const concurrency = checkConcurrency(options.concurrency);
  const base = { ...perCall(options) };
  const schema = await readGraphSchema(ctx, base);
  const info = edgeTypeDescription(edgeTypeIn(schema, edgeType));
  const discriminators = info.discriminators.map((d) => d.name);
  // Keep the discriminators in the reply so parallel undirected edges stay apart.
  const select =
    options.select !== undefined && options.select.length > 0
      ? [...new Set([...(options.select as readonly string[]), ...discriminators])]
      : undefined;
  const seen = new Set<string>();
  const out: EdgeResult[] = [];
  // Dedupes on the whole edge (discriminators included), keeps `shown` (the selected attributes).
  const keep = (e: EdgeResult, shown: EdgeResult = e): void => {
    if (e.e_type !== edgeType || out.length >= limit) return;
    const key = edgeKey(e, info.directed, discriminators);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(shown);
  };
  if (strategy === 'query') {
    const type = gsqlIdentifier(edgeType, 'edgeType');
    const sources = info.sourceTypes.map((t) => `${gsqlIdentifier(t, 'source vertex type')}.*`).join(', ');
    const results = await interpret(
      ctx,
      '',
      `ListAccum<EDGE> @@edges; start = {${sources}}; ` +
        `res = SELECT s FROM start:s -(${type}:e)-> :t ACCUM @@edges += e; PRINT @@edges AS edges;`,
      [],
      base,
    );
    const printed = edgeList.safeParse(results[0]?.['edges'] ?? []);
    if (!printed.success) {
      throw new ResponseShapeError(`The interpreted query for ${type} edges printed no edge list 'edges'`, {
        code: 'TG-SHAPE',
      });
    }
    const wanted =
      options.select !== undefined && options.select.length > 0 ? new Set<string>(options.select) : undefined;
    for (const e of printed.data) {
      const all = (e.attributes ?? {}) as Record<string, unknown>;
      const attributes =
        wanted === undefined ? all : Object.fromEntries(Object.entries(all).filter(([k]) => wanted.has(k)));
      const edge: EdgeResult = {
        e_type: e.e_type,
        from_type: e.from_type,
        from_id: e.from_id,
        to_type: e.to_type,
        to_id: e.to_id,
        attributes,
      };
      if (e.directed !== undefined) edge.directed = e.directed;
      keep({ ...edge, attributes: all }, edge);
    }
    return out as EdgeResult<E, Selected<EdgeAttributes<S, E>, K>>[];
  }
  const searchParams = readParams({ select, filter: options.filter });
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
          endpoint: endpoints.edgesOfType,
          params: { sourceType, sourceId: v.v_id, edgeType },
          searchParams,
        }),
      );
      for (const e of lists.flat()) keep(e);
    }
  }
  return out as EdgeResult<E, Selected<EdgeAttributes<S, E>, K>>[];
}
