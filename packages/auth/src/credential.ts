// The credential check every provider runs when it is created. Apart from the GSQL-name checks of
// `validate.ts`, which only the token and secret functions need, so a bundle's first chunk keeps
// those out.
import { ValidationError } from '@tgraph/protocol/errors';

/** A value for an error message: shown only when short and printable (never a credential). */
export function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return `a ${value === null ? 'null' : typeof value}`;
  if (value === '') return 'an empty string';
  // Show the value only when it is short and printable; it is not a credential (aliases, graphs).
  return /^[\x20-\x7e]{1,40}$/.test(value) ? JSON.stringify(value) : `a ${value.length}-character string`;
}

/** Throws a ValidationError unless `value` is a non-empty string (a credential; never echoed). */
export function requireCredential(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new ValidationError(
      `${field} must be a non-empty string, got ${typeof value === 'string' ? 'an empty string' : describe(value)}.`,
      { field, code: 'TG-INVALID-OPTION' },
    );
  }
  return value;
}
