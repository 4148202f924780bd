// User-defined tuples: 3.x `GET /gsqlserver/gsql/udtlist?graph=`, 4.1+ `GET /gsql/v1/udt/tuples?graph=`
// (one tuple: 4.1+ `GET /gsql/v1/udt/tuples/{name}`; 3.x picks it from the list).

import * as endpoints from '@tgraph/protocol/endpoints/schema';
import { NotFoundError } from '@tgraph/protocol/errors';
import { errorFlagSchema } from '@tgraph/protocol/schemas/common';
import { udtSchema } from '@tgraph/protocol/schemas/graph-schema';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { callParsed, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { type UdtModel, udtModel } from './model.js';

/** Option keys each function accepts (unknown ones are rejected). */
const LIST_UDTS_KEYS: readonly string[] = REQUEST_KEYS;
const GET_UDT_KEYS: readonly string[] = REQUEST_KEYS;

const udtListReply = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  results: z.array(udtSchema),
});

/**
 * Lists the UDTs (tuples) visible in a graph, with their fields (pyTigerGraph `_getUDTs()`; use
 * `.map((u) => u.name)` for `getUDTs()`).
 *
 * @example
 * const udts = await listUdts(ctx);
 * // [{ name: 'tuple2_simple', fields: [{ name: 'field1', type: 'INT', length: 8 }, …] }]
 */
export async function listUdts(
  ctx: ApiContext<SchemaShape>,
  options: RequestOptions = {},
): Promise<UdtModel[]> {
  checkOptions(options, LIST_UDTS_KEYS, 'listUdts');
  const reply = await callParsed(ctx, endpoints.udts, udtListReply, { ...options, integers: 'number' });
  return reply.results.map(udtModel);
}

/**
 * One UDT by name (pyTigerGraph `getUDT(name)`, which returns `[]` for an unknown name; this throws).
 *
 * @throws NotFoundError when the graph has no such tuple.
 *
 * @example
 * const udt = await getUdt(ctx, 'tuple2_simple');
 * udt.fields.map((f) => `${f.name} ${f.type}`); // ['field1 INT', 'field2 STRING', …]
 */
export async function getUdt(
  ctx: ApiContext<SchemaShape>,
  name: string,
  options: RequestOptions = {},
): Promise<UdtModel> {
  checkOptions(options, GET_UDT_KEYS, 'getUdt');
  const line = await ctx.line();
  const list =
    line === '4'
      ? (
          await callParsed(ctx, endpoints.udt, udtListReply, {
            ...options,
            noGraph: true,
            params: { udt: name },
            integers: 'number',
          })
        ).results.map(udtModel)
      : await listUdts(ctx, options);
  const found = list.find((u) => u.name === name);
  if (!found) {
    throw new NotFoundError(`The UDT '${name}' does not exist; listUdts() shows the tuples there are.`, {
      code: 'TG-UDT-NOT-FOUND',
    });
  }
  return found;
}
