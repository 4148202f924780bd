// Type-level model of a graph schema. A generated module (`generateSchemaTypes`) or a hand-written
// interface of this shape makes calls type-checked: `createClient<CovidSchema>()` →
// `vertices.get('Patient', { select: ['birth_year'] })` only accepts Patient's attribute names.

/** One vertex type: its primary id's type, its attributes, and its vector attributes (4.2+). */
export interface VertexShape {
  id: string | number | bigint;
  attributes: Record<string, unknown>;
  /** Vector (embedding) attributes: name → `number[]`. Absent on types without any. */
  vectors?: Record<string, readonly number[]> | undefined;
}

/** One edge type: endpoint vertex type names, direction, discriminator and attributes. */
export interface EdgeShape {
  from: string;
  to: string;
  directed: boolean;
  attributes: Record<string, unknown>;
}

/** One installed query: its parameters and the `results` of a run (see `generateQueryTypes`). */
export interface QueryShape {
  params: object;
  result: readonly object[];
}

/** A whole graph schema. Add `{ queries: … }` (from `generateQueryTypes`) to type `tg.queries.run`. */
export interface SchemaShape {
  vertices: Record<string, VertexShape>;
  edges: Record<string, EdgeShape>;
}

/** The installed queries a schema type declares (`S & { queries: Q }`), or `never` when none. */
export type QueriesOf<S extends SchemaShape> = S extends { queries: infer Q extends object } ? Q : never;

/** Parameters of query `N` in the queries type `Q`. */
export type QueryParamsOf<Q, N extends keyof Q> = Q[N] extends QueryShape ? Q[N]['params'] : never;

/** The `results` of a run of query `N` in the queries type `Q`. */
export type QueryResultOf<Q, N extends keyof Q> = Q[N] extends QueryShape ? Q[N]['result'] : never;

/** The schema used when none is given: any type name, attributes as `unknown`. */
export interface AnySchema extends SchemaShape {
  vertices: Record<string, { id: string; attributes: Record<string, unknown> }>;
  edges: Record<string, { from: string; to: string; directed: boolean; attributes: Record<string, unknown> }>;
}

export type VertexTypeName<S extends SchemaShape> = keyof S['vertices'] & string;
export type EdgeTypeName<S extends SchemaShape> = keyof S['edges'] & string;
export type VertexAttributes<
  S extends SchemaShape,
  T extends VertexTypeName<S>,
> = S['vertices'][T]['attributes'];
export type EdgeAttributes<S extends SchemaShape, T extends EdgeTypeName<S>> = S['edges'][T]['attributes'];
export type AttributeName<S extends SchemaShape, T extends VertexTypeName<S>> = keyof VertexAttributes<S, T> &
  string;

/**
 * Vector attribute names of a vertex type: the keys of its `vectors` (see generateSchemaTypes);
 * none for a type of a declared schema without `vectors`; any name with the untyped schema.
 */
export type VectorName<S extends SchemaShape, T extends VertexTypeName<S>> = S['vertices'][T] extends {
  vectors: infer V;
}
  ? keyof V & string
  : string extends VertexTypeName<S>
    ? string
    : never;
