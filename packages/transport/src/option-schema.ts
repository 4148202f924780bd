// The schema of createTransport's options, built from protocol's option schemas (one rule and one
// message per option). createClient composes its own schema from this one's fields.
import {
  controlOptionsSchema,
  delayMsSchema,
  headerNameSchema,
  headersSchema,
  integersSchema,
  retryOptionsSchema,
  timeoutMsSchema,
} from '@tgraph/protocol/options';
import * as z from 'zod/mini';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const objectWith = (method: string, error: string) =>
  z.custom<unknown>((v) => isObject(v) && typeof v[method] === 'function', { error: `must be ${error}` });

/** The checked fields of {@link TransportOptions}; other fields (restppUrls, auth…) are checked where used. */
export const transportOptionsShape = {
  adapter: z.optional(objectWith('fetch', 'a transport adapter ({ fetch, capabilities, close })')),
  timeoutMs: z.optional(timeoutMsSchema),
  retry: z.optional(retryOptionsSchema),
  hostCooldownMs: z.optional(delayMsSchema),
  userAgent: z.optional(z.string({ error: 'must be a string' })),
  headers: z.optional(headersSchema),
  requestIdHeader: z.optional(headerNameSchema),
  requestId: z.optional(
    z.custom<unknown>((v) => typeof v === 'function', {
      error: "must be a function returning the request's id (or undefined for the SDK's own)",
    }),
  ),
  integers: z.optional(integersSchema),
  control: z.optional(controlOptionsSchema),
  hooks: z.optional(
    z.custom<unknown>(isObject, {
      error: 'must be an object of beforeRequest/afterResponse/onError functions',
    }),
  ),
  logger: z.optional(objectWith('debug', 'an object with a debug(message, fields) method (console works)')),
};

/** zod-mini schema of createTransport's options (unknown keys pass: callers may spread their own). */
export const transportOptionsSchema = z.looseObject(transportOptionsShape);
