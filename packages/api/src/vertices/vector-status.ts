// TigerGraph 4.2+ vector index status (`GET /vector/status[/{graph}[/{vertexType}[/{vectorName}]]]`):
// which servers still rebuild an HNSW index after writes. The plain reply lists servers
// (`NeedRebuildServers`); the verbose one maps each server to its pending instances under
// `NeedRebuildInstances({SEGID}_{VECTOR_ID})` (ecosys tutorials/VectorSearch.md).

import * as endpoints from '@tgraph/protocol/endpoints/queries';
import { TigerGraphError } from '@tgraph/protocol/errors';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { callParsed, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_VECTOR_STATUS_KEYS: readonly string[] = [...REQUEST_KEYS, 'verbose'];

/** The index status as the server reports it. */
export interface VectorIndexStatus {
  /** True when no server still rebuilds the index (no server listed in either reply form). */
  upToDate: boolean;
  /** Servers still rebuilding, e.g. `['GPE_1#1']`. */
  needRebuildServers: string[];
  /** The server's `results` unchanged (with `verbose`, per-instance detail). */
  raw: Record<string, unknown>;
}

export interface VectorStatusOptions extends RequestOptions {
  /** `verbose=true`: per-instance detail in `raw` (servers are then read from the instance map). */
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
    const servers = pendingServers(raw);
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

/** Servers with a pending rebuild, from either the plain or the verbose reply. */
function pendingServers(raw: Record<string, unknown>): string[] {
  const plain = raw['NeedRebuildServers'];
  if (Array.isArray(plain)) return plain.map(String);
  const verboseKey = Object.keys(raw).find((k) => k.startsWith('NeedRebuildInstances'));
  const byServer = verboseKey === undefined ? undefined : raw[verboseKey];
  if (typeof byServer !== 'object' || byServer === null) return [];
  // A server counts while it lists at least one instance still to rebuild.
  return Object.entries(byServer)
    .filter(([, instances]) => !Array.isArray(instances) || instances.length > 0)
    .map(([server]) => server);
}
