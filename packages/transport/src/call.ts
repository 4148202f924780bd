// One `request()` call as the pipeline's modules see it: checked, with its body, headers,
// timeout and retry eligibility worked out before anything is sent.
import { type ErrorEndpoint, TigerGraphError, ValidationError } from '@tgraph/protocol/errors';
import {
  type AuthRequestContext,
  type AuthRequester,
  clientTimeoutFor,
  type ServiceKind,
} from '@tgraph/protocol/options';
import { type Prepared, type PreparedBody, prepareBody } from './body.js';
import { checkHeaders, controlHeaders, encodeSearchParams, hasHeader, setHeader } from './encoding.js';
import type { Observer } from './observe.js';
import type { TransportConfig } from './options.js';
import { positiveInt } from './options.js';
import { credentialOf } from './redaction.js';
import { isIdempotent } from './retry-policy.js';
import type { HttpMethod, TransportRequest } from './types.js';
import type { UploadTimer } from './upload-timer.js';

const METHODS = new Set<string>(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const MAX_TIMER_MS = 2_147_483_647;

/** The state of one call, shared by ky's hooks and the connection's fetch (see stateOf). */
export interface CallState {
  req: TransportRequest;
  requestId: string;
  service: ServiceKind;
  method: HttpMethod;
  /** Query string without `?` ('' when none). */
  query: string;
  /** Headers below the auth provider's: content type, defaults, user agent, control, request id. */
  headers: Record<string, string>;
  body: PreparedBody;
  /** False for a streamed body: it is sent once and never resent. */
  replayable: boolean;
  idempotent: boolean;
  /** Client timeout per attempt (for streamed uploads: per wait for the network). */
  timeoutMs: number;
  /** 1 for the first attempt; counts failovers and retries. */
  attempt: number;
  /** Retries ky made for transient failures (not the auth resend). */
  retries: number;
  /** Base URL of the latest attempt. */
  base: string;
  /** Full URL of the latest attempt (undefined until one is built). */
  url: string | undefined;
  /** True once the adapter's fetch was called: errors before that mean the request could not be built. */
  sent: boolean;
  authContext: AuthRequestContext | undefined;
  authResent: boolean;
  /** Credentials seen in this call's Authorization headers, redacted from everything. */
  secrets: string[];
  /** Headers the auth provider added (as it named them), for the redacted views. */
  authHeaders: Record<string, string>;
  /** The progress timer of a streamed upload. */
  upload: UploadTimer | undefined;
  /** The latest attempt's answer, read within the attempt (send.ts); undefined for streams and HEAD. */
  text: string | undefined;
  /** The latest attempt's answer as the adapter gave it (its body read into `text`). */
  answer: Response | undefined;
}

/** What every module of one connection's pipeline shares. */
export interface Pipeline {
  config: TransportConfig;
  observer: Observer;
  /** The requester handed to the auth provider (sends without credentials). */
  requester: AuthRequester;
  /** The call each answer and network error handed to ky belongs to (for ky's `shouldRetry`). */
  calls: WeakMap<object, CallState>;
}

/**
 * The call a ky hook runs for. Each call passes its state as the non-standard option `tgraph`:
 * ky keeps it in the options its hooks see and forwards it to the fetch (send.ts), so one ky
 * instance per connection serves every call with nothing per call but its options.
 */
export function stateOf(options: object): CallState {
  return (options as { tgraph: CallState }).tgraph;
}

export function endpointOf(config: TransportConfig, state: CallState, base = state.base): ErrorEndpoint {
  return { method: state.method, path: `${config.basePath(base)}${state.req.path}`, service: state.service };
}

function checkRequest(config: TransportConfig, req: TransportRequest, method: string, requestId: string) {
  const service = req?.service;
  if (service !== 'restpp' && service !== 'gsql') {
    throw new ValidationError(`request.service must be 'restpp' or 'gsql', got ${String(service)}`, {
      field: 'service',
      requestId,
    });
  }
  if (!METHODS.has(method)) {
    throw new ValidationError(`request.method ${String(req.method)} is not supported`, {
      field: 'method',
      requestId,
    });
  }
  if (typeof req.path !== 'string' || !req.path.startsWith('/') || /[?#]/.test(req.path)) {
    throw new ValidationError(
      `request.path must start with '/' and hold no query string or fragment (use searchParams), got '${String(req.path)}'`,
      { field: 'path', requestId },
    );
  }
  if (service === 'gsql' && config.gsqlUrl === undefined) {
    throw new ValidationError(
      'this connection has no GSQL server URL (gsqlUrl); set it to reach the GSQL server',
      { field: 'gsqlUrl', requestId },
    );
  }
}

/** The control headers of a call and its attempt timeout, raised to cover a server-side `GSQL-TIMEOUT`. */
function controlAndTimeout(config: TransportConfig, req: TransportRequest) {
  const defaults = req.service === 'restpp' ? config.defaultControl : NO_HEADERS;
  const control = req.control === undefined ? defaults : { ...defaults, ...controlHeaders(req.control) };
  const explicit = positiveInt(req.timeoutMs, 'request.timeoutMs');
  const serverTimeout = Number(control['GSQL-TIMEOUT'] ?? 0);
  const timeoutMs = Math.min(
    MAX_TIMER_MS,
    explicit ?? Math.max(config.timeoutMs, serverTimeout > 0 ? clientTimeoutFor(serverTimeout) : 0),
  );
  return { control, timeoutMs };
}

const NO_HEADERS: Readonly<Record<string, string>> = {};

function baseHeaders(config: TransportConfig, contentType: string | undefined, requestId: string) {
  const { options, capabilities } = config;
  const headers: Record<string, string> = contentType ? { 'Content-Type': contentType } : {};
  Object.assign(headers, options.headers);
  if (capabilities.userAgentHeader !== false && !hasHeader(headers, 'user-agent')) {
    headers['User-Agent'] = options.userAgent ?? 'tgraph-ts';
  }
  if (options.requestIdHeader) headers[options.requestIdHeader] = requestId;
  return headers;
}

/**
 * Checks a request and builds its state. Throws `ValidationError` for anything that cannot be
 * sent. Synchronous unless a streamed body must first be read into memory.
 */
export function prepareCall(
  config: TransportConfig,
  req: TransportRequest,
  requestId: string,
): CallState | Promise<CallState> {
  const method = String(req?.method ?? '').toUpperCase() as HttpMethod;
  checkRequest(config, req, method, requestId);
  const prepared = prepareBody(req, method, config.capabilities);
  return prepared instanceof Promise
    ? prepared.then((body) => callState(config, req, requestId, method, body))
    : callState(config, req, requestId, method, prepared);
}

function callState(
  config: TransportConfig,
  req: TransportRequest,
  requestId: string,
  method: HttpMethod,
  prepared: Prepared,
): CallState {
  const { control, timeoutMs } = controlAndTimeout(config, req);
  const headers = baseHeaders(config, prepared.contentType, requestId);
  Object.assign(headers, control);
  const secrets: string[] = [];
  if (req.headers !== undefined) {
    for (const [name, value] of Object.entries(req.headers)) {
      setHeader(headers, name, value);
      const credential = /^authorization$/i.test(name) ? credentialOf(value) : undefined;
      if (credential) secrets.push(credential);
    }
  }
  let query: string;
  try {
    query = encodeSearchParams(req.searchParams);
  } catch (error) {
    if (error instanceof TigerGraphError) throw error;
    throw new ValidationError(`request.searchParams could not be encoded: ${(error as Error)?.message}`, {
      field: 'searchParams',
      requestId,
    });
  }
  const base = req.service === 'gsql' ? (config.gsqlUrl as string) : (config.restppUrls[0] as string);
  return {
    req,
    requestId,
    service: req.service,
    method,
    query,
    headers,
    body: prepared.body,
    replayable: prepared.replayable,
    idempotent: isIdempotent(req, method),
    timeoutMs,
    attempt: 0,
    retries: 0,
    base,
    url: undefined,
    sent: false,
    authContext: undefined,
    authResent: false,
    secrets,
    authHeaders: {},
    upload: undefined,
    text: undefined,
    answer: undefined,
  };
}

/** Header problems surface as "could not be built": checked here so that nothing is sent. */
export function checkCallHeaders(state: CallState): void {
  checkHeaders(state.headers);
}
