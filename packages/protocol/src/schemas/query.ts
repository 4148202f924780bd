// Installed / interpreted query replies (reference §4.8–4.10, §7.3): `results` is one object per
// PRINT executed, in order; keys are the AS alias, the variable name or the expression text.

import * as z from 'zod/mini';
import { errorFlagSchema } from './common.js';

/** One PRINT's output object. */
export type PrintOutput = Record<string, unknown>;

/** `results` of a query reply. */
export const queryResultsSchema = z.array(z.record(z.string(), z.unknown()));

/** Immediate reply to `GSQL-ASYNC: true`: `{error, message, request_id}`. */
export const asyncQueryReplySchema = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  request_id: z.string(),
});

/** `GET R/query_status` results item. */
export const queryStatusSchema = z.looseObject({
  requestid: z.string(),
  startTime: z.optional(z.string()),
  expirationTime: z.optional(z.string()),
  url: z.optional(z.string()),
  elapsedTime: z.optional(z.number()),
  status: z.optional(z.string()),
});

export interface QueryStatus {
  requestid: string;
  startTime?: string | undefined;
  expirationTime?: string | undefined;
  url?: string | undefined;
  elapsedTime?: number | undefined;
  /** `success`, `timeout`, `aborted`, `running`. */
  status?: string | undefined;
  [key: string]: unknown;
}

/** 3.x queryinfo / 4.x signature reply (top-level, no `results`). */
export const querySignatureSchema = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  queryname: z.optional(z.string()),
  input: z.optional(z.array(z.record(z.string(), z.unknown()))),
  output: z.optional(z.array(z.record(z.string(), z.unknown()))),
});
