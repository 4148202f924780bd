// @tgraph/api/system: utilities — echo, ping, versions, endpoints, statistics, license, rebuild,
// metrics, service status, and whole-database operations.
export {
  clearGraphStore,
  dropAll,
  type ExportDatabaseOptions,
  exportDatabase,
  type ImportDatabaseOptions,
  importDatabase,
  recoverCatalog,
} from './system/database.js';
export {
  type GetEndpointsOptions,
  type GetStatisticsOptions,
  getEndpoints,
  getQueryPerformance,
  getStatistics,
} from './system/endpoints.js';
export { echo, getGsqlVersion, getVersion, ping, type ServerVersionInfo } from './system/info.js';
export type { JsonObject, JsonValue } from './system/json.js';
export { getLicenseInfo, type LicenseInfo } from './system/license.js';
export {
  getServiceStatus,
  getSystemMetrics,
  type ServiceDescriptor,
  type ServiceStatusEvent,
  type SystemMetrics,
  type SystemMetricsOptions,
  type Ts3Datapoint,
} from './system/metrics.js';
export { type RebuildGraphOptions, rebuildGraph } from './system/rebuild.js';
