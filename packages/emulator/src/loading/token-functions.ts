// The built-in token functions a LOAD statement may apply (TigerGraph's TokenBank subset).
import { randomUUID } from 'node:crypto';

/** A token function: string tokens in, a token (or a list of tokens for SPLIT) out. */
type TokenFn = (args: string[], now: () => number) => string | string[];

const TOKEN_FUNCTIONS: Record<string, { arity: [number, number]; fn: TokenFn }> = {
  gsql_concat: { arity: [1, 64], fn: (a) => a.join('') },
  gsql_to_upper: { arity: [1, 1], fn: (a) => (a[0] as string).toUpperCase() },
  gsql_to_lower: { arity: [1, 1], fn: (a) => (a[0] as string).toLowerCase() },
  gsql_trim: { arity: [1, 1], fn: (a) => (a[0] as string).trim() },
  gsql_ltrim: { arity: [1, 1], fn: (a) => (a[0] as string).trimStart() },
  gsql_rtrim: { arity: [1, 1], fn: (a) => (a[0] as string).trimEnd() },
  gsql_replace: {
    arity: [3, 3],
    fn: (a) => (a[0] as string).split(a[1] as string).join(a[2] as string),
  },
  gsql_substring: {
    arity: [2, 3],
    fn: (a) => {
      const s = a[0] as string;
      const start = Number(a[1]);
      return a[2] === undefined ? s.slice(start) : s.slice(start, start + Number(a[2]));
    },
  },
  gsql_to_bool: {
    arity: [1, 1],
    fn: (a) => String(/^(true|t|1)$/i.test((a[0] as string).trim())),
  },
  gsql_current_time_epoch: { arity: [1, 1], fn: (_a, now) => String(Math.floor(now() / 1000)) },
  gsql_uuid_v4: { arity: [0, 0], fn: () => randomUUID() },
  split: { arity: [2, 2], fn: (a) => (a[0] === '' ? [] : (a[0] as string).split(a[1] as string)) },
};

/** Functions usable in a WHERE clause: they answer true/false. */
const CONDITION_FUNCTIONS: Record<string, { arity: [number, number]; fn: (args: string[]) => boolean }> = {
  gsql_is_not_empty_string: { arity: [1, 1], fn: (a) => (a[0] as string).trim() !== '' },
  gsql_is_true: { arity: [1, 1], fn: (a) => /^(true|t|1)$/i.test((a[0] as string).trim()) },
  gsql_is_false: { arity: [1, 1], fn: (a) => /^(false|f|0)$/i.test((a[0] as string).trim()) },
  gsql_token_equal: { arity: [2, 2], fn: (a) => a[0] === a[1] },
  gsql_token_ignore_case_equal: {
    arity: [2, 2],
    fn: (a) => (a[0] as string).toLowerCase() === (a[1] as string).toLowerCase(),
  },
};

export function tokenFunction(name: string): { arity: [number, number]; fn: TokenFn } | undefined {
  return TOKEN_FUNCTIONS[name.toLowerCase()];
}

export function conditionFunction(
  name: string,
): { arity: [number, number]; fn: (args: string[]) => boolean } | undefined {
  return CONDITION_FUNCTIONS[name.toLowerCase()];
}

export const SUPPORTED_TOKEN_FUNCTIONS = Object.keys(TOKEN_FUNCTIONS).filter((n) => n !== 'split');
