// The RESTPP read parameters shared by vertex and edge listings (reference §4.2–4.3):
// `select`, `filter`, `limit`, `sort` (comma lists) and `timeout` (seconds).
import { ValidationError } from '@tgraph/protocol/errors';
import type { SearchParams } from '@tgraph/transport';

/** Filter conditions in RESTPP syntax, ANDed: `'birth_year>1960'` or `['sex="female"', 'birth_year>1960']`. */
export type FilterInput = string | readonly string[];

export interface ReadParamsInput {
  select?: readonly string[] | undefined;
  filter?: FilterInput | undefined;
  limit?: number | undefined;
  sort?: readonly string[] | undefined;
  /** Server-side timeout in ms, sent as RESTPP's `timeout` in whole seconds (rounded up). */
  serverTimeoutMs?: number | undefined;
}

function names(list: readonly string[], field: string): string {
  for (const name of list) {
    if (typeof name !== 'string' || name.trim() === '' || name.includes(',')) {
      throw new ValidationError(`${field} holds an invalid name '${String(name)}'`, { field });
    }
  }
  return list.join(',');
}

/** The filter as RESTPP's comma-separated text, or undefined when empty. */
export function filterText(filter: FilterInput | undefined): string | undefined {
  if (filter === undefined) return undefined;
  const parts = typeof filter === 'string' ? [filter] : [...filter];
  const text = parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(',');
  return text === '' ? undefined : text;
}

/** Checks a `limit`. */
export function limitParam(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new ValidationError(`limit must be a whole number ≥ 0, got ${String(limit)}`, { field: 'limit' });
  }
  return limit;
}

/** `serverTimeoutMs` → RESTPP's `timeout` seconds (0 = the server default, so it is not sent). */
export function timeoutSeconds(ms: number | undefined): number | undefined {
  if (ms === undefined) return undefined;
  if (!Number.isFinite(ms) || ms < 0) {
    throw new ValidationError(`serverTimeoutMs must be a number of ms ≥ 0, got ${String(ms)}`, {
      field: 'serverTimeoutMs',
    });
  }
  return ms === 0 ? undefined : Math.ceil(ms / 1000);
}

/** Builds the search params in the order pyTigerGraph sends them: select, filter, limit, sort, timeout. */
export function readParams(
  input: ReadParamsInput,
  extra: Record<string, string | undefined> = {},
): SearchParams {
  const out: Array<[string, string]> = [];
  const put = (k: string, v: string | number | undefined) => {
    if (v !== undefined) out.push([k, String(v)]);
  };
  if (input.select !== undefined && input.select.length > 0) put('select', names(input.select, 'select'));
  put('filter', filterText(input.filter));
  put('limit', limitParam(input.limit));
  if (input.sort !== undefined && input.sort.length > 0) put('sort', names(input.sort, 'sort'));
  put('timeout', timeoutSeconds(input.serverTimeoutMs));
  for (const [k, v] of Object.entries(extra)) put(k, v);
  return out;
}
