// Data sources for server-side loading jobs (S3, GCS, Kafka, …): 4.1+ REST under
// `/gsql/v1/data-sources` (reference §4.14; pyTigerGraph §6.3). On 3.x they are GSQL statements
// (`CREATE DATA_SOURCE …`), run through `gsql()`.

import * as endpoints from '@tgraph/protocol/endpoints/loading';
import { ValidationError } from '@tgraph/protocol/errors';
import { gsqlEnvelope, gsqlEnvelopeSchema } from '@tgraph/protocol/schemas/envelope';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { ABORT_KEYS, checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const LIST_DATA_SOURCES_KEYS: readonly string[] = REQUEST_KEYS;
const GET_DATA_SOURCE_KEYS: readonly string[] = REQUEST_KEYS;
const CREATE_DATA_SOURCE_KEYS: readonly string[] = REQUEST_KEYS;
const UPDATE_DATA_SOURCE_KEYS: readonly string[] = REQUEST_KEYS;
const DROP_DATA_SOURCE_KEYS: readonly string[] = REQUEST_KEYS;
const DROP_ALL_DATA_SOURCES_KEYS: readonly string[] = REQUEST_KEYS;
const GRANT_DATA_SOURCE_KEYS: readonly string[] = ABORT_KEYS;
const REVOKE_DATA_SOURCE_KEYS: readonly string[] = ABORT_KEYS;
const PREVIEW_SAMPLE_DATA_KEYS: readonly string[] = [...REQUEST_KEYS, 'parsing', 'size'];

/** A data source's configuration; `type` is `s3`, `gcs`, `abs`, `kafka`, … */
export interface DataSourceConfig {
  type: string;
  [key: string]: unknown;
}

/** A data source as the server lists it. */
export type DataSourceInfo = Record<string, unknown>;

/** Options of data-source calls that may be scoped to a graph (global when no graph is given). */
export interface DataSourceOptions extends Omit<RequestOptions, 'graph'> {
  /** Scope the data source to this graph; the client's default graph is not applied on its own. */
  graph?: string | undefined;
}

/**
 * Lists data sources (4.1+ `GET /gsql/v1/data-sources`).
 *
 * @example
 * const sources = await listDataSources(ctx);
 */
export async function listDataSources(
  ctx: ApiContext<SchemaShape>,
  options: DataSourceOptions = {},
): Promise<DataSourceInfo[]> {
  checkOptions(options, LIST_DATA_SOURCES_KEYS, 'listDataSources');
  const reply = await callParsed(
    ctx,
    endpoints.dataSources,
    gsqlEnvelope(z.optional(z.array(z.record(z.string(), z.unknown())))),
    {
      ...base(options),
    },
  );
  return reply.results ?? [];
}

/**
 * One data source by name (4.1+ `GET /gsql/v1/data-sources/{name}`).
 *
 * @example
 * const s3 = await getDataSource(ctx, 's3_raw');
 */
export async function getDataSource(
  ctx: ApiContext<SchemaShape>,
  name: string,
  options: DataSourceOptions = {},
): Promise<DataSourceInfo> {
  checkOptions(options, GET_DATA_SOURCE_KEYS, 'getDataSource');
  const reply = await callParsed(
    ctx,
    endpoints.dataSource,
    gsqlEnvelope(z.optional(z.record(z.string(), z.unknown()))),
    {
      ...base(options),
      params: { name: checkName(name) },
    },
  );
  return reply.results ?? {};
}

/**
 * Creates a data source (4.1+ `POST /gsql/v1/data-sources[?graph=]` with `{"name", "config"}`).
 *
 * @example
 * await createDataSource(ctx, 's3_raw', { type: 's3', 'access.key': key, 'secret.key': secretKey });
 */
export async function createDataSource(
  ctx: ApiContext<SchemaShape>,
  name: string,
  config: DataSourceConfig,
  options: DataSourceOptions = {},
): Promise<string> {
  checkOptions(options, CREATE_DATA_SOURCE_KEYS, 'createDataSource');
  return writeDataSource(ctx, endpoints.createDataSource, name, config, options);
}

/**
 * Replaces a data source's configuration (4.1+ `PUT /gsql/v1/data-sources[?graph=]` with
 * `{"name", "config"}`, as documented; pyTigerGraph puts the name in the path).
 *
 * @example
 * await updateDataSource(ctx, 's3_raw', { type: 's3', 'access.key': newKey, 'secret.key': newSecret });
 */
export async function updateDataSource(
  ctx: ApiContext<SchemaShape>,
  name: string,
  config: DataSourceConfig,
  options: DataSourceOptions = {},
): Promise<string> {
  checkOptions(options, UPDATE_DATA_SOURCE_KEYS, 'updateDataSource');
  return writeDataSource(ctx, endpoints.updateDataSource, name, config, options);
}

/** Create and update send the same `{"name", "config"}` body, to their own endpoints. */
async function writeDataSource(
  ctx: ApiContext<SchemaShape>,
  target: typeof endpoints.createDataSource | typeof endpoints.updateDataSource,
  name: string,
  config: DataSourceConfig,
  options: DataSourceOptions,
): Promise<string> {
  checkConfig(config);
  const reply = await callParsed(ctx, target, gsqlEnvelopeSchema, {
    ...base(options),
    json: { name: checkName(name), config },
  });
  return reply.message ?? '';
}

/**
 * Drops a data source (4.1+ `DELETE /gsql/v1/data-sources/{name}`).
 *
 * @example
 * await dropDataSource(ctx, 's3_raw');
 */
export async function dropDataSource(
  ctx: ApiContext<SchemaShape>,
  name: string,
  options: DataSourceOptions = {},
): Promise<string> {
  checkOptions(options, DROP_DATA_SOURCE_KEYS, 'dropDataSource');
  const reply = await callParsed(ctx, endpoints.dropDataSource, gsqlEnvelopeSchema, {
    ...base(options),
    params: { name: checkName(name) },
  });
  return reply.message ?? '';
}

/**
 * Drops every data source (of the graph when `graph` is given) (4.1+ `DELETE /gsql/v1/data-sources/dropAll`).
 *
 * @example
 * await dropAllDataSources(ctx, { graph: 'MyGraph' });
 */
export async function dropAllDataSources(
  ctx: ApiContext<SchemaShape>,
  options: DataSourceOptions = {},
): Promise<string> {
  checkOptions(options, DROP_ALL_DATA_SOURCES_KEYS, 'dropAllDataSources');
  const reply = await callParsed(ctx, endpoints.dropAllDataSources, gsqlEnvelopeSchema, base(options));
  return reply.message ?? '';
}

/**
 * Lets graphs use a data source (4.1+ `POST /gsql/v1/data-sources/grant` with
 * `{"graphs": [...], "datasource": name}`).
 *
 * @example
 * await grantDataSource(ctx, 's3_raw', ['MyGraph']);
 */
export async function grantDataSource(
  ctx: ApiContext<SchemaShape>,
  name: string,
  graphs: readonly string[],
  options: Omit<RequestOptions, 'graph'> = {},
): Promise<string> {
  checkOptions(options, GRANT_DATA_SOURCE_KEYS, 'grantDataSource');
  return grantOrRevoke(ctx, endpoints.grantDataSource, name, graphs, options);
}

/**
 * Withdraws graphs' use of a data source (4.1+ `POST /gsql/v1/data-sources/revoke`).
 *
 * @example
 * await revokeDataSource(ctx, 's3_raw', ['MyGraph']);
 */
export async function revokeDataSource(
  ctx: ApiContext<SchemaShape>,
  name: string,
  graphs: readonly string[],
  options: Omit<RequestOptions, 'graph'> = {},
): Promise<string> {
  checkOptions(options, REVOKE_DATA_SOURCE_KEYS, 'revokeDataSource');
  return grantOrRevoke(ctx, endpoints.revokeDataSource, name, graphs, options);
}

async function grantOrRevoke(
  ctx: ApiContext<SchemaShape>,
  target: typeof endpoints.grantDataSource | typeof endpoints.revokeDataSource,
  name: string,
  graphs: readonly string[],
  options: Omit<RequestOptions, 'graph'>,
): Promise<string> {
  if (
    !Array.isArray(graphs) ||
    graphs.length === 0 ||
    graphs.some((g) => typeof g !== 'string' || g === '')
  ) {
    throw new ValidationError('Pass the graphs as a non-empty array of graph names', { field: 'graphs' });
  }
  const reply = await callParsed(ctx, target, gsqlEnvelopeSchema, {
    ...abortOf(options),
    json: { graphs: [...graphs], datasource: checkName(name) },
  });
  return reply.message ?? '';
}

export interface PreviewSampleOptions extends RequestOptions {
  /** Lines to read. Default 10. */
  size?: number | undefined;
  /** Parsing options as the server takes them. Default `{ fileFormat: 'none', eol: '\\n' }`. */
  parsing?: Record<string, unknown> | undefined;
}

/**
 * Reads the first lines of a file in a data source (4.1+ `POST /gsql/v1/sample-data`).
 *
 * @example
 * const sample = await previewSampleData(ctx, 's3_raw', 'bucket/patients.csv', { size: 5 });
 */
export async function previewSampleData(
  ctx: ApiContext<SchemaShape>,
  dataSource: string,
  path: string,
  options: PreviewSampleOptions = {},
): Promise<unknown> {
  checkOptions(options, PREVIEW_SAMPLE_DATA_KEYS, 'previewSampleData');
  const graph = options.graph ?? ctx.graph;
  if (graph === undefined) {
    throw new ValidationError('previewSampleData needs a graph: pass { graph } or set the client graph', {
      field: 'graph',
    });
  }
  const reply = await callParsed(ctx, endpoints.sampleData, gsqlEnvelopeSchema, {
    ...abortOf(options),
    json: {
      graphName: graph,
      dataSource: checkName(dataSource),
      path,
      size: options.size ?? 10,
      parsing: options.parsing ?? { fileFormat: 'none', eol: '\\n' },
    },
  });
  return reply.results;
}

function base(options: DataSourceOptions) {
  return {
    ...abortOf(options),
    ...(options.graph === undefined ? {} : { searchParams: { graph: options.graph } }),
  };
}

function checkName(name: string): string {
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new ValidationError(`Data source name '${String(name)}' must be a GSQL identifier`, {
      field: 'name',
    });
  }
  return name;
}

function checkConfig(config: DataSourceConfig): void {
  if (
    typeof config !== 'object' ||
    config === null ||
    typeof config.type !== 'string' ||
    config.type === ''
  ) {
    throw new ValidationError("A data source config needs a `type` (e.g. 's3', 'gcs', 'kafka')", {
      field: 'config.type',
    });
  }
}
