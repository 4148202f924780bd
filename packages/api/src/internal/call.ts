// One endpoint call: picks the spec for the server line, fills the path, adds the
// graph parameter, sends through the transport, and (optionally) validates the reply's shape.
import type { IntegerMode } from '@tgraph/protocol/json';
import {
  type AbortOptions,
  abortOptionsOf,
  type RequestOptions,
  requestOptionsOf,
  type ServerLine,
} from '@tgraph/protocol/options';
import {
  buildPath,
  type EndpointDef,
  type EndpointSpec,
  type PathValue,
  specFor,
} from '@tgraph/protocol/paths';
import { parseResponse } from '@tgraph/protocol/replies';
import type { ControlOptions, SearchParams, TransportResponse } from '@tgraph/transport';
import type * as z from 'zod/mini';
import { type ApiContext, graphOf } from '../context.js';
import type { SchemaShape } from '../schema-types.js';

/** Options every resource function accepts: protocol's per-call bag, defined once there. */
export type { RequestOptions };

/** The per-call options a resource function hands down to the calls it makes, as one bag. */
export const perCall: (options: RequestOptions) => RequestOptions = requestOptionsOf;

/** {@link perCall} without the graph, for calls whose graph is decided elsewhere (or that have none). */
export const abortOf: (options: RequestOptions) => AbortOptions = abortOptionsOf;

export interface CallOptions extends RequestOptions {
  /** Path parameters other than `graph`. */
  params?: Readonly<Record<string, PathValue | undefined>> | undefined;
  searchParams?: SearchParams | undefined;
  json?: unknown;
  body?: string | Uint8Array | Blob | ReadableStream<Uint8Array> | undefined;
  headers?: Record<string, string> | undefined;
  control?: ControlOptions | undefined;
  integers?: IntegerMode | undefined;
  idempotent?: boolean | undefined;
  responseType?: 'json' | 'text' | 'stream' | undefined;
  /** The graph is not part of this call (e.g. `/echo`). */
  noGraph?: boolean | undefined;
}

export interface CallResult<T> extends TransportResponse<T> {
  spec: EndpointSpec;
  line: ServerLine;
  /** The path sent (below the service base URL), for error messages. */
  path: string;
}

/** Sends one endpoint (an export of `@tgraph/protocol/endpoints`). */
export async function call<T = unknown>(
  ctx: ApiContext<SchemaShape>,
  target: EndpointDef,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const line = await ctx.line();
  const spec = specFor(target, line);
  const needsGraph = !options.noGraph && (spec.path.includes('{graph}') || spec.graphParam !== undefined);
  const graph = needsGraph ? graphOf(ctx, options.graph) : undefined;
  // Every request names its graph and line, so auth picks the token scoped to that graph.
  const authGraph = graph ?? options.graph ?? ctx.graph;
  const path = buildPath(spec.path, { ...options.params, graph });
  let searchParams = options.searchParams;
  if (spec.graphParam !== undefined && graph !== undefined) {
    searchParams = withParam(searchParams, spec.graphParam, graph);
  }
  const response = await ctx.transport.request<T>({
    service: spec.service,
    method: spec.method,
    path,
    searchParams,
    json: options.json,
    body: options.body,
    headers: options.headers,
    control: options.control,
    // The per-call bag goes down whole; its graph is the one resolved above.
    ...abortOptionsOf(options),
    integers: options.integers ?? ctx.integers,
    idempotent: options.idempotent ?? spec.idempotent,
    responseType: options.responseType,
    graph: authGraph,
    line,
  });
  return { ...response, spec, line, path };
}

/** Sends one endpoint and checks its reply against `schema`; a mismatch names the endpoint and field. */
export async function callParsed<S extends z.ZodMiniType>(
  ctx: ApiContext<SchemaShape>,
  target: EndpointDef,
  schema: S,
  options: CallOptions = {},
): Promise<z.output<S>> {
  return parseResult(schema, await call(ctx, target, options));
}

/** Checks a call's reply against `schema`; a mismatch names the endpoint and field. */
export function parseResult<S extends z.ZodMiniType>(schema: S, response: CallResult<unknown>): z.output<S> {
  return parseResponse(schema, response.data, {
    endpoint: { method: response.spec.method, path: response.path },
    requestId: response.requestId,
  });
}

function withParam(params: SearchParams | undefined, key: string, value: string): SearchParams {
  if (params === undefined) return { [key]: value };
  if (params instanceof URLSearchParams) {
    const copy = new URLSearchParams(params);
    copy.set(key, value);
    return copy;
  }
  if (Array.isArray(params)) return [...(params as ReadonlyArray<readonly [string, string]>), [key, value]];
  return { ...(params as Record<string, unknown>), [key]: value } as SearchParams;
}
