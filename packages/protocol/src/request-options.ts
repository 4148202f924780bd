// The options every call takes, as one bag: an api function receives it, checks it (unknown keys
// are rejected there), and hands it down unchanged to the transport request. Defined once, here.

/** Per-call options every resource function accepts and every transport request carries. */
export interface RequestOptions {
  /** Graph for this call (default: the connection's graph). */
  graph?: string | undefined;
  /** Cancels the call (and, for query runs, the query on the server). */
  signal?: AbortSignal | undefined;
  /** Client-side timeout for this call in ms (default: the connection's `timeoutMs`). */
  timeoutMs?: number | undefined;
}

/** The keys of {@link RequestOptions}. */
export const REQUEST_OPTION_KEYS = [
  'graph',
  'signal',
  'timeoutMs',
] as const satisfies readonly (keyof RequestOptions)[];

/** {@link RequestOptions} of calls whose graph is decided elsewhere (or that have none). */
export type AbortOptions = Omit<RequestOptions, 'graph'>;

/** The keys of {@link AbortOptions}. */
export const ABORT_OPTION_KEYS = ['signal', 'timeoutMs'] as const satisfies readonly (keyof AbortOptions)[];

/**
 * The per-call bag out of a function's options (which also hold the function's own keys), so it
 * is passed down whole instead of field by field.
 *
 * @example
 * transport.request({ service: 'restpp', method: 'GET', path: '/echo', ...requestOptionsOf(options) });
 */
export function requestOptionsOf(options: RequestOptions): RequestOptions {
  return { graph: options.graph, signal: options.signal, timeoutMs: options.timeoutMs };
}

/** {@link requestOptionsOf} without the graph. */
export function abortOptionsOf(options: AbortOptions): AbortOptions {
  return { signal: options.signal, timeoutMs: options.timeoutMs };
}
