// Every endpoint TigerGraph serves, one export each, per server line (reference §4, §8). One export
// per endpoint (not one table) lets a bundler keep only the endpoints an app calls: import them as
// `import * as endpoints from '@tgraph/protocol/endpoints'`. RESTPP paths are relative to the RESTPP
// base URL (`…:9000` or `…/restpp`); GSQL paths are relative to the GSQL server origin and carry
// their own prefix (`/gsqlserver` on 3.x, `/gsql/v1` on 4.1+). Paths are templates: `{name}`
// placeholders are filled by `buildPath`, which encodes each value as one path segment.

import type { ServiceKind } from './auth-contract.js';

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

/** One endpoint on both server lines; a string instead of a spec says why it does not exist on that line. */
export interface EndpointDef {
  readonly name: string;
  readonly '3': EndpointSpec | string;
  readonly '4': EndpointSpec | string;
}

type Spec = EndpointSpec;
type PerLine = { readonly '3': Spec | string; readonly '4': Spec | string };

// The helpers are marked free of side effects so that bundlers drop the endpoints nobody imports.
/* @__NO_SIDE_EFFECTS__ */
function def(name: string, perLine: PerLine): EndpointDef {
  return { name, ...perLine };
}
/* @__NO_SIDE_EFFECTS__ */
function r(method: HttpMethod, path: string, extra: Partial<Spec> = {}): Spec {
  return { service: 'restpp', method, path, idempotent: method === 'GET', ...extra };
}
/* @__NO_SIDE_EFFECTS__ */
function g(method: HttpMethod, path: string, extra: Partial<Spec> = {}): Spec {
  return { service: 'gsql', method, path, idempotent: method === 'GET', ...extra };
}
/* @__NO_SIDE_EFFECTS__ */
function both(spec: Spec): PerLine {
  return { '3': spec, '4': spec };
}
/* @__NO_SIDE_EFFECTS__ */
function gsqlFile3(statement: string, idempotent = false): Spec {
  return g('POST', '/gsqlserver/gsql/file', { body: 'form', statement, idempotent });
}

// Utilities
export const echo = def('echo', both(r('GET', '/echo')));
export const version = def('version', both(r('GET', '/version')));
export const endpoints = def('endpoints', both(r('GET', '/endpoints/{graph}')));
export const statistics = def('statistics', both(r('GET', '/statistics/{graph}')));
export const ping = def('ping', both(g('GET', '/api/ping')));
// Tokens
export const requestToken = def('requestToken', {
  '3': r('POST', '/requesttoken', { body: 'json' }),
  '4': g('POST', '/gsql/v1/tokens', { body: 'json' }),
});
export const refreshToken = def('refreshToken', {
  '3': r('PUT', '/requesttoken', { body: 'json' }),
  '4': 'TigerGraph 4.1+ cannot refresh tokens (they are JWTs); request a new token with getToken() instead',
});
export const deleteToken = def('deleteToken', {
  '3': r('DELETE', '/requesttoken', { body: 'json', idempotent: true }),
  '4': g('DELETE', '/gsql/v1/tokens', { body: 'json', idempotent: true }),
});
export const checkToken = def('checkToken', {
  '3': 'TigerGraph 3.x has no token check endpoint; send a request with the token instead',
  '4': g('POST', '/gsql/v1/tokens/check', { body: 'json', idempotent: true }),
});
export const simpleAuth = def('simpleAuth', {
  '3': g('GET', '/gsqlserver/gsql/simpleauth'),
  '4': g('GET', '/gsql/v1/auth/simple'),
});
// Secrets (3.x: GSQL statements)
export const listSecrets = def('listSecrets', {
  '3': gsqlFile3('SHOW SECRET', true),
  '4': g('GET', '/gsql/v1/secrets'),
});
export const getSecret = def('getSecret', {
  '3': gsqlFile3('SHOW SECRET', true),
  '4': g('GET', '/gsql/v1/secrets/{alias}'),
});
export const createSecret = def('createSecret', {
  '3': gsqlFile3('CREATE SECRET'),
  '4': g('POST', '/gsql/v1/secrets'),
});
export const dropSecrets = def('dropSecrets', {
  '3': gsqlFile3('DROP SECRET'),
  '4': g('DELETE', '/gsql/v1/secrets', { body: 'json' }),
});
export const dropSecret = def('dropSecret', {
  '3': gsqlFile3('DROP SECRET'),
  '4': g('DELETE', '/gsql/v1/secrets/{alias}'),
});
// GSQL text, schema, UDTs
export const gsqlStatements = def('gsqlStatements', {
  '3': g('POST', '/gsqlserver/gsql/file', { body: 'form' }),
  '4': g('POST', '/gsql/v1/statements', { body: 'text' }),
});
export const schema = def('schema', {
  '3': g('GET', '/gsqlserver/gsql/schema', { graphParam: 'graph' }),
  '4': g('GET', '/gsql/v1/schema/graphs/{graph}'),
});
export const graphs = def('graphs', {
  '3': gsqlFile3('SHOW GRAPH *', true),
  '4': g('GET', '/gsql/v1/schema/graphs'),
});
export const udts = def('udts', {
  '3': g('GET', '/gsqlserver/gsql/udtlist', { graphParam: 'graph' }),
  '4': g('GET', '/gsql/v1/udt/tuples', { graphParam: 'graph' }),
});
// Vertices and edges
export const vertices = def('vertices', both(r('GET', '/graph/{graph}/vertices/{vertexType}')));
export const vertex = def('vertex', both(r('GET', '/graph/{graph}/vertices/{vertexType}/{vertexId}')));
export const deleteVertices = def(
  'deleteVertices',
  both(r('DELETE', '/graph/{graph}/vertices/{vertexType}', { idempotent: true })),
);
export const deleteVertex = def(
  'deleteVertex',
  both(r('DELETE', '/graph/{graph}/vertices/{vertexType}/{vertexId}', { idempotent: true })),
);
export const edges = def('edges', both(r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}')));
export const deleteEdges = def(
  'deleteEdges',
  both(r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}', { idempotent: true })),
);
export const deleteVerticesByType = def(
  'deleteVerticesByType',
  both(r('DELETE', '/graph/{graph}/delete_by_type/vertices/{vertexType}', { idempotent: true })),
);
// Edge paths below the source vertex, one entry per depth (GET and DELETE share each template).
export const edgesOfType = def(
  'edgesOfType',
  both(r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}')),
);
export const edgesToType = def(
  'edgesToType',
  both(r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}')),
);
export const edgesToVertex = def(
  'edgesToVertex',
  both(r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}')),
);
export const edgesByDiscriminator = def(
  'edgesByDiscriminator',
  both(
    r(
      'GET',
      '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}/{discriminator}',
    ),
  ),
);
export const deleteEdgesOfType = def(
  'deleteEdgesOfType',
  both(r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}', { idempotent: true })),
);
export const deleteEdgesToType = def(
  'deleteEdgesToType',
  both(
    r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}', { idempotent: true }),
  ),
);
export const deleteEdgesToVertex = def(
  'deleteEdgesToVertex',
  both(
    r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}', {
      idempotent: true,
    }),
  ),
);
export const deleteEdgesByDiscriminator = def(
  'deleteEdgesByDiscriminator',
  both(
    r(
      'DELETE',
      '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}/{discriminator}',
      { idempotent: true },
    ),
  ),
);
export const upsert = def('upsert', both(r('POST', '/graph/{graph}', { body: 'json' })));
export const builtins = def(
  'builtins',
  both(r('POST', '/builtins/{graph}', { body: 'json', idempotent: true })),
);
export const shortestPath = def(
  'shortestPath',
  both(r('POST', '/shortestpath/{graph}', { body: 'json', idempotent: true })),
);
export const allPaths = def(
  'allPaths',
  both(r('POST', '/allpaths/{graph}', { body: 'json', idempotent: true })),
);
export const loadData = def('loadData', both(r('POST', '/ddl/{graph}', { body: 'text' })));
// Queries
export const runQuery = def('runQuery', both(r('POST', '/query/{graph}/{query}', { body: 'json' })));
export const runQueryGet = def(
  'runQueryGet',
  both(r('GET', '/query/{graph}/{query}', { idempotent: false })),
);
export const queryStatus = def('queryStatus', both(r('GET', '/query_status', { graphParam: 'graph_name' })));
export const queryResult = def('queryResult', both(r('GET', '/query_result')));
export const abortQuery = def('abortQuery', both(r('GET', '/abortquery/{graph}', { idempotent: false })));
export const showProcessList = def('showProcessList', both(r('GET', '/showprocesslist/{graph}')));
// 4.2+ vector index status, at each depth (all graphs, a graph, a vertex type, one vector).
export const vectorStatus = def('vectorStatus', both(r('GET', '/vector/status')));
export const vectorStatusGraph = def('vectorStatusGraph', both(r('GET', '/vector/status/{graph}')));
export const vectorStatusType = def(
  'vectorStatusType',
  both(r('GET', '/vector/status/{graph}/{vertexType}')),
);
export const vectorStatusVector = def(
  'vectorStatusVector',
  both(r('GET', '/vector/status/{graph}/{vertexType}/{vectorName}')),
);
export const rebuildNow = def('rebuildNow', both(r('GET', '/rebuildnow/{graph}', { idempotent: false })));
export const interpretQuery = def('interpretQuery', {
  '3': g('POST', '/gsqlserver/interpreted_query', { body: 'text' }),
  '4': g('POST', '/gsql/v1/queries/interpret', { body: 'text', graphParam: 'graph' }),
});
export const installQueries = def('installQueries', {
  // 3.x: the GSQL statement works on every 3.x release (the REST form exists only from 3.9).
  '3': gsqlFile3('INSTALL QUERY'),
  '4': g('GET', '/gsql/v1/queries/install', { graphParam: 'graph', idempotent: false }),
});
export const queryInfo = def('queryInfo', {
  '3': g('GET', '/gsqlserver/gsql/queryinfo', { graphParam: 'graph' }),
  '4': g('GET', '/gsql/v1/queries/signature', { graphParam: 'graph' }),
});
export const installStatus = def('installStatus', {
  '3': 'on TigerGraph 3.x installQueries() waits for INSTALL QUERY to finish; there is no request to poll',
  '4': g('GET', '/gsql/v1/queries/install/{requestId}'),
});
export const createQuery = def('createQuery', {
  '3': gsqlFile3('CREATE QUERY'),
  '4': g('POST', '/gsql/v1/queries', { body: 'text', graphParam: 'graph' }),
});
export const queryNames = def('queryNames', {
  '3': gsqlFile3('ls', true),
  '4': g('GET', '/gsql/v1/queries', { graphParam: 'graph' }),
});
export const queriesInfo = def('queriesInfo', {
  '3': 'TigerGraph 3.x has no query catalogue endpoint; the catalogue comes from the GSQL ls listing',
  '4': g('GET', '/gsql/v1/queries/info', { graphParam: 'graph' }),
});
export const queryContent = def('queryContent', {
  '3': gsqlFile3('SHOW QUERY', true),
  '4': g('GET', '/gsql/v1/queries/{query}', { graphParam: 'graph' }),
});
export const dropQueries = def('dropQueries', {
  '3': gsqlFile3('DROP QUERY'),
  '4': g('DELETE', '/gsql/v1/queries', { graphParam: 'graph', idempotent: true }),
});
// Query descriptions (§4.13 4.0 form, §4.14): 3.x servers before 4.0 answer 404.
export const queryDescriptions = def('queryDescriptions', {
  '3': g('GET', '/gsqlserver/gsql/description', { graphParam: 'graph' }),
  '4': g('GET', '/gsql/v1/description', { graphParam: 'graph' }),
});
export const setQueryDescriptions = def('setQueryDescriptions', {
  '3': g('PUT', '/gsqlserver/gsql/description', { body: 'json', graphParam: 'graph', idempotent: true }),
  '4': g('PUT', '/gsql/v1/description', { body: 'json', graphParam: 'graph', idempotent: true }),
});
export const dropQueryDescriptions = def('dropQueryDescriptions', {
  '3': g('DELETE', '/gsqlserver/gsql/description', { body: 'json', graphParam: 'graph', idempotent: true }),
  '4': g('DELETE', '/gsql/v1/description', { body: 'json', graphParam: 'graph', idempotent: true }),
});
// Loading jobs and data sources (reference §4.7, §4.13, §4.14)
export const loadingJobs = def('loadingJobs', {
  '3': gsqlFile3('ls', true),
  '4': g('GET', '/gsql/v1/loading-jobs', { graphParam: 'graph' }),
});
export const createLoadingJob = def('createLoadingJob', {
  '3': gsqlFile3('CREATE LOADING JOB'),
  '4': g('POST', '/gsql/v1/loading-jobs', { body: 'text', graphParam: 'graph' }),
});
export const updateLoadingJob = def('updateLoadingJob', {
  '3': 'TigerGraph 3.x cannot replace a loading job in place; drop it (dropLoadingJob) and create it again',
  '4': g('PUT', '/gsql/v1/loading-jobs', { body: 'text', graphParam: 'graph', idempotent: true }),
});
export const loadingJob = def('loadingJob', {
  '3': gsqlFile3('SHOW JOB', true),
  '4': g('GET', '/gsql/v1/loading-jobs/{job}', { graphParam: 'graph' }),
});
export const dropLoadingJob = def('dropLoadingJob', {
  '3': gsqlFile3('DROP JOB'),
  '4': g('DELETE', '/gsql/v1/loading-jobs/{job}', { graphParam: 'graph', idempotent: true }),
});
export const startLoadingJob = def('startLoadingJob', {
  '3': g('POST', '/gsqlserver/gsql/loading-jobs', { body: 'json', graphParam: 'graph' }),
  '4': g('POST', '/gsql/v1/loading-jobs/run', { body: 'json', graphParam: 'graph' }),
});
export const abortLoadingJobs = def('abortLoadingJobs', {
  '3': g('GET', '/gsqlserver/gsql/loading-jobs', { graphParam: 'graph', idempotent: false }),
  '4': g('GET', '/gsql/v1/loading-jobs/abort', { graphParam: 'graph', idempotent: false }),
});
export const resumeLoadingJob = def('resumeLoadingJob', {
  '3': g('GET', '/gsqlserver/gsql/loading-jobs', { graphParam: 'graph', idempotent: false }),
  '4': g('GET', '/gsql/v1/loading-jobs/resume/{jobId}', { idempotent: false }),
});
// 3.x loading-job control: one endpoint, `action=start|pause|resume|stop|getprogress` (§4.13).
export const loadingJobStatus = def('loadingJobStatus', {
  '3': g('GET', '/gsqlserver/gsql/loading-jobs', { graphParam: 'graph' }),
  '4': g('GET', '/gsql/v1/loading-jobs/status', { graphParam: 'graph' }),
});
export const dataSources = def('dataSources', {
  '3': 'TigerGraph 3.x manages data sources with GSQL (SHOW DATA_SOURCE *); use gsql()',
  '4': g('GET', '/gsql/v1/data-sources'),
});
export const dataSource = def('dataSource', {
  '3': 'TigerGraph 3.x manages data sources with GSQL (SHOW DATA_SOURCE); use gsql()',
  '4': g('GET', '/gsql/v1/data-sources/{name}'),
});
export const createDataSource = def('createDataSource', {
  '3': 'TigerGraph 3.x manages data sources with GSQL (CREATE DATA_SOURCE); use gsql()',
  '4': g('POST', '/gsql/v1/data-sources', { body: 'json' }),
});
export const updateDataSource = def('updateDataSource', {
  '3': 'TigerGraph 3.x manages data sources with GSQL (DROP then CREATE DATA_SOURCE); use gsql()',
  '4': g('PUT', '/gsql/v1/data-sources', { body: 'json', idempotent: true }),
});
export const dropDataSource = def('dropDataSource', {
  '3': 'TigerGraph 3.x manages data sources with GSQL (DROP DATA_SOURCE); use gsql()',
  '4': g('DELETE', '/gsql/v1/data-sources/{name}', { idempotent: true }),
});
export const dropAllDataSources = def('dropAllDataSources', {
  '3': 'TigerGraph 3.x manages data sources with GSQL (DROP DATA_SOURCE *); use gsql()',
  '4': g('DELETE', '/gsql/v1/data-sources/dropAll', { idempotent: true }),
});
export const grantDataSource = def('grantDataSource', {
  '3': 'TigerGraph 3.x grants data sources with GSQL (GRANT DATA_SOURCE); use gsql()',
  '4': g('POST', '/gsql/v1/data-sources/grant', { body: 'json', idempotent: true }),
});
export const revokeDataSource = def('revokeDataSource', {
  '3': 'TigerGraph 3.x revokes data sources with GSQL (REVOKE DATA_SOURCE); use gsql()',
  '4': g('POST', '/gsql/v1/data-sources/revoke', { body: 'json', idempotent: true }),
});
export const sampleData = def('sampleData', {
  '3': 'TigerGraph 3.x has no sample-data endpoint',
  '4': g('POST', '/gsql/v1/sample-data', { body: 'json', idempotent: true }),
});
// Schema, GSQL-server utilities and system endpoints (api: schema, gsql, udts, system)
export const createGraph = def('createGraph', {
  '3': gsqlFile3('CREATE GRAPH'),
  '4': g('POST', '/gsql/v1/schema/graphs', { body: 'json' }),
});
export const dropGraph = def('dropGraph', {
  '3': gsqlFile3('DROP GRAPH'),
  '4': g('DELETE', '/gsql/v1/schema/graphs/{graphName}', { idempotent: true }),
});
export const schemaChange = def('schemaChange', {
  '3': 'JSON schema changes need TigerGraph 4.1+; pass GSQL statements (ADD VERTEX …) instead',
  '4': g('POST', '/gsql/v1/schema/change', { body: 'json' }),
});
export const createGlobalVertices = def('createGlobalVertices', {
  '3': gsqlFile3('CREATE VERTEX'),
  '4': g('POST', '/gsql/v1/schema/vertices', { body: 'json' }),
});
export const dropGlobalVertices = def('dropGlobalVertices', {
  '3': gsqlFile3('DROP VERTEX'),
  '4': g('DELETE', '/gsql/v1/schema/vertices', { idempotent: true }),
});
export const recoverCatalog = def('recoverCatalog', {
  '3': 'TigerGraph 3.x has no catalog recovery endpoint (it arrived with /gsql/v1 in 4.1)',
  '4': g('POST', '/gsql/v1/schema/recover', { idempotent: true }),
});
export const schemaCheck = def('schemaCheck', {
  '3': 'TigerGraph 3.x has no schema check endpoint (it arrived with /gsql/v1 in 4.1)',
  '4': g('POST', '/gsql/v1/schema/check', { idempotent: true }),
});
export const udt = def('udt', {
  '3': 'TigerGraph 3.x serves UDTs only as a list (/gsqlserver/gsql/udtlist); pick one from it',
  '4': g('GET', '/gsql/v1/udt/tuples/{udt}'),
});
export const getUdf = def('getUdf', {
  '3': g('GET', '/gsqlserver/gsql/userdefinedfunction'),
  '4': g('GET', '/gsql/v1/udt/files/{file}'),
});
export const putUdf = def('putUdf', {
  '3': g('PUT', '/gsqlserver/gsql/userdefinedfunction', { body: 'text', idempotent: true }),
  '4': g('PUT', '/gsql/v1/udt/files/{file}', { body: 'text', idempotent: true }),
});
export const gsqlVersion = def('gsqlVersion', {
  '3': g('GET', '/gsqlserver/gsql/version'),
  '4': g('GET', '/gsql/v1/version'),
});
export const echoPost = def('echoPost', both(r('POST', '/echo', { idempotent: true })));
export const licenseInfo = def('licenseInfo', both(r('GET', '/showlicenseinfo')));
export const systemMetrics = def('systemMetrics', {
  '3': g('GET', '/ts3/api/datapoints'),
  '4': g('POST', '/informant/metrics/get/{what}', { body: 'json', idempotent: true }),
});
export const serviceStatus = def(
  'serviceStatus',
  both(g('POST', '/informant/current-service-status', { body: 'json', idempotent: true })),
);
export const clearStore = def('clearStore', {
  '3': g('GET', '/gsqlserver/gsql/clear-store', { idempotent: false }),
  '4': g('GET', '/gsql/v1/clear-store', { idempotent: false }),
});
export const dropAll = def('dropAll', {
  '3': gsqlFile3('DROP ALL'),
  '4': g('GET', '/gsql/v1/drop-all', { idempotent: false }),
});
export const exportDatabase = def('exportDatabase', {
  '3': 'database export over REST needs TigerGraph 4.1+; run the GSQL statement EXPORT GRAPH ALL instead',
  '4': g('POST', '/gsql/v1/db-export', { body: 'json' }),
});
export const importDatabase = def('importDatabase', {
  '3': 'database import over REST needs TigerGraph 4.1+; run the GSQL statement IMPORT GRAPH ALL instead',
  '4': g('POST', '/gsql/v1/db-import', { body: 'json' }),
});
