// A quick check for the hottest reply, a RESTPP vertex list: it answers only when the reply
// certainly has the shape `restppEnvelope(z.array(vertexSchema))` accepts, so the schema (and its
// error wording) decides every other case. A one-vertex read then skips zod's walk and copies.
import type { Vertex } from '@tgraph/protocol';

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
// Each test: absent, or of one of the listed `typeof`s (numbers finite, as zod's z.number()).
const is = (v: unknown, ...types: string[]) =>
  v === undefined || (types.includes(typeof v) && (typeof v !== 'number' || Number.isFinite(v)));

/** The vertices of a well-formed RESTPP vertex list, or undefined when the schema must decide. */
export function wellFormedVertices(reply: unknown): readonly Vertex[] | undefined {
  if (!isObject(reply)) return undefined;
  const { version, error, message, code, results } = reply;
  const ok =
    (version === undefined ||
      (isObject(version) &&
        is(version['edition'], 'string') &&
        is(version['api'], 'string') &&
        is(version['schema'], 'string', 'number', 'bigint'))) &&
    is(error, 'string', 'boolean') &&
    is(message, 'string') &&
    is(code, 'string', 'number') &&
    Array.isArray(results) &&
    results.every(
      (v) =>
        isObject(v) &&
        typeof v['v_id'] === 'string' &&
        typeof v['v_type'] === 'string' &&
        // A plain record, as zod's z.record takes one (JSON objects are, unless a key is 'constructor').
        (v['attributes'] === undefined || (v['attributes'] as object | null)?.constructor === Object),
    );
  return ok ? (results as Vertex[]) : undefined;
}
