// `@tgraph/protocol/errors`: the error classes, the return-code catalogue and the mapping of a
// failed answer to a typed error. A narrow entry: the transport and the facade's first chunk import
// these without reaching the endpoint catalogue or the reply schemas (see BENCHMARKS.md).
export * from '../error-codes.js';
export * from '../error-from-response.js';
export * from '../errors.js';
