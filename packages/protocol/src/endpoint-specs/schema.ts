// Schema, graphs, UDTs, GSQL-server utilities and system endpoints.
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

// Schema, UDTs
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
