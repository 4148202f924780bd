// Loading: run a loading job on posted data (streamed or chunked, with progress and typed
// statistics), and manage loading jobs and data sources.
export * from './loading/data-sources.js';
export * from './loading/jobs.js';
export * from './loading/load-data.js';
export type { LoadDataSource } from './loading/source.js';
export type { LoadingStats, ObjectLoadStats } from './loading/stats.js';
