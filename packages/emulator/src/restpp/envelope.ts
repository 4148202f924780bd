// RESTPP envelopes and error codes, with the HTTP status each code gets (reference §2).
import { jsonReply } from '../http/reply.js';
import type { EmuResponse } from '../http/types.js';
import { RestError, versionBlock } from '../rest-error.js';

export type { VersionBlock } from '../rest-error.js';
export { RestError, versionBlock };

/** Success envelope; `code` only where TigerGraph sends one (upsert, rebuildnow…), not on vertex/edge reads. */
export function ok(
  results: unknown,
  opts: { schema?: number; code?: string; message?: string } = {},
): EmuResponse {
  const body: Record<string, unknown> = {
    version: versionBlock(opts.schema ?? 0),
    error: false,
    message: opts.message ?? '',
    results,
  };
  if (opts.code !== undefined) body['code'] = opts.code;
  return jsonReply(200, body);
}

export function errorReply(e: RestError): EmuResponse {
  return jsonReply(e.status, {
    version: versionBlock(e.schema),
    error: true,
    message: e.message,
    code: e.code,
  });
}

export const endpointNotFound = (path: string): RestError =>
  new RestError(
    'REST-1000',
    `Endpoint is not found from url = ${path}, please use GET /endpoints to list all valid endpoints.`,
  );

export const graphNotFound = (graph: string, path: string): RestError =>
  new RestError(
    'REST-1004',
    `The graph name '${graph}' parsed from the url = '${path}' is not found, please provide a valid graph name.`,
  );
