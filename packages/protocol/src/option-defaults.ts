// Every option's default and the rule its value must follow, in one place. resolveConnection, the
// transport, the auth providers and createClient read their defaults from here, the option
// schemas (option-schemas.ts) build their messages from the rules, and the README's option table
// is checked against optionTable() by a test, so none of them can drift.

/** pyTigerGraph's default host. */
export const DEFAULT_HOST = 'http://127.0.0.1';
/** Default ports of a self-hosted server and of Cloud. */
export const DEFAULT_PORTS = { restpp: 9000, gsql: 14240, ssl: 443 } as const;
/** Client-side per-request timeout when `timeoutMs` is not given. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Retries of repeatable requests when `retries` (the transport's `retry.limit`) is not given. */
export const DEFAULT_RETRIES = 2;
/** Statuses retried by default (TigerGraph's own Spark connector uses the same set). */
export const DEFAULT_RETRY_STATUSES: readonly number[] = [408, 429, 502, 503, 504];
/** First backoff ceiling between retries, in ms. */
export const DEFAULT_RETRY_BASE_DELAY_MS = 300;
/** Largest wait between retries (also caps `Retry-After`), in ms. */
export const DEFAULT_RETRY_MAX_DELAY_MS = 10_000;
/** How long a RESTPP host that failed at the network level is skipped, in ms. */
export const DEFAULT_HOST_COOLDOWN_MS = 30_000;
/** A token is renewed this many seconds before it expires (at most half its lifetime). */
export const DEFAULT_REFRESH_BEFORE_SECONDS = 60;

/** One row of the option table: where the option is given, its default and what it must be. */
export interface OptionRow {
  /** The option's name as `createClient` takes it (dotted for nested options). */
  name: string;
  /** The default, as a reader would write it; `undefined` when there is none. */
  default: string | undefined;
  /** What a value must be (the end of "must be …" in a ValidationError). */
  rule: string;
}

/** What each rule says, shared by the schemas' error messages and the option table. */
export const OPTION_RULES = {
  timeoutMs: 'a positive whole number of milliseconds',
  retries: 'a whole number from 0 to 10',
  retryStatuses: 'an array of HTTP statuses (whole numbers from 100 to 599)',
  delayMs: 'a whole number of milliseconds (0 or more)',
  gsqlTimeoutMs: 'a positive whole number of milliseconds',
  positive: 'a positive whole number',
  lifetimeSeconds: 'a positive whole number of seconds',
  refreshBeforeSeconds: 'a whole number of seconds (0 or more)',
  headerName: "an HTTP header name (letters, digits and !#$%&'*+.^_`|~-) such as 'X-Request-Id'",
  headerValue: 'a single-line string',
  workloadQueue: 'a workload queue name (letters, digits, _ . -)',
  exchange: "true, false or 'auto'",
  integers: "'number', 'bigint', 'string' or 'auto'",
  boolean: 'true or false',
} as const;

/**
 * The options with a default or a shared rule, as `createClient` takes them: the README table.
 * A function, so bundles that never print the table do not carry it.
 */
export function optionTable(): readonly OptionRow[] {
  return [
    { name: 'host', default: `'${DEFAULT_HOST}'`, rule: 'a host name or URL, or a non-empty array of them' },
    { name: 'timeoutMs', default: String(DEFAULT_TIMEOUT_MS), rule: OPTION_RULES.timeoutMs },
    { name: 'retries', default: String(DEFAULT_RETRIES), rule: OPTION_RULES.retries },
    { name: 'retry.statuses', default: DEFAULT_RETRY_STATUSES.join(', '), rule: OPTION_RULES.retryStatuses },
    { name: 'retry.baseDelayMs', default: String(DEFAULT_RETRY_BASE_DELAY_MS), rule: OPTION_RULES.delayMs },
    { name: 'retry.maxDelayMs', default: String(DEFAULT_RETRY_MAX_DELAY_MS), rule: OPTION_RULES.delayMs },
    {
      name: 'headers',
      default: undefined,
      rule: 'an object of HTTP header names (as for requestIdHeader) to single-line strings',
    },
    { name: 'requestIdHeader', default: undefined, rule: OPTION_RULES.headerName },
    { name: 'control.gsqlTimeoutMs', default: undefined, rule: OPTION_RULES.gsqlTimeoutMs },
    { name: 'control.responseLimitBytes', default: undefined, rule: OPTION_RULES.positive },
    { name: 'control.workloadQueue', default: undefined, rule: OPTION_RULES.workloadQueue },
    { name: 'exchange', default: "'auto'", rule: OPTION_RULES.exchange },
    { name: 'tokenLifetimeSeconds', default: undefined, rule: OPTION_RULES.lifetimeSeconds },
    {
      name: 'refreshBeforeSeconds',
      default: String(DEFAULT_REFRESH_BEFORE_SECONDS),
      rule: OPTION_RULES.refreshBeforeSeconds,
    },
    { name: 'integers', default: "'number'", rule: OPTION_RULES.integers },
    { name: 'rejectUnauthorized', default: 'true', rule: OPTION_RULES.boolean },
  ];
}
