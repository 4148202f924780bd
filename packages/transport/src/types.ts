// Public types of the transport: the adapter contract, options, requests, responses and hooks.
import type {
  AuthProvider,
  AuthRequester,
  ControlOptions,
  IntegerMode,
  RequestOptions,
  ServerLine,
  ServiceKind,
  TigerGraphError,
} from '@tgraph/protocol';

/** A WHATWG-compatible fetch. The transport (through ky) calls it with a URL string and a `RequestInit`. */
export type FetchLike = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;

/** What a runtime adapter can do; the transport adapts its behaviour to these. */
export interface AdapterCapabilities {
  /** Which runtime the adapter targets (for logs and `tgraph status`). */
  readonly runtime: 'node' | 'browser' | 'deno' | 'custom';
  /**
   * `ReadableStream` request bodies are sent as a stream (`duplex: 'half'`). When false, the
   * transport reads a stream body into memory before sending it.
   */
  readonly streamingRequestBody: boolean;
  /** The adapter can trust a custom CA (self-signed or private TLS certificates). */
  readonly customCa: boolean;
  /** The adapter can present a client certificate (mutual TLS). */
  readonly clientCertificates?: boolean;
  /** The adapter routes requests through an HTTP proxy it was configured with. */
  readonly proxy?: boolean;
  /**
   * The runtime lets a caller set the `User-Agent` header (Node, Deno: yes; browsers: no). When
   * false, the transport does not send one.
   */
  readonly userAgentHeader?: boolean;
}

/**
 * A runtime adapter: a fetch plus what it supports. `@tgraph/transport-node`,
 * `@tgraph/transport-browser` and `@tgraph/transport-deno` implement it; any object of this shape
 * works (e.g. a fetch that records requests in tests).
 */
export interface TransportAdapter {
  readonly fetch: FetchLike;
  readonly capabilities: AdapterCapabilities;
  /**
   * Runtime-specific explanation of a network failure (its `cause` chain), e.g. "the server's
   * certificate is not trusted; pass its CA as `ca`". Returned text is appended to the error message.
   * `url` is the base URL the request went to (e.g. to tell an https:// URL on a plain-HTTP port).
   */
  explainNetworkError?(cause: unknown, url?: string): string | undefined;
  /** Releases pooled connections or clients. Idempotent. */
  close(): Promise<void> | void;
}

/** Retry policy for requests that are safe to repeat. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. 0 disables retries. */
  limit?: number;
  /** HTTP statuses that are retried. Default 408, 429, 502, 503, 504. */
  statuses?: readonly number[];
  /** First backoff ceiling in ms; attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs·2^(n-1))]. Default 300. */
  baseDelayMs?: number;
  /** Largest wait between attempts, also caps `Retry-After`. Default 10 000. */
  maxDelayMs?: number;
}

/** A redacted view of one attempt, for hooks and logs. Never holds secrets. */
export interface RequestView {
  /** SDK request id (one per `request()` call, shared by its attempts). */
  requestId: string;
  /** 1 for the first attempt, 2 for the first retry… */
  attempt: number;
  service: ServiceKind;
  method: string;
  /** Full URL with secrets in the query string masked. */
  url: string;
  /** Request headers with `Authorization` shown as `<scheme> ***` and secrets masked. */
  headers: Record<string, string>;
}

export interface ResponseView extends RequestView {
  status: number;
  /** Milliseconds from sending to the response head (for logs and tracing, never asserted). */
  durationMs: number;
}

export interface ErrorView {
  requestId: string;
  service: ServiceKind;
  method: string;
  /** URL with secrets masked, when a URL was built. */
  url: string | undefined;
  attempt: number;
  /** The error the caller will receive (already redacted). */
  error: TigerGraphError;
}

/** Observers for logging and tracing. They receive redacted views and cannot change the request. */
export interface TransportHooks {
  beforeRequest?: (view: RequestView) => void | Promise<void>;
  afterResponse?: (view: ResponseView) => void | Promise<void>;
  onError?: (view: ErrorView) => void | Promise<void>;
}

/** A structured debug logger (`console`-compatible). Messages are only built when a logger is set. */
export interface TransportLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
}

/**
 * TigerGraph's per-request control headers (§5 of the wire reference): protocol's `ControlOptions`.
 * The server timeout is `gsqlTimeoutMs`, so it cannot be mistaken for the client's own `timeoutMs`;
 * the client timeout is raised to cover it (+30 s).
 */
export type { ControlOptions };

export interface TransportOptions {
  /** A runtime adapter (`createNodeAdapter()`, `createBrowserAdapter()`, `createDenoAdapter()`). */
  adapter?: TransportAdapter;
  /** A bare fetch, when no adapter is given. Default: `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Capabilities of the bare `fetch`. Default: conservative (no streaming bodies, no custom CA). */
  capabilities?: AdapterCapabilities;
  /** Close the adapter in `transport.close()`. Default true. */
  closeAdapter?: boolean;
  /** RESTPP base URLs, e.g. `['http://h1:9000', 'http://h2:9000']` or `['https://x.i.tgcloud.io/restpp']`. */
  restppUrls: readonly string[];
  /** GSQL server base URL, e.g. `http://h:14240/gsqlserver` (3.x) or `http://h:14240` (4.x `/gsql/v1`). */
  gsqlUrl?: string | undefined;
  /** Credential strategy; omit for servers without authentication. */
  auth?: AuthProvider | undefined;
  /** Server line, passed to the auth provider. */
  line?: ServerLine | undefined;
  /** Default graph, passed to the auth provider. */
  graph?: string | undefined;
  /**
   * Client-side timeout per attempt in ms (response head and body). Default 60 000. While a streamed
   * request body uploads, it bounds each wait for the network to take the next chunk instead, so a
   * long upload that keeps moving never times out; after the last chunk, the answer gets the full
   * timeout again.
   */
  timeoutMs?: number;
  /** Retry policy for idempotent requests. */
  retry?: RetryOptions;
  /** How long a RESTPP host that failed at the network level is skipped, in ms. Default 30 000. */
  hostCooldownMs?: number;
  /** `User-Agent` sent where the runtime allows it. Default `tgraph-ts`. */
  userAgent?: string;
  /** Headers added to every request (below per-request headers). */
  headers?: Record<string, string>;
  /** Also send the SDK request id in this header (e.g. `X-Request-Id` for a proxy's logs). Default: not sent. */
  requestIdHeader?: string | undefined;
  /**
   * Supplies each request's id, e.g. your service's own from an `AsyncLocalStorage`, so hooks, logs,
   * errors and `requestIdHeader` carry it. Return `undefined` to use the SDK's (`tg-…`). An id is
   * 1–200 visible ASCII characters; anything else fails the request with a `ValidationError`.
   */
  requestId?: (() => string | undefined) | undefined;
  /** Default integer parsing for JSON responses (see protocol's `parseJson`). Default `number`. */
  integers?: IntegerMode;
  /** Default control headers for RESTPP requests. */
  control?: ControlOptions;
  hooks?: TransportHooks;
  logger?: TransportLogger | undefined;
  /** Extra strings to redact (besides `auth.secrets()`). */
  secrets?: readonly string[];
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export type SearchParamValue = string | number | boolean | bigint;

/** Query parameters: arrays become repeated keys; `undefined` entries are skipped. */
export type SearchParams =
  | Record<string, SearchParamValue | readonly SearchParamValue[] | undefined | null>
  | URLSearchParams
  | ReadonlyArray<readonly [string, SearchParamValue]>;

export type ResponseType = 'json' | 'text' | 'stream';

/**
 * One request. Its per-call options (`graph`, `signal`, `timeoutMs`) are protocol's `RequestOptions`,
 * the bag an api function receives and hands down whole: `graph` defaults to the transport's
 * `graph`, `timeoutMs` overrides the transport's `timeoutMs` for this request.
 */
export interface TransportRequest extends RequestOptions {
  service: ServiceKind;
  method: HttpMethod;
  /** Path below the service base URL, starting with `/` and already percent-encoded per segment. */
  path: string;
  searchParams?: SearchParams | undefined;
  /** A JSON body, serialised losslessly (bigint values become JSON integers). */
  json?: unknown;
  /** A raw body. A `ReadableStream` body is sent once: it is never retried or resent. */
  body?: string | Uint8Array | Blob | ReadableStream<Uint8Array> | undefined;
  headers?: Record<string, string> | undefined;
  /** Safe to repeat (retries and failover). Default: true for GET, HEAD, OPTIONS and DELETE. */
  idempotent?: boolean | undefined;
  /** Default `json`. */
  responseType?: ResponseType | undefined;
  /** Integer parsing for this response (json only). */
  integers?: IntegerMode | undefined;
  control?: ControlOptions | undefined;
  /** Server line this request was built for, handed to the auth provider. Default: the transport's `line`. */
  line?: ServerLine | undefined;
  /** Skip the auth provider (used by the requester handed to auth). */
  skipAuth?: boolean | undefined;
  /** Return non-2xx and `error: true` answers instead of throwing (used by the auth requester). */
  acceptErrors?: boolean | undefined;
}

export interface TransportResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON, text, or the body stream, per `responseType`. */
  data: T;
  /** The SDK request id (also in logs and errors). */
  requestId: string;
  /** The body text (json and text responses). */
  text?: string;
}

export interface Transport {
  /** Sends one request through the pipeline. Every failure is a `TigerGraphError` subclass. */
  request<T = unknown>(request: TransportRequest): Promise<TransportResponse<T>>;
  /** Closes the adapter (connection pools). Requests after close fail. */
  close(): Promise<void>;
  /** Capabilities of the adapter in use. */
  readonly capabilities: AdapterCapabilities;
  /** Current health of the RESTPP hosts (for diagnostics). */
  hosts(): readonly HostStatus[];
  /**
   * Sends requests without credentials and returns error answers instead of throwing: what
   * `@tgraph/auth` uses to exchange secrets for tokens over the same connection pool.
   */
  readonly authRequester: AuthRequester;
}

export interface HostStatus {
  url: string;
  healthy: boolean;
  /** Epoch ms until which the host is skipped, when unhealthy. */
  downUntil: number | undefined;
}
