// Building blocks shared by the wire schemas. Objects are "loose": unknown keys pass through
// untouched, because TigerGraph adds keys between versions and callers may need them.

import * as z from 'zod/mini';

/**
 * TigerGraph's `error` flag: a boolean, or the string `"true"`/`"false"` (`/version`, `/api/ping`).
 * Parsed to a boolean the way pyTigerGraph reads it: true unless false, absent, `""` or `"false"`.
 */
export const errorFlagSchema = z.pipe(
  z.optional(z.union([z.boolean(), z.string()])),
  z.transform((v): boolean =>
    typeof v === 'string' ? v.trim() !== '' && v.trim().toLowerCase() !== 'false' : v === true,
  ),
);

/** TigerGraph's opaque `code`: usually `"REST-0000"`, sometimes `"601"` or a bare number. Output: string. */
export const codeSchema = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((v): string => String(v)),
);

/**
 * A JSON integer as `parseJson` may deliver it: number, bigint (`integers: 'bigint' | 'auto'`) or
 * decimal string (`integers: 'string'`).
 */
export const wireIntegerSchema = z.union([
  z.number(),
  z.bigint(),
  z.string().check(z.regex(/^-?\d+$/, { error: 'expected an integer' })),
]);

/** A JSON integer on the wire. */
export type WireInteger = number | bigint | string;

/** Attribute map of a vertex or edge (values are whatever the attribute type prints as). */
export const attributesSchema = z.record(z.string(), z.unknown());

/** True when a parsed `error` flag (boolean or string) means failure. */
export function isErrorFlag(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '' && value.trim().toLowerCase() !== 'false';
  return value === true;
}
