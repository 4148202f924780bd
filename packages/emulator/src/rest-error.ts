// RESTPP's version block and coded errors: shared by the engine (query parameters) and the HTTP
// front ends, so it lives outside both.

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
