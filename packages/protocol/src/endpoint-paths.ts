// Building endpoint paths (and, re-exported, picking an endpoint's spec for a server line) without
// the endpoint catalogue: the transport, auth and the facade's first chunk import these through
// `@tgraph/protocol/paths` and so never reach the whole catalogue (see BENCHMARKS.md).

import { ValidationError } from './errors.js';

export type { EndpointDef, EndpointSpec, HttpMethod } from './endpoint-specs/define.js';
export { specFor } from './spec-for.js';

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
