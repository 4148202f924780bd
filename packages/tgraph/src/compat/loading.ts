// pyTigerGraph's pyTigerGraphLoading: loading jobs, data sources and file loads.
import * as loading from '@tgraph/api/loading';
import { ConnectionBase } from './base.js';

/** The loading methods of `TigerGraphConnection`. */
export class LoadingMethods extends ConnectionBase {
  /** `runLoadingJobWithData(data, fileTag, jobName, sep, eol, timeout, sizeLimit)`. */
  runLoadingJobWithData(
    data: Parameters<typeof loading.loadData>[3],
    fileTag: string,
    jobName: string,
    sep?: string,
    eol?: string,
    timeout?: number,
    sizeLimit?: number,
  ) {
    return loading.loadData(
      this.ctx,
      jobName,
      fileTag,
      data,
      this.g({ separator: sep, eol, gsqlTimeoutMs: timeout, responseLimitBytes: sizeLimit }),
    );
  }

  getLoadingJobs() {
    return loading.listLoadingJobs(this.ctx, this.g());
  }

  getLoadingJobInfo(jobName: string) {
    return loading.getLoadingJob(this.ctx, jobName, this.g());
  }

  createLoadingJob(jobText: Parameters<typeof loading.createLoadingJob>[1]) {
    return loading.createLoadingJob(this.ctx, jobText, this.g());
  }

  updateLoadingJob(jobText: string) {
    return loading.updateLoadingJob(this.ctx, jobText, this.g());
  }

  /** `runLoadingJob(jobName, dataSources)` (4.x; the data sources as objects, not pyTigerGraph's broken form). */
  runLoadingJob(jobName: string, dataSources: Parameters<typeof loading.startLoadingJob>[2]) {
    return loading.startLoadingJob(this.ctx, jobName, dataSources, this.g());
  }

  resumeLoadingJob(jobId: string) {
    return loading.resumeLoadingJob(this.ctx, jobId, this.g());
  }

  createDataSource(name: string, config: Parameters<typeof loading.createDataSource>[2]) {
    return loading.createDataSource(this.ctx, name, config, this.g());
  }

  updateDataSource(name: string, config: Parameters<typeof loading.updateDataSource>[2]) {
    return loading.updateDataSource(this.ctx, name, config, this.g());
  }

  getDataSource(name: string) {
    return loading.getDataSource(this.ctx, name, this.g());
  }

  previewSampleData(
    dataSource: string,
    path: string,
    options?: Parameters<typeof loading.previewSampleData>[3],
  ) {
    return loading.previewSampleData(this.ctx, dataSource, path, this.g(options));
  }

  dropLoadingJob(jobName: string) {
    return loading.dropLoadingJob(this.ctx, jobName, this.g());
  }

  getLoadingJobsStatus(jobIds: readonly string[]) {
    return loading.getLoadingJobStatus(this.ctx, jobIds, this.g());
  }

  abortLoadingJobs(jobIds: readonly string[], pause = false) {
    return loading.abortLoadingJobs(this.ctx, jobIds, this.g({ pause }));
  }

  /** `abortLoadingJob(jobId)`. */
  abortLoadingJob(jobId: string) {
    return loading.abortLoadingJobs(this.ctx, [jobId], this.g());
  }

  /** `getLoadingJobStatus(jobId)`. */
  async getLoadingJobStatus(jobId: string) {
    return (await loading.getLoadingJobStatus(this.ctx, [jobId], this.g()))[0];
  }

  getDataSources() {
    return loading.listDataSources(this.ctx, this.g());
  }

  dropDataSource(name: string) {
    return loading.dropDataSource(this.ctx, name, this.g());
  }

  dropAllDataSources() {
    return loading.dropAllDataSources(this.ctx, this.g());
  }
}
