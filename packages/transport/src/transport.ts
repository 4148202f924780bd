// The request pipeline: one `request()` = auth headers, control headers, attempts over ky (on the
// adapter's fetch) with per-attempt timeouts, cluster failover, retries with full-jitter backoff for
// requests safe to repeat, one auth resend on rejection, and every failure mapped to a redacted
// TigerGraphError.
import {
  AbortError,
  AuthError,
  type AuthExchangeRequest,
  type AuthExchangeResponse,
  type AuthRequestContext,
  type AuthRequester,
  clientTimeoutFor,
  type ErrorEndpoint,
  errorFromResponse,
  NetworkError,
  parseJson,
  controlHeaders as protocolControlHeaders,
  ResponseShapeError,
  redact,
  stringifyJson,
  TigerGraphError,
  TimeoutError,
  ValidationError,
} from '@tgraph/protocol';
import ky from 'ky';
import {
  envelopeCode,
  explainNetworkFailure,
  isErrorEnvelope,
  neverSent,
  sanitizeCause,
} from './classify.js';
import { HostPool } from './hosts.js';
import { credentialOf, expandSecrets, redactHeaders, redactUrl } from './redaction.js';
import type {
  AdapterCapabilities,
  ControlOptions,
  FetchLike,
  HttpMethod,
  RequestView,
  SearchParams,
  Transport,
  TransportAdapter,
  TransportOptions,
  TransportRequest,
  TransportResponse,
} from './types.js';

/** Default client timeout per attempt. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Statuses retried by default (TigerGraph's own Spark connector uses the same set). */
export const DEFAULT_RETRY_STATUSES: readonly number[] = [408, 429, 502, 503, 504];
const DEFAULT_USER_AGENT = 'tgraph-ts';
const IDEMPOTENT_METHODS = new Set<string>(['GET', 'HEAD', 'OPTIONS', 'DELETE']);
const METHODS = new Set<string>(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const AUTH_REJECTION_CODES = new Set(['REST-10016', 'REST-10019']);
const MAX_TIMER_MS = 2_147_483_647;
/** Statuses a gateway (nginx, a load balancer) answers with its own HTML page when the service behind it fails. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** For a bare fetch: no streaming bodies, no custom CA, and no User-Agent where a page runs (browsers forbid it). */
const CONSERVATIVE_CAPABILITIES: AdapterCapabilities = {
  runtime: 'custom',
  streamingRequestBody: false,
  customCa: false,
  userAgentHeader: !('document' in globalThis),
};

class AttemptTimeout extends Error {
  override name = 'AttemptTimeout';
}

type PreparedBody = string | Uint8Array | Blob | ReadableStream<Uint8Array> | undefined;

function trimBase(url: string, field: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValidationError(
      `${field}: '${url}' is not an absolute URL; give it with its scheme, e.g. 'http://tg-host:9000'`,
      { field },
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ValidationError(
      `${field}: '${url}' must start with http:// or https://, e.g. 'http://tg-host:9000'`,
      { field },
    );
  }
  if (parsed.search || parsed.hash) {
    throw new ValidationError(`${field}: '${url}' must not contain a query string or fragment`, { field });
  }
  return url.replace(/\/+$/, '');
}

function positiveInt(value: number | undefined, field: string, allowZero = false): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || !Number.isInteger(value) || value < 0 || (!allowZero && value === 0)) {
    throw new ValidationError(
      `${field} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${String(value)}`,
      { field },
    );
  }
  return value;
}

function encodeComponent(value: string, key: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // Only a lone UTF-16 surrogate makes encodeURIComponent throw (a bare URIError).
    throw new ValidationError(
      `query parameter '${key.replace(/[\uD800-\uDFFF]/g, '\uFFFD')}' holds a lone UTF-16 surrogate, which has no UTF-8 form and cannot be sent; fix the string (text.toWellFormed() replaces it with U+FFFD)`,
      { field: 'searchParams' },
    );
  }
}

function scalar(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** Encodes query parameters exactly: `%20` for spaces, arrays as repeated keys, `undefined`/`null` skipped. */
export function encodeSearchParams(params: SearchParams | undefined): string {
  if (params === undefined) return '';
  const pairs: string[] = [];
  const add = (k: string, v: unknown) =>
    pairs.push(`${encodeComponent(k, k)}=${encodeComponent(scalar(v), k)}`);
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) add(k, v);
  } else if (Array.isArray(params)) {
    for (const [k, v] of params as ReadonlyArray<readonly [string, unknown]>) add(k, v);
  } else {
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) for (const item of v) add(k, item);
      else add(k, v);
    }
  }
  return pairs.join('&');
}

/** TigerGraph's control headers (§5 of the wire reference), built by @tgraph/protocol. */
export function controlHeaders(control: ControlOptions | undefined): Record<string, string> {
  if (!control) return {};
  const { gsqlTimeoutMs, ...rest } = control;
  try {
    return protocolControlHeaders({ ...rest, timeoutMs: gsqlTimeoutMs });
  } catch (error) {
    if (error instanceof ValidationError && error.field === 'timeoutMs') {
      throw new ValidationError(error.message.replace('timeoutMs', 'control.gsqlTimeoutMs'), {
        field: 'control.gsqlTimeoutMs',
      });
    }
    if (error instanceof ValidationError) {
      throw new ValidationError(`control.${error.message}`, { field: `control.${error.field ?? ''}` });
    }
    throw error;
  }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * Request ids `tg-` + 16 hex digits: 8 random per transport, then a counter — unique per
 * connection without asking the CSPRNG on every request (a measured hot-path cost).
 */
function requestIds(): () => string {
  const bytes = new Uint32Array(1);
  globalThis.crypto.getRandomValues(bytes);
  const prefix = `tg-${hex(bytes[0] ?? 0, 8)}`;
  let counter = 0;
  return () => {
    counter = (counter + 1) % 0x1_0000_0000;
    return `${prefix}${hex(counter, 8)}`;
  };
}

// A caller's request id: visible ASCII, short enough for any log line or header.
const REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

// RFC 9110 token characters for names; values without CR, LF or NUL.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE_BAD = /[\r\n\0]/;

/** Refuses headers a fetch would reject, so the error says the request could not be built. */
function checkHeaders(headers: Record<string, string>): void {
  for (const name in headers) {
    if (!HEADER_NAME.test(name)) throw new TypeError(`invalid header name '${name}'`);
    if (HEADER_VALUE_BAD.test(headers[name] as string)) {
      throw new TypeError(`the value of header '${name}' holds a line break or NUL`);
    }
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((k) => k.toLowerCase() === lower);
}

/** Sets a header, replacing any differently-cased copy. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  const lower = name.toLowerCase();
  for (const k of Object.keys(headers)) if (k.toLowerCase() === lower) delete headers[k];
  headers[name] = value;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function htmlTitle(text: string): string | undefined {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(text);
  return m?.[1]?.trim() || undefined;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body|title)/i.test(text);
}

/**
 * Creates the request pipeline for one connection.
 *
 * @example
 * ```ts
 * import { createTransport } from '@tgraph/transport';
 * import { createNodeAdapter } from '@tgraph/transport-node';
 *
 * const transport = createTransport({
 *   adapter: createNodeAdapter(),
 *   restppUrls: ['http://localhost:9000'],
 *   gsqlUrl: 'http://localhost:14240',
 * });
 * const { data } = await transport.request({ service: 'restpp', method: 'GET', path: '/echo' });
 * await transport.close();
 * ```
 */
export function createTransport(options: TransportOptions): Transport {
  if (!options || !Array.isArray(options.restppUrls) || options.restppUrls.length === 0) {
    throw new ValidationError(
      'restppUrls must list at least one RESTPP base URL, e.g. ["http://localhost:9000"] or ["https://<host>/restpp"]',
      { field: 'restppUrls' },
    );
  }
  const restppUrls = options.restppUrls.map((u, i) => trimBase(u, `restppUrls[${i}]`));
  // The path part of each base URL (`/restpp` behind a proxy), parsed once per base, not per request.
  const basePaths = new Map<string, string>();
  const basePath = (base: string): string => {
    let path = basePaths.get(base);
    if (path === undefined) {
      path = new URL(base).pathname.replace(/\/+$/, '');
      basePaths.set(base, path);
    }
    return path;
  };
  const gsqlUrl = options.gsqlUrl === undefined ? undefined : trimBase(options.gsqlUrl, 'gsqlUrl');
  const adapter: TransportAdapter | undefined = options.adapter;
  const fetchImpl: FetchLike | undefined =
    adapter?.fetch ??
    options.fetch ??
    (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
  if (!fetchImpl) {
    throw new ValidationError(
      'no fetch available: pass an adapter (createNodeAdapter(), createBrowserAdapter(), createDenoAdapter()) or a fetch',
      { field: 'adapter' },
    );
  }
  const fetchFn: FetchLike = fetchImpl;
  const capabilities: AdapterCapabilities =
    adapter?.capabilities ?? options.capabilities ?? CONSERVATIVE_CAPABILITIES;
  const timeoutMs = positiveInt(options.timeoutMs, 'timeoutMs') ?? DEFAULT_TIMEOUT_MS;
  const retryLimit = positiveInt(options.retry?.limit, 'retry.limit', true) ?? 2;
  const retryStatuses = new Set(options.retry?.statuses ?? DEFAULT_RETRY_STATUSES);
  const baseDelayMs = positiveInt(options.retry?.baseDelayMs, 'retry.baseDelayMs', true) ?? 300;
  const maxDelayMs = positiveInt(options.retry?.maxDelayMs, 'retry.maxDelayMs', true) ?? 10_000;
  const hostCooldownMs = positiveInt(options.hostCooldownMs, 'hostCooldownMs', true) ?? 30_000;
  const pool = new HostPool(restppUrls, hostCooldownMs);
  const auth = options.auth;
  const logger = options.logger;
  const hooks = options.hooks ?? {};
  const defaultControl = controlHeaders(options.control);
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  let closed = false;
  const newRequestId = requestIds();
  if (options.requestId !== undefined && typeof options.requestId !== 'function') {
    throw new ValidationError(
      "requestId must be a function returning a request id (or undefined for the SDK's own)",
      {
        field: 'requestId',
      },
    );
  }
  const suppliedRequestId = options.requestId;

  const baseSecrets = (): string[] => {
    let fromAuth: readonly string[] = [];
    try {
      fromAuth = auth?.secrets() ?? [];
    } catch {
      // a provider that cannot list its secrets must not break error reporting
    }
    return [...(options.secrets ?? []), ...fromAuth];
  };

  const debug = (message: string, fields: () => Record<string, unknown>) => {
    if (!logger) return;
    try {
      logger.debug(message, fields());
    } catch {
      // a failing logger must not fail the request
    }
  };

  const runHook = async <V>(
    name: string,
    hook: ((view: V) => void | Promise<void>) | undefined,
    view: () => V,
  ) => {
    if (!hook) return;
    try {
      await hook(view());
    } catch (error) {
      debug('tgraph hook failed', () => ({
        hook: name,
        error: redact(String((error as Error)?.message ?? error), expandSecrets(baseSecrets())),
      }));
    }
  };

  const requester: AuthRequester = async (r: AuthExchangeRequest): Promise<AuthExchangeResponse> => {
    const res = await request<string>({
      service: r.service,
      method: r.method,
      path: r.path,
      json: r.json,
      body: r.body,
      headers: r.headers,
      searchParams: r.searchParams,
      signal: r.signal,
      skipAuth: true,
      acceptErrors: true,
      idempotent: false,
      responseType: 'text',
    });
    const text = res.data;
    let body: unknown = text;
    if (text.trim() !== '') {
      try {
        body = parseJson(text);
      } catch {
        body = text;
      }
    }
    return { status: res.status, headers: res.headers, body, text };
  };

  async function request<T = unknown>(req: TransportRequest): Promise<TransportResponse<T>> {
    let supplied: unknown;
    let suppliedError: unknown;
    try {
      supplied = suppliedRequestId?.();
    } catch (error) {
      suppliedError = error;
    }
    const validSupplied = typeof supplied === 'string' && REQUEST_ID.test(supplied);
    const requestId = validSupplied ? (supplied as string) : newRequestId();
    const method = String(req?.method ?? '').toUpperCase() as HttpMethod;
    const service = req?.service;
    let attempt = 0;
    let currentUrl: string | undefined;
    const requestSecrets: string[] = [];
    const secrets = () => expandSecrets([...baseSecrets(), ...requestSecrets]);

    const fail = async (error: TigerGraphError): Promise<never> => {
      await runHook('onError', hooks.onError, () => ({
        requestId,
        service,
        method,
        url: currentUrl === undefined ? undefined : redactUrl(currentUrl, secrets()),
        attempt,
        error,
      }));
      debug('tgraph request failed', () => ({
        requestId,
        attempt,
        method,
        url: currentUrl === undefined ? undefined : redactUrl(currentUrl, secrets()),
        error: error.name,
        code: error.code,
        status: error.status,
        message: error.message,
      }));
      throw error;
    };

    if (suppliedError !== undefined || (supplied !== undefined && !validSupplied)) {
      const what =
        suppliedError !== undefined
          ? `threw ${(suppliedError as Error)?.message ?? String(suppliedError)}`
          : typeof supplied === 'string'
            ? `returned '${supplied.slice(0, 40)}${supplied.length > 40 ? '…' : ''}' (${supplied.length} characters)`
            : `returned a ${typeof supplied}`;
      return fail(
        new ValidationError(
          redact(
            `the requestId option ${what}: a request id is 1–200 visible ASCII characters (no spaces); return undefined to use the SDK's own`,
            secrets(),
          ),
          { field: 'requestId', requestId },
        ),
      );
    }
    if (closed) {
      return fail(
        new TigerGraphError('the transport is closed; create a new connection to send more requests', {
          code: 'TG-TRANSPORT-CLOSED',
          requestId,
        }),
      );
    }
    if (service !== 'restpp' && service !== 'gsql') {
      return fail(
        new ValidationError(`request.service must be 'restpp' or 'gsql', got ${String(service)}`, {
          field: 'service',
          requestId,
        }),
      );
    }
    if (!METHODS.has(method)) {
      return fail(
        new ValidationError(`request.method ${String(req.method)} is not supported`, {
          field: 'method',
          requestId,
        }),
      );
    }
    if (typeof req.path !== 'string' || !req.path.startsWith('/') || /[?#]/.test(req.path)) {
      return fail(
        new ValidationError(
          `request.path must start with '/' and hold no query string or fragment (use searchParams), got '${String(req.path)}'`,
          { field: 'path', requestId },
        ),
      );
    }
    if (service === 'gsql' && gsqlUrl === undefined) {
      return fail(
        new ValidationError(
          'this connection has no GSQL server URL (gsqlUrl); set it to reach the GSQL server',
          {
            field: 'gsqlUrl',
            requestId,
          },
        ),
      );
    }
    const responseType = req.responseType ?? 'json';
    const endpointPath = (base: string) => `${basePath(base)}${req.path}`;
    const endpointFor = (base: string): ErrorEndpoint => ({ method, path: endpointPath(base), service });
    const firstBase = service === 'gsql' ? gsqlUrl! : restppUrls[0]!;

    // Body.
    let body: PreparedBody;
    let replayable = true;
    // A streamed upload may take longer than the timeout as a whole: while it makes progress, the
    // timeout bounds each wait for the network to take the next chunk, then the wait for the answer.
    let bodyProgress = (): void => {};
    const baseHeaders: Record<string, string> = {};
    try {
      if (req.json !== undefined && req.body !== undefined) {
        throw new ValidationError('pass either json or body, not both', { field: 'body' });
      }
      if ((req.json !== undefined || req.body !== undefined) && (method === 'GET' || method === 'HEAD')) {
        throw new ValidationError(`${method} requests cannot carry a body`, { field: 'body' });
      }
      if (req.json !== undefined) {
        body = stringifyJson(req.json) ?? 'null';
        baseHeaders['Content-Type'] = 'application/json';
      } else if (req.body instanceof ReadableStream) {
        if (capabilities.streamingRequestBody) {
          // Each chunk the network takes restarts the attempt's timer (see `bodyProgress` below).
          // Pulled one chunk at a time (no queue of its own), so memory stays that of the source.
          const source = req.body.getReader();
          body = new ReadableStream<Uint8Array>(
            {
              async pull(out) {
                const { done, value } = await source.read();
                bodyProgress();
                if (done) out.close();
                else out.enqueue(value);
              },
              cancel: (reason) => source.cancel(reason),
            },
            { highWaterMark: 0 },
          );
          replayable = false;
        } else {
          body = await readStream(req.body);
        }
      } else {
        body = req.body;
      }
    } catch (error) {
      if (error instanceof TigerGraphError) return fail(error);
      return fail(
        new ValidationError(
          redact(
            `the request body could not be serialised: ${(error as Error)?.message ?? String(error)}`,
            secrets(),
          ),
          {
            field: 'json',
            endpoint: endpointFor(firstBase),
            requestId,
            cause: sanitizeCause(error, secrets()),
          },
        ),
      );
    }

    let control: Record<string, string>;
    let attemptTimeoutMs: number;
    try {
      control = { ...(service === 'restpp' ? defaultControl : {}), ...controlHeaders(req.control) };
      const explicit = positiveInt(req.timeoutMs, 'request.timeoutMs');
      const serverTimeout = Number(control['GSQL-TIMEOUT'] ?? 0);
      attemptTimeoutMs = Math.min(
        MAX_TIMER_MS,
        explicit ?? Math.max(timeoutMs, serverTimeout > 0 ? clientTimeoutFor(serverTimeout) : 0),
      );
    } catch (error) {
      return fail(error as TigerGraphError);
    }

    Object.assign(baseHeaders, options.headers ?? {});
    if (capabilities.userAgentHeader !== false && !hasHeader(baseHeaders, 'user-agent')) {
      baseHeaders['User-Agent'] = userAgent;
    }
    if (options.requestIdHeader) baseHeaders[options.requestIdHeader] = requestId;
    Object.assign(baseHeaders, control);

    const idempotent = req.idempotent ?? IDEMPOTENT_METHODS.has(method);
    let query: string;
    try {
      query = encodeSearchParams(req.searchParams);
    } catch (error) {
      return fail(
        error instanceof TigerGraphError
          ? error
          : new ValidationError(
              redact(`request.searchParams could not be encoded: ${(error as Error)?.message}`, secrets()),
              { field: 'searchParams', requestId },
            ),
      );
    }
    const callerSignal = req.signal;
    let retriesUsed = 0;
    let authResent = false;
    /** The auth context of the latest attempt (given to onRejected as the same object). */
    let authContext: AuthRequestContext | undefined;
    const tried = new Set<string>();

    const abortError = (base: string) => {
      const reason = callerSignal?.reason;
      const why =
        typeof reason === 'string'
          ? `: ${reason}`
          : reason instanceof Error && reason.message
            ? `: ${reason.message}`
            : '';
      return new AbortError(
        redact(`${method} ${endpointPath(base)} was aborted by the caller's signal${why}`, secrets()),
        {
          code: 'TG-ABORTED',
          endpoint: endpointFor(base),
          requestId,
          cause: sanitizeCause(reason, secrets()),
        },
      );
    };

    if (callerSignal?.aborted) return fail(abortError(firstBase));

    const backoff = async (n: number, base: string, hinted: number | undefined) => {
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
      const delay = hinted !== undefined ? Math.min(hinted, maxDelayMs) : Math.random() * ceiling;
      debug('tgraph retry', () => ({ requestId, attempt, retry: n, delayMs: Math.round(delay) }));
      try {
        await sleep(delay, callerSignal);
      } catch {
        throw abortError(base);
      }
    };

    for (;;) {
      attempt++;
      const base = service === 'gsql' ? gsqlUrl! : pool.pick(tried);
      const url = `${base}${req.path}${query ? `?${query}` : ''}`;
      currentUrl = url;
      const endpoint = endpointFor(base);
      const headers: Record<string, string> = { ...baseHeaders };

      if (auth && !req.skipAuth) {
        const context: AuthRequestContext = {
          service,
          line: req.line ?? options.line,
          graph: req.graph ?? options.graph,
          requester,
          signal: callerSignal,
        };
        authContext = context;
        let authHeaders: Record<string, string>;
        try {
          authHeaders = await auth.headers(context);
        } catch (error) {
          if (error instanceof TigerGraphError) return fail(error);
          if (callerSignal?.aborted) return fail(abortError(base));
          return fail(
            new AuthError(
              redact(
                `the ${auth.kind} auth provider could not supply credentials for ${method} ${endpoint.path}: ${(error as Error)?.message ?? String(error)}`,
                secrets(),
              ),
              { code: 'TG-AUTH-PROVIDER', endpoint, requestId, cause: sanitizeCause(error, secrets()) },
            ),
          );
        }
        for (const [name, value] of Object.entries(authHeaders)) {
          setHeader(headers, name, value);
          if (/^authorization$/i.test(name)) {
            const cred = credentialOf(value);
            if (cred) requestSecrets.push(cred);
          }
        }
      }
      for (const [name, value] of Object.entries(req.headers ?? {})) {
        setHeader(headers, name, value);
        if (/^authorization$/i.test(name)) {
          const cred = credentialOf(value);
          if (cred) requestSecrets.push(cred);
        }
      }

      const view = (): RequestView => ({
        requestId,
        attempt,
        service,
        method,
        url: redactUrl(url, secrets()),
        headers: redactHeaders(headers, secrets()),
      });
      await runHook('beforeRequest', hooks.beforeRequest, view);
      debug('tgraph request', () => ({ ...view() }));

      const controller = new AbortController();
      let timedOut = false;
      const expire = () => {
        timedOut = true;
        controller.abort(new AttemptTimeout(`no answer within ${attemptTimeoutMs} ms`));
      };
      let timer = setTimeout(expire, attemptTimeoutMs);
      bodyProgress = () => {
        if (timedOut) return;
        clearTimeout(timer);
        timer = setTimeout(expire, attemptTimeoutMs);
      };
      const signal = callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal;
      const started = Date.now();
      let sent = false;
      let response: Response;
      let text = '';

      const timeoutError = (error: unknown) =>
        new TimeoutError(
          redact(
            `no answer within ${attemptTimeoutMs} ms from ${method} ${url.split('?')[0]}; raise timeoutMs (on the request or the connection)` +
              (service === 'restpp'
                ? ', and for long-running queries also control.gsqlTimeoutMs so the server keeps working on it'
                : ''),
            secrets(),
          ),
          { code: 'TG-TIMEOUT', endpoint, requestId, cause: sanitizeCause(error, secrets()) },
        );

      try {
        checkHeaders(headers);
        response = await ky(url, {
          method,
          headers,
          body: (body ?? null) as BodyInit | null,
          // No `signal` for ky: the adapter gets ours below, and ky would combine it with its own
          // controller through AbortSignal.any on every call (7 % of the pipeline's CPU).
          retry: 0,
          timeout: false,
          throwHttpErrors: false,
          redirect: 'follow',
          // Retries, timeouts and failover are the pipeline's own (they need TigerGraph's rules);
          // ky builds and normalises the request. The adapter gets its URL and an init holding the
          // original body, so string and byte bodies keep their Content-Length and a fetch from
          // another realm (npm undici, Deno with a client) never sees a foreign Request object.
          fetch: (input, init) => {
            sent = true;
            if (typeof input === 'string' || input instanceof URL) return fetchFn(input, init);
            const forward: RequestInit & { duplex?: 'half' } = {
              ...init,
              method: input.method,
              headers: [...input.headers],
              redirect: input.redirect,
              signal,
            };
            if (method !== 'GET' && method !== 'HEAD' && body !== undefined) {
              forward.body = (body instanceof ReadableStream ? input.body : body) as BodyInit;
              if (forward.body instanceof ReadableStream) forward.duplex = 'half';
            }
            return fetchFn(input.url, forward);
          },
        });
        // The attempt timeout also bounds reading the body (not for successful streams: the caller owns those).
        if (responseType !== 'stream' || !response.ok) {
          text = method === 'HEAD' ? '' : await response.text();
        }
      } catch (error) {
        clearTimeout(timer);
        if (callerSignal?.aborted) return fail(abortError(base));
        if (timedOut) return fail(timeoutError(error));
        if (!sent) {
          return fail(
            new ValidationError(
              redact(
                `${method} ${endpoint.path} could not be built: ${(error as Error)?.message ?? String(error)}`,
                secrets(),
              ),
              { code: 'TG-BAD-REQUEST', endpoint, requestId, cause: sanitizeCause(error, secrets()) },
            ),
          );
        }
        // Network failure: mark the host, fail over or retry when repeating is safe.
        const rawCause =
          (error as { name?: string; cause?: unknown })?.name === 'NetworkError'
            ? ((error as { cause?: unknown }).cause ?? error)
            : error;
        tried.add(base);
        if (service === 'restpp') pool.markDown(base);
        const origin = new URL(base).host;
        const canRepeat = replayable && (idempotent || neverSent(rawCause));
        if (canRepeat && service === 'restpp' && pool.hasHealthyOther(tried)) {
          debug('tgraph failover', () => ({
            requestId,
            attempt,
            from: origin,
            reason: explainNetworkFailure(rawCause, origin),
          }));
          continue;
        }
        if (replayable && idempotent && retriesUsed < retryLimit) {
          retriesUsed++;
          try {
            await backoff(retriesUsed, base, undefined);
          } catch (e) {
            return fail(e as TigerGraphError);
          }
          tried.clear();
          continue;
        }
        const explanation =
          adapter?.explainNetworkError?.(rawCause) ?? explainNetworkFailure(rawCause, origin);
        return fail(
          new NetworkError(redact(`${method} ${url.split('?')[0]} failed: ${explanation}`, secrets()), {
            code: 'TG-NETWORK',
            endpoint,
            requestId,
            cause: sanitizeCause(rawCause, secrets()),
          }),
        );
      } finally {
        bodyProgress = () => {};
        clearTimeout(timer);
      }

      if (service === 'restpp') pool.markUp(base);
      const durationMs = Date.now() - started;
      await runHook('afterResponse', hooks.afterResponse, () => ({
        ...view(),
        status: response.status,
        durationMs,
      }));
      debug('tgraph response', () => ({ requestId, attempt, status: response.status, durationMs }));

      // Parse (json) or keep text.
      let parsed: unknown;
      let parsedOk = false;
      if (responseType !== 'stream' || !response.ok) {
        if (text.trim() !== '') {
          try {
            parsed = parseJson(text, { integers: req.integers ?? options.integers });
            parsedOk = true;
          } catch {
            parsedOk = false;
          }
        }
      }

      const code = parsedOk ? envelopeCode(parsed) : undefined;
      const rejected =
        response.status === 401 ||
        response.status === 403 ||
        (code !== undefined && AUTH_REJECTION_CODES.has(code));
      if (rejected && auth?.onRejected && !req.skipAuth && !authResent && replayable) {
        authResent = true;
        let again = false;
        try {
          // The same context object headers() got: the provider keys what it sent (which token) by it.
          again = await auth.onRejected(
            authContext ?? {
              service,
              line: req.line ?? options.line,
              graph: req.graph ?? options.graph,
              requester,
              signal: callerSignal,
            },
            code,
          );
        } catch (error) {
          if (error instanceof TigerGraphError) return fail(error);
          return fail(
            new AuthError(
              redact(
                `re-authentication failed after ${method} ${endpoint.path} was rejected: ${(error as Error)?.message ?? String(error)}`,
                secrets(),
              ),
              {
                code: code ?? 'TG-AUTH-PROVIDER',
                status: response.status,
                endpoint,
                requestId,
                cause: sanitizeCause(error, secrets()),
              },
            ),
          );
        }
        if (again) {
          debug('tgraph auth resend', () => ({ requestId, attempt, code }));
          continue;
        }
      }

      if (
        !response.ok &&
        retryStatuses.has(response.status) &&
        idempotent &&
        replayable &&
        retriesUsed < retryLimit
      ) {
        retriesUsed++;
        try {
          await backoff(retriesUsed, base, retryAfterMs(response.headers));
        } catch (e) {
          return fail(e as TigerGraphError);
        }
        continue;
      }

      const failed = !response.ok || (parsedOk && isErrorEnvelope(parsed));
      if (failed && req.acceptErrors) {
        return { status: response.status, headers: response.headers, data: text as T, requestId, text };
      }
      if (failed) {
        if (
          !parsedOk &&
          looksLikeHtml(text) &&
          response.status !== 404 &&
          response.status !== 401 &&
          response.status !== 403
        ) {
          return fail(htmlError(text, response.status, endpoint, requestId));
        }
        return fail(
          errorFromResponse({
            status: response.status,
            body: parsedOk ? parsed : undefined,
            text,
            endpoint,
            requestId,
            secrets: secrets(),
          }),
        );
      }

      if (responseType === 'stream') {
        return { status: response.status, headers: response.headers, data: response.body as T, requestId };
      }
      if (responseType === 'text') {
        return { status: response.status, headers: response.headers, data: text as T, requestId, text };
      }
      if (!parsedOk && text.trim() !== '') {
        if (looksLikeHtml(text)) return fail(htmlError(text, response.status, endpoint, requestId));
        return fail(
          new ResponseShapeError(
            redact(
              `${method} ${endpoint.path} answered HTTP ${response.status} with a body that is not JSON (starts with '${text.trim().slice(0, 80)}'); check that the URL points at RESTPP or the GSQL server and not at another service or proxy`,
              secrets(),
            ),
            { code: 'TG-NOT-JSON', status: response.status, endpoint, requestId },
          ),
        );
      }
      return { status: response.status, headers: response.headers, data: parsed as T, requestId, text };
    }

    function htmlError(
      html: string,
      status: number,
      endpoint: ErrorEndpoint,
      id: string,
    ): ResponseShapeError {
      const title = htmlTitle(html);
      const starting = /starting workspace|resuming|waking/i.test(title ?? html.slice(0, 2000));
      // A gateway's own error page (nginx while RESTPP restarts) is not a wrong URL: say what it is.
      let retried = '';
      if (!(idempotent && replayable)) {
        retried =
          ' (this request is not safe to repeat, so it was not retried: check whether it was applied before sending it again)';
      } else if (retriesUsed > 0) {
        retried = ` (this request was already retried ${retriesUsed} times)`;
      }
      let hint =
        'Check that the URL points at RESTPP or the GSQL server (port and path prefix such as /restpp or /gsqlserver), not at a web UI, a login page or a proxy.';
      if (starting) {
        hint =
          'A TigerGraph Cloud workspace answers like this while it starts or resumes; wait until it is ready and retry (reads are retried automatically on 502/503).';
      } else if (GATEWAY_STATUSES.has(status)) {
        hint = `A gateway (TigerGraph's nginx or a proxy in front of it) answered instead of TigerGraph: the service behind it is down, restarting or overloaded. Retry later${retried}; check the services with \`gadmin status\`.`;
      }
      return new ResponseShapeError(
        redact(
          `${endpoint.method} ${endpoint.path} answered HTTP ${status} with an HTML page${title ? ` ("${title}")` : ''} instead of JSON. ${hint}`,
          secrets(),
        ),
        { code: 'TG-HTML-RESPONSE', status, endpoint, requestId: id },
      );
    }
  }

  return {
    request,
    capabilities,
    hosts: () => pool.status(),
    authRequester: requester,
    async close() {
      if (closed) return;
      closed = true;
      if (adapter && options.closeAdapter !== false) await adapter.close();
    },
  };
}
