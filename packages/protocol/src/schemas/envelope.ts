// The RESTPP envelope (reference §2.1–2.2) and the 4.x GSQL-server envelope (§2.5).

import * as z from 'zod/mini';
import { codeSchema, errorFlagSchema } from './common.js';

/**
 * `version` block of RESTPP replies. `schema` is a number (one doc example prints it as a string;
 * with `integers: 'bigint'` it arrives as a bigint).
 */
export const restppVersionSchema = z.looseObject({
  edition: z.optional(z.string()),
  api: z.optional(z.string()),
  schema: z.optional(z.union([z.number(), z.string(), z.bigint()])),
});

/** The `version` block of a RESTPP reply. */
export interface RestppVersion {
  edition?: string | undefined;
  api?: string | undefined;
  schema?: number | string | bigint | undefined;
  [key: string]: unknown;
}

/**
 * RESTPP envelope with `results` left unchecked: the cheap default for hot paths. `error` is
 * parsed to a boolean; `code` is an optional opaque string.
 *
 * @example
 * restppEnvelopeSchema.parse({ error: 'false', message: '', results: [] }).error; // false
 */
export const restppEnvelopeSchema = z.looseObject({
  version: z.optional(restppVersionSchema),
  error: errorFlagSchema,
  message: z.optional(z.string()),
  results: z.optional(z.unknown()),
  code: z.optional(codeSchema),
});

/** A RESTPP reply (success or error). `results` is an array for most endpoints, an object for some. */
export interface RestppEnvelope<R = unknown> {
  version?: RestppVersion | undefined;
  error: boolean;
  message?: string | undefined;
  results?: R | undefined;
  code?: string | undefined;
  [key: string]: unknown;
}

/**
 * RESTPP envelope whose `results` is checked with the given schema (deep validation; costs a pass
 * over the results).
 *
 * @example
 * const schema = restppEnvelope(z.array(vertexSchema));
 */
export function restppEnvelope<R extends z.ZodMiniType>(results: R) {
  return z.looseObject({
    version: z.optional(restppVersionSchema),
    error: errorFlagSchema,
    message: z.optional(z.string()),
    results: z.optional(results),
    code: z.optional(codeSchema),
  });
}

/** 4.x GSQL-server envelope: `{error, message, results?}`; other top-level keys pass through. */
export const gsqlEnvelopeSchema = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  results: z.optional(z.unknown()),
});

/** A 4.x GSQL-server reply. Some endpoints put data in other keys (`graphs`, `jobIds`, `requestId`…). */
export interface GsqlEnvelope<R = unknown> {
  error: boolean;
  message?: string | undefined;
  results?: R | undefined;
  [key: string]: unknown;
}

/** 4.x GSQL-server envelope with checked `results`. */
export function gsqlEnvelope<R extends z.ZodMiniType>(results: R) {
  return z.looseObject({
    error: errorFlagSchema,
    message: z.optional(z.string()),
    results: z.optional(results),
  });
}
