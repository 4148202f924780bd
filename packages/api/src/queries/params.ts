// Typed query parameters and their two wire encodings (reference §4.8, pyTigerGraph §3.7.1): the
// GET query string (repeated keys, `p.type`, `p[i]`/`p[i].type`) and the POST JSON body
// (`{"id"}`, `{"id","type"}`, `{"keylist","valuelist"}`). Helpers make the GSQL type explicit, so a
// VERTEX<T> is never confused with an untyped VERTEX and a MAP never ends up in a query string.
import { ValidationError } from '@tgraph/protocol/errors';
import { formatDatetime } from '../elements/values.js';
import {
  type AnyVertexParam,
  type CollectionElement,
  checkScalar,
  type DatetimeParam,
  kindOf,
  type MapParam,
  type QueryParams,
  type TupleParam,
  type VertexParam,
} from './param-values.js';

export {
  type AnyVertexParam,
  anyVertexParam,
  type CollectionElement,
  type DatetimeParam,
  datetimeParam,
  type MapElement,
  type MapParam,
  mapParam,
  type QueryParams,
  type QueryParamValue,
  type ScalarParam,
  type TupleParam,
  tupleParam,
  type VertexIdValue,
  type VertexParam,
  vertexParam,
} from './param-values.js';

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
