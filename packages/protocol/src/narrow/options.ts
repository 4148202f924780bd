// `@tgraph/protocol/options`: connection and per-call options (names, schemas, defaults, checks),
// control headers, server-line parsing and the auth contract's types. A narrow entry: the
// transport, auth and the facade's first chunk import these without reaching the endpoint
// catalogue or the reply schemas (see BENCHMARKS.md).
export * from '../auth-contract.js';
export * from '../connection-options.js';
export * from '../headers.js';
export * from '../option-defaults.js';
export * from '../option-error.js';
export * from '../option-schemas.js';
export * from '../request-options.js';
export * from '../suggest.js';
export * from '../version.js';
