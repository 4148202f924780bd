// Vertex upserts: `POST R/graph/{graph}` with `{"vertices": {type: {id: {attr: {value, op?}}}}}`
// (reference §4.4). Flags go out as lowercase `true` (pyTigerGraph sends Python's `True`).
import { compositeVertexId, type PathValue, type UpsertAttributes, ValidationError } from '@tgraph/protocol';
import type { ApiContext } from '../context.js';
import type { SchemaShape, VertexAttributes, VertexTypeName } from '../schema-types.js';
import { encodeAttributes } from './encode.js';
import type { AttributesInput, VertexIdInput } from './types.js';
import { sendUpsert, type UpsertOptions, type UpsertSummary } from './upsert-request.js';

export interface UpsertVerticesOptions extends UpsertOptions {
  /** Only insert: vertices that exist are skipped (`new_vertex_only=true`). */
  newVertexOnly?: boolean | undefined;
  /** Only update: vertices that do not exist are skipped (`update_vertex_only=true`). */
  updateVertexOnly?: boolean | undefined;
}

/** One vertex to upsert: `[id, attributes]` or `{ id, attributes }`. */
export type VertexInput<A> =
  | readonly [id: VertexIdInput, attributes?: AttributesInput<A> | undefined]
  | { id: VertexIdInput; attributes?: AttributesInput<A> | undefined };

/** Checks an id and returns its text form (the JSON key and the path segment). */
export function idText(id: VertexIdInput, field: string): string {
  if (Array.isArray(id)) {
    if (id.length === 0) throw new ValidationError(`${field} must not be an empty key list`, { field });
    // Composite keys: the key attribute values joined with ',' in schema order.
    return compositeVertexId(id.map((part, i) => idText(part as PathValue, `${field}[${i}]`)));
  }
  if (typeof id !== 'string' && typeof id !== 'number' && typeof id !== 'bigint') {
    throw new ValidationError(`${field} must be a string, number or bigint, got ${typeof id}`, { field });
  }
  if (typeof id === 'number' && !Number.isSafeInteger(id)) {
    throw new ValidationError(`${field} ${id} is not a safe integer; pass it as a string or bigint`, {
      field,
    });
  }
  const text = String(id as PathValue);
  if (text === '') throw new ValidationError(`${field} must not be empty`, { field });
  return text;
}

function checkFlags(options: UpsertVerticesOptions): void {
  if (options.newVertexOnly === true && options.updateVertexOnly === true) {
    throw new ValidationError(
      'newVertexOnly and updateVertexOnly exclude each other: nothing would be written',
      {
        field: 'newVertexOnly',
      },
    );
  }
}

function entryOf<A>(v: VertexInput<A>, i: number): [VertexIdInput, AttributesInput<A> | undefined] {
  if (Array.isArray(v)) return [v[0] as VertexIdInput, v[1] as AttributesInput<A> | undefined];
  if (typeof v === 'object' && v !== null && 'id' in v) {
    const o = v as { id: VertexIdInput; attributes?: AttributesInput<A> | undefined };
    return [o.id, o.attributes];
  }
  throw new ValidationError(`vertices[${i}] must be [id, attributes] or { id, attributes }`, {
    field: `vertices[${i}]`,
  });
}

/**
 * Inserts or updates one vertex. Attribute values: plain values, `Date` for DATETIME, arrays or
 * `Set`s for LIST/SET, `Map`s or objects for MAP and UDT values, and {@link attrOp} for operators.
 *
 * @example
 * await upsertVertex(ctx, 'Patient', 'p1', { birth_year: 1990, confirmed_date: new Date('2020-03-01') });
 * await upsertVertex(ctx, 'Patient', 'p1', { contact_number: attrOp('add', 2) }, { updateVertexOnly: true });
 */
export async function upsertVertex<S extends SchemaShape, T extends VertexTypeName<S>>(
  ctx: ApiContext<S>,
  vertexType: T,
  vertexId: VertexIdInput,
  attributes?: AttributesInput<VertexAttributes<S, T>>,
  options: UpsertVerticesOptions = {},
): Promise<UpsertSummary> {
  return upsertVertices(ctx, vertexType, [[vertexId, attributes]], options);
}

/**
 * Inserts or updates many vertices of one type in one request. A repeated id merges its
 * attributes (a later value of the same attribute wins).
 *
 * @example
 * const r = await upsertVertices(ctx, 'City', [
 *   ['c1', { city: 'Seoul', university_count: 38 }],
 *   { id: 'c2', attributes: { city: 'Busan' } },
 * ], { atomic: true });
 * r.accepted_vertices; // 2
 */
export async function upsertVertices<S extends SchemaShape, T extends VertexTypeName<S>>(
  ctx: ApiContext<S>,
  vertexType: T,
  vertices: readonly VertexInput<VertexAttributes<S, T>>[],
  options: UpsertVerticesOptions = {},
): Promise<UpsertSummary> {
  checkFlags(options);
  if (typeof vertexType !== 'string' || vertexType === '') {
    throw new ValidationError('vertexType must be a non-empty string', { field: 'vertexType' });
  }
  if (!Array.isArray(vertices)) {
    throw new ValidationError('vertices must be an array of [id, attributes] or { id, attributes }', {
      field: 'vertices',
    });
  }
  // No prototype: an id such as `__proto__` stays an ordinary key.
  const byId: Record<string, UpsertAttributes> = Object.create(null);
  vertices.forEach((v, i) => {
    const [id, attrs] = entryOf(v, i);
    const key = idText(id, `vertices[${i}] id`);
    const encoded = encodeAttributes(attrs, `${vertexType} '${key}'`);
    byId[key] = { ...byId[key], ...encoded };
  });
  return sendUpsert(
    ctx,
    { vertices: { [vertexType]: byId } },
    { new_vertex_only: options.newVertexOnly, update_vertex_only: options.updateVertexOnly },
    options,
  );
}
