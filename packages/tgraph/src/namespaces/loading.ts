// `tg.loading`: loading jobs, data sources and `loadData` (@tgraph/api/loading) bound to the client.
import type { ApiContext } from '@tgraph/api/context';
import type * as loading from '@tgraph/api/loading';
import type { SchemaShape } from '@tgraph/api/schema-types';
import { type BoundModule, bindModule } from './bind.js';
import { lazyModule } from './lazy.js';

const NAMES = [
  'loadData',
  'listLoadingJobs',
  'createLoadingJob',
  'updateLoadingJob',
  'getLoadingJob',
  'dropLoadingJob',
  'startLoadingJob',
  'abortLoadingJobs',
  'resumeLoadingJob',
  'getLoadingJobStatus',
  'listDataSources',
  'getDataSource',
  'createDataSource',
  'updateDataSource',
  'dropDataSource',
  'dropAllDataSources',
  'previewSampleData',
] as const;

/**
 * `tg.loading`: `loadData(job, filename, data, options)` (string, Blob, ReadableStream; streamed,
 * with progress and TigerGraph's statistics), loading-job and data-source management.
 *
 * @example
 * const result = await tg.loading.loadData('load_patients', 'f1', 'id,birth_year\n1,1990\n');
 */
export type LoadingNamespace = BoundModule<typeof loading, (typeof NAMES)[number]>;

export const loadingNamespace = (ctx: ApiContext<SchemaShape>): LoadingNamespace =>
  bindModule(
    ctx,
    lazyModule(() => import('@tgraph/api/loading')),
    NAMES,
  );
