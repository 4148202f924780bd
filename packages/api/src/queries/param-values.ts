// The typed query-parameter values (`vertexParam`, `datetimeParam`, …) and their checks, without
// the wire encodings of `params.ts`: the facade exports these helpers eagerly, so its first chunk
// holds them but not the encoders the queries namespace loads on first use.
import { ValidationError } from '@tgraph/protocol/errors';
import { formatDatetime } from '../elements/values.js';

const KIND = Symbol.for('tgraph.queryParam');

/** A vertex primary id; an array is a composite key (POST only). */
export type VertexIdValue = string | number | bigint;

/** A scalar parameter value (INT, UINT, FLOAT, DOUBLE, BOOL, STRING). */
export type ScalarParam = string | number | bigint | boolean;

/** `VERTEX<T>`: sent by id only (built by {@link vertexParam}). */
export interface VertexParam<T extends string = string> {
  readonly [KIND]: 'vertex';
  readonly type: T;
  readonly id: VertexIdValue | readonly VertexIdValue[];
}

/** Untyped `VERTEX`: sent with its type (built by {@link anyVertexParam}). */
export interface AnyVertexParam<T extends string = string> {
  readonly [KIND]: 'anyVertex';
  readonly type: T;
  readonly id: VertexIdValue | readonly VertexIdValue[];
}

/** `DATETIME` as `YYYY-MM-DD HH:MM:SS` (built by {@link datetimeParam}). */
export interface DatetimeParam {
  readonly [KIND]: 'datetime';
  readonly value: string;
}

/** `MAP<K,V>` (built by {@link mapParam}); POST only. */
export interface MapParam {
  readonly [KIND]: 'map';
  readonly keys: readonly MapElement[];
  readonly values: readonly MapElement[];
}

/** A user-defined tuple (built by {@link tupleParam}); POST only. */
export interface TupleParam {
  readonly [KIND]: 'tuple';
  readonly fields: readonly string[];
  readonly values: readonly MapElement[];
}

/** What a MAP key/value or tuple field may hold. */
export type MapElement = ScalarParam | Date | DatetimeParam;

/** One element of a SET/BAG/LIST parameter. */
export type CollectionElement =
  | ScalarParam
  | Date
  | DatetimeParam
  | VertexParam
  | AnyVertexParam
  | TupleParam;

/** Any query parameter value. Arrays are SET/BAG/LIST parameters. */
export type QueryParamValue =
  | ScalarParam
  | Date
  | DatetimeParam
  | VertexParam
  | AnyVertexParam
  | MapParam
  | TupleParam
  | readonly CollectionElement[];

/** Query parameters by name; `undefined` leaves a parameter out (the query's default applies). */
export type QueryParams = Readonly<Record<string, QueryParamValue | undefined>>;

/**
 * A `VERTEX<T>` parameter: the query declares the type, so only the id travels
 * (GET `p=<id>`, POST `{"id": "<id>"}`).
 *
 * @example
 * await runQuery(ctx, 'neighbourhood', { p: vertexParam('Patient', '4100000006') });
 */
export function vertexParam<const T extends string>(
  type: T,
  id: VertexIdValue | readonly VertexIdValue[],
): VertexParam<T> {
  checkVertex(type, id, 'vertexParam');
  return { [KIND]: 'vertex', type, id };
}

/**
 * An untyped `VERTEX` parameter: the type travels with the id
 * (GET `p=<id>&p.type=<T>`, POST `{"id": "<id>", "type": "<T>"}`).
 *
 * @example
 * await runQuery(ctx, 'any_vertex', { v: anyVertexParam('City', 'Seoul') });
 */
export function anyVertexParam<const T extends string>(
  type: T,
  id: VertexIdValue | readonly VertexIdValue[],
): AnyVertexParam<T> {
  checkVertex(type, id, 'anyVertexParam');
  return { [KIND]: 'anyVertex', type, id };
}

/**
 * A `DATETIME` parameter from a `Date` (its UTC fields; TigerGraph datetimes have no time zone),
 * epoch milliseconds, or a `YYYY-MM-DD[ HH:MM:SS]` string.
 *
 * @example
 * datetimeParam(new Date(Date.UTC(2020, 1, 19, 19, 19, 19))).value; // '2020-02-19 19:19:19'
 */
export function datetimeParam(value: Date | number | string): DatetimeParam {
  if (typeof value === 'string') {
    const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?$/.exec(value.trim());
    if (!m) {
      throw new ValidationError(
        `datetimeParam: '${value}' is not a TigerGraph DATETIME; use 'YYYY-MM-DD HH:MM:SS' or pass a Date`,
        { field: 'datetime' },
      );
    }
    return { [KIND]: 'datetime', value: `${m[1]} ${m[2] ?? '00:00:00'}` };
  }
  return { [KIND]: 'datetime', value: formatDatetime(typeof value === 'number' ? new Date(value) : value) };
}

/**
 * A `MAP<K,V>` parameter from a `Map`, a plain object or `[key, value]` pairs. Sent as
 * `{"keylist": [...], "valuelist": [...]}`; MAPs cannot travel in a query string, so the query
 * runs with POST.
 *
 * @example
 * await runQuery(ctx, 'weights', { m: mapParam({ a: 1, b: 2 }) });
 */
export function mapParam(
  entries:
    | ReadonlyMap<MapElement, MapElement>
    | Readonly<Record<string, MapElement>>
    | Iterable<readonly [MapElement, MapElement]>,
): MapParam {
  const pairs: (readonly [MapElement, MapElement])[] =
    entries instanceof Map || isIterable(entries)
      ? [...(entries as Iterable<readonly [MapElement, MapElement]>)]
      : Object.entries(entries as Record<string, MapElement>);
  for (const [k, v] of pairs) {
    checkElement(k, 'mapParam key');
    checkElement(v, 'mapParam value');
  }
  return { [KIND]: 'map', keys: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) };
}

/**
 * A user-defined tuple parameter; give the fields in the tuple's declared order. Sent as
 * `{"keylist": [field names], "valuelist": [values]}` (POST only).
 *
 * @example
 * await runQuery(ctx, 'with_tuple', { t: tupleParam({ name: 'a', score: 1 }) });
 */
export function tupleParam(fields: Readonly<Record<string, MapElement>>): TupleParam {
  const entries = Object.entries(fields);
  for (const [, v] of entries) checkElement(v, 'tupleParam field');
  return { [KIND]: 'tuple', fields: entries.map((e) => e[0]), values: entries.map((e) => e[1]) };
}

/** The kind a parameter helper stamped on `value`, if any. */
export function kindOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? (value as { [KIND]?: string })[KIND] : undefined;
}

/** Refuses what cannot be a scalar parameter (non-finite numbers, objects, null). */
export function checkScalar(value: unknown, field: string): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new ValidationError(
      `Parameter '${field}' is ${String(value)}; TigerGraph parameters must be finite numbers`,
      {
        field,
      },
    );
  }
  if (!['string', 'number', 'bigint', 'boolean'].includes(typeof value)) {
    throw new ValidationError(
      `Parameter '${field}' has an unsupported value (${value === null ? 'null' : typeof value}); use a string, number, bigint, boolean, Date, an array, or vertexParam / anyVertexParam / datetimeParam / mapParam / tupleParam`,
      { field },
    );
  }
}

function checkElement(value: unknown, what: string): void {
  const kind = kindOf(value);
  if (kind === 'datetime' || value instanceof Date) return;
  if (kind !== undefined)
    throw new ValidationError(`${what} must be a scalar, Date or datetimeParam`, { field: what });
  checkScalar(value, what);
}

function checkVertex(type: string, id: unknown, fn: string): void {
  if (typeof type !== 'string' || type.trim() === '') {
    throw new ValidationError(`${fn}: the vertex type must be a non-empty string`, { field: 'type' });
  }
  const ids: readonly unknown[] = Array.isArray(id) ? id : [id];
  if (ids.length === 0 || ids.some((x) => !['string', 'number', 'bigint'].includes(typeof x) || x === '')) {
    throw new ValidationError(`${fn}('${type}', …): the id must be a non-empty string, number or bigint`, {
      field: 'id',
    });
  }
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}
