// RESTPP envelopes and error codes, with the HTTP status each code gets (reference §2).
import { jsonReply } from '../http/reply.js';
import type { EmuResponse } from '../http/types.js';

export interface VersionBlock {
  edition: string;
  api: string;
  schema: number;
}

export const versionBlock = (schema = 0): VersionBlock => ({ edition: 'enterprise', api: 'v2', schema });

/** Status per RESTPP error code (reference §2.3; inferred statuses as the reference advises). */
const STATUS: Record<string, number> = {
  'REST-1000': 404,
  'REST-10001': 404,
  'REST-1004': 404,
  'REST-2001': 400,
  'REST-30000': 400,
  'REST-30001': 400,
  'REST-30200': 400,
  'REST-30400': 400,
  'REST-10004': 400,
  'REST-3300': 400,
  '601': 400,
  'GSQL-7004': 400,
  'REST-10016': 401,
  'REST-10018': 401,
  'REST-10019': 401,
  'REST-3001': 504,
  'REST-3002': 504,
};

export class RestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = STATUS[code] ?? 400,
    readonly schema = 0,
  ) {
    super(message);
  }
}

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
