// Queries: running, status, vector index status, installing, managing, descriptions.
// Part of the endpoint catalogue (`endpoint-specs.ts`); one file per resource, so a chunk that
// loads one api module holds only its endpoints.

import type { EndpointDef, HttpMethod, PerLine, Spec } from './define.js';

// Marked free of side effects so bundlers drop unused endpoints; declared here, not imported,
// because esbuild honours the mark only within one file (see define.ts).
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
