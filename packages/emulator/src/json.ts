// JSON with exact 64-bit integers: TigerGraph INT/UINT values go beyond 2^53, so integers that a
// JS number cannot hold are parsed as bigint and written back digit for digit.

/** A JSON value as the emulator handles it (integers beyond 2^53 are bigint). */
export type Json = null | boolean | number | bigint | string | Json[] | { [key: string]: Json };

interface RawJsonApi {
  rawJSON(text: string): unknown;
}
interface ReviverContext {
  source?: string;
}

const rawJson = (JSON as unknown as RawJsonApi).rawJSON;

/** Parses JSON text; unsafe integers become bigint. Throws SyntaxError like JSON.parse. */
export function parseJson(text: string): Json {
  return JSON.parse(text, function reviver(
    this: unknown,
    _key: string,
    value: unknown,
    context?: ReviverContext,
  ) {
    if (typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined) {
      if (/^-?\d+$/.test(context.source)) return BigInt(context.source);
    }
    return value;
  } as (key: string, value: unknown) => unknown) as Json;
}

/** Serialises like JSON.stringify, writing bigint values as plain JSON numbers. */
export function stringifyJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'bigint' ? rawJson(v.toString()) : v),
    indent,
  );
}

export function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
