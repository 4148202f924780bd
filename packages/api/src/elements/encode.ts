// Attribute values → RESTPP upsert JSON (reference §4.4, §7.1): `{value}` or `{value, op}`;
// MAP and UDT values as `{keylist, valuelist}`; SET/LIST as arrays; DATETIME as
// "YYYY-MM-DD HH:MM:SS" (UTC). TigerGraph rejects `null`, so it is refused here with a clear error.
import { ValidationError } from '@tgraph/protocol/errors';
import type { UpsertAttributes } from '@tgraph/protocol/schemas/upsert';
import { formatDatetime, isAttributeOp } from './values.js';

export { type AttributeOp, attrOp, formatDatetime } from './values.js';

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Encodes one attribute value (recursively for collections). `where` names it in errors. */
export function encodeValue(value: unknown, where: string): unknown {
  if (value === null || value === undefined) {
    throw new ValidationError(
      `${where} is ${String(value)}: TigerGraph rejects null values; leave the attribute out to keep its value`,
      { field: where },
    );
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'bigint':
      return value;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new ValidationError(`${where} is ${value}, which JSON cannot carry`, { field: where });
      }
      return value;
    case 'object':
      break;
    default:
      throw new ValidationError(`${where} has an unsupported type (${typeof value})`, { field: where });
  }
  if (isAttributeOp(value)) {
    throw new ValidationError(`${where}: an operator (attrOp) can only wrap a whole attribute value`, {
      field: where,
    });
  }
  if (value instanceof Date) return formatDatetime(value);
  if (Array.isArray(value)) return value.map((item, i) => encodeValue(item, `${where}[${i}]`));
  if (value instanceof Set) return [...value].map((item, i) => encodeValue(item, `${where}[${i}]`));
  if (value instanceof Map) {
    const keylist: unknown[] = [];
    const valuelist: unknown[] = [];
    for (const [k, v] of value) {
      keylist.push(encodeValue(k, `${where} key`));
      valuelist.push(encodeValue(v, `${where}[${String(k)}]`));
    }
    return { keylist, valuelist };
  }
  if (isPlainObject(value)) {
    // MAP and UDT (tuple) values share the keylist/valuelist form; give UDT fields in tuple order.
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return {
      keylist: entries.map(([k]) => k),
      valuelist: entries.map(([k, v]) => encodeValue(v, `${where}.${k}`)),
    };
  }
  throw new ValidationError(
    `${where} is a ${value.constructor?.name ?? 'object'}, which is not an attribute value`,
    {
      field: where,
    },
  );
}

/**
 * Encodes the attributes of one vertex or edge for an upsert payload. `undefined` attributes are
 * left out (the attribute keeps its value, or its default on insert).
 *
 * @example
 * encodeAttributes({ name: 'Ann', visits: attrOp('+', 1), tags: new Set(['a']) }, 'Person a');
 * // { name: { value: 'Ann' }, visits: { value: 1, op: '+' }, tags: { value: ['a'] } }
 */
export function encodeAttributes(attributes: object | undefined, where: string): UpsertAttributes {
  const out: UpsertAttributes = {};
  if (attributes === undefined) return out;
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    throw new ValidationError(`${where}: attributes must be an object of name → value`, { field: where });
  }
  for (const [name, raw] of Object.entries(attributes)) {
    if (raw === undefined) continue;
    // Strings, booleans and finite numbers (most attributes) need no conversion and no error text.
    const kind = typeof raw;
    if (kind === 'string' || kind === 'boolean' || (kind === 'number' && Number.isFinite(raw))) {
      out[name] = { value: raw as string | boolean | number };
      continue;
    }
    const at = `${where} attribute '${name}'`;
    out[name] = isAttributeOp(raw)
      ? { value: encodeValue(raw.value, at), op: raw.op }
      : { value: encodeValue(raw, at) };
  }
  return out;
}
