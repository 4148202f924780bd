// What a search query is made of — vertex types, vector attribute, filter, WITH VECTOR — checked
// against the schema before it goes into query text: shared by searchVectors and
// installVectorQueries, which must build the very same query for the same request.
import { ValidationError } from '@tgraph/protocol/errors';
import type { ApiContext } from '../context.js';
import type { SchemaReadOptions } from '../elements/schema-read.js';
import type { SchemaShape } from '../schema-types.js';
import { vectorAttribute } from './check.js';
import { checkFilter } from './filter.js';
import type { SearchShape } from './helper-queries.js';

/** The types of a request: one name or a non-empty list, without repeats. */
export function checkTypes(type: unknown): string[] {
  const types = typeof type === 'string' ? [type] : Array.isArray(type) ? [...(type as unknown[])] : [];
  if (types.length === 0) {
    throw new ValidationError("type must be a vertex type name or a non-empty list of them, e.g. 'Patient'", {
      field: 'type',
    });
  }
  return [...new Set(types as string[])];
}

/**
 * Checks that every type has the vector attribute (all of one DIMENSION) and that the filter is one
 * condition; returns the shape and that dimension (undefined when the schema does not say).
 */
export async function searchShape(
  ctx: ApiContext<SchemaShape>,
  request: { types: string[]; attribute: string; filter?: string | undefined; withVectors?: unknown },
  options: SchemaReadOptions,
): Promise<{ shape: SearchShape; dimension: number | undefined }> {
  const { types, attribute, filter } = request;
  if (filter !== undefined) checkFilter(filter);
  let dimension: number | undefined;
  for (const type of types) {
    const attr = await vectorAttribute(ctx, type, attribute, options);
    if (dimension !== undefined && attr.Dimension !== undefined && attr.Dimension !== dimension) {
      throw new ValidationError(
        `${attribute} has DIMENSION ${dimension} on ${types[0]} but ${attr.Dimension} on ${type}; search types whose vectors have one dimension`,
        { field: 'type' },
      );
    }
    dimension ??= attr.Dimension;
  }
  const shape: SearchShape = { types, attribute, filter, withVectors: request.withVectors === true };
  return { shape, dimension };
}

/** How to install the query of `shape` beforehand, for the `install: false` error. */
export function installHint(shape: SearchShape): string {
  const type = shape.types.length === 1 ? shape.types[0] : shape.types;
  const spec: Record<string, unknown> = { type, attribute: shape.attribute };
  if (shape.filter !== undefined) spec['filter'] = shape.filter;
  if (shape.withVectors === true) spec['withVectors'] = true;
  const cli = [
    'tgraph vectors install',
    shape.types.join(','),
    shape.attribute,
    ...(shape.filter === undefined ? [] : [`--filter ${JSON.stringify(shape.filter)}`]),
    ...(shape.withVectors === true ? ['--with-vectors'] : []),
  ];
  return `installVectorQueries(ctx, ${JSON.stringify(spec)}) (tg.vectors.installQueries in the facade, \`${cli.join(' ')}\` in the CLI)`;
}
