// @tgraph/transport: the request pipeline on ky over an injected fetch.

// Protocol types adapters and callers need, re-exported so they can depend on transport alone.
export {
  AbortError,
  AuthError,
  NetworkError,
  NotFoundError,
  ResponseShapeError,
  TigerGraphError,
  TimeoutError,
  ValidationError,
} from '@tgraph/protocol/errors';
export type { IntegerMode } from '@tgraph/protocol/json';
export type { AuthProvider, ServerLine, ServiceKind } from '@tgraph/protocol/options';
export {
  checkPem,
  checkProxyUrl,
  maskProxyUrl,
  type TlsOptions,
  tlsGiven,
} from './adapter-options.js';
export {
  explainNetworkFailure,
  HTTPS_PORT_QUESTION,
  isErrorEnvelope,
  isPlainHttpAnswer,
} from './classify.js';
export { transportOptionsSchema, transportOptionsShape } from './option-schema.js';
export { redactHeaders, redactUrl } from './redaction.js';
export {
  controlHeaders,
  createTransport,
  DEFAULT_RETRY_STATUSES,
  DEFAULT_TIMEOUT_MS,
  encodeSearchParams,
} from './transport.js';
export type {
  AdapterCapabilities,
  ControlOptions,
  ErrorView,
  FetchLike,
  HostStatus,
  HttpMethod,
  RequestView,
  ResponseType,
  ResponseView,
  RetryOptions,
  SearchParams,
  SearchParamValue,
  Transport,
  TransportAdapter,
  TransportHooks,
  TransportLogger,
  TransportOptions,
  TransportRequest,
  TransportResponse,
} from './types.js';
