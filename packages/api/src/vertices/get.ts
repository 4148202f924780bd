// Reading vertices: a listing of one type (select/filter/limit/sort/timeout) and lookups by id.

import * as endpoints from '@tgraph/protocol/endpoints/elements';
import { NotFoundError, ResponseShapeError, ValidationError } from '@tgraph/protocol/errors';
import type { EndpointDef } from '@tgraph/protocol/paths';
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import { vertexSchema } from '@tgraph/protocol/schemas/graph-data';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { checkConcurrency, mapLimit } from '../elements/concurrency.js';
import { idText } from '../elements/ids.js';
import { gsqlIdentifier, idBatches, interpret } from '../elements/interpret.js';
import { type FilterInput, readParams } from '../elements/read-params.js';
import type {
  Selected,
  SortKey,
  VertexAttributeName,
  VertexIdInput,
  VertexResult,
} from '../elements/types.js';
import { wellFormedVertices } from '../elements/well-formed.js';
import { type CallOptions, call, parseResult, perCall, type RequestOptions } from '../internal/call.js';
import { idList, type OneOrMany } from '../internal/one-or-many.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape, VertexAttributes, VertexTypeName } from '../schema-types.js';
import { countVertices } from './count.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_VERTICES_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'filter',
  'limit',
  'select',
  'serverTimeoutMs',
  'sort',
];
const GET_VERTICES_BY_ID_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'concurrency',
  'select',
  'serverTimeoutMs',
  'strategy',
];

/** `K`: the selected attributes; `N`: every attribute name of the type (what `sort` accepts). */
export interface GetVerticesOptions<K extends string, N extends string = string> extends RequestOptions {
  /** Attributes to return (default: all). */
  select?: readonly K[] | undefined;
  /** Conditions in RESTPP syntax, ANDed: `'birth_year>1960'`, `['sex="male"', 'birth_year<1990']`. */
  filter?: FilterInput | undefined;
  limit?: number | undefined;
  /** Attribute names, `-name` for descending. */
  sort?: readonly SortKey<N>[] | undefined;
  /** Server-side timeout (RESTPP `timeout`, sent in whole seconds). */
  serverTimeoutMs?: number | undefined;
}

/** How {@link getVerticesById} fetches: see its documentation. */
export type ByIdStrategy = 'auto' | 'perId' | 'scan' | 'query';

export interface GetVerticesByIdOptions<K extends string> extends RequestOptions {
  select?: readonly K[] | undefined;
  serverTimeoutMs?: number | undefined;
  /** Default `auto`. */
  strategy?: ByIdStrategy | undefined;
  /** Per-id requests in flight at once (default 8). */
  concurrency?: number | undefined;
}

const listEnvelope = restppEnvelope(z.array(vertexSchema));

type Result<S extends SchemaShape, T extends VertexTypeName<S>, K> = VertexResult<
  T,
  Selected<VertexAttributes<S, T>, K>
>[];

async function list(
  ctx: ApiContext<SchemaShape>,
  target: EndpointDef,
  options: CallOptions,
): Promise<VertexResult[]> {
  const response = await call(ctx, target, options);
  const rows = wellFormedVertices(response.data) ?? parseResult(listEnvelope, response).results ?? [];
  return rows.map((v) => ({
    v_id: v.v_id,
    v_type: v.v_type,
    attributes: (v.attributes ?? {}) as Record<string, unknown>,
  }));
}

function checkType(vertexType: unknown): asserts vertexType is string {
  if (typeof vertexType !== 'string' || vertexType === '') {
    throw new ValidationError('vertexType must be a non-empty string', { field: 'vertexType' });
  }
}

/**
 * Vertices of one type: `GET /graph/{graph}/vertices/{type}` with `select`, `filter`, `limit`,
 * `sort` and `timeout`. With a typed schema, `select` only accepts the type's attributes and the
 * result carries their types.
 *
 * @example
 * const patients = await getVertices(ctx, 'Patient', { limit: 5, select: ['birth_year'] });
 * patients[0]; // { v_id: '6100000100', v_type: 'Patient', attributes: { birth_year: 1959 } }
 */
export async function getVertices<
  S extends SchemaShape,
  T extends VertexTypeName<S>,
  K extends VertexAttributeName<S, T> = never,
>(
  ctx: ApiContext<S>,
  vertexType: T,
  options: GetVerticesOptions<K, VertexAttributeName<S, T>> = {},
): Promise<Result<S, T, K>> {
  checkOptions(options, GET_VERTICES_KEYS, 'getVertices');
  checkType(vertexType);
  const rows = await list(ctx, endpoints.vertices, {
    ...perCall(options),
    params: { vertexType },
    searchParams: readParams(options),
  });
  return rows as Result<S, T, K>;
}

/** One vertex by id, or undefined when the server says the id does not exist (code 601). */
async function oneById(
  ctx: ApiContext<SchemaShape>,
  vertexType: string,
  id: string,
  options: GetVerticesByIdOptions<string>,
): Promise<VertexResult | undefined> {
  try {
    const rows = await list(ctx, endpoints.vertex, {
      ...perCall(options),
      params: { vertexType, vertexId: id },
      searchParams: readParams({ select: options.select, serverTimeoutMs: options.serverTimeoutMs }),
    });
    return rows[0];
  } catch (error) {
    if (error instanceof NotFoundError && error.code === '601') return undefined;
    throw error;
  }
}

/** Keeps only the selected attributes (the query prints whole vertices). */
function selectAttributes(v: VertexResult, select: readonly string[] | undefined): VertexResult {
  if (select === undefined || select.length === 0) return v;
  const attributes: Record<string, unknown> = {};
  for (const name of select) if (name in v.attributes) attributes[name] = v.attributes[name];
  return { ...v, attributes };
}

/** One interpreted query per batch of ids: `to_vertex_set` skips ids that do not exist. */
async function byQuery(
  ctx: ApiContext<SchemaShape>,
  vertexType: string,
  ids: readonly string[],
  options: GetVerticesByIdOptions<string>,
): Promise<VertexResult[]> {
  const type = gsqlIdentifier(vertexType, 'vertexType');
  const batches = idBatches(ids);
  const replies = await mapLimit(batches, checkConcurrency(options.concurrency), (batch) =>
    interpret(
      ctx,
      'SET<STRING> ids',
      `S = to_vertex_set(ids, "${type}"); PRINT S;`,
      batch.map((id) => ['ids', id]),
      options,
    ),
  );
  const found = new Map<string, VertexResult>();
  for (const results of replies) {
    const printed = z.array(vertexSchema).safeParse(results[0]?.['S'] ?? []);
    if (!printed.success) {
      throw new ResponseShapeError(`The interpreted query for ${type} vertices printed no vertex set 'S'`, {
        code: 'TG-SHAPE',
      });
    }
    for (const v of printed.data) {
      const attributes = (v.attributes ?? {}) as Record<string, unknown>;
      found.set(v.v_id, selectAttributes({ v_id: v.v_id, v_type: v.v_type, attributes }, options.select));
    }
  }
  return ids.flatMap((id) => {
    const v = found.get(id);
    return v === undefined ? [] : [v];
  });
}

/**
 * Vertices by id, in the order asked (ids that do not exist are left out; repeated ids are asked
 * once). RESTPP has no multi-id lookup, so there are several ways, chosen by `strategy`:
 * - `perId`: one `GET /graph/{graph}/vertices/{type}/{id}` per id, `concurrency` at a time (select
 *   and timeout apply — pyTigerGraph ignores both);
 * - `scan`: one listing of the whole type (with `select`), kept to the asked ids; ids the listing
 *   did not return are then looked up one by one, so the answer equals `perId`'s;
 * - `query`: one interpreted GSQL query per ~6 KB of ids (`to_vertex_set`, which skips unknown ids;
 *   `select` is applied to the printed vertices). Needs the privilege to run interpreted queries
 *   and, on 3.x, GSQL-server credentials (username/password);
 * - `auto` (default): one id → `perId`; otherwise a `stat_vertex_number` count first, and `scan`
 *   when the type holds at most 4× as many vertices as were asked, else `perId` (RESTPP only, so
 *   it works with any RESTPP token).
 *
 * @example
 * const two = await getVerticesById(ctx, 'Patient', ['6100000100', '6023000024'], { select: ['birth_year'] });
 */
export async function getVerticesById<
  S extends SchemaShape,
  T extends VertexTypeName<S>,
  K extends VertexAttributeName<S, T> = never,
>(
  ctx: ApiContext<S>,
  vertexType: T,
  vertexIds: OneOrMany<VertexIdInput>,
  options: GetVerticesByIdOptions<K> = {},
): Promise<Result<S, T, K>> {
  checkOptions(options, GET_VERTICES_BY_ID_KEYS, 'getVerticesById');
  checkType(vertexType);
  const ids = [...new Set(idList(vertexIds, 'vertexIds').map((id, i) => idText(id, `vertexIds[${i}]`)))];
  const concurrency = checkConcurrency(options.concurrency);
  const strategy = options.strategy ?? 'auto';
  if (strategy !== 'auto' && strategy !== 'perId' && strategy !== 'scan' && strategy !== 'query') {
    throw new ValidationError(
      `strategy must be 'auto', 'perId', 'scan' or 'query', got '${String(strategy)}'`,
      {
        field: 'strategy',
      },
    );
  }
  const opts = options as GetVerticesByIdOptions<string>;
  // One id by `auto` or `perId` is one lookup (the common read): no count, map or limiter.
  if (ids.length === 1 && (strategy === 'auto' || strategy === 'perId')) {
    const v = await oneById(ctx, vertexType, ids[0] as string, opts);
    return (v === undefined ? [] : [v]) as Result<S, T, K>;
  }
  if (strategy === 'query') return (await byQuery(ctx, vertexType, ids, opts)) as Result<S, T, K>;
  let scan = strategy === 'scan';
  if (strategy === 'auto' && ids.length > 1) {
    const total = await countVertices(ctx as ApiContext<SchemaShape>, vertexType, {
      ...perCall(options),
    });
    scan = total <= ids.length * 4;
  }
  const found = new Map<string, VertexResult>();
  if (scan) {
    const wanted = new Set(ids);
    const all = await list(ctx, endpoints.vertices, {
      ...perCall(options),
      params: { vertexType },
      searchParams: readParams({ select: opts.select, serverTimeoutMs: opts.serverTimeoutMs }),
    });
    for (const v of all) if (wanted.has(v.v_id)) found.set(v.v_id, v);
  }
  const missing = ids.filter((id) => !found.has(id));
  // One id (the common read) needs no concurrency limiter.
  const fetched =
    missing.length === 1
      ? [await oneById(ctx, vertexType, missing[0] as string, opts)]
      : await mapLimit(missing, concurrency, (id) => oneById(ctx, vertexType, id, opts));
  missing.forEach((id, i) => {
    const v = fetched[i];
    if (v !== undefined) found.set(id, v);
  });
  const out: VertexResult[] = [];
  for (const id of ids) {
    const v = found.get(id);
    if (v !== undefined) out.push(v);
  }
  return out as Result<S, T, K>;
}
