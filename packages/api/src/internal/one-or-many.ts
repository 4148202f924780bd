// "One or many" arguments, as pyTigerGraph takes them: a single type name or id, or a list of them.
// The shape is checked at run time too, so a string is never iterated character by character.
import { ValidationError } from '@tgraph/protocol/errors';

/** A single value or a list of values. */
export type OneOrMany<T> = T | readonly T[];

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `'${value}'` : `a ${typeof value}`;
}

/**
 * Type names from `'*'`, one name or a list of names: `'*'` stays `'*'`, a name becomes a
 * one-element list, a list is checked to hold non-empty strings (and deduplicated).
 */
export function typeList(value: unknown, field: string): '*' | string[] {
  if (value === '*') return '*';
  if (typeof value === 'string' && value !== '') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string' && t !== '')) {
    return [...new Set(value as string[])];
  }
  throw new ValidationError(
    `${field} must be '*', a type name or a non-empty array of type names, got ${describe(value)}`,
    { field },
  );
}

/** Ids from one id or a list of ids: anything but an array is one id. */
export function idList<T>(value: OneOrMany<T>, field: string): readonly T[] {
  const list = Array.isArray(value) ? (value as readonly T[]) : [value as T];
  if (list.length === 0 || value === undefined || value === null) {
    throw new ValidationError(`${field} must be an id or a non-empty array of ids`, { field });
  }
  return list;
}
