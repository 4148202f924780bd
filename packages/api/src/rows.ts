// @tgraph/api/rows: vertex and edge results as flat rows, and rows back into upsert input — the
// JavaScript counterpart of pyTigerGraph's DataFrame helpers (vertexSetToDataFrame,
// edgeSetToDataFrame, upsertVertexDataFrame, upsertEdgeDataFrame) without a dataframe library.
// Rows are plain objects: hand them to any table, CSV or dataframe library.
import { ValidationError } from '@tgraph/protocol/errors';
import type { EdgeResult, VertexIdInput, VertexResult } from './elements/types.js';

export interface VertexRowsOptions {
  /** Add the `v_id` column (default true). */
  withId?: boolean | undefined;
  /** Add the `v_type` column (default false). */
  withType?: boolean | undefined;
}

export interface EdgeRowsOptions {
  /** Add `from_type`, `from_id`, `to_type`, `to_id` (default true). */
  withId?: boolean | undefined;
  /** Add `e_type` (default false). */
  withType?: boolean | undefined;
}

/** A vertex row: the id and type columns asked for, then the attributes. */
export type VertexRow<A> = { v_id: string; v_type?: string } & A;
/** An edge row: the endpoint and type columns asked for, then the attributes. */
export type EdgeRow<A> = {
  from_type: string;
  from_id: string;
  to_type: string;
  to_id: string;
  e_type?: string;
} & A;

interface VertexLike {
  v_id: string;
  v_type: string;
  attributes?: Record<string, unknown> | undefined;
}
interface EdgeLike {
  e_type: string;
  from_type: string;
  from_id: string;
  to_type: string;
  to_id: string;
  attributes?: Record<string, unknown> | undefined;
}

function checkList(list: unknown, what: string): asserts list is readonly unknown[] {
  if (!Array.isArray(list)) throw new ValidationError(`${what} must be an array`, { field: what });
}

/**
 * Flattens vertices into rows: `v_id` (and `v_type`) first, then the attributes. An attribute that
 * shares a name with an id column keeps the id column's value (as in pyTigerGraph's DataFrame).
 *
 * @example
 * vertexRows(await getVertices(ctx, 'Patient', { limit: 2, select: ['birth_year'] }));
 * // [{ v_id: '6100000100', birth_year: 1959 }, { v_id: '6023000024', birth_year: 0 }]
 */
export function vertexRows<A extends Record<string, unknown>>(
  vertices: readonly VertexResult<string, A>[] | readonly VertexLike[],
  options: VertexRowsOptions = {},
): VertexRow<A>[] {
  checkList(vertices, 'vertices');
  const withId = options.withId ?? true;
  const withType = options.withType ?? false;
  return (vertices as readonly VertexLike[]).map((v) => {
    const row: Record<string, unknown> = {};
    if (withId) row['v_id'] = v.v_id;
    if (withType) row['v_type'] = v.v_type;
    for (const [k, value] of Object.entries(v.attributes ?? {})) if (!(k in row)) row[k] = value;
    return row as VertexRow<A>;
  });
}

/**
 * Flattens edges into rows: `from_type`, `from_id`, `to_type`, `to_id` (and `e_type`), then the
 * attributes.
 *
 * @example
 * edgeRows(await getEdges(ctx, 'Patient', '1000000003', { edgeType: 'INFECTED_BY' }), { withType: true });
 * // [{ from_type: 'Patient', from_id: '1000000003', to_type: 'Patient', to_id: '1000000001', e_type: 'INFECTED_BY' }]
 */
export function edgeRows<A extends Record<string, unknown>>(
  edges: readonly EdgeResult<string, A>[] | readonly EdgeLike[],
  options: EdgeRowsOptions = {},
): EdgeRow<A>[] {
  checkList(edges, 'edges');
  const withId = options.withId ?? true;
  const withType = options.withType ?? false;
  return (edges as readonly EdgeLike[]).map((e) => {
    const row: Record<string, unknown> = {};
    if (withId) {
      row['from_type'] = e.from_type;
      row['from_id'] = e.from_id;
      row['to_type'] = e.to_type;
      row['to_id'] = e.to_id;
    }
    if (withType) row['e_type'] = e.e_type;
    for (const [k, value] of Object.entries(e.attributes ?? {})) if (!(k in row)) row[k] = value;
    return row as EdgeRow<A>;
  });
}

/** Column-oriented form of rows (what columnar tools such as Arrow or Plotly take). */
export interface Columns {
  /** Column names in first-seen order. */
  names: string[];
  /** One array per column, `undefined` where a row lacks the column. */
  values: Record<string, unknown[]>;
  length: number;
}

/**
 * Turns rows into columns.
 *
 * @example
 * toColumns([{ v_id: 'a', age: 3 }, { v_id: 'b' }]);
 * // { names: ['v_id', 'age'], values: { v_id: ['a', 'b'], age: [3, undefined] }, length: 2 }
 */
export function toColumns(rows: readonly Record<string, unknown>[]): Columns {
  checkList(rows, 'rows');
  const names: string[] = [];
  const values: Record<string, unknown[]> = Object.create(null);
  rows.forEach((row, i) => {
    for (const k of Object.keys(row)) {
      if (values[k] === undefined) {
        names.push(k);
        values[k] = new Array(rows.length).fill(undefined);
      }
    }
    for (const k of names) (values[k] as unknown[])[i] = row[k];
  });
  return { names, values, length: rows.length };
}

export interface VerticesFromRowsOptions {
  /** The column that holds the vertex id. */
  id: string;
  /**
   * Which columns become attributes: a list of column names (same attribute name), or a map of
   * attribute name → column name. Default: every column but the id column.
   */
  attributes?: readonly string[] | Readonly<Record<string, string>> | undefined;
}

export interface EdgesFromRowsOptions {
  /** The column that holds the source vertex id. */
  from: string;
  /** The column that holds the target vertex id. */
  to: string;
  /** As for vertices; default: every column but the two id columns. */
  attributes?: readonly string[] | Readonly<Record<string, string>> | undefined;
}

function pick(
  row: Record<string, unknown>,
  attributes: VerticesFromRowsOptions['attributes'],
  skip: readonly string[],
  at: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (attributes === undefined) {
    for (const [k, v] of Object.entries(row)) if (!skip.includes(k) && v !== undefined) out[k] = v;
    return out;
  }
  const pairs: [string, string][] = Array.isArray(attributes)
    ? (attributes as readonly string[]).map((n) => [n, n])
    : Object.entries(attributes as Record<string, string>);
  for (const [attr, column] of pairs) {
    if (!(column in row)) throw new ValidationError(`${at} has no column '${column}'`, { field: column });
    if (row[column] !== undefined) out[attr] = row[column];
  }
  return out;
}

function idOf(row: Record<string, unknown>, column: string, at: string): VertexIdInput {
  const v = row[column];
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return v;
  throw new ValidationError(`${at} column '${column}' must hold a vertex id (string, number or bigint)`, {
    field: column,
  });
}

/**
 * Rows → `[id, attributes]` entries for `upsertVertices` (pyTigerGraph's upsertVertexDataFrame).
 *
 * @example
 * await upsertVertices(ctx, 'City', verticesFromRows(rows, { id: 'city_id', attributes: { city: 'name' } }));
 */
export function verticesFromRows(
  rows: readonly Record<string, unknown>[],
  options: VerticesFromRowsOptions,
): [VertexIdInput, Record<string, unknown>][] {
  checkList(rows, 'rows');
  return rows.map((row, i) => [
    idOf(row, options.id, `rows[${i}]`),
    pick(row, options.attributes, [options.id], `rows[${i}]`),
  ]);
}

/**
 * Rows → `[sourceId, targetId, attributes]` entries for `upsertEdges` (pyTigerGraph's
 * upsertEdgeDataFrame).
 *
 * @example
 * await upsertEdges(ctx, 'Person', 'Pays', 'Account', edgesFromRows(rows, { from: 'payer', to: 'account' }));
 */
export function edgesFromRows(
  rows: readonly Record<string, unknown>[],
  options: EdgesFromRowsOptions,
): [VertexIdInput, VertexIdInput, Record<string, unknown>][] {
  checkList(rows, 'rows');
  return rows.map((row, i) => [
    idOf(row, options.from, `rows[${i}]`),
    idOf(row, options.to, `rows[${i}]`),
    pick(row, options.attributes, [options.from, options.to], `rows[${i}]`),
  ]);
}
export {
  type ParsedEdge,
  type ParsedQueryOutput,
  type ParsedVertex,
  parseQueryOutput,
} from './rows/query-output.js';
