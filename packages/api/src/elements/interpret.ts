// A small interpreted GSQL query (4.1+ `POST /gsql/v1/queries/interpret`, 3.x
// `POST /gsqlserver/interpreted_query`): how vertices by id and all edges of a type are read in one
// request. Type and graph names are checked as identifiers before they go into the query text.

import * as endpoints from '@tgraph/protocol/endpoints/queries';
import { ValidationError } from '@tgraph/protocol/errors';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import * as z from 'zod/mini';
import { type ApiContext, graphOf } from '../context.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import type { SchemaShape } from '../schema-types.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks a name that goes into GSQL text. */
export function gsqlIdentifier(name: string, field: string): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new ValidationError(`${field} '${String(name)}' is not a GSQL identifier (letters, digits, _)`, {
      field,
    });
  }
  return name;
}

const envelope = restppEnvelope(z.array(z.record(z.string(), z.unknown())));

/**
 * Runs `INTERPRET QUERY (<params>) FOR GRAPH <graph> { <body> }` with query-string parameters and
 * returns its `results` (one object per PRINT).
 */
export async function interpret(
  ctx: ApiContext<SchemaShape>,
  signature: string,
  body: string,
  params: Array<[string, string]>,
  options: RequestOptions,
): Promise<Record<string, unknown>[]> {
  const graph = gsqlIdentifier(graphOf(ctx, options.graph), 'graph');
  const text = `INTERPRET QUERY (${signature}) FOR GRAPH ${graph} { ${body} }`;
  const reply = await callParsed(ctx, endpoints.interpretQuery, envelope, {
    graph,
    ...abortOf(options),
    body: text,
    headers: { 'Content-Type': 'text/plain' },
    searchParams: params,
  });
  return reply.results ?? [];
}

/** Splits ids into batches whose query string stays well below common URL limits (8 KB). */
export function idBatches(ids: readonly string[], maxChars = 6000): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const id of ids) {
    const cost = encodeURIComponent(id).length + 5;
    if (current.length > 0 && size + cost > maxChars) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(id);
    size += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
