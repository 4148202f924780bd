// Checks shared by the vector functions: the vector attribute exists on the type (read from the
// cached schema, so its dimension is known), the server line has vectors at all, and a vector is
// an array of finite numbers of that dimension. Names are GSQL identifiers before they go into
// query text, so no GSQL can be injected through a type or attribute name.
import { TigerGraphError, ValidationError } from '@tgraph/protocol/errors';
import type { EmbeddingAttribute, GraphSchema } from '@tgraph/protocol/schemas/graph-schema';
import type { ApiContext } from '../context.js';
import { gsqlIdentifier } from '../elements/interpret.js';
import { readGraphSchema, type SchemaReadOptions, vertexTypeIn } from '../elements/schema-read.js';
import { perCall } from '../internal/call.js';
import type { SchemaShape } from '../schema-types.js';
import { getVectorStatus } from '../vertices/vector-status.js';

/** The error every vector function gives on a server without vector attributes. */
export function vectorsUnsupported(detail: string, cause?: unknown): TigerGraphError {
  return new TigerGraphError(
    `Vector search needs TigerGraph 4.2+: ${detail}. Connect to a 4.2 (or later) server, whose vertex types can carry VECTOR attributes.`,
    { code: 'TG-UNSUPPORTED', ...(cause === undefined ? {} : { cause }) },
  );
}

/**
 * The schema entry of `type.attribute` (its `Dimension`, `Metric`…). Throws TG-UNSUPPORTED on the
 * 3.x/4.0 API line, a ValidationError naming the type's vector attributes when it has no such one.
 */
export async function vectorAttribute(
  ctx: ApiContext<SchemaShape>,
  type: string,
  attribute: string,
  options: SchemaReadOptions,
): Promise<EmbeddingAttribute> {
  gsqlIdentifier(type, 'vertexType');
  gsqlIdentifier(attribute, 'attribute');
  if ((await ctx.line()) === '3') {
    throw vectorsUnsupported('this server speaks the 3.x/4.0 API, which has no vector attributes');
  }
  let vectors = vectorsOf(await readGraphSchema(ctx, options), type);
  let found = vectors.find((v) => v.Name === attribute);
  if (found === undefined && options.refresh !== true) {
    // The cached schema may predate the attribute (added since by a schema change elsewhere).
    vectors = vectorsOf(await readGraphSchema(ctx, { ...options, refresh: true }), type);
    found = vectors.find((v) => v.Name === attribute);
  }
  if (found !== undefined) return found;
  const known = vectors.map((v) => v.Name);
  if (known.length === 0) await requireVectorServer(ctx, options);
  throw new ValidationError(
    `Vertex type '${type}' has no vector attribute '${attribute}' (${
      known.length > 0 ? `its vector attributes: ${known.join(', ')}` : 'it has none'
    }). Add one with a schema change: ALTER VERTEX ${type} ADD VECTOR ATTRIBUTE ${attribute}(DIMENSION=<n>, METRIC="COSINE"); vector attributes need TigerGraph 4.2+.`,
    { field: 'attribute' },
  );
}

function vectorsOf(schema: GraphSchema, type: string): EmbeddingAttribute[] {
  return vertexTypeIn(schema, type).EmbeddingAttributes ?? [];
}

/**
 * On the 4.x line a server before 4.2 has no `/vector/status` endpoint: asking it tells a 4.1
 * server (TG-UNSUPPORTED, thrown) from a 4.2 one whose type has no vector attribute yet.
 */
async function requireVectorServer(ctx: ApiContext<SchemaShape>, options: SchemaReadOptions): Promise<void> {
  try {
    await getVectorStatus(ctx, undefined, undefined, perCall(options));
  } catch (error) {
    if (error instanceof TigerGraphError && error.code === 'TG-UNSUPPORTED') {
      throw vectorsUnsupported(
        'this server has no vector endpoints (GET /vector/status is not found)',
        error,
      );
    }
    // Any other failure (e.g. no privilege for the status) says nothing about the version.
  }
}

/** Checks that `value` is an array of finite numbers (of `dimension` elements when known). */
export function checkVector(value: unknown, field: string, dimension?: number | undefined): number[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ValidationError(
      `${field} must be a non-empty array of numbers (e.g. [0.12, -0.5, 0.33]), got ${
        Array.isArray(value) ? 'an empty array' : value === null ? 'null' : typeof value
      }`,
      { field },
    );
  }
  const bad = value.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
  if (bad >= 0) {
    throw new ValidationError(
      `${field}[${bad}] must be a finite number, got ${JSON.stringify(value[bad]) ?? typeof value[bad]}`,
      { field },
    );
  }
  if (dimension !== undefined && value.length !== dimension) {
    throw new ValidationError(
      `${field} has ${value.length} elements but the vector attribute's DIMENSION is ${dimension}`,
      { field },
    );
  }
  return value as number[];
}

/** Checks a count option (an integer ≥ 1, at most `max` when given). */
export function checkCount(value: unknown, field: string, max?: number): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    (max !== undefined && value > max)
  ) {
    throw new ValidationError(
      `${field} must be an integer from 1${max === undefined ? ' up' : ` to ${max}`}, got ${JSON.stringify(value)}`,
      { field },
    );
  }
  return value;
}

/** TigerGraph's answer to a query that uses vectors (creating, installing or running it), when the server has none. */
export function mapVectorQueryError(error: unknown): unknown {
  if (!(error instanceof TigerGraphError)) return error;
  if (
    /vectorSearch|WITH\s+VECTOR|vector attribute/i.test(error.message) &&
    /unknown|not support|undefined|no such|cannot/i.test(error.message)
  ) {
    return vectorsUnsupported(`the server rejected the vector query (${error.message})`, error);
  }
  return error;
}
