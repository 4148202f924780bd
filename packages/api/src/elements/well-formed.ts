// A quick check for the hottest reply, a RESTPP vertex list: it answers only when the reply
// certainly has the shape `restppEnvelope(z.array(vertexSchema))` accepts, so the schema (and its
// error wording) decides every other case. A one-vertex read then skips zod's walk and copies.
import type { Vertex } from '@tgraph/protocol';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

/** A plain record as zod's `z.record` takes one (JSON objects always are). */
function isRecord(v: unknown): boolean {
  if (!isObject(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isVersion(v: unknown): boolean {
  if (v === undefined) return true;
  if (!isObject(v) || !optionalString(v['edition']) || !optionalString(v['api'])) return false;
  const schema = v['schema'];
  return (
    schema === undefined ||
    typeof schema === 'string' ||
    typeof schema === 'bigint' ||
    (typeof schema === 'number' && Number.isFinite(schema))
  );
}

function isEnvelope(v: Record<string, unknown>): boolean {
  const { error, code } = v;
  return (
    isVersion(v['version']) &&
    (error === undefined || typeof error === 'boolean' || typeof error === 'string') &&
    optionalString(v['message']) &&
    (code === undefined || typeof code === 'string' || (typeof code === 'number' && Number.isFinite(code)))
  );
}

/** The vertices of a well-formed RESTPP vertex list, or undefined when the schema must decide. */
export function wellFormedVertices(reply: unknown): readonly Vertex[] | undefined {
  if (!isObject(reply) || !isEnvelope(reply)) return undefined;
  const results = reply['results'];
  if (!Array.isArray(results)) return undefined;
  for (const v of results) {
    if (!isObject(v) || typeof v['v_id'] !== 'string' || typeof v['v_type'] !== 'string') return undefined;
    if (v['attributes'] !== undefined && !isRecord(v['attributes'])) return undefined;
  }
  return results as Vertex[];
}
