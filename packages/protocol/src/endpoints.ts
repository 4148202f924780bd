// Endpoint paths as data, per server line (reference §4, §8). RESTPP paths are relative to the
// RESTPP base URL (`…:9000` or `…/restpp`); GSQL paths are relative to the GSQL server origin and
// carry their own prefix (`/gsqlserver` on 3.x, `/gsql/v1` on 4.1+). Paths are templates: `{name}`
// placeholders are filled by `buildPath`, which encodes each value as one path segment.

import type { ServerLine, ServiceKind } from './auth-contract.js';
import { TigerGraphError, ValidationError } from './errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** How to call one endpoint on one server line. */
export interface EndpointSpec {
  service: ServiceKind;
  method: HttpMethod;
  /** Template below the service base URL, e.g. `/graph/{graph}/vertices/{vertexType}`. */
  path: string;
  /** Safe to send twice (reads, and writes that are idempotent by nature); decides retries. */
  idempotent: boolean;
  /** Body encoding: JSON, plain text (GSQL), or URL-encoded form (3.x `/gsql/file`). */
  body?: 'json' | 'text' | 'form' | undefined;
  /** Query parameter that carries the graph name, when the graph is not in the path. */
  graphParam?: string | undefined;
  /** 3.x only: the operation is a GSQL statement sent to `path` (e.g. `CREATE SECRET`). */
  statement?: string | undefined;
}

type Spec = EndpointSpec;
type PerLine = { readonly '3': Spec | string; readonly '4': Spec | string };

const r = (method: HttpMethod, path: string, extra: Partial<Spec> = {}): Spec => ({
  service: 'restpp',
  method,
  path,
  idempotent: method === 'GET',
  ...extra,
});
const g = (method: HttpMethod, path: string, extra: Partial<Spec> = {}): Spec => ({
  service: 'gsql',
  method,
  path,
  idempotent: method === 'GET',
  ...extra,
});
const both = (spec: Spec): PerLine => ({ '3': spec, '4': spec });
const gsqlFile3 = (statement: string, idempotent = false): Spec =>
  g('POST', '/gsqlserver/gsql/file', { body: 'form', statement, idempotent });

// A string instead of a spec says why the endpoint does not exist on that line.
const ENDPOINTS = {
  // Utilities
  echo: both(r('GET', '/echo')),
  version: both(r('GET', '/version')),
  endpoints: both(r('GET', '/endpoints/{graph}')),
  statistics: both(r('GET', '/statistics/{graph}')),
  ping: both(g('GET', '/api/ping')),
  // Tokens
  requestToken: {
    '3': r('POST', '/requesttoken', { body: 'json' }),
    '4': g('POST', '/gsql/v1/tokens', { body: 'json' }),
  },
  refreshToken: {
    '3': r('PUT', '/requesttoken', { body: 'json' }),
    '4': 'TigerGraph 4.1+ cannot refresh tokens (they are JWTs); request a new token with getToken() instead',
  },
  deleteToken: {
    '3': r('DELETE', '/requesttoken', { body: 'json', idempotent: true }),
    '4': g('DELETE', '/gsql/v1/tokens', { body: 'json', idempotent: true }),
  },
  checkToken: {
    '3': 'TigerGraph 3.x has no token check endpoint; send a request with the token instead',
    '4': g('POST', '/gsql/v1/tokens/check', { body: 'json', idempotent: true }),
  },
  simpleAuth: {
    '3': g('GET', '/gsqlserver/gsql/simpleauth'),
    '4': g('GET', '/gsql/v1/auth/simple'),
  },
  // Secrets (3.x: GSQL statements)
  listSecrets: { '3': gsqlFile3('SHOW SECRET', true), '4': g('GET', '/gsql/v1/secrets') },
  getSecret: { '3': gsqlFile3('SHOW SECRET', true), '4': g('GET', '/gsql/v1/secrets/{alias}') },
  createSecret: { '3': gsqlFile3('CREATE SECRET'), '4': g('POST', '/gsql/v1/secrets') },
  dropSecrets: { '3': gsqlFile3('DROP SECRET'), '4': g('DELETE', '/gsql/v1/secrets', { body: 'json' }) },
  dropSecret: { '3': gsqlFile3('DROP SECRET'), '4': g('DELETE', '/gsql/v1/secrets/{alias}') },
  // GSQL text, schema, UDTs
  gsqlStatements: {
    '3': g('POST', '/gsqlserver/gsql/file', { body: 'form' }),
    '4': g('POST', '/gsql/v1/statements', { body: 'text' }),
  },
  schema: {
    '3': g('GET', '/gsqlserver/gsql/schema', { graphParam: 'graph' }),
    '4': g('GET', '/gsql/v1/schema/graphs/{graph}'),
  },
  graphs: {
    '3': gsqlFile3('SHOW GRAPH *', true),
    '4': g('GET', '/gsql/v1/schema/graphs'),
  },
  udts: {
    '3': g('GET', '/gsqlserver/gsql/udtlist', { graphParam: 'graph' }),
    '4': g('GET', '/gsql/v1/udt/tuples', { graphParam: 'graph' }),
  },
  // Vertices and edges
  vertices: both(r('GET', '/graph/{graph}/vertices/{vertexType}')),
  vertex: both(r('GET', '/graph/{graph}/vertices/{vertexType}/{vertexId}')),
  deleteVertices: both(r('DELETE', '/graph/{graph}/vertices/{vertexType}', { idempotent: true })),
  deleteVertex: both(r('DELETE', '/graph/{graph}/vertices/{vertexType}/{vertexId}', { idempotent: true })),
  edges: both(r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}')),
  deleteEdges: both(r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}', { idempotent: true })),
  deleteVerticesByType: both(
    r('DELETE', '/graph/{graph}/delete_by_type/vertices/{vertexType}', { idempotent: true }),
  ),
  // Edge paths below the source vertex, one entry per depth (GET and DELETE share each template).
  edgesOfType: both(r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}')),
  edgesToType: both(r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}')),
  edgesToVertex: both(
    r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}'),
  ),
  edgesByDiscriminator: both(
    r(
      'GET',
      '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}/{discriminator}',
    ),
  ),
  deleteEdgesOfType: both(
    r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}', { idempotent: true }),
  ),
  deleteEdgesToType: both(
    r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}', { idempotent: true }),
  ),
  deleteEdgesToVertex: both(
    r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}', {
      idempotent: true,
    }),
  ),
  deleteEdgesByDiscriminator: both(
    r(
      'DELETE',
      '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}/{discriminator}',
      { idempotent: true },
    ),
  ),
  upsert: both(r('POST', '/graph/{graph}', { body: 'json' })),
  builtins: both(r('POST', '/builtins/{graph}', { body: 'json', idempotent: true })),
  shortestPath: both(r('POST', '/shortestpath/{graph}', { body: 'json', idempotent: true })),
  allPaths: both(r('POST', '/allpaths/{graph}', { body: 'json', idempotent: true })),
  loadData: both(r('POST', '/ddl/{graph}', { body: 'text' })),
  // Queries
  runQuery: both(r('POST', '/query/{graph}/{query}', { body: 'json' })),
  runQueryGet: both(r('GET', '/query/{graph}/{query}', { idempotent: false })),
  queryStatus: both(r('GET', '/query_status', { graphParam: 'graph_name' })),
  queryResult: both(r('GET', '/query_result')),
  abortQuery: both(r('GET', '/abortquery/{graph}', { idempotent: false })),
  showProcessList: both(r('GET', '/showprocesslist/{graph}')),
  // 4.2+ vector index status, at each depth (all graphs, a graph, a vertex type, one vector).
  vectorStatus: both(r('GET', '/vector/status')),
  vectorStatusGraph: both(r('GET', '/vector/status/{graph}')),
  vectorStatusType: both(r('GET', '/vector/status/{graph}/{vertexType}')),
  vectorStatusVector: both(r('GET', '/vector/status/{graph}/{vertexType}/{vectorName}')),
  rebuildNow: both(r('GET', '/rebuildnow/{graph}', { idempotent: false })),
  interpretQuery: {
    '3': g('POST', '/gsqlserver/interpreted_query', { body: 'text' }),
    '4': g('POST', '/gsql/v1/queries/interpret', { body: 'text', graphParam: 'graph' }),
  },
  installQueries: {
    // 3.x: the GSQL statement works on every 3.x release (the REST form exists only from 3.9).
    '3': gsqlFile3('INSTALL QUERY'),
    '4': g('GET', '/gsql/v1/queries/install', { graphParam: 'graph', idempotent: false }),
  },
  queryInfo: {
    '3': g('GET', '/gsqlserver/gsql/queryinfo', { graphParam: 'graph' }),
    '4': g('GET', '/gsql/v1/queries/signature', { graphParam: 'graph' }),
  },
  installStatus: {
    '3': 'on TigerGraph 3.x installQueries() waits for INSTALL QUERY to finish; there is no request to poll',
    '4': g('GET', '/gsql/v1/queries/install/{requestId}'),
  },
  createQuery: {
    '3': gsqlFile3('CREATE QUERY'),
    '4': g('POST', '/gsql/v1/queries', { body: 'text', graphParam: 'graph' }),
  },
  queryNames: {
    '3': gsqlFile3('ls', true),
    '4': g('GET', '/gsql/v1/queries', { graphParam: 'graph' }),
  },
  queriesInfo: {
    '3': 'TigerGraph 3.x has no query catalogue endpoint; the catalogue comes from the GSQL ls listing',
    '4': g('GET', '/gsql/v1/queries/info', { graphParam: 'graph' }),
  },
  queryContent: {
    '3': gsqlFile3('SHOW QUERY', true),
    '4': g('GET', '/gsql/v1/queries/{query}', { graphParam: 'graph' }),
  },
  dropQueries: {
    '3': gsqlFile3('DROP QUERY'),
    '4': g('DELETE', '/gsql/v1/queries', { graphParam: 'graph', idempotent: true }),
  },
  // Query descriptions (§4.13 4.0 form, §4.14): 3.x servers before 4.0 answer 404.
  queryDescriptions: {
    '3': g('GET', '/gsqlserver/gsql/description', { graphParam: 'graph' }),
    '4': g('GET', '/gsql/v1/description', { graphParam: 'graph' }),
  },
  setQueryDescriptions: {
    '3': g('PUT', '/gsqlserver/gsql/description', { body: 'json', graphParam: 'graph', idempotent: true }),
    '4': g('PUT', '/gsql/v1/description', { body: 'json', graphParam: 'graph', idempotent: true }),
  },
  dropQueryDescriptions: {
    '3': g('DELETE', '/gsqlserver/gsql/description', { body: 'json', graphParam: 'graph', idempotent: true }),
    '4': g('DELETE', '/gsql/v1/description', { body: 'json', graphParam: 'graph', idempotent: true }),
  },
  // Loading jobs and data sources (reference §4.7, §4.13, §4.14)
  loadingJobs: {
    '3': gsqlFile3('ls', true),
    '4': g('GET', '/gsql/v1/loading-jobs', { graphParam: 'graph' }),
  },
  createLoadingJob: {
    '3': gsqlFile3('CREATE LOADING JOB'),
    '4': g('POST', '/gsql/v1/loading-jobs', { body: 'text', graphParam: 'graph' }),
  },
  updateLoadingJob: {
    '3': 'TigerGraph 3.x cannot replace a loading job in place; drop it (dropLoadingJob) and create it again',
    '4': g('PUT', '/gsql/v1/loading-jobs', { body: 'text', graphParam: 'graph', idempotent: true }),
  },
  loadingJob: {
    '3': gsqlFile3('SHOW JOB', true),
    '4': g('GET', '/gsql/v1/loading-jobs/{job}', { graphParam: 'graph' }),
  },
  dropLoadingJob: {
    '3': gsqlFile3('DROP JOB'),
    '4': g('DELETE', '/gsql/v1/loading-jobs/{job}', { graphParam: 'graph', idempotent: true }),
  },
  startLoadingJob: {
    '3': g('POST', '/gsqlserver/gsql/loading-jobs', { body: 'json', graphParam: 'graph' }),
    '4': g('POST', '/gsql/v1/loading-jobs/run', { body: 'json', graphParam: 'graph' }),
  },
  abortLoadingJobs: {
    '3': g('GET', '/gsqlserver/gsql/loading-jobs', { graphParam: 'graph', idempotent: false }),
    '4': g('GET', '/gsql/v1/loading-jobs/abort', { graphParam: 'graph', idempotent: false }),
  },
  resumeLoadingJob: {
    '3': g('GET', '/gsqlserver/gsql/loading-jobs', { graphParam: 'graph', idempotent: false }),
    '4': g('GET', '/gsql/v1/loading-jobs/resume/{jobId}', { idempotent: false }),
  },
  // 3.x loading-job control: one endpoint, `action=start|pause|resume|stop|getprogress` (§4.13).
  loadingJobStatus: {
    '3': g('GET', '/gsqlserver/gsql/loading-jobs', { graphParam: 'graph' }),
    '4': g('GET', '/gsql/v1/loading-jobs/status', { graphParam: 'graph' }),
  },
  dataSources: {
    '3': 'TigerGraph 3.x manages data sources with GSQL (SHOW DATA_SOURCE *); use gsql()',
    '4': g('GET', '/gsql/v1/data-sources'),
  },
  dataSource: {
    '3': 'TigerGraph 3.x manages data sources with GSQL (SHOW DATA_SOURCE); use gsql()',
    '4': g('GET', '/gsql/v1/data-sources/{name}'),
  },
  createDataSource: {
    '3': 'TigerGraph 3.x manages data sources with GSQL (CREATE DATA_SOURCE); use gsql()',
    '4': g('POST', '/gsql/v1/data-sources', { body: 'json' }),
  },
  updateDataSource: {
    '3': 'TigerGraph 3.x manages data sources with GSQL (DROP then CREATE DATA_SOURCE); use gsql()',
    '4': g('PUT', '/gsql/v1/data-sources', { body: 'json', idempotent: true }),
  },
  dropDataSource: {
    '3': 'TigerGraph 3.x manages data sources with GSQL (DROP DATA_SOURCE); use gsql()',
    '4': g('DELETE', '/gsql/v1/data-sources/{name}', { idempotent: true }),
  },
  dropAllDataSources: {
    '3': 'TigerGraph 3.x manages data sources with GSQL (DROP DATA_SOURCE *); use gsql()',
    '4': g('DELETE', '/gsql/v1/data-sources/dropAll', { idempotent: true }),
  },
  grantDataSource: {
    '3': 'TigerGraph 3.x grants data sources with GSQL (GRANT DATA_SOURCE); use gsql()',
    '4': g('POST', '/gsql/v1/data-sources/grant', { body: 'json', idempotent: true }),
  },
  revokeDataSource: {
    '3': 'TigerGraph 3.x revokes data sources with GSQL (REVOKE DATA_SOURCE); use gsql()',
    '4': g('POST', '/gsql/v1/data-sources/revoke', { body: 'json', idempotent: true }),
  },
  sampleData: {
    '3': 'TigerGraph 3.x has no sample-data endpoint',
    '4': g('POST', '/gsql/v1/sample-data', { body: 'json', idempotent: true }),
  },
  // Schema, GSQL-server utilities and system endpoints (api: schema, gsql, udts, system)
  createGraph: {
    '3': gsqlFile3('CREATE GRAPH'),
    '4': g('POST', '/gsql/v1/schema/graphs', { body: 'json' }),
  },
  dropGraph: {
    '3': gsqlFile3('DROP GRAPH'),
    '4': g('DELETE', '/gsql/v1/schema/graphs/{graphName}', { idempotent: true }),
  },
  schemaChange: {
    '3': 'JSON schema changes need TigerGraph 4.1+; pass GSQL statements (ADD VERTEX …) instead',
    '4': g('POST', '/gsql/v1/schema/change', { body: 'json' }),
  },
  createGlobalVertices: {
    '3': gsqlFile3('CREATE VERTEX'),
    '4': g('POST', '/gsql/v1/schema/vertices', { body: 'json' }),
  },
  dropGlobalVertices: {
    '3': gsqlFile3('DROP VERTEX'),
    '4': g('DELETE', '/gsql/v1/schema/vertices', { idempotent: true }),
  },
  recoverCatalog: {
    '3': 'TigerGraph 3.x has no catalog recovery endpoint (it arrived with /gsql/v1 in 4.1)',
    '4': g('POST', '/gsql/v1/schema/recover', { idempotent: true }),
  },
  schemaCheck: {
    '3': 'TigerGraph 3.x has no schema check endpoint (it arrived with /gsql/v1 in 4.1)',
    '4': g('POST', '/gsql/v1/schema/check', { idempotent: true }),
  },
  udt: {
    '3': 'TigerGraph 3.x serves UDTs only as a list (/gsqlserver/gsql/udtlist); pick one from it',
    '4': g('GET', '/gsql/v1/udt/tuples/{udt}'),
  },
  getUdf: {
    '3': g('GET', '/gsqlserver/gsql/userdefinedfunction'),
    '4': g('GET', '/gsql/v1/udt/files/{file}'),
  },
  putUdf: {
    '3': g('PUT', '/gsqlserver/gsql/userdefinedfunction', { body: 'text', idempotent: true }),
    '4': g('PUT', '/gsql/v1/udt/files/{file}', { body: 'text', idempotent: true }),
  },
  gsqlVersion: {
    '3': g('GET', '/gsqlserver/gsql/version'),
    '4': g('GET', '/gsql/v1/version'),
  },
  echoPost: both(r('POST', '/echo', { idempotent: true })),
  licenseInfo: both(r('GET', '/showlicenseinfo')),
  systemMetrics: {
    '3': g('GET', '/ts3/api/datapoints'),
    '4': g('POST', '/informant/metrics/get/{what}', { body: 'json', idempotent: true }),
  },
  serviceStatus: both(g('POST', '/informant/current-service-status', { body: 'json', idempotent: true })),
  clearStore: {
    '3': g('GET', '/gsqlserver/gsql/clear-store', { idempotent: false }),
    '4': g('GET', '/gsql/v1/clear-store', { idempotent: false }),
  },
  dropAll: {
    '3': gsqlFile3('DROP ALL'),
    '4': g('GET', '/gsql/v1/drop-all', { idempotent: false }),
  },
  exportDatabase: {
    '3': 'database export over REST needs TigerGraph 4.1+; run the GSQL statement EXPORT GRAPH ALL instead',
    '4': g('POST', '/gsql/v1/db-export', { body: 'json' }),
  },
  importDatabase: {
    '3': 'database import over REST needs TigerGraph 4.1+; run the GSQL statement IMPORT GRAPH ALL instead',
    '4': g('POST', '/gsql/v1/db-import', { body: 'json' }),
  },
} as const satisfies Record<string, PerLine>;

/** Names of the catalogued endpoints. */
export type EndpointName = keyof typeof ENDPOINTS;

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
  const perLine: PerLine | undefined = ENDPOINTS[name];
  if (perLine === undefined) throw new ValidationError(`Unknown endpoint name '${String(name)}'`);
  const spec = perLine[line];
  if (typeof spec === 'string') {
    throw new TigerGraphError(
      `${String(name)} is not available on TigerGraph ${line === '4' ? '4.1+' : '3.x / 4.0'}: ${spec}.`,
      {
        code: 'TG-UNSUPPORTED',
      },
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
