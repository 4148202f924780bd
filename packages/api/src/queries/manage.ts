// The query catalogue: create, drop, list, show text and describe parameters. 4.1+ has REST
// endpoints under `/gsql/v1/queries` (reference §4.14); 3.x uses GSQL statements (`CREATE QUERY`,
// `DROP QUERY`, `ls`, `SHOW QUERY`) and `/gsqlserver/gsql/queryinfo` (§4.12).

import * as endpoints from '@tgraph/protocol/endpoints';
import { ValidationError } from '@tgraph/protocol/errors';
import { gsqlEnvelope, gsqlEnvelopeSchema } from '@tgraph/protocol/schemas/envelope';
import { endpointsReplySchema } from '@tgraph/protocol/schemas/meta';
import { querySignatureSchema } from '@tgraph/protocol/schemas/query';
import * as z from 'zod/mini';
import { type ApiContext, graphOf } from '../context.js';
import { requireIdentifier as gsqlName } from '../gsql/identifier.js';
import { gsql } from '../gsql/run.js';
import { abortOf, callParsed, perCall, type RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { gsqlOptions } from './shared.js';

/** Option keys each function accepts (unknown ones are rejected). */
const CREATE_QUERY_KEYS: readonly string[] = REQUEST_KEYS;
const DROP_QUERIES_KEYS: readonly string[] = REQUEST_KEYS;
const LIST_QUERIES_KEYS: readonly string[] = REQUEST_KEYS;
const GET_QUERY_TEXT_KEYS: readonly string[] = REQUEST_KEYS;
const DESCRIBE_QUERY_KEYS: readonly string[] = REQUEST_KEYS;
const LIST_INSTALLED_QUERIES_KEYS: readonly string[] = REQUEST_KEYS;

/** What `createQuery` reports. */
export interface CreateQueryResult {
  /** The server's message (4.x) or GSQL output (3.x). */
  message: string;
}

/**
 * Creates (does not install) a query from its GSQL text. `$graphname` / `@graphname@` are
 * replaced by the graph; `CREATE OR REPLACE QUERY` replaces an existing one.
 *
 * @example
 * await createQuery(ctx, 'CREATE QUERY hello() FOR GRAPH $graphname { PRINT "hi" AS greeting; }');
 * await installQueries(ctx, ['hello']);
 */
export async function createQuery(
  ctx: ApiContext<SchemaShape>,
  queryText: string,
  options: RequestOptions = {},
): Promise<CreateQueryResult> {
  checkOptions(options, CREATE_QUERY_KEYS, 'createQuery');
  if (typeof queryText !== 'string' || !/\bCREATE\b/i.test(queryText)) {
    throw new ValidationError('createQuery needs GSQL text starting with CREATE [OR REPLACE] QUERY', {
      field: 'queryText',
    });
  }
  const graph = gsqlName(graphOf(ctx, options.graph), 'graph');
  const text = queryText.replaceAll('$graphname', graph).replaceAll('@graphname@', graph);
  if ((await ctx.line()) === '3') {
    const out = await gsql(ctx, text, gsqlOptions(graph, options));
    return { message: out.output };
  }
  const reply = await callParsed(ctx, endpoints.createQuery, gsqlEnvelopeSchema, {
    graph,
    ...abortOf(options),
    body: text,
    headers: { 'Content-Type': 'text/plain' },
  });
  return { message: reply.message ?? '' };
}

/** What `dropQueries` reports. */
export interface DropQueriesResult {
  dropped: string[];
  /** Names the server could not drop (4.x). */
  failedToDrop: string[];
}

/**
 * Drops queries (installed or not). 4.x: `DELETE /gsql/v1/queries?query=a&query=b`; 3.x:
 * `DROP QUERY a, b`.
 *
 * @example
 * const { dropped } = await dropQueries(ctx, ['hello', 'old_query']);
 */
export async function dropQueries(
  ctx: ApiContext<SchemaShape>,
  queries: string | readonly string[],
  options: RequestOptions = {},
): Promise<DropQueriesResult> {
  checkOptions(options, DROP_QUERIES_KEYS, 'dropQueries');
  const names = (typeof queries === 'string' ? [queries] : [...queries]).map((q) => gsqlName(q, 'query'));
  if (names.length === 0)
    throw new ValidationError('dropQueries needs at least one query name', { field: 'queries' });
  const graph = gsqlName(graphOf(ctx, options.graph), 'graph');
  if ((await ctx.line()) === '3') {
    await gsql(ctx, `DROP QUERY ${names.join(', ')}`, gsqlOptions(graph, options));
    return { dropped: names, failedToDrop: [] };
  }
  const reply = await callParsed(ctx, endpoints.dropQueries, dropReplySchema, {
    graph,
    ...abortOf(options),
    searchParams: names.map((n) => ['query', n] as const),
  });
  return { dropped: reply.dropped ?? [], failedToDrop: reply.failedToDrop ?? [] };
}

const dropReplySchema = z.extend(gsqlEnvelopeSchema, {
  dropped: z.optional(z.array(z.string())),
  failedToDrop: z.optional(z.array(z.string())),
});

/** One query of the catalogue. */
export interface QuerySummary {
  name: string;
  /** Installed (runnable at `/query/{graph}/{name}`). */
  installed: boolean;
  /** 4.x: `VALID`, `INVALID`, … */
  status?: string | undefined;
  /** 4.x: `GSQL v2`, … (3.x: `v2`). */
  syntax?: string | undefined;
  /** 3.x: the parameter list as `ls` prints it. */
  signature?: string | undefined;
}

const queryInfoSchema = gsqlEnvelope(
  z.array(
    z.looseObject({
      name: z.string(),
      installed: z.optional(z.boolean()),
      status: z.optional(z.string()),
      syntax: z.optional(z.string()),
    }),
  ),
);

/**
 * Lists the graph's queries with their install state. 4.x: `GET /gsql/v1/queries/info`; 3.x: the
 * `Queries:` section of GSQL `ls`.
 *
 * @example
 * const queries = await listQueries(ctx);
 * const notInstalled = queries.filter((q) => !q.installed).map((q) => q.name);
 */
export async function listQueries(
  ctx: ApiContext<SchemaShape>,
  options: RequestOptions = {},
): Promise<QuerySummary[]> {
  checkOptions(options, LIST_QUERIES_KEYS, 'listQueries');
  const graph = gsqlName(graphOf(ctx, options.graph), 'graph');
  if ((await ctx.line()) === '3') {
    const out = await gsql(ctx, 'ls', gsqlOptions(graph, options));
    return parseLsQueries(out.output);
  }
  const reply = await callParsed(ctx, endpoints.queriesInfo, queryInfoSchema, {
    graph,
    ...abortOf(options),
  });
  return (reply.results ?? []).map((q) => ({
    name: q.name,
    installed: q.installed === true,
    ...(q.status === undefined ? {} : { status: q.status }),
    ...(q.syntax === undefined ? {} : { syntax: q.syntax }),
  }));
}

/**
 * Reads the `Queries:` section of GSQL `ls` output: lines like `  - q1(VERTEX<Person> p) (installed v2)`.
 *
 * @example
 * parseLsQueries('Queries:\n  - q1(INT x) (installed v2)\n'); // [{ name: 'q1', installed: true, … }]
 */
export function parseLsQueries(text: string): QuerySummary[] {
  const out: QuerySummary[] = [];
  let inQueries = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*Queries:\s*$/.test(line)) {
      inQueries = true;
      continue;
    }
    if (!inQueries) continue;
    const m = /^\s*-\s*([A-Za-z_]\w*)\s*\((.*)\)\s*$/.exec(line);
    if (!m) {
      if (/^\S.*:\s*$/.test(line)) inQueries = false; // next section
      continue;
    }
    // `(params) (installed v2)`: the last parenthesised group holds the flags.
    const tail = /^(.*)\)\s*\(([^()]*)$/.exec(m[2] as string);
    const signature = tail ? (tail[1] as string) : (m[2] as string);
    const flags = (tail?.[2] ?? '').trim();
    const syntax = /\bv\d\b/.exec(flags)?.[0];
    out.push({
      name: m[1] as string,
      installed: /\binstalled\b/i.test(flags),
      signature,
      ...(syntax === undefined ? {} : { syntax }),
    });
  }
  return out;
}

/**
 * The GSQL text of a query. 4.x: `GET /gsql/v1/queries/{name}` (`queryContent`); 3.x:
 * `SHOW QUERY name`.
 *
 * @example
 * const text = await getQueryText(ctx, 'hello'); // 'CREATE QUERY hello() FOR GRAPH MyGraph { … }'
 */
export async function getQueryText(
  ctx: ApiContext<SchemaShape>,
  query: string,
  options: RequestOptions = {},
): Promise<string> {
  checkOptions(options, GET_QUERY_TEXT_KEYS, 'getQueryText');
  gsqlName(query, 'query');
  const graph = gsqlName(graphOf(ctx, options.graph), 'graph');
  if ((await ctx.line()) === '3') {
    const out = await gsql(ctx, `SHOW QUERY ${query}`, gsqlOptions(graph, options));
    return out.output;
  }
  const reply = await callParsed(
    ctx,
    endpoints.queryContent,
    z.extend(gsqlEnvelopeSchema, { queryContent: z.string() }),
    {
      graph,
      params: { query },
      ...abortOf(options),
      // The 4.x endpoint answers only when this header is set, even on GET (reference §5).
      headers: { 'Content-Type': 'application/json' },
    },
  );
  return reply.queryContent;
}

/** One declared parameter or output of a query, as the server describes it. */
export interface QueryField {
  name: string;
  /** The server's type string (`string`, `set<string>`, `vertex<Person>`, `INT_LIST`…). */
  type: unknown;
}

/** A query's signature. */
export interface QueryDescription {
  name: string;
  parameters: QueryField[];
  output: QueryField[];
}

/**
 * A query's parameters and output. 3.x: `GET /gsqlserver/gsql/queryinfo?query=`; 4.x:
 * `GET /gsql/v1/queries/signature?queryName=`.
 *
 * @example
 * const { parameters } = await describeQuery(ctx, 'neighbourhood');
 * // [{ name: 'p', type: 'vertex<Patient>' }]
 */
export async function describeQuery(
  ctx: ApiContext<SchemaShape>,
  query: string,
  options: RequestOptions = {},
): Promise<QueryDescription> {
  checkOptions(options, DESCRIBE_QUERY_KEYS, 'describeQuery');
  gsqlName(query, 'query');
  const line = await ctx.line();
  const reply = await callParsed(ctx, endpoints.queryInfo, querySignatureSchema, {
    ...perCall(options),
    searchParams: line === '3' ? { query } : { queryName: query },
  });
  const fields = (items: readonly Record<string, unknown>[] | undefined): QueryField[] =>
    (items ?? []).flatMap((item) => Object.entries(item).map(([name, type]) => ({ name, type })));
  return { name: reply.queryname ?? query, parameters: fields(reply.input), output: fields(reply.output) };
}

/** An installed query's REST endpoint parameters (from `/endpoints`). */
export interface InstalledQuery {
  name: string;
  /** Parameter specs keyed by name (`type`, `default`, `min_count`, `id_type`…). */
  parameters: Record<string, Record<string, unknown>>;
}

/**
 * The installed queries of the graph with their REST parameter specs, from
 * `GET R/endpoints/{graph}?dynamic=true` (pyTigerGraph `getInstalledQueries`).
 *
 * @example
 * const installed = await listInstalledQueries(ctx);
 * installed.map((q) => q.name); // ['neighbourhood', 'infection_chain', …]
 */
export async function listInstalledQueries(
  ctx: ApiContext<SchemaShape>,
  options: RequestOptions = {},
): Promise<InstalledQuery[]> {
  checkOptions(options, LIST_INSTALLED_QUERIES_KEYS, 'listInstalledQueries');
  const graph = graphOf(ctx, options.graph);
  const data = await callParsed(ctx, endpoints.endpoints, endpointsReplySchema, {
    graph,
    ...abortOf(options),
    searchParams: { dynamic: true },
  });
  const prefix = `GET /query/${graph}/`;
  const out: InstalledQuery[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    const parameters: Record<string, Record<string, unknown>> = {};
    for (const [p, spec] of Object.entries(value?.parameters ?? {})) {
      // RESTPP lists the query name itself as a `query` parameter; it is not the caller's.
      if (p === 'query' && (spec as { default?: unknown }).default === name) continue;
      parameters[p] = spec as Record<string, unknown>;
    }
    out.push({ name, parameters });
  }
  return out;
}
