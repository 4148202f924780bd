// Turning results into rows and columns for table and CSV output.
import { toJson } from './json.js';

export type Row = Record<string, unknown>;

/** Columns in first-seen order over all rows. */
export function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** Text of one cell: scalars as they are, objects and arrays as compact JSON, missing as empty. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  return toJson(value);
}

/**
 * A vertex `{v_id, v_type, attributes}` or edge `{from_type, from_id, e_type, to_type, to_id,
 * attributes}` becomes one flat row (attributes as columns); other objects stay as they are.
 */
export function flatten(item: unknown): Row {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return { value: item };
  const record = item as Row;
  const attributes = record['attributes'];
  if (typeof attributes === 'object' && attributes !== null && !Array.isArray(attributes)) {
    const { attributes: _drop, ...rest } = record;
    return { ...rest, ...(attributes as Row) };
  }
  return record;
}
