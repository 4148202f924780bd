// UDF files (C++ `ExprFunctions.hpp` / `ExprUtil.hpp`): 3.x
// `GET|PUT /gsqlserver/gsql/userdefinedfunction?filename=<file>`, 4.1+ `GET|PUT /gsql/v1/udt/files/<file>`.

import * as endpoints from '@tgraph/protocol/endpoints/schema';
import { ValidationError } from '@tgraph/protocol/errors';
import { errorFlagSchema } from '@tgraph/protocol/schemas/common';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { ABORT_KEYS, checkOptions } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_UDF_KEYS: readonly string[] = ABORT_KEYS;
const PUT_UDF_KEYS: readonly string[] = ABORT_KEYS;

/** The UDF files TigerGraph lets users replace. */
export type UdfFile = 'ExprFunctions' | 'ExprUtil';

const FILES: readonly string[] = ['ExprFunctions', 'ExprUtil'];

function requireFile(file: unknown): UdfFile {
  if (typeof file !== 'string' || !FILES.includes(file)) {
    throw new ValidationError(`file must be 'ExprFunctions' or 'ExprUtil', got ${JSON.stringify(file)}`, {
      field: 'file',
    });
  }
  return file as UdfFile;
}

// `results` is the file text; some servers key it by file name (`{"ExprFunctions": "<text>"}`).
const udfReply = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  results: z.union([z.string(), z.record(z.string(), z.string())]),
});

const putReply = z.looseObject({ error: errorFlagSchema, message: z.optional(z.string()) });

type BaseOptions = Omit<RequestOptions, 'graph'>;

function where(line: string, file: UdfFile) {
  return line === '4' ? { params: { file } } : { searchParams: { filename: file } };
}

/**
 * Reads a UDF file's source (pyTigerGraph `getUDF`, one file per call).
 *
 * @example
 * const source = await getUdf(ctx, 'ExprFunctions');
 */
export async function getUdf(
  ctx: ApiContext<SchemaShape>,
  file: UdfFile,
  options: BaseOptions = {},
): Promise<string> {
  checkOptions(options, GET_UDF_KEYS, 'getUdf');
  const name = requireFile(file);
  const reply = await callParsed(ctx, endpoints.getUdf, udfReply, {
    ...where(await ctx.line(), name),
    noGraph: true,
    ...abortOf(options),
  });
  const r = reply.results;
  return typeof r === 'string' ? r : (r[name] ?? Object.values(r)[0] ?? '');
}

/**
 * Replaces a UDF file with `source` (pyTigerGraph `installUDF`, which takes a path or URL and is
 * broken in 2.0.2; here the caller passes the text). Queries using it must be reinstalled.
 *
 * @example
 * await putUdf(ctx, 'ExprFunctions', '#include <string>\ninline int64_t twice(int64_t x) { return 2 * x; }\n');
 */
export async function putUdf(
  ctx: ApiContext<SchemaShape>,
  file: UdfFile,
  source: string,
  options: BaseOptions = {},
): Promise<{ message: string }> {
  checkOptions(options, PUT_UDF_KEYS, 'putUdf');
  const name = requireFile(file);
  if (typeof source !== 'string')
    throw new ValidationError('source must be the file text', { field: 'source' });
  const reply = await callParsed(ctx, endpoints.putUdf, putReply, {
    ...where(await ctx.line(), name),
    noGraph: true,
    body: source,
    headers: { 'Content-Type': 'text/plain' },
    ...abortOf(options),
  });
  return { message: reply.message ?? '' };
}
