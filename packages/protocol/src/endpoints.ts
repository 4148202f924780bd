// Looking endpoints up by name and server line, and building their paths. The endpoints themselves
// are data in `endpoint-specs.ts` (one export each, so bundles keep only those an app calls).

import type { ServerLine } from './auth-contract.js';
import type { EndpointDef, EndpointSpec } from './endpoint-specs.js';
import * as specs from './endpoint-specs.js';
import { TigerGraphError, ValidationError } from './errors.js';

export type { EndpointDef, EndpointSpec, HttpMethod } from './endpoint-specs.js';

/** Names of the catalogued endpoints. */
export type EndpointName = keyof typeof specs;

const ENDPOINTS: Readonly<Record<EndpointName, EndpointDef>> = specs;

/** Every endpoint name. */
export function endpointNames(): EndpointName[] {
  return Object.keys(ENDPOINTS) as EndpointName[];
}

/** True when `name` exists on `line` (e.g. `refreshToken` is 3.x only). */
export function hasEndpoint(name: EndpointName, line: ServerLine): boolean {
  return typeof ENDPOINTS[name][line] !== 'string';
}

/**
 * How to call `name` on `line`. Throws `TigerGraphError` (code `TG-UNSUPPORTED`) with the reason
 * when the endpoint does not exist on that line.
 *
 * @example
 * endpoint('requestToken', '3'); // { service: 'restpp', method: 'POST', path: '/requesttoken', … }
 * endpoint('requestToken', '4'); // { service: 'gsql', method: 'POST', path: '/gsql/v1/tokens', … }
 * endpoint('refreshToken', '4'); // throws: TigerGraph 4.1+ cannot refresh tokens …
 */
export function endpoint(name: EndpointName, line: ServerLine): EndpointSpec {
  const found: EndpointDef | undefined = ENDPOINTS[name];
  if (found === undefined) throw new ValidationError(`Unknown endpoint name '${String(name)}'`);
  return specFor(found, line);
}

/**
 * How to call one endpoint (an export of `@tgraph/protocol/endpoints`) on `line`. Throws
 * `TigerGraphError` (code `TG-UNSUPPORTED`) with the reason when it does not exist on that line.
 *
 * @example
 * import * as endpoints from '@tgraph/protocol/endpoints';
 * specFor(endpoints.requestToken, '4'); // { service: 'gsql', method: 'POST', path: '/gsql/v1/tokens', … }
 */
export function specFor(found: EndpointDef, line: ServerLine): EndpointSpec {
  const spec = found[line];
  if (typeof spec === 'string') {
    throw new TigerGraphError(
      `${found.name} is not available on TigerGraph ${line === '4' ? '4.1+' : '3.x / 4.0'}: ${spec}.`,
      { code: 'TG-UNSUPPORTED' },
    );
  }
  return spec;
}

/** A value that may be placed in one path segment. */
export type PathValue = string | number | bigint;

/**
 * Encodes one path segment with `encodeURIComponent` (so `/ ? # % +`, spaces and non-ASCII are
 * escaped). Empty values and `.`/`..` are refused: URL parsers treat `.`/`..` (even `%2E%2E`) as
 * directory moves, so such ids cannot travel in a path.
 *
 * @example
 * encodeSegment('a/b c'); // 'a%2Fb%20c'
 */
export function encodeSegment(value: PathValue, name = 'path segment'): string {
  const text = String(value);
  if (text === '') throw new ValidationError(`${name} must not be empty`, { field: name });
  if (text === '.' || text === '..') {
    throw new ValidationError(
      `${name} '${text}' cannot be sent in a URL path (URL parsers treat it as a directory move); reach such a vertex with a GSQL query instead`,
      { field: name },
    );
  }
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    // encodeURIComponent would throw a bare URIError: say what is wrong and how to fix it.
    const unit = lone[0].charCodeAt(0).toString(16).toUpperCase();
    throw new ValidationError(
      `${name} holds a lone UTF-16 surrogate (\\u${unit} at index ${lone.index}), which has no UTF-8 form and cannot be sent; fix the string (text.toWellFormed() replaces it with U+FFFD)`,
      { field: name },
    );
  }
  return encodeURIComponent(text);
}

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Fills a path template; each `{name}` becomes one encoded segment.
 *
 * @example
 * buildPath('/graph/{graph}/vertices/{vertexType}/{vertexId}', { graph: 'G', vertexType: 'Person', vertexId: 'a/b' });
 * // '/graph/G/vertices/Person/a%2Fb'
 */
export function buildPath(
  template: string,
  params: Readonly<Record<string, PathValue | undefined>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const value = params[key];
    if (value === undefined) {
      throw new ValidationError(
        key === 'graph'
          ? 'A graph name is required: set options.graph or pass the graph explicitly'
          : `Missing path parameter '${key}' for ${template}`,
        { field: key },
      );
    }
    return encodeSegment(value, key);
  });
}

/**
 * `/graph/{graph}/vertices/{type}[/{id}]` with every segment encoded.
 *
 * @example
 * vertexPath('MyGraph', 'Patient', 'id/1 #2'); // '/graph/MyGraph/vertices/Patient/id%2F1%20%232'
 */
export function vertexPath(graph: string, vertexType: string, vertexId?: PathValue): string {
  const base = `/graph/${encodeSegment(graph, 'graph')}/vertices/${encodeSegment(vertexType, 'vertexType')}`;
  return vertexId === undefined ? base : `${base}/${encodeSegment(vertexId, 'vertexId')}`;
}

/** Selects edges from one source vertex; later parts need the earlier ones (edgeType defaults to `_`, any). */
export interface EdgeSelector {
  sourceType: string;
  sourceId: PathValue;
  /** Edge type, or `_` for any. */
  edgeType?: string | undefined;
  targetType?: string | undefined;
  targetId?: PathValue | undefined;
  /** Discriminator attribute values of a multi-edge, in schema order. */
  discriminator?: readonly PathValue[] | undefined;
}

/**
 * `/graph/{graph}/edges/{sourceType}/{sourceId}[/{edgeType}[/{targetType}[/{targetId}[/{discriminator}]]]]`.
 *
 * @example
 * edgePath('G', { sourceType: 'Person', sourceId: 'a b', edgeType: 'knows' }); // '/graph/G/edges/Person/a%20b/knows'
 */
export function edgePath(graph: string, edge: EdgeSelector): string {
  const parts = [
    'graph',
    encodeSegment(graph, 'graph'),
    'edges',
    encodeSegment(edge.sourceType, 'sourceType'),
    encodeSegment(edge.sourceId, 'sourceId'),
  ];
  const needsEdgeType =
    edge.targetType !== undefined || edge.targetId !== undefined || edge.discriminator !== undefined;
  if (edge.edgeType !== undefined || needsEdgeType)
    parts.push(encodeSegment(edge.edgeType ?? '_', 'edgeType'));
  if (edge.targetId !== undefined && edge.targetType === undefined) {
    throw new ValidationError('An edge targetId needs its targetType', { field: 'targetType' });
  }
  if (edge.discriminator !== undefined && edge.targetId === undefined) {
    throw new ValidationError('An edge discriminator needs targetType and targetId', { field: 'targetId' });
  }
  if (edge.targetType !== undefined) parts.push(encodeSegment(edge.targetType, 'targetType'));
  if (edge.targetId !== undefined) parts.push(encodeSegment(edge.targetId, 'targetId'));
  if (edge.discriminator !== undefined)
    parts.push(encodeSegment(discriminatorSegment(edge.discriminator), 'discriminator'));
  return `/${parts.join('/')}`;
}

/**
 * Joins discriminator values with `,`, escaping `\` and `,` with a backslash (RESTPP's rule).
 *
 * @example
 * discriminatorSegment([77, 'a,b', '2010-04-09 03:57:01']); // '77,a\\,b,2010-04-09 03:57:01'
 */
export function discriminatorSegment(values: readonly PathValue[]): string {
  return values.map((v) => String(v).replace(/[\\,]/g, (c) => `\\${c}`)).join(',');
}

/**
 * The REST id of a composite-key vertex: key values joined with `,` in schema order.
 *
 * @example
 * compositeVertexId(['Tom', 456]); // 'Tom,456'
 */
export function compositeVertexId(values: readonly PathValue[]): string {
  return values.map(String).join(',');
}

/**
 * `/query/{graph}/{query}`.
 *
 * @example
 * queryPath('social', 'print_params'); // '/query/social/print_params'
 */
export function queryPath(graph: string, query: string): string {
  return `/query/${encodeSegment(graph, 'graph')}/${encodeSegment(query, 'query')}`;
}
