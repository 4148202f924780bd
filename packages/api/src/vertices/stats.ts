// Attribute statistics through the `stat_vertex_attr` / `stat_edge_attr` built-ins (reference §4.5):
// MIN/MAX/AVG of numeric attributes. Types without numeric attributes answer with an error whose
// message says "… is skip"; that becomes `{}` (or is left out with `skipNA`).

import * as endpoints from '@tgraph/protocol/endpoints/elements';
import { TigerGraphError } from '@tgraph/protocol/errors';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import { attributeStatsSchema } from '@tgraph/protocol/schemas/graph-data';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { type OneOrMany, typeList } from '../internal/one-or-many.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape, VertexTypeName } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_VERTEX_STATS_KEYS: readonly string[] = [...REQUEST_KEYS, 'skipNA'];

/** Statistics of one attribute: `MIN`/`MAX`/`AVG` for numbers (other keys pass through). */
export interface AttributeStats {
  MIN?: number | undefined;
  MAX?: number | undefined;
  AVG?: number | undefined;
  [key: string]: unknown;
}

export interface AttributeStatsOptions extends RequestOptions {
  /** Leave out types that have no statistics instead of returning `{}` for them. */
  skipNA?: boolean | undefined;
}

const envelope = restppEnvelope(z.array(attributeStatsSchema));

const SKIP_MESSAGES = [
  'stat_vertex_attr is skip',
  'stat_edge_attr is skip',
  'No valid edge for the input edge type',
];

/** One built-in call; `kind` picks the function and the key of each result. */
export async function statsCall(
  ctx: ApiContext<SchemaShape>,
  kind: 'vertex' | 'edge',
  type: string,
  options: AttributeStatsOptions,
): Promise<Record<string, Record<string, AttributeStats>> | undefined> {
  const body =
    kind === 'vertex'
      ? { function: 'stat_vertex_attr', type }
      : { function: 'stat_edge_attr', type, from_type: '*', to_type: '*' };
  try {
    const reply = await callParsed(ctx, endpoints.builtins, envelope, {
      ...perCall(options),
      json: body,
    });
    const out: Record<string, Record<string, AttributeStats>> = {};
    for (const item of reply.results ?? []) {
      const name = (kind === 'vertex' ? item.v_type : item.e_type) ?? type;
      out[name] = item.attributes as Record<string, AttributeStats>;
    }
    return out;
  } catch (error) {
    const text = error instanceof TigerGraphError ? `${error.serverMessage ?? ''} ${error.message}` : '';
    if (SKIP_MESSAGES.some((m) => text.includes(m))) return undefined;
    throw error;
  }
}

/** Runs the built-in for `'*'` (one call) or for each listed type (one call each, in parallel). */
export async function collectStats(
  ctx: ApiContext<SchemaShape>,
  kind: 'vertex' | 'edge',
  types: '*' | readonly string[],
  options: AttributeStatsOptions,
): Promise<Record<string, Record<string, AttributeStats>>> {
  const list = types === '*' ? ['*'] : [...new Set(types)];
  const parts = await Promise.all(list.map((t) => statsCall(ctx, kind, t, options)));
  const out: Record<string, Record<string, AttributeStats>> = {};
  list.forEach((t, i) => {
    const part = parts[i];
    if (part === undefined) {
      if (options.skipNA !== true && t !== '*') out[t] = {};
      return;
    }
    for (const [name, stats] of Object.entries(part)) {
      if (options.skipNA === true && Object.keys(stats).length === 0) continue;
      out[name] = stats;
    }
  });
  return out;
}

/**
 * MIN/MAX/AVG of the numeric attributes of vertex types (`stat_vertex_attr`): every type with `'*'`
 * (one request), one type, or the listed ones.
 *
 * @example
 * await getVertexStats(ctx, ['Province']);
 * // { Province: { population: { MIN: 1, MAX: 9, AVG: 5 }, area: { … } } }
 */
export async function getVertexStats<S extends SchemaShape>(
  ctx: ApiContext<S>,
  vertexTypes: '*' | OneOrMany<VertexTypeName<S>>,
  options: AttributeStatsOptions = {},
): Promise<Partial<Record<VertexTypeName<S>, Record<string, AttributeStats>>>> {
  checkOptions(options, GET_VERTEX_STATS_KEYS, 'getVertexStats');
  const types = typeList(vertexTypes, 'vertexTypes');
  return (await collectStats(ctx, 'vertex', types, options)) as Partial<
    Record<VertexTypeName<S>, Record<string, AttributeStats>>
  >;
}
