// A quick check for the hottest reply, a RESTPP vertex list: it answers only when the reply
// certainly has the shape `restppEnvelope(z.array(vertexSchema))` accepts, so the schema (and its
// error wording) decides every other case. A one-vertex read then skips zod's walk and copies.
import type { Vertex } from '@tgraph/protocol';

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => v === undefined || typeof v === 'string';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
/** A plain record as zod's `z.record` takes one (JSON objects always are). */
const isRecord = (v: unknown) =>
  isObject(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null);

function isEnvelope({ version: ver, error, code, message }: Loose): boolean {
  const version =
    ver === undefined ||
    (isObject(ver) &&
      isText(ver['edition']) &&
      isText(ver['api']) &&
      (isText(ver['schema']) || typeof ver['schema'] === 'bigint' || isNumber(ver['schema'])));
  return (
    version &&
    (isText(error) || typeof error === 'boolean') &&
    isText(message) &&
    (isText(code) || isNumber(code))
  );
}

/** The vertices of a well-formed RESTPP vertex list, or undefined when the schema must decide. */
export function wellFormedVertices(reply: unknown): readonly Vertex[] | undefined {
  const results = isObject(reply) && isEnvelope(reply) ? reply['results'] : undefined;
  if (!Array.isArray(results)) return undefined;
  for (const v of results) {
    const ok =
      isObject(v) &&
      typeof v['v_id'] === 'string' &&
      typeof v['v_type'] === 'string' &&
      (v['attributes'] === undefined || isRecord(v['attributes']));
    if (!ok) return undefined;
  }
  return results as Vertex[];
}
