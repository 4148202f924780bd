// Text output of the GSQL server: 3.x `POST /gsqlserver/gsql/file` streams lines with `__GSQL__`
// control markers (reference §4.13, §10); 4.x `POST /gsql/v1/statements` answers plain text.
// Errors are reported inside the text while HTTP stays 200.

/** Control-line facts and the human-readable text of one GSQL reply. */
export interface GsqlOutput {
  /** The text without `__GSQL__` control lines and ANSI escapes. */
  text: string;
  /** From `__GSQL__RETURN__CODE__,<n>`; undefined when absent (4.x). 0 = success. */
  returnCode: number | undefined;
  /** From `__GSQL__COOKIES__,<json>`, when present. */
  cookies: string | undefined;
  /** True when the text contains one of GSQL's failure markers (or the return code is non-zero). */
  failed: boolean;
}

// ESC [ … letter: terminal colour/cursor codes GSQL may print.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');
/** Phrases GSQL prints when a statement failed (clients scan for them; HTTP stays 200). */
export const GSQL_ERROR_MARKERS: readonly string[] = [
  'Semantic Check Fails',
  'SEMANTIC ERROR',
  'Encountered "',
  'Syntax Error',
  'Failed to create',
  'Invalid syntax',
  'does not exist',
  'is not a valid',
  'already exists',
  'could not be created',
];

/**
 * Splits GSQL text output into readable text and control facts.
 *
 * @example
 * parseGsqlOutput('The secret: abc has been created.\n__GSQL__RETURN__CODE__,0\n');
 * // { text: 'The secret: abc has been created.', returnCode: 0, cookies: undefined, failed: false }
 */
export function parseGsqlOutput(output: string): GsqlOutput {
  let returnCode: number | undefined;
  let cookies: string | undefined;
  const lines: string[] = [];
  for (const raw of output.replace(ANSI, '').split(/\r?\n/)) {
    if (raw.startsWith('__GSQL__')) {
      const rc = /^__GSQL__RETURN__CODE__,\s*(-?\d+)/.exec(raw);
      if (rc) returnCode = Number(rc[1]);
      const ck = /^__GSQL__COOKIES__,(.*)$/.exec(raw);
      if (ck) cookies = ck[1];
      continue;
    }
    lines.push(raw);
  }
  const text = lines.join('\n').trim();
  const failed =
    (returnCode !== undefined && returnCode !== 0) || GSQL_ERROR_MARKERS.some((m) => text.includes(m));
  return { text, returnCode, cookies, failed };
}
