// Vertex ids as TigerGraph takes them: the JSON key of an upsert and the path segment of a read.
import { ValidationError } from '@tgraph/protocol/errors';
import { compositeVertexId, type PathValue } from '@tgraph/protocol/paths';
import type { VertexIdInput } from './types.js';

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
