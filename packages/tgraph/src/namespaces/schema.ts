// `tg.schema`, `tg.udts`, `tg.system`: the context-first functions of @tgraph/api/schema, /udts
// and /system bound to the client (none of them is generic over the schema type).
import type { ApiContext } from '@tgraph/api/context';
import { invalidateSchema } from '@tgraph/api/helpers';
import type * as schema from '@tgraph/api/schema';
import type { SchemaShape } from '@tgraph/api/schema-types';
import type * as system from '@tgraph/api/system';
import type * as udts from '@tgraph/api/udts';
import { type BoundModule, bindModule } from './bind.js';
import { lazyModule } from './lazy.js';

const SCHEMA = [
  'getSchema',
  'invalidateSchema',
  'runSchemaChange',
  'createGlobalVertices',
  'dropGlobalVertices',
  'listGraphs',
  'createGraph',
  'dropGraph',
  'validateSchema',
  'checkSchema',
  'addGlobalVerticesToGraph',
  'createSchemaChangeJob',
  'runSchemaChangeJob',
  'dropSchemaChangeJobs',
  'listSchemaChangeJobs',
  'getSchemaVersion',
  'upsertData',
] as const;
const UDTS = ['listUdts', 'getUdt', 'getUdf', 'putUdf'] as const;
const SYSTEM = [
  'echo',
  'ping',
  'getVersion',
  'getGsqlVersion',
  'getEndpoints',
  'getStatistics',
  'getQueryPerformance',
  'getLicenseInfo',
  'getSystemMetrics',
  'getServiceStatus',
  'rebuildGraph',
  'clearGraphStore',
  'dropAll',
  'exportDatabase',
  'importDatabase',
  'recoverCatalog',
] as const;

/**
 * `tg.schema`: `getSchema()`, `listGraphs()`, `createGraph`, `dropGraph`, `runSchemaChange`,
 * global vertices, `validateSchema`, `checkSchema`, `invalidateSchema`.
 *
 * @example
 * const schema = await tg.schema.getSchema();
 */
export type SchemaNamespace = BoundModule<typeof schema, (typeof SCHEMA)[number]>;
/** `tg.udts`: `listUdts()`, `getUdt(name)`, `getUdf()`, `putUdf(…)`. */
export type UdtsNamespace = BoundModule<typeof udts, (typeof UDTS)[number]>;
/**
 * `tg.system`: `echo()`, `ping()`, `getVersion()`, `getEndpoints()`, `getStatistics()`,
 * `getLicenseInfo()`, `getSystemMetrics()`, `getServiceStatus()`, `rebuildGraph()`, database export/import…
 *
 * @example
 * const { version } = await tg.system.getVersion();
 */
export type SystemNamespace = BoundModule<typeof system, (typeof SYSTEM)[number]>;

export function schemaNamespace(ctx: ApiContext<SchemaShape>): SchemaNamespace {
  const bound = bindModule(
    ctx,
    lazyModule(() => import('@tgraph/api/schema')),
    SCHEMA,
  );
  // The one synchronous function: it only clears the client's schema cache.
  return { ...bound, invalidateSchema: (graph?: string) => invalidateSchema(ctx, graph) };
}
export const udtsNamespace = (ctx: ApiContext<SchemaShape>): UdtsNamespace =>
  bindModule(
    ctx,
    lazyModule(() => import('@tgraph/api/udts')),
    UDTS,
  );
export const systemNamespace = (ctx: ApiContext<SchemaShape>): SystemNamespace =>
  bindModule(
    ctx,
    lazyModule(() => import('@tgraph/api/system')),
    SYSTEM,
  );
