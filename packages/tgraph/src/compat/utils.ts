// pyTigerGraph's pyTigerGraphUtils: echo, version, endpoints, statistics, database operations.
import * as system from '@tgraph/api/system';
import { ValidationError } from 'tgraph';
import { ConnectionBase, nonEmpty } from './base.js';

/** The utils methods of `TigerGraphConnection`. */
export class UtilsMethods extends ConnectionBase {
  /** `echo(usePost)`: "Hello GSQL". */
  echo(usePost = false) {
    return system.echo(this.ctx, { method: usePost ? 'POST' : 'GET' });
  }

  ping() {
    return system.ping(this.ctx);
  }

  /** `getVersion(raw)`: the parsed version table (its `message` is the raw text). */
  async getVersion(raw = false) {
    const info = await system.getVersion(this.ctx);
    return raw ? info.message : info.components;
  }

  /** `getVer(component, full)`: e.g. `'3.10.1'`. */
  async getVer(component = 'product', full = false): Promise<string> {
    const info = await system.getVersion(this.ctx);
    const row = info.components.find((c) => c.name === component.toLowerCase());
    if (!row) {
      throw new ValidationError(`The server's version table has no component '${component}'`, {
        field: 'component',
      });
    }
    return full ? row.version : (/\d+\.\d+\.\d+/.exec(row.version)?.[0] ?? row.version);
  }

  getGSQLVersion() {
    return system.getGsqlVersion(this.ctx);
  }

  getLicenseInfo() {
    return system.getLicenseInfo(this.ctx);
  }

  /** `getEndpoints(builtin, dynamic, static)`. */
  getEndpoints(builtin = false, dynamic = false, staticEndpoints = false) {
    return system.getEndpoints(this.ctx, this.g({ builtin, dynamic, static: staticEndpoints }));
  }

  /** `getStatistics(seconds, segments)`. */
  getStatistics(seconds = 10, segments = 10) {
    return system.getStatistics(this.ctx, this.g({ seconds, segments }));
  }

  getQueryPerformance(seconds = 10) {
    return system.getQueryPerformance(this.ctx, seconds, this.g());
  }

  /** `getSystemMetrics(from_ts, to_ts, latest, what, who, where)`. */
  getSystemMetrics(
    fromTs?: number,
    toTs?: number,
    latest?: number,
    what = 'cpu',
    who?: string,
    where?: string,
  ) {
    return system.getSystemMetrics(this.ctx, { from: fromTs, to: toTs, latest, what, who, where });
  }

  getServiceStatus(services: Parameters<typeof system.getServiceStatus>[1]) {
    return system.getServiceStatus(this.ctx, services);
  }

  /** `rebuildGraph(threadnum, vertextype, segid, path, force)`. */
  rebuildGraph(threadnum?: number, vertextype = '', segid?: number, path = '', force = false) {
    return system.rebuildGraph(
      this.ctx,
      this.g({
        threads: threadnum,
        vertexType: nonEmpty(vertextype),
        segmentId: segid,
        path: nonEmpty(path),
        force,
      }),
    );
  }

  clearGraphStore() {
    return system.clearGraphStore(this.ctx);
  }

  dropAll() {
    return system.dropAll(this.ctx);
  }

  exportDatabase(options: Parameters<typeof system.exportDatabase>[1]) {
    return system.exportDatabase(this.ctx, options);
  }

  importDatabase(options: Parameters<typeof system.importDatabase>[1]) {
    return system.importDatabase(this.ctx, options);
  }
}
