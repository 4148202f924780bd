// Typed query parameters and their two wire encodings (reference §4.8, pyTigerGraph §3.7.1): the
// GET query string (repeated keys, `p.type`, `p[i]`/`p[i].type`) and the POST JSON body
// (`{"id"}`, `{"id","type"}`, `{"keylist","valuelist"}`). Helpers make the GSQL type explicit, so a
// VERTEX<T> is never confused with an untyped VERTEX and a MAP never ends up in a query string.
import { ValidationError } from '@tgraph/protocol/errors';
import { formatDatetime } from '../elements/encode.js';

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

/**
 * True when any parameter needs the POST body (MAP, tuple, composite-key vertex).
 *
 * @example
 * needsPost({ m: mapParam({ a: 1 }) }); // true
 * needsPost({ p: vertexParam('Patient', '1'), tags: ['a'] }); // false
 */
export function needsPost(params: QueryParams | undefined): boolean {
  if (params === undefined) return false;
  return Object.values(params).some((v) => {
    if (v === undefined) return false;
    const items: readonly unknown[] = Array.isArray(v) ? v : [v];
    return items.some((x) => {
      const kind = kindOf(x);
      if (kind === 'map' || kind === 'tuple') return true;
      return (kind === 'vertex' || kind === 'anyVertex') && Array.isArray((x as VertexParam).id);
    });
  });
}

/**
 * The GET query-string pairs of `params` (reference §4.8): scalars `p=v`, SET/BAG/LIST repeated
 * `p=a&p=b`, `VERTEX<T>` `p=id`, `VERTEX` `p=id&p.type=T`, `SET<VERTEX>` `p[0]=id&p[0].type=T`.
 * The transport percent-encodes each key and value (space → `%20`).
 *
 * @example
 * encodeQueryString({ v: anyVertexParam('person', 'Mary'), s: ['a', 'b'] });
 * // [['v', 'Mary'], ['v.type', 'person'], ['s', 'a'], ['s', 'b']]
 */
export function encodeQueryString(params: QueryParams | undefined): [string, string][] {
  const pairs: [string, string][] = [];
  if (params === undefined) return pairs;
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const items = value as readonly CollectionElement[];
      const untyped = items.filter((x) => kindOf(x) === 'anyVertex').length;
      if (untyped > 0 && untyped !== items.length) {
        throw new ValidationError(
          `Parameter '${name}' mixes anyVertexParam with other values; a SET<VERTEX> holds only anyVertexParam elements`,
          { field: name },
        );
      }
      items.forEach((item, i) => {
        if (untyped > 0) {
          const v = item as AnyVertexParam;
          pairs.push([`${name}[${i}]`, singleId(v, `${name}[${i}]`)], [`${name}[${i}].type`, v.type]);
        } else {
          pairs.push([name, getScalar(item, name)]);
        }
      });
      continue;
    }
    if (kindOf(value) === 'anyVertex') {
      const v = value as AnyVertexParam;
      pairs.push([name, singleId(v, name)], [`${name}.type`, v.type]);
      continue;
    }
    pairs.push([name, getScalar(value as CollectionElement | MapParam, name)]);
  }
  return pairs;
}

/**
 * The POST JSON body of `params` (reference §4.8): DATETIME strings, arrays, `{"id"}` for
 * `VERTEX<T>`, `{"id","type"}` for `VERTEX`, `{"keylist","valuelist"}` for MAP and tuples.
 * STRING values have `%` sent as `%25`, because RESTPP URL-decodes string values of the JSON body.
 *
 * @example
 * encodeJsonParams({ p: vertexParam('Patient', '1'), m: mapParam({ a: 1 }) });
 * // { p: { id: '1' }, m: { keylist: ['a'], valuelist: [1] } }
 */
export function encodeJsonParams(params: QueryParams | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (params === undefined) return body;
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    body[name] = Array.isArray(value)
      ? (value as readonly CollectionElement[]).map((item, i) => jsonValue(item, `${name}[${i}]`))
      : jsonValue(value as CollectionElement | MapParam, name);
  }
  return body;
}

function jsonValue(value: CollectionElement | MapParam, field: string): unknown {
  switch (kindOf(value)) {
    case 'vertex':
      return { id: (value as VertexParam).id };
    case 'anyVertex':
      return { id: (value as AnyVertexParam).id, type: (value as AnyVertexParam).type };
    case 'datetime':
      return (value as DatetimeParam).value;
    case 'map': {
      const m = value as MapParam;
      return {
        keylist: m.keys.map((k) => jsonValue(k, `${field} key`)),
        valuelist: m.values.map((v) => jsonValue(v, `${field} value`)),
      };
    }
    case 'tuple': {
      const t = value as TupleParam;
      return { keylist: [...t.fields], valuelist: t.values.map((v) => jsonValue(v, `${field} field`)) };
    }
    default:
      break;
  }
  if (value instanceof Date) return formatDatetime(value);
  if (typeof value === 'string') return value.replaceAll('%', '%25');
  checkScalar(value, field);
  return value;
}

function getScalar(value: CollectionElement | MapParam, field: string): string {
  switch (kindOf(value)) {
    case 'vertex':
      return singleId(value as VertexParam, field);
    case 'datetime':
      return (value as DatetimeParam).value;
    case 'anyVertex':
      throw new ValidationError(
        `Parameter '${field}': an untyped VERTEX inside a list must be the only kind of element`,
        { field },
      );
    case 'map':
    case 'tuple':
      throw new ValidationError(
        `Parameter '${field}' is a ${kindOf(value) === 'map' ? 'MAP' : 'tuple'}, which cannot be sent in a query string; run the query with POST (method: 'POST', the default)`,
        { field },
      );
    default:
      break;
  }
  if (value instanceof Date) return formatDatetime(value);
  checkScalar(value, field);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

function singleId(v: VertexParam | AnyVertexParam, field: string): string {
  if (Array.isArray(v.id)) {
    throw new ValidationError(
      `Parameter '${field}' has a composite-key vertex id, which cannot be sent in a query string; run the query with POST`,
      { field },
    );
  }
  return String(v.id);
}

function checkScalar(value: unknown, field: string): void {
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

function kindOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? (value as { [KIND]?: string })[KIND] : undefined;
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}
