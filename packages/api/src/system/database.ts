// Whole-database operations on the GSQL server: clear the graph store, drop everything, export and
// import (4.1+ REST; on 3.x clear-store has its own endpoint and DROP ALL is a GSQL statement).

import * as endpoints from '@tgraph/protocol/endpoints/schema';
import { TigerGraphError, ValidationError } from '@tgraph/protocol/errors';
import { redact } from '@tgraph/protocol/redact';
import { errorFlagSchema } from '@tgraph/protocol/schemas/common';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { gsql } from '../gsql/run.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { ABORT_KEYS, checkOptions } from '../internal/options.js';
import { invalidateSchema } from '../schema/invalidate.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const CLEAR_GRAPH_STORE_KEYS: readonly string[] = ABORT_KEYS;
const DROP_ALL_KEYS: readonly string[] = ABORT_KEYS;
const EXPORT_DATABASE_KEYS: readonly string[] = [
  ...ABORT_KEYS,
  'data',
  'eol',
  'graphs',
  'password',
  'path',
  'schema',
  'separator',
  'template',
  'users',
];
const IMPORT_DATABASE_KEYS: readonly string[] = [...ABORT_KEYS, 'graphs', 'keepUsers', 'password', 'path'];
const RECOVER_CATALOG_KEYS: readonly string[] = ABORT_KEYS;

type BaseOptions = Omit<RequestOptions, 'graph'>;

const messageReply = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  results: z.optional(z.unknown()),
});

const messageOf = (r: { message?: string | undefined; results?: unknown }) =>
  r.message !== undefined && r.message !== '' ? r.message : typeof r.results === 'string' ? r.results : '';

/** Re-throws `error` with `secret` masked, for calls whose body carries a password the transport does not know. */
function masked(error: unknown, secret: string | undefined): never {
  if (secret === undefined || !(error instanceof TigerGraphError)) throw error;
  const Kind = error.constructor as typeof TigerGraphError;
  throw new Kind(redact(error.message, [secret]), {
    code: error.code,
    status: error.status,
    endpoint: error.endpoint,
    serverMessage: error.serverMessage === undefined ? undefined : redact(error.serverMessage, [secret]),
    requestId: error.requestId,
  });
}

/**
 * Deletes all vertices and edges of every graph, keeping the schema (pyTigerGraph
 * `clearGraphStore`): 4.1+ `GET /gsql/v1/clear-store`, 3.x `GET /gsqlserver/gsql/clear-store`.
 *
 * @example
 * await clearGraphStore(ctx); // { message: 'Successfully cleared graph store.' }
 */
export async function clearGraphStore(
  ctx: ApiContext<SchemaShape>,
  options: BaseOptions = {},
): Promise<{ message: string }> {
  checkOptions(options, CLEAR_GRAPH_STORE_KEYS, 'clearGraphStore');
  const reply = await callParsed(ctx, endpoints.clearStore, messageReply, {
    ...abortOf(options),
  });
  return { message: messageOf(reply) };
}

/**
 * Drops every graph, type, query and job (pyTigerGraph `dropAll`): 4.1+ `GET /gsql/v1/drop-all`,
 * 3.x the GSQL statement `DROP ALL`.
 *
 * @example
 * await dropAll(ctx);
 */
export async function dropAll(
  ctx: ApiContext<SchemaShape>,
  options: BaseOptions = {},
): Promise<{ message: string }> {
  checkOptions(options, DROP_ALL_KEYS, 'dropAll');
  const base = { ...abortOf(options) };
  invalidateSchema(ctx);
  if ((await ctx.line()) === '3') return { message: (await gsql(ctx, 'DROP ALL', base)).output };
  return { message: messageOf(await callParsed(ctx, endpoints.dropAll, messageReply, base)) };
}

/** Options of {@link exportDatabase}. */
export interface ExportDatabaseOptions extends BaseOptions {
  /** Server-side folder to write to. */
  path: string;
  /** Graphs to export (default all: `['*']`). */
  graphs?: readonly string[] | undefined;
  schema?: boolean | undefined;
  template?: boolean | undefined;
  data?: boolean | undefined;
  users?: boolean | undefined;
  /** Password that encrypts the export (sent only when given; pyTigerGraph always sent the connection password). */
  password?: string | undefined;
  /** Field separator (default `\u001d`). */
  separator?: string | undefined;
  /** Line separator (default `\u001c`). */
  eol?: string | undefined;
}

const requirePath = (path: unknown) => {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new ValidationError('path must be a server-side folder, e.g. "/tmp/export"', { field: 'path' });
  }
  return path;
};

/**
 * Exports the database to a server folder (pyTigerGraph `exportDatabase`, 4.1+
 * `POST /gsql/v1/db-export`).
 *
 * @throws TigerGraphError (TG-UNSUPPORTED) on 3.x.
 *
 * @example
 * await exportDatabase(ctx, { path: '/tmp/export', schema: true, data: true });
 */
export async function exportDatabase(
  ctx: ApiContext<SchemaShape>,
  options: ExportDatabaseOptions,
): Promise<{ message: string }> {
  checkOptions(options, EXPORT_DATABASE_KEYS, 'exportDatabase');
  const json: Record<string, unknown> = {
    path: requirePath(options.path),
    graphNames: options.graphs ? [...options.graphs] : ['*'],
    schema: options.schema ?? false,
    template: options.template ?? false,
    data: options.data ?? false,
    users: options.users ?? false,
    separator: options.separator ?? '\u001d',
    eol: options.eol ?? '\u001c',
  };
  if (options.password !== undefined) json.password = options.password;
  const reply = await callParsed(ctx, endpoints.exportDatabase, messageReply, {
    ...abortOf(options),
    json,
  }).catch((error: unknown) => masked(error, options.password));
  return { message: messageOf(reply) };
}

/** Options of {@link importDatabase}. */
export interface ImportDatabaseOptions extends BaseOptions {
  /** Server-side folder of an export. */
  path: string;
  /** Graphs to import (default all: `['*']`). */
  graphs?: readonly string[] | undefined;
  /** Keep the current users instead of the exported ones. */
  keepUsers?: boolean | undefined;
  /** The export's password, when it was encrypted. */
  password?: string | undefined;
}

/**
 * Imports an export (pyTigerGraph `importDatabase`, 4.1+ `POST /gsql/v1/db-import`). Replaces the
 * current catalog.
 *
 * @example
 * await importDatabase(ctx, { path: '/tmp/export' });
 */
export async function importDatabase(
  ctx: ApiContext<SchemaShape>,
  options: ImportDatabaseOptions,
): Promise<{ message: string }> {
  checkOptions(options, IMPORT_DATABASE_KEYS, 'importDatabase');
  const json: Record<string, unknown> = {
    path: requirePath(options.path),
    graphNames: options.graphs ? [...options.graphs] : ['*'],
    keepUsers: options.keepUsers ?? false,
  };
  if (options.password !== undefined) json.password = options.password;
  invalidateSchema(ctx);
  const reply = await callParsed(ctx, endpoints.importDatabase, messageReply, {
    ...abortOf(options),
    json,
  }).catch((error: unknown) => masked(error, options.password));
  return { message: messageOf(reply) };
}

/**
 * Rebuilds the GSQL catalog from its backup after a crash (pyTigerGraph `recoverCatalog`, 4.1+
 * `POST /gsql/v1/schema/recover`).
 *
 * @throws TigerGraphError (TG-UNSUPPORTED) on 3.x.
 *
 * @example
 * await recoverCatalog(ctx); // { message: 'Recover schema succeed!' }
 */
export async function recoverCatalog(
  ctx: ApiContext<SchemaShape>,
  options: BaseOptions = {},
): Promise<{ message: string }> {
  checkOptions(options, RECOVER_CATALOG_KEYS, 'recoverCatalog');
  invalidateSchema(ctx);
  const reply = await callParsed(ctx, endpoints.recoverCatalog, messageReply, {
    ...abortOf(options),
    headers: { 'Content-Type': 'text/plain' },
  });
  return { message: messageOf(reply) };
}
