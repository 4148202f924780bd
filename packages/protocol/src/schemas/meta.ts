// Small utility replies: /echo, /api/ping, /version, /endpoints, /statistics (reference §4.1).

import * as z from 'zod/mini';
import { errorFlagSchema } from './common.js';

/** `GET R/echo`: `{error: false, message: "Hello GSQL"}`. */
export const echoReplySchema = z.looseObject({ error: errorFlagSchema, message: z.optional(z.string()) });

/** `GET /api/ping` on 14240: `{error: "false", message: "pong", results: {}}`. */
export const pingReplySchema = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  results: z.optional(z.unknown()),
});

/** `GET R/version`: `message` is the text table read by `parseVersionMessage`. */
export const versionReplySchema = z.looseObject({ error: errorFlagSchema, message: z.string() });

/** One parameter spec in `/endpoints`. */
export const endpointParameterSchema = z.looseObject({
  type: z.optional(z.string()),
  default: z.optional(z.unknown()),
  min_count: z.optional(z.number()),
  max_count: z.optional(z.number()),
  max_length: z.optional(z.number()),
  options: z.optional(z.array(z.unknown())),
  is_id: z.optional(z.boolean()),
  id_type: z.optional(z.string()),
});

/**
 * `GET R/endpoints[/{graph}]`: a bare object keyed `"<METHOD> <path template>"`, each value
 * `{parameters}` or null.
 */
export const endpointsReplySchema = z.record(
  z.string(),
  z.nullable(z.looseObject({ parameters: z.optional(z.record(z.string(), endpointParameterSchema)) })),
);

export type EndpointsReply = Record<
  string,
  { parameters?: Record<string, Record<string, unknown>> | undefined } | null
>;

/** `GET R/statistics/{graph}`: a bare object keyed by endpoint; `{}` when idle. */
export const statisticsReplySchema = z.record(
  z.string(),
  z.looseObject({
    CompletedRequests: z.optional(z.number()),
    QPS: z.optional(z.number()),
    TimeoutRequests: z.optional(z.number()),
    AverageLatency: z.optional(z.number()),
    MaxLatency: z.optional(z.number()),
    MinLatency: z.optional(z.number()),
    LatencyPercentile: z.optional(z.array(z.number())),
  }),
);

export interface EndpointStatistics {
  CompletedRequests?: number | undefined;
  QPS?: number | undefined;
  TimeoutRequests?: number | undefined;
  AverageLatency?: number | undefined;
  MaxLatency?: number | undefined;
  MinLatency?: number | undefined;
  LatencyPercentile?: number[] | undefined;
  [key: string]: unknown;
}
