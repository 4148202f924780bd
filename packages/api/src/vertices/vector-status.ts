// TigerGraph 4.2+ vector index status (`GET /vector/status[/{graph}[/{vertexType}[/{vectorName}]]]`):
// which servers still rebuild an HNSW index after writes.

import { restppEnvelope, TigerGraphError } from '@tgraph/protocol';
import * as endpoints from '@tgraph/protocol/endpoints';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { callParsed, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_VECTOR_STATUS_KEYS: readonly string[] = [...REQUEST_KEYS, 'verbose'];

/** The index status as the server reports it. */
export interface VectorIndexStatus {
  /** True when no server still rebuilds the index (`NeedRebuildServers` is empty). */
  upToDate: boolean;
  /** Servers still rebuilding, e.g. `['GPE_1#1']`. */
  needRebuildServers: string[];
  /** The server's `results` unchanged (with `verbose`, per-instance detail). */
  raw: Record<string, unknown>;
}

export interface VectorStatusOptions extends RequestOptions {
  /** `verbose=true`: per-instance detail in `raw` (the reply then has no `NeedRebuildServers`). */
  verbose?: boolean | undefined;
}

const envelope = restppEnvelope(z.record(z.string(), z.unknown()));

/**
 * Vector index status of the client's graph, one vertex type, or one vector attribute
 * (pyTigerGraph's `getVectorIndexStatus` / `getVectorStatus`). TigerGraph 4.2+.
 *
 * @example
 * const { upToDate } = await getVectorStatus(ctx, 'Document', 'embedding');
 * if (!upToDate) console.log('the HNSW index is still being rebuilt');
 */
export async function getVectorStatus(
  ctx: ApiContext<SchemaShape>,
  vertexType?: string | undefined,
  vectorName?: string | undefined,
  options: VectorStatusOptions = {},
): Promise<VectorIndexStatus> {
  checkOptions(options, GET_VECTOR_STATUS_KEYS, 'getVectorStatus');
  const target =
    vertexType === undefined
      ? endpoints.vectorStatusGraph
      : vectorName === undefined || vectorName === ''
        ? endpoints.vectorStatusType
        : endpoints.vectorStatusVector;
  try {
    const reply = await callParsed(ctx, target, envelope, {
      ...options,
      params: { vertexType, vectorName },
      searchParams: options.verbose ? { verbose: 'true' } : undefined,
    });
    const raw = reply.results ?? {};
    const servers = Array.isArray(raw['NeedRebuildServers']) ? raw['NeedRebuildServers'].map(String) : [];
    return { upToDate: servers.length === 0, needRebuildServers: servers, raw };
  } catch (error) {
    if (error instanceof TigerGraphError && error.code === 'REST-1000') {
      throw new TigerGraphError(
        'This server has no vector search: GET /vector/status exists on TigerGraph 4.2 and later.',
        { code: 'TG-UNSUPPORTED', cause: error },
      );
    }
    throw error;
  }
}
