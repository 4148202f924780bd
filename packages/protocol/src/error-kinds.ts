// What each TigerGraph return code means for the caller (reference §2.4), without the catalogue's
// one-line texts: the transport's error mapping needs only the kind, so a bundle of it keeps the
// texts of `error-codes.ts` (what `describeErrorCode` answers with) out.

/** What a code means for the caller; decides the error class `errorFromResponse` throws. */
export type ErrorCodeKind =
  | 'auth'
  | 'not-found'
  | 'timeout'
  | 'validation'
  | 'gsql'
  | 'server'
  | 'limit'
  | 'success';

/**
 * The catalogued codes whose kind is not their family's: a `GSQL-` code is otherwise `gsql`, a
 * `REST-` or `SYS-` code `server`. Space-separated per kind, so the table stays one small literal.
 */
const EXCEPTIONS: readonly (readonly [ErrorCodeKind, string])[] = [
  ['success', 'REST-0000 REST-0001 REST-0002 REST-0003 REST-0004 GSQL-0000 GSQL-0001 GSQL-0002 GSQL-0003'],
  ['auth', 'REST-10016 REST-10018 REST-10019'],
  ['not-found', 'REST-1000 REST-1004 REST-3300 REST-10001 601 SYS-0004 SYS-0005'],
  ['timeout', 'REST-3000 REST-3001 REST-3002 GSQL-7002'],
  [
    'validation',
    'REST-2001 REST-2004 REST-2005 REST-10004 REST-20002 REST-30000 REST-30001 REST-30200 REST-30400 GSQL-7004',
  ],
  ['limit', 'REST-4000 REST-14000 SYS-0002'],
];

let byCode: Map<string, ErrorCodeKind> | undefined;

function exceptions(): Map<string, ErrorCodeKind> {
  byCode ??= new Map(EXCEPTIONS.flatMap(([kind, codes]) => codes.split(' ').map((c) => [c, kind] as const)));
  return byCode;
}

/**
 * The kind of a code, as `describeErrorCode(code)?.kind` answers: a bare number ≥ 40000 is a
 * user-defined exception (`gsql`), another bare number is read as the GSQL engine code of that
 * number; unknown `GSQL-` codes are `gsql`, unknown `REST-`/`SYS-` codes `server`, anything else
 * `undefined`.
 */
export function codeKind(code: string | number | undefined | null): ErrorCodeKind | undefined {
  if (code === undefined || code === null) return undefined;
  const key = String(code).trim().toUpperCase();
  const known = exceptions().get(key);
  if (known !== undefined) return known;
  if (/^\d+$/.test(key)) {
    return Number(key) >= 40000 ? 'gsql' : (exceptions().get(`GSQL-${key.padStart(4, '0')}`) ?? 'gsql');
  }
  if (/^GSQL-\d+$/.test(key)) return 'gsql';
  if (/^(REST|SYS)-\d+$/.test(key)) return 'server';
  return undefined;
}
