// Interpreted queries (reference §4.10): the `INTERPRET QUERY` text is the body (text/plain) and the
// parameters travel in the query string with the installed-query GET encoding. 3.x posts to
// `/gsqlserver/interpreted_query`, 4.1+ to `/gsql/v1/queries/interpret`.

import type { IntegerMode } from '@tgraph/protocol';
import * as endpoints from '@tgraph/protocol/endpoints/queries';
import { ValidationError } from '@tgraph/protocol/errors';
import type { ApiContext } from '../context.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { encodeQueryString, type QueryParams } from './params.js';
import type { QueryResults } from './run.js';
import { queryEnvelope } from './shared.js';

/** Option keys each function accepts (unknown ones are rejected). */
const RUN_INTERPRETED_QUERY_KEYS: readonly string[] = [...REQUEST_KEYS, 'integers'];

export interface InterpretOptions extends RequestOptions {
  integers?: IntegerMode | undefined;
}

/**
 * Runs GSQL query text without installing it. `$graphname` and `@graphname@` in the text are
 * replaced by the graph. Parameters are encoded as for a GET run (no MAP or tuple parameters).
 *
 * @example
 * const [{ n }] = await runInterpretedQuery<[{ n: number }]>(
 *   ctx,
 *   'INTERPRET QUERY (INT x) FOR GRAPH $graphname { PRINT x + 1 AS n; }',
 *   { x: 41 },
 * );
 */
export async function runInterpretedQuery<R extends readonly object[] = QueryResults>(
  ctx: ApiContext<SchemaShape>,
  queryText: string,
  params?: QueryParams,
  options: InterpretOptions = {},
): Promise<R> {
  checkOptions(options, RUN_INTERPRETED_QUERY_KEYS, 'runInterpretedQuery');
  if (typeof queryText !== 'string' || queryText.trim() === '') {
    throw new ValidationError('runInterpretedQuery needs the INTERPRET QUERY text', { field: 'queryText' });
  }
  const graph = options.graph ?? ctx.graph;
  let text = queryText;
  if (/\$graphname|@graphname@/.test(text)) {
    if (graph === undefined) {
      throw new ValidationError(
        'The query text uses $graphname / @graphname@ but no graph is set: pass { graph } or set the client graph',
        { field: 'graph' },
      );
    }
    text = text.replaceAll('$graphname', graph).replaceAll('@graphname@', graph);
  }
  const reply = await callParsed(ctx, endpoints.interpretQuery, queryEnvelope, {
    graph,
    noGraph: (await ctx.line()) === '4' && graph === undefined,
    ...abortOf(options),
    integers: options.integers,
    searchParams: encodeQueryString(params),
    body: text,
    headers: { 'Content-Type': 'text/plain' },
  });
  return (reply.results ?? []) as unknown as R;
}
