// `GET R/rebuildnow/{graph}`: rebuild the graph's segments now instead of waiting for the schedule.

import * as endpoints from '@tgraph/protocol/endpoints/queries';
import { ValidationError } from '@tgraph/protocol/errors';
import { restppEnvelopeSchema } from '@tgraph/protocol/schemas/envelope';
import type { ApiContext } from '../context.js';
import { requireIdentifier } from '../gsql/identifier.js';
import { callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const REBUILD_GRAPH_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'force',
  'path',
  'segmentId',
  'threads',
  'vertexType',
];

/** Options of {@link rebuildGraph}. */
export interface RebuildGraphOptions extends RequestOptions {
  /** Threads to use. */
  threads?: number | undefined;
  /** Only this vertex type. */
  vertexType?: string | undefined;
  /** Only this segment. */
  segmentId?: number | undefined;
  /** Server folder for the rebuild log (server default `/tmp/rebuildnow`). */
  path?: string | undefined;
  /** Rebuild even segments that do not need it. */
  force?: boolean | undefined;
}

const positive = (v: number | undefined, field: string, min: number) => {
  if (v !== undefined && (!Number.isInteger(v) || v < min)) {
    throw new ValidationError(`${field} must be an integer ≥ ${min}, got ${String(v)}`, { field });
  }
  return v;
};

/**
 * Rebuilds the graph now (pyTigerGraph `rebuildGraph(threadnum, vertextype, segid, path, force)`).
 *
 * @example
 * const { message } = await rebuildGraph(ctx, { threads: 4, force: true });
 * // 'RebuildNow finished, please check details in the folder: /tmp/rebuildnow'
 */
export async function rebuildGraph(
  ctx: ApiContext<SchemaShape>,
  options: RebuildGraphOptions = {},
): Promise<{ message: string }> {
  checkOptions(options, REBUILD_GRAPH_KEYS, 'rebuildGraph');
  const searchParams: Record<string, string | number> = {};
  const threads = positive(options.threads, 'threads', 1);
  const seg = positive(options.segmentId, 'segmentId', 0);
  if (threads !== undefined) searchParams.threadnum = threads;
  if (options.vertexType !== undefined)
    searchParams.vertextype = requireIdentifier(options.vertexType, 'vertexType');
  if (seg !== undefined) searchParams.segid = seg;
  if (options.path !== undefined) searchParams.path = options.path;
  if (options.force) searchParams.force = 'true';
  const reply = await callParsed(ctx, endpoints.rebuildNow, restppEnvelopeSchema, {
    ...perCall(options),
    searchParams,
  });
  return { message: reply.message ?? '' };
}
