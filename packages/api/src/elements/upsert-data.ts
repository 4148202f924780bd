// A raw upsert: a payload already in TigerGraph's `{vertices, edges}` shape, with every flag. The
// typed `upsertVertices`/`upsertEdges` build such payloads; this is for data prepared elsewhere.
import { ValidationError } from '@tgraph/protocol/errors';
import type { UpsertPayload } from '@tgraph/protocol/schemas/upsert';
import type { ApiContext } from '../context.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { sendUpsert, type UpsertOptions, type UpsertSummary } from './upsert-request.js';

/** Option keys each function accepts (unknown ones are rejected). */
const UPSERT_DATA_KEYS: readonly string[] = [
  ...REQUEST_KEYS,
  'ack',
  'atomic',
  'newVertexOnly',
  'updateVertexOnly',
  'vertexMustExist',
];

export interface UpsertDataOptions extends UpsertOptions {
  /** `new_vertex_only=true`: skip vertices that already exist. */
  newVertexOnly?: boolean | undefined;
  /** `vertex_must_exist=true`: skip edges whose endpoints do not exist. */
  vertexMustExist?: boolean | undefined;
  /** `update_vertex_only=true`: skip vertices that do not exist yet. */
  updateVertexOnly?: boolean | undefined;
}

/**
 * Posts an upsert payload as it is (pyTigerGraph's `upsertData`). Flags go out as `true` (never
 * Python's `True`); `atomic` sets `gsql-atomic-level`.
 *
 * @example
 * await upsertData(ctx, {
 *   vertices: { Patient: { p1: { birth_year: { value: 1990 } } } },
 *   edges: { Patient: { p1: { PATIENT_FROM_CITY: { City: { seoul: {} } } } } },
 * }, { atomic: true });
 * // → { accepted_vertices: 1, accepted_edges: 1 }
 */
export async function upsertData(
  ctx: ApiContext<SchemaShape>,
  payload: UpsertPayload | string,
  options: UpsertDataOptions = {},
): Promise<UpsertSummary> {
  checkOptions(options, UPSERT_DATA_KEYS, 'upsertData');
  const data = typeof payload === 'string' ? parsePayload(payload) : payload;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ValidationError('upsertData needs an object such as { vertices: {…}, edges: {…} }', {
      field: 'payload',
    });
  }
  const extra = Object.keys(data).filter((k) => k !== 'vertices' && k !== 'edges');
  if (extra.length > 0) {
    throw new ValidationError(
      `upsertData payload has unknown top-level key(s) ${extra.map((k) => `'${k}'`).join(', ')}; only 'vertices' and 'edges' are allowed`,
      { field: 'payload' },
    );
  }
  return sendUpsert(
    ctx,
    data,
    {
      new_vertex_only: options.newVertexOnly,
      vertex_must_exist: options.vertexMustExist,
      update_vertex_only: options.updateVertexOnly,
    },
    options,
  );
}

function parsePayload(text: string): UpsertPayload {
  try {
    return JSON.parse(text) as UpsertPayload;
  } catch (error) {
    throw new ValidationError(`upsertData: the payload string is not JSON (${(error as Error).message})`, {
      field: 'payload',
    });
  }
}
