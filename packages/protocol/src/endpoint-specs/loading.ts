// Loading: posted data, loading jobs and data sources.
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

export const loadData = def('loadData', both(r('POST', '/ddl/{graph}', { body: 'text' })));
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
