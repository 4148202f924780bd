// The contract between @tgraph/auth and @tgraph/transport (both depend on protocol, not on each other).
// The transport asks an AuthProvider for headers before each request and tells it when the server
// rejected them; a provider that exchanges secrets for tokens sends its exchange requests through
// the AuthRequester the transport hands it (no auth headers added, no retries on 401).

/** The two HTTP services of a TigerGraph server. */
export type ServiceKind = 'restpp' | 'gsql';

/** TigerGraph major line the connection talks to; decides endpoints and payload shapes. */
export type ServerLine = '3' | '4';

/** A raw request the auth provider sends itself (token exchange, secret creation). */
export interface AuthExchangeRequest {
  service: ServiceKind;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the service base URL, e.g. `/requesttoken` or `/gsql/v1/tokens`. */
  path: string;
  /** JSON body (serialised by the transport). */
  json?: unknown;
  /** Raw text body (e.g. GSQL statements). */
  body?: string;
  headers?: Record<string, string>;
  searchParams?: Record<string, string>;
  signal?: AbortSignal;
}

export interface AuthExchangeResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, else the text. */
  body: unknown;
  text: string;
}

export type AuthRequester = (request: AuthExchangeRequest) => Promise<AuthExchangeResponse>;

export interface AuthRequestContext {
  service: ServiceKind;
  /** Server line, when known (configured or detected). */
  line: ServerLine | undefined;
  /** Graph the request targets (else the connection's default), for token scope: tokens are per graph on 3.x. */
  graph: string | undefined;
  /** Sends an unauthenticated-by-this-provider request (for exchanges). */
  requester: AuthRequester;
  signal?: AbortSignal | undefined;
}

/** A credential strategy. Implementations live in @tgraph/auth; users may write their own. */
export interface AuthProvider {
  /** Short name for logs and `tgraph status`: 'basic', 'secret', 'token', 'secret-exchange', 'jwt', 'none'. */
  readonly kind: string;
  /** Headers to add to one request (usually just `Authorization`). May exchange a token first. */
  headers(context: AuthRequestContext): Promise<Record<string, string>>;
  /**
   * The server rejected this provider's credentials (401/403, REST-10016/10019). Return true when
   * fresh credentials were obtained and the request should be sent once more; concurrent callers
   * must share one refresh (single flight).
   */
  onRejected?(context: AuthRequestContext, code: string | undefined): Promise<boolean>;
  /** Every secret value this provider holds (passwords, secrets, tokens), for redaction. */
  secrets(): readonly string[];
}
