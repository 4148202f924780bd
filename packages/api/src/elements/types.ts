// Type-level helpers shared by the vertex and edge functions: results typed by the schema, the
// attributes a `select` keeps, sort keys, and what an upsert accepts for each attribute type.
import type { PathValue } from '@tgraph/protocol';
import type {
  EdgeAttributes,
  EdgeTypeName,
  SchemaShape,
  VertexAttributes,
  VertexTypeName,
} from '../schema-types.js';
import type { AttributeOp } from './encode.js';

/** A vertex as RESTPP returns it, with attributes typed by the schema. */
export interface VertexResult<T extends string = string, A = Record<string, unknown>> {
  /** Always a string, even for INT/UINT primary ids. */
  v_id: string;
  v_type: T;
  attributes: A;
}

/** An edge as RESTPP returns it, with attributes typed by the schema. */
export interface EdgeResult<T extends string = string, A = Record<string, unknown>> {
  e_type: T;
  /** Absent on some servers' replies. */
  directed?: boolean | undefined;
  from_type: string;
  from_id: string;
  to_type: string;
  to_id: string;
  attributes: A;
}

/**
 * A vertex id as a caller may give it: a string, a number/bigint for INT/UINT ids, or the key
 * values of a composite-key vertex (`['Tom', 456]` → `Tom,456`, in schema order).
 */
export type VertexIdInput = PathValue | readonly PathValue[];

/** Attribute names of a vertex type (of every member, for a union of types). */
export type VertexAttributeName<S extends SchemaShape, T extends VertexTypeName<S>> =
  T extends VertexTypeName<S> ? keyof VertexAttributes<S, T> & string : never;

/** Attribute names of an edge type (of every member, for a union of types). */
export type EdgeAttributeName<S extends SchemaShape, E extends EdgeTypeName<S>> =
  E extends EdgeTypeName<S> ? keyof EdgeAttributes<S, E> & string : never;

/** The attributes a result holds: all of them, or the selected ones. */
export type Selected<A, K> = [K] extends [never] ? A : Pick<A, K & keyof A>;

/** A `sort` key: an attribute name, `-name` for descending. */
export type SortKey<K extends string> = K | `-${K}`;

/**
 * What an upsert accepts for an attribute whose values read back as `V`: the value itself, a
 * `Date` for DATETIME (read back as a string), a `Set` for SET/LIST, a `Map` or plain object for
 * MAP and UDT values, and any of those wrapped in {@link attrOp} to apply an operator.
 */
export type AttributeValueInput<V> = unknown extends V
  ? unknown
  : V extends string
    ? V | Date
    : V extends number
      ? V | bigint
      : V extends bigint
        ? V | number
        : V extends readonly (infer E)[]
          ? readonly AttributeValueInput<E>[] | ReadonlySet<AttributeValueInput<E>>
          : V extends Record<string, infer E>
            ? Record<string, AttributeValueInput<E>> | ReadonlyMap<unknown, AttributeValueInput<E>>
            : V;

/** An attribute value or an operator-wrapped one. */
export type AttributeInput<V> = AttributeValueInput<V> | AttributeOp<AttributeValueInput<V>>;

/** Upsert attributes of one vertex or edge: any subset, typed per attribute (`undefined` = leave as is). */
export type AttributesInput<A> = { [K in keyof A]?: AttributeInput<A[K]> | undefined };
