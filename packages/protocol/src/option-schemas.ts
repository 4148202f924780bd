// The zod-mini schema of each option shared by several packages: the connection options here,
// the transport's and auth's option schemas, and createClient's (which composes those). Each
// schema's message is "must be <rule>", the rule text of option-defaults.ts.
import * as z from 'zod/mini';
import { OPTION_RULES } from './option-defaults.js';
import { kindOf } from './option-error.js';
import { closestName } from './suggest.js';

/** RFC 9110 token characters: the one pattern every header name (and `requestIdHeader`) must match. */
export const HEADER_NAME_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A header value a fetch refuses: CR, LF or NUL (header injection). */
export const HEADER_VALUE_FORBIDDEN = /[\r\n\0]/;

/** Whether `name` can be sent as an HTTP header name. */
export function isHeaderName(name: unknown): name is string {
  return typeof name === 'string' && HEADER_NAME_PATTERN.test(name);
}

// Each option is one predicate with "must be <rule>" as its message: z.custom keeps the bundles
// small (no number/string/union/enum schema machinery for a handful of options).
const ruled = <T>(test: (v: unknown) => boolean, rule: string) =>
  z.custom<T>(test, { error: `must be ${rule}` });

/** A whole number ≥ `min` (and ≤ `max`), with "must be <rule>" as the message. */
export function wholeNumberSchema(min: number, rule: string, max = Number.MAX_SAFE_INTEGER) {
  return ruled<number>((v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max, rule);
}

const bool = () => ruled<boolean>((v) => typeof v === 'boolean', OPTION_RULES.boolean);

/** Client-side timeout per request (connection, transport and per call). */
export const timeoutMsSchema = /* @__PURE__ */ wholeNumberSchema(1, OPTION_RULES.timeoutMs);
/** Retries of repeatable requests (`retries`, the transport's `retry.limit`). */
export const retriesSchema = /* @__PURE__ */ wholeNumberSchema(0, OPTION_RULES.retries, 10);
/** A wait in ms that may be 0 (backoff, host cooldown). */
export const delayMsSchema = /* @__PURE__ */ wholeNumberSchema(0, OPTION_RULES.delayMs);

/** An HTTP header name, e.g. `requestIdHeader`. */
export const headerNameSchema = /* @__PURE__ */ ruled<string>(isHeaderName, OPTION_RULES.headerName);

/** Headers added to every request: valid names (the one pattern), single-line string values. */
export const headersSchema = /* @__PURE__ */ z
  .custom<Readonly<Record<string, string>>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    error: 'must be an object of header names to string values',
  })
  .check(
    z.superRefine((headers, ctx) => {
      for (const [name, value] of Object.entries(headers)) {
        const message = !HEADER_NAME_PATTERN.test(name)
          ? `has an invalid header name '${name.slice(0, 64)}'; a header name must be ${OPTION_RULES.headerName}`
          : typeof value !== 'string' || HEADER_VALUE_FORBIDDEN.test(value)
            ? `['${name}'] must be ${OPTION_RULES.headerValue}, got ${typeof value === 'string' ? 'a string with a line break' : kindOf(value)}`
            : undefined;
        if (message) ctx.issues.push({ code: 'custom', message, input: headers });
      }
    }),
  );

/** A check (on a loose object, which keeps unknown keys) that rejects keys not in `known`, suggesting the nearest one (or `renamed[key]`). */
function onlyKeys(known: readonly string[], renamed: Readonly<Record<string, string>> = {}) {
  return z.superRefine((value: object, ctx) => {
    for (const [key, given] of Object.entries(value)) {
      // A key set to undefined is not given (objects built with optional fields carry such keys).
      if (given === undefined || known.includes(key)) continue;
      const near = closestName(key, known);
      const hint = renamed[key] ?? (near ? `did you mean '${near}'?` : `it takes ${known.join(', ')}`);
      ctx.issues.push({ code: 'custom', message: `is not an option; ${hint}`, input: value, path: [key] });
    }
  });
}

const controlShape = {
  gsqlTimeoutMs: z.optional(wholeNumberSchema(1, OPTION_RULES.gsqlTimeoutMs)),
  responseLimitBytes: z.optional(wholeNumberSchema(1, OPTION_RULES.positive)),
  threadLimit: z.optional(wholeNumberSchema(1, OPTION_RULES.positive)),
  memoryLimitMb: z.optional(wholeNumberSchema(1, OPTION_RULES.positive)),
  async: z.optional(bool()),
  atomic: z.optional(bool()),
  replica: z.optional(wholeNumberSchema(1, OPTION_RULES.positive)),
  workloadQueue: z.optional(
    ruled<string>((v) => typeof v === 'string' && /^[A-Za-z0-9_.-]+$/.test(v), OPTION_RULES.workloadQueue),
  ),
};

/** TigerGraph's control headers (reference §5), as `control` options. Unknown keys are rejected. */
export const controlOptionsSchema = /* @__PURE__ */ z
  .looseObject(controlShape, {
    error: 'must be an object such as { gsqlTimeoutMs: 30000, responseLimitBytes: 1e8 }',
  })
  .check(
    onlyKeys(Object.keys(controlShape), {
      timeoutMs:
        "the server-side timeout is 'gsqlTimeoutMs' (timeoutMs is the client's own timeout, given beside control)",
    }),
  );

const retryShape = {
  limit: z.optional(retriesSchema),
  statuses: z.optional(
    ruled<readonly number[]>(
      (v) => Array.isArray(v) && v.every((s) => Number.isSafeInteger(s) && s >= 100 && s <= 599),
      OPTION_RULES.retryStatuses,
    ),
  ),
  baseDelayMs: z.optional(delayMsSchema),
  maxDelayMs: z.optional(delayMsSchema),
};

/** The retry policy (`retry` of createClient and createTransport). Unknown keys are rejected. */
export const retryOptionsSchema = /* @__PURE__ */ z
  .looseObject(retryShape, { error: 'must be an object such as { baseDelayMs: 300, maxDelayMs: 10000 }' })
  .check(onlyKeys(Object.keys(retryShape)));

/** Lifetime to request for tokens, in seconds. */
export const lifetimeSecondsSchema = /* @__PURE__ */ wholeNumberSchema(1, OPTION_RULES.lifetimeSeconds);
/** How long before expiry a token is renewed, in seconds (0 = at expiry). */
export const refreshBeforeSecondsSchema = /* @__PURE__ */ wholeNumberSchema(
  0,
  OPTION_RULES.refreshBeforeSeconds,
);
/** Whether credentials are exchanged for a RESTPP token. */
export const exchangeSchema = /* @__PURE__ */ ruled<boolean | 'auto'>(
  (v) => typeof v === 'boolean' || v === 'auto',
  OPTION_RULES.exchange,
);
/** How JSON integers are returned. */
export const integersSchema = /* @__PURE__ */ ruled<'number' | 'bigint' | 'string' | 'auto'>(
  (v) => v === 'number' || v === 'bigint' || v === 'string' || v === 'auto',
  OPTION_RULES.integers,
);
/** A boolean option. */
export const booleanOptionSchema = /* @__PURE__ */ bool();
