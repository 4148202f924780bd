// Query descriptions (TigerGraph 4.0+; reference §4.13, §4.14): free text for a query and its
// parameters, stored by the GSQL server at `/gsql/v1/description` (4.1+) or
// `/gsqlserver/gsql/description` (4.0; older 3.x servers answer 404).

import * as endpoints from '@tgraph/protocol/endpoints/queries';
import { ValidationError } from '@tgraph/protocol/errors';
import { gsqlEnvelope, gsqlEnvelopeSchema } from '@tgraph/protocol/schemas/envelope';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { requireIdentifier } from '../gsql/identifier.js';
import { callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const SET_QUERY_DESCRIPTION_KEYS: readonly string[] = REQUEST_KEYS;
const GET_QUERY_DESCRIPTIONS_KEYS: readonly string[] = REQUEST_KEYS;
const DROP_QUERY_DESCRIPTIONS_KEYS: readonly string[] = [...REQUEST_KEYS, 'parameters'];

/** A query's description and its parameters' descriptions. */
export interface QueryDescriptionText {
  queryName: string;
  description?: string | undefined;
  parameters?: { paramName: string; description?: string | undefined }[] | undefined;
  [key: string]: unknown;
}

const descriptionItem = z.looseObject({
  queryName: z.string(),
  description: z.optional(z.string()),
  parameters: z.optional(
    z.array(z.looseObject({ paramName: z.string(), description: z.optional(z.string()) })),
  ),
});

/**
 * Sets the description of a query and, optionally, of its parameters (pyTigerGraph
 * `updateQueryDescription`): `PUT …/description` with `{"queries": [{queryName, description, parameters}]}`.
 *
 * @example
 * await setQueryDescription(ctx, 'neighbourhood', 'Contacts of one patient', { p: 'the patient' });
 */
export async function setQueryDescription(
  ctx: ApiContext<SchemaShape>,
  query: string,
  description: string,
  parameters?: Readonly<Record<string, string>>,
  options: RequestOptions = {},
): Promise<string> {
  checkOptions(options, SET_QUERY_DESCRIPTION_KEYS, 'setQueryDescription');
  requireIdentifier(query, 'query');
  if (typeof description !== 'string') {
    throw new ValidationError('A query description must be a string', { field: 'description' });
  }
  const entry: Record<string, unknown> = { queryName: query, description };
  if (parameters !== undefined) {
    entry.parameters = Object.entries(parameters).map(([paramName, text]) => ({
      paramName,
      description: text,
    }));
  }
  const reply = await callParsed(ctx, endpoints.setQueryDescriptions, gsqlEnvelopeSchema, {
    ...perCall(options),
    json: { queries: [entry] },
  });
  return reply.message ?? '';
}

/**
 * Descriptions of some or all queries (pyTigerGraph `getQueryDescription`): `GET …/description?query=a,b`.
 *
 * @example
 * const [d] = await getQueryDescriptions(ctx, ['neighbourhood']);
 * console.log(d?.description, d?.parameters);
 */
export async function getQueryDescriptions(
  ctx: ApiContext<SchemaShape>,
  queries: readonly string[] | 'all' = 'all',
  options: RequestOptions = {},
): Promise<QueryDescriptionText[]> {
  checkOptions(options, GET_QUERY_DESCRIPTIONS_KEYS, 'getQueryDescriptions');
  const names = queries === 'all' ? ['all'] : queries.map((q) => requireIdentifier(q, 'query'));
  if (names.length === 0) throw new ValidationError("Pass query names or 'all'", { field: 'queries' });
  const reply = await callParsed(
    ctx,
    endpoints.queryDescriptions,
    gsqlEnvelope(z.looseObject({ queries: z.optional(z.array(descriptionItem)) })),
    {
      ...perCall(options),
      searchParams: { query: names.join(',') },
    },
  );
  return (reply.results?.queries ?? []) as QueryDescriptionText[];
}

/**
 * Drops query descriptions, with their parameters' descriptions unless `parameters: false`
 * (pyTigerGraph `dropQueryDescription`): `DELETE …/description` with `{"queries", "queryParameters"}`.
 *
 * @example
 * await dropQueryDescriptions(ctx, ['neighbourhood']);
 */
export async function dropQueryDescriptions(
  ctx: ApiContext<SchemaShape>,
  queries: readonly string[] | 'all',
  options: RequestOptions & { parameters?: boolean | undefined } = {},
): Promise<string> {
  checkOptions(options, DROP_QUERY_DESCRIPTIONS_KEYS, 'dropQueryDescriptions');
  const names = queries === 'all' ? ['*'] : queries.map((q) => requireIdentifier(q, 'query'));
  if (names.length === 0) throw new ValidationError("Pass query names or 'all'", { field: 'queries' });
  const body: Record<string, unknown> = { queries: names };
  if (options.parameters !== false) body.queryParameters = names.map((n) => `${n}.*`);
  const reply = await callParsed(ctx, endpoints.dropQueryDescriptions, gsqlEnvelopeSchema, {
    ...perCall(options),
    json: body,
  });
  return reply.message ?? '';
}
