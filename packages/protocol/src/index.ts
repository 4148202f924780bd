// @tgraph/protocol: TigerGraph's wire format as data and pure functions. No I/O, no Node built-ins.
export * from './auth-contract.js';
export * from './connection-options.js';
export * from './endpoints.js';
export * from './error-codes.js';
export * from './error-from-response.js';
export * from './errors.js';
export * from './headers.js';
export * from './json.js';
export * from './option-defaults.js';
export * from './option-error.js';
export * from './option-schemas.js';
export * from './parse-response.js';
export * from './redact.js';
export * from './request-options.js';
export * from './schemas/index.js';
export * from './suggest.js';
export * from './version.js';
