// @tgraph/transport: the request pipeline on ky over an injected fetch.
//
// What the facade and the browser adapter import from here comes through `export *` from modules
// that export exactly the public names. A named re-export they used would make esbuild (code
// splitting) walk every import of this file and put the modules a lazy chunk shares with it, such
// as the network-failure explanations the error mapping loads on failure, in the first chunk.

export type { IntegerMode } from '@tgraph/protocol/json';
export type { AuthProvider, ServerLine, ServiceKind } from '@tgraph/protocol/options';
export * from './adapter-options.js';
export { explainNetworkFailure, isPlainHttpAnswer } from './classify.js';
export { isErrorEnvelope } from './envelope.js';
export * from './https-question.js';
export * from './option-schema.js';
export * from './public-errors.js';
export { redactHeaders, redactUrl } from './redaction.js';
export * from './transport.js';
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
