// The graph's schema version: the `version.schema` counter every RESTPP reply carries (0 after
// CREATE GRAPH, +1 per schema change). Read from the cheapest graph-scoped built-in.

import * as endpoints from '@tgraph/protocol/endpoints/elements';
import { ResponseShapeError } from '@tgraph/protocol/errors';
import { restppEnvelopeSchema } from '@tgraph/protocol/schemas/envelope';
import type { ApiContext } from '../context.js';
import { callParsed, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_SCHEMA_VERSION_KEYS: readonly string[] = REQUEST_KEYS;

/**
 * The graph's schema version (pyTigerGraph's `getSchemaVer`). One `stat_vertex_number` built-in
 * call instead of pyTigerGraph's interpreted query, so it needs no query privilege.
 *
 * @example
 * const before = await getSchemaVersion(ctx);
 * await runSchemaChange(ctx, 'ADD VERTEX Doctor (PRIMARY_ID id STRING);');
 * (await getSchemaVersion(ctx)) === before + 1; // true
 */
export async function getSchemaVersion(
  ctx: ApiContext<SchemaShape>,
  options: RequestOptions = {},
): Promise<number> {
  checkOptions(options, GET_SCHEMA_VERSION_KEYS, 'getSchemaVersion');
  const reply = await callParsed(ctx, endpoints.builtins, restppEnvelopeSchema, {
    ...options,
    json: { function: 'stat_vertex_number', type: '*' },
    integers: 'number',
  });
  const schema = reply.version?.schema;
  const version = typeof schema === 'string' ? Number(schema) : Number(schema ?? Number.NaN);
  if (!Number.isInteger(version)) {
    throw new ResponseShapeError(
      'POST /builtins: version.schema missing (expected an integer); the server did not report the schema version',
      { code: 'TG-RESPONSE-SHAPE' },
    );
  }
  return version;
}
