// @tgraph/api/gsql: run GSQL text on the GSQL server and check names against GSQL's reserved words.
export { requireIdentifier } from './gsql/identifier.js';
export { getReservedKeywords, isReservedKeyword } from './gsql/reserved.js';
export { formEncodeGsql, type GsqlOptions, type GsqlResult, gsql } from './gsql/run.js';
