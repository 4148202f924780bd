// @tgraph/api/udts: user-defined tuples and UDF files.
export { getUdf, putUdf, type UdfFile } from './udts/files.js';
export { getUdt, listUdts } from './udts/tuples.js';
