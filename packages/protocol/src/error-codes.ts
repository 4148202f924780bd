// TigerGraph's return codes as data (reference §2.4). Codes are opaque strings on the wire: most are
// `REST-xxxx` or `GSQL-xxxx`, but an invalid vertex id is a bare `601`, query runtime errors may
// carry a bare number and user RAISEd exceptions their declared number (≥ 40000).

import { codeKind, type ErrorCodeKind } from './error-kinds.js';

export type { ErrorCodeKind } from './error-kinds.js';

/** One entry of the catalogue. */
export interface ErrorCodeInfo {
  /** The code exactly as the server sends it, e.g. `REST-10016`, `GSQL-2500`, `601`. */
  code: string;
  /** What it means, in one line. */
  meaning: string;
  kind: ErrorCodeKind;
}

type Row = readonly [code: string, meaning: string];

// Kept as a compact table (code, meaning); turned into objects lazily so the module has no
// top-level work beyond this literal. Each code's kind comes from `error-kinds.ts`, which the
// transport's error mapping uses without these texts.
const MEANINGS: readonly Row[] = [
  ['REST-0000', 'general success'],
  ['REST-0001', 'upsert success: vertices'],
  ['REST-0002', 'upsert success: edges'],
  ['REST-0003', 'upsert success: vertices and edges'],
  ['REST-0004', 'empty response'],
  ['REST-1000', 'endpoint does not exist (also an uninstalled query, or /requesttoken with RESTPP auth off)'],
  ['REST-1003', 'query cannot run: the graph has no schema'],
  ['REST-1004', 'graph cannot be found'],
  ['REST-2001', 'JSON payload is invalid'],
  ['REST-2004', 'payload has vertices of an invalid type'],
  ['REST-2005', 'payload has edges of an invalid type'],
  ['REST-3000', 'timeout set by the GSQL-TIMEOUT request header'],
  ['REST-3001', 'timeout set by the built-in endpoint (timeout parameter)'],
  ['REST-3002', 'timeout from RESTPP.Factory.DefaultQueryTimeoutSec'],
  ['REST-3300', 'the token to delete does not exist'],
  ['REST-4000', 'response size exceeds RESPONSE-LIMIT'],
  ['REST-5000', 'no valid enterprise license'],
  ['REST-10001', 'endpoint removed'],
  ['REST-10004', 'scheduler exception; in practice an unknown attribute on upsert'],
  ['REST-10005', 'exception while processing results'],
  ['REST-10015', 'request orphaned (user scheduler malfunction)'],
  ['REST-10016', 'access denied: the token is missing, malformed or unknown'],
  ['REST-10018', 'access denied: the token lacks the privilege for this request'],
  ['REST-10019', 'access denied: the token expired'],
  ['REST-10020', 'license expired'],
  ['REST-10021', 'file access failed'],
  ['REST-12000', 'no response from GSE/GPE in time'],
  ['REST-12001', 'no running GSE/GPE'],
  ['REST-12002', 'query aborted by user'],
  ['REST-12003', 'insufficient disk space'],
  ['REST-14000', 'workload queue not granted or full'],
  ['REST-20002', 'loading job aborted: max_num_error / max_percent_error exceeded'],
  ['REST-30000', 'invalid payload or parameter'],
  ['REST-30001', 'invalid parameter'],
  ['REST-30200', 'invalid upsert parameter or payload'],
  ['REST-30400', 'invalid /statistics parameter'],
  ['601', 'invalid vertex id (no such vertex)'],
  ['GSQL-0000', 'success'],
  ['GSQL-0001', 'vertices and edges updated'],
  ['GSQL-0002', 'vertices updated'],
  ['GSQL-0003', 'edges updated'],
  ['GSQL-1001', 'NULL parameter'],
  ['GSQL-1002', 'general parameter error'],
  ['GSQL-1020', 'invalid parameters'],
  ['GSQL-2010', 'JSON object format error'],
  ['GSQL-2011', 'JSON array format error'],
  ['GSQL-2500', 'division by zero'],
  ['GSQL-2501', 'bad DATETIME string'],
  ['GSQL-2502', 'illegal pattern'],
  ['GSQL-2503', 'invalid operator'],
  ['GSQL-2601', 'wrong primitive type'],
  ['GSQL-2620', 'invalid array index'],
  ['GSQL-2621', 'array index out of bounds'],
  ['GSQL-3000', 'non-existent attribute'],
  ['GSQL-3001', 'non-existent vertex type'],
  ['GSQL-4500', 'vertex type does not exist'],
  ['GSQL-4501', 'edge type does not exist'],
  ['GSQL-4502', 'invalid vertex id'],
  ['GSQL-4511', 'invalid vertex attribute'],
  ['GSQL-4521', 'invalid edge attribute'],
  ['GSQL-4522', 'wrong number of edge attributes'],
  ['GSQL-4523', 'invalid source vertex'],
  ['GSQL-4524', 'invalid target vertex'],
  ['GSQL-4525', 'invalid source and target vertices'],
  ['GSQL-5101', 'file cannot be opened'],
  ['GSQL-5105', 'file access denied'],
  ['GSQL-5111', 'file cannot be read'],
  ['GSQL-5301', 'query FILE object cannot connect to the S3 bucket'],
  ['GSQL-6000', 'edge with an unknown vertex inserted'],
  ['GSQL-6001', 'unsupported attribute update'],
  ['GSQL-6500', 'aborted by user'],
  ['GSQL-7002', 'query timed out'],
  ['GSQL-7004', 'built-in statistics on an unknown vertex or edge type'],
  ['GSQL-8001', 'boost exception'],
  ['GSQL-8002', 'runtime exception'],
  ['GSQL-8003', 'std exception'],
  ['GSQL-8999', 'other engine error'],
  ['SYS-0001', 'engine unavailable'],
  ['SYS-0002', 'memory limit reached'],
  ['SYS-0003', 'aborted'],
  ['SYS-0004', 'endpoint removed'],
  ['SYS-0005', 'invalid vertex id'],
];

let byCode: Map<string, ErrorCodeInfo> | undefined;

function table(): Map<string, ErrorCodeInfo> {
  byCode ??= new Map(
    MEANINGS.map(([code, meaning]) => [code, { code, kind: codeKind(code) ?? 'server', meaning }]),
  );
  return byCode;
}

/**
 * Every catalogued TigerGraph code (REST, GSQL engine, SYS, and `601`).
 *
 * @example
 * errorCodes().filter((c) => c.kind === 'auth').map((c) => c.code); // ['REST-10016', 'REST-10018', 'REST-10019']
 */
export function errorCodes(): readonly ErrorCodeInfo[] {
  return [...table().values()];
}

/**
 * Looks a code up. Unknown codes still get an answer: a bare number ≥ 40000 is a user-defined
 * exception (`RAISE`), another bare number is read as the GSQL engine code of that number (a query
 * runtime error), an unknown `REST-`/`SYS-` code is a server error, anything else is `undefined`.
 *
 * @example
 * describeErrorCode('REST-10019'); // { code: 'REST-10019', kind: 'auth', meaning: 'access denied: the token expired' }
 * describeErrorCode('40001').kind; // 'gsql' (user-defined exception)
 */
export function describeErrorCode(code: string | number | undefined | null): ErrorCodeInfo | undefined {
  if (code === undefined || code === null) return undefined;
  const key = String(code).trim();
  if (key === '') return undefined;
  const known = table().get(key) ?? table().get(key.toUpperCase());
  if (known) return known;
  if (/^\d+$/.test(key)) {
    const n = Number(key);
    if (n >= 40000) return { code: key, kind: 'gsql', meaning: 'user-defined exception raised by the query' };
    const engine = table().get(`GSQL-${key.padStart(4, '0')}`);
    if (engine) return { code: key, kind: engine.kind, meaning: `query runtime error (${engine.meaning})` };
    return { code: key, kind: 'gsql', meaning: 'query runtime error' };
  }
  if (/^GSQL-\d+$/i.test(key)) return { code: key, kind: 'gsql', meaning: 'GSQL engine error' };
  if (/^(REST|SYS)-\d+$/i.test(key))
    return { code: key, kind: 'server', meaning: 'undocumented server error' };
  return undefined;
}

/** True for codes that mean success (`REST-0000`…`REST-0004`, `GSQL-0000`…`GSQL-0003`). */
export function isSuccessCode(code: string | undefined): boolean {
  return code !== undefined && table().get(code)?.kind === 'success';
}
