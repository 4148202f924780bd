// JSON values as the transport parses them (integers may arrive as bigint with `integers: 'bigint'`),
// for endpoints whose replies the reference gives no fixed shape for.

/** Any JSON value. */
export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}
