// Vertex counts: the `stat_vertex_number` built-in for whole types, `count_only=true` on the
// vertex list for filtered counts (reference §4.2, §4.5).

import * as endpoints from '@tgraph/protocol/endpoints/elements';
import { NotFoundError, ValidationError } from '@tgraph/protocol/errors';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import { vertexCountSchema } from '@tgraph/protocol/schemas/graph-data';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { type FilterInput, filterText } from '../elements/read-params.js';
import { callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { type OneOrMany, typeList } from '../internal/one-or-many.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape, VertexTypeName } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const COUNT_VERTICES_KEYS: readonly string[] = [...REQUEST_KEYS, 'filter', 'realtime'];
const COUNT_VERTICES_BY_TYPE_KEYS: readonly string[] = [...REQUEST_KEYS, 'realtime'];

export interface CountVerticesOptions extends RequestOptions {
  /** Count only vertices matching these conditions (RESTPP filter syntax, ANDed). */
  filter?: FilterInput | undefined;
  /** Unfiltered counts only: ask for real-time numbers instead of the cached statistics. */
  realtime?: boolean | undefined;
}

export interface CountVerticesByTypeOptions extends RequestOptions {
  /** Ask for real-time numbers instead of the cached statistics. */
  realtime?: boolean | undefined;
}

const countsEnvelope = restppEnvelope(z.array(vertexCountSchema));

/** `POST /builtins/{graph}` `{"function":"stat_vertex_number","type":…}` → `{type: count}`. */
async function builtinCounts(
  ctx: ApiContext<SchemaShape>,
  type: string,
  options: CountVerticesByTypeOptions,
): Promise<Record<string, number>> {
  const reply = await callParsed(ctx, endpoints.builtins, countsEnvelope, {
    ...perCall(options),
    json: { function: 'stat_vertex_number', type },
    searchParams: options.realtime === true ? { realtime: 'true' } : undefined,
  });
  const out: Record<string, number> = {};
  for (const item of reply.results ?? []) out[item.v_type] = Number(item.count);
  return out;
}

/**
 * Number of vertices of one type, optionally only those matching a filter. Without a filter this
 * is the `stat_vertex_number` built-in; with one, a `count_only` vertex listing. Given `'*'` or a
 * list of types (as pyTigerGraph's `getVertexCount` takes them) it returns the counts by type, as
 * {@link countVerticesByType} does.
 *
 * @example
 * await countVertices(ctx, 'Patient'); // 24
 * await countVertices(ctx, 'Patient', { filter: 'birth_year>1990' }); // 7
 * await countVertices(ctx, ['City', 'Province']); // { City: 21, Province: 5 }
 */
export async function countVertices<S extends SchemaShape>(
  ctx: ApiContext<S>,
  vertexType: VertexTypeName<S>,
  options?: CountVerticesOptions,
): Promise<number>;
export async function countVertices<S extends SchemaShape>(
  ctx: ApiContext<S>,
  vertexTypes: '*' | readonly VertexTypeName<S>[],
  options?: CountVerticesByTypeOptions,
): Promise<Partial<Record<VertexTypeName<S>, number>>>;
export async function countVertices<S extends SchemaShape>(
  ctx: ApiContext<S>,
  vertexType: '*' | OneOrMany<VertexTypeName<S>>,
  options: CountVerticesOptions = {},
): Promise<number | Partial<Record<VertexTypeName<S>, number>>> {
  checkOptions(options, COUNT_VERTICES_KEYS, 'countVertices');
  if (typeof vertexType !== 'string' || vertexType === '*') {
    if (options.filter !== undefined) {
      throw new ValidationError('filter counts one vertex type: pass a single type name with it', {
        field: 'filter',
      });
    }
    return countVerticesByType(ctx, vertexType, options);
  }
  const filter = filterText(options.filter);
  if (filter === undefined) {
    const counts = await builtinCounts(ctx, vertexType, options);
    return counts[vertexType] ?? 0;
  }
  if (options.realtime === true) {
    throw new ValidationError(
      'realtime applies to unfiltered counts only (filtered counts are always live)',
      {
        field: 'realtime',
      },
    );
  }
  const reply = await callParsed(ctx, endpoints.vertices, countsEnvelope, {
    ...perCall(options),
    params: { vertexType },
    searchParams: [
      ['count_only', 'true'],
      ['filter', filter],
    ],
  });
  return Number(reply.results?.[0]?.count ?? 0);
}

/**
 * Vertex counts by type, in one `stat_vertex_number` call: every type (`'*'`, the default) or the
 * listed ones.
 *
 * @example
 * await countVerticesByType(ctx); // { Patient: 24, City: 21, Province: 5, InfectionCase: 6 }
 * await countVerticesByType(ctx, ['City', 'Province']); // { City: 21, Province: 5 }
 */
export async function countVerticesByType<S extends SchemaShape>(
  ctx: ApiContext<S>,
  types: '*' | OneOrMany<VertexTypeName<S>> = '*',
  options: CountVerticesByTypeOptions = {},
): Promise<Partial<Record<VertexTypeName<S>, number>>> {
  checkOptions(options, COUNT_VERTICES_BY_TYPE_KEYS, 'countVerticesByType');
  type Out = Partial<Record<VertexTypeName<S>, number>>;
  const vertexTypes = typeList(types, 'vertexTypes');
  if (vertexTypes === '*') return (await builtinCounts(ctx, '*', options)) as Out;
  if (vertexTypes.length === 1) return (await builtinCounts(ctx, vertexTypes[0] as string, options)) as Out;
  const all = await builtinCounts(ctx, '*', options);
  const out: Record<string, number> = {};
  for (const t of vertexTypes) {
    const n = all[t];
    if (n === undefined) {
      throw new NotFoundError(
        `Vertex type '${t}' is not in the graph (counted: ${Object.keys(all).join(', ')})`,
        {
          code: 'TG-NOT-FOUND',
        },
      );
    }
    out[t] = n;
  }
  return out as Partial<Record<VertexTypeName<S>, number>>;
}
