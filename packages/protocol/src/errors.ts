// One error hierarchy for the whole SDK. It lives in protocol (no I/O) so that auth, transport,
// api and the facade throw and catch the same classes. Every message and field is redacted
// before construction (see redact.ts): no secret, password or token text ever reaches an error.

/** Where a request went, for error messages: method and path, never the query string's secrets. */
export interface ErrorEndpoint {
  method: string;
  /** Path with the query string removed, e.g. `/restpp/graph/MyGraph/vertices/Patient`. */
  path: string;
  service?: 'restpp' | 'gsql' | undefined;
}

export interface TigerGraphErrorOptions {
  /** TigerGraph's code (`REST-10016`, `GSQL-2500`, `601`…) or an SDK code (`TG-…`). Opaque string. */
  code?: string | undefined;
  /** HTTP status, when a response arrived. */
  status?: number | undefined;
  endpoint?: ErrorEndpoint | undefined;
  /** The server's own message, redacted. */
  serverMessage?: string | undefined;
  /** TigerGraph's request id (RESTPP `X-Request-Id` style) or the SDK's, when known. */
  requestId?: string | undefined;
  cause?: unknown;
}

// Declared before the class: the computed `[BRAND]` getter key is evaluated when the class is defined.
const BRAND = Symbol.for('tgraph.error');
// Each SDK error class names its kind under this key, so that `instanceof AuthError` also holds
// for an AuthError thrown by another installed copy of the package (two versions in one app).
const KIND = Symbol.for('tgraph.error.kind');

type Branded = { [BRAND]?: true };
type KindOwner = { [KIND]?: string };

/** The kinds an error carries: its class's and every SDK class's above it. */
function kindsOf(value: object): string[] {
  const kinds: string[] = [];
  for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const ctor = (proto as { constructor?: KindOwner }).constructor;
    if (ctor && Object.hasOwn(ctor, KIND)) kinds.push(ctor[KIND] as string);
  }
  return kinds;
}

/** Base class of every error the SDK throws. `instanceof` works across copies via a brand. */
export class TigerGraphError extends Error {
  override name = 'TigerGraphError';
  readonly code: string | undefined;
  readonly status: number | undefined;
  readonly endpoint: ErrorEndpoint | undefined;
  readonly serverMessage: string | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, options: TigerGraphErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.status = options.status;
    this.endpoint = options.endpoint;
    this.serverMessage = options.serverMessage;
    this.requestId = options.requestId;
  }

  static readonly [KIND]: string = 'TigerGraphError';

  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` was called on.
    const cls = this as unknown as KindOwner;
    if (Function.prototype[Symbol.hasInstance].call(cls, value)) return true;
    // Brand check so two installed copies of the package still recognise each other's errors,
    // class by class. A caller's own subclass (no kind of its own) keeps plain `instanceof`.
    if (typeof value !== 'object' || value === null || (value as Branded)[BRAND] !== true) return false;
    return Object.hasOwn(cls, KIND) && kindsOf(value).includes(cls[KIND] as string);
  }

  get [BRAND](): true {
    return true;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      status: this.status,
      endpoint: this.endpoint,
      serverMessage: this.serverMessage,
      requestId: this.requestId,
    };
  }
}

/** Credentials missing, wrong, expired or lacking privilege (401/403, REST-10016/10018/10019). */
export class AuthError extends TigerGraphError {
  static override readonly [KIND]: string = 'AuthError';
  override name = 'AuthError';
}
/** The graph, type, vertex, query or endpoint does not exist (404, REST-1000/1004, 601…). */
export class NotFoundError extends TigerGraphError {
  static override readonly [KIND]: string = 'NotFoundError';
  override name = 'NotFoundError';
}
/** The request or the server-side query ran out of time (client timeout, REST-3000..3002, GSQL-7002). */
export class TimeoutError extends TigerGraphError {
  static override readonly [KIND]: string = 'TimeoutError';
  override name = 'TimeoutError';
}
/** No usable answer: DNS, refused or reset connection, TLS failure, unreachable host. */
export class NetworkError extends TigerGraphError {
  static override readonly [KIND]: string = 'NetworkError';
  override name = 'NetworkError';
}
/** Bad input caught before sending (options, ids, parameters) or rejected by the server as invalid. */
export class ValidationError extends TigerGraphError {
  static override readonly [KIND]: string = 'ValidationError';
  override name = 'ValidationError';
  /** Dotted path of the offending field, when one is known (`options.restppPort`). */
  readonly field: string | undefined;
  constructor(message: string, options: TigerGraphErrorOptions & { field?: string | undefined } = {}) {
    super(message, options);
    this.field = options.field;
  }
}
/** The server answered with a shape the SDK does not understand (names the endpoint and field). */
export class ResponseShapeError extends TigerGraphError {
  static override readonly [KIND]: string = 'ResponseShapeError';
  override name = 'ResponseShapeError';
}
/** A GSQL statement or query failed on the server (syntax, semantic or runtime error). */
export class GsqlError extends TigerGraphError {
  static override readonly [KIND]: string = 'GsqlError';
  override name = 'GsqlError';
  /** The GSQL output of a failed statement (redacted), when the error came from GSQL text output. */
  readonly output: string | undefined;
  /** 1-based line of the query text the server's syntax or semantic error points at, when it says. */
  readonly line: number | undefined;
  /** 1-based column on that line, when the server says. */
  readonly column: number | undefined;
  constructor(
    message: string,
    options: TigerGraphErrorOptions & {
      output?: string | undefined;
      line?: number | undefined;
      column?: number | undefined;
    } = {},
  ) {
    super(message, options);
    this.output = options.output;
    this.line = options.line;
    this.column = options.column;
  }

  override toJSON(): Record<string, unknown> {
    const json = super.toJSON();
    if (this.output !== undefined) json.output = this.output;
    if (this.line !== undefined) json.line = this.line;
    if (this.column !== undefined) json.column = this.column;
    return json;
  }
}
/** The request was aborted by the caller's AbortSignal. */
export class AbortError extends TigerGraphError {
  static override readonly [KIND]: string = 'AbortError';
  override name = 'AbortError';
}
