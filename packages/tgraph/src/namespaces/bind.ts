// Binding an api module's context-first functions to one client context, for the namespaces
// whose functions are not generic over the schema (queries, schema, gsql, loading, paths, udts,
// system, auth). Vertices and edges are bound by hand to keep their schema generics.
import type { ApiContext } from '@tgraph/api/context';
import type { SchemaShape } from '@tgraph/api/schema-types';

// biome-ignore lint/suspicious/noExplicitAny: matches any context-first function whatever its schema parameter
type ContextFn = (ctx: ApiContext<any>, ...args: any[]) => unknown;

/** `f(ctx, …args)` as `f(…args)`. */
export type Bound<F> = F extends (ctx: ApiContext<SchemaShape>, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;

/** The named functions of a module, bound to a context. */
export type BoundModule<M, K extends keyof M> = { readonly [P in K]: Bound<M[P]> };

/** Binds the named functions of `module` to `ctx`. */
export function bindModule<M extends Record<string, unknown>, K extends keyof M & string>(
  ctx: ApiContext<SchemaShape>,
  module: M,
  names: readonly K[],
): BoundModule<M, K> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const fn = module[name] as unknown as ContextFn;
    out[name] = (...args: unknown[]) => fn(ctx, ...args);
  }
  return out as BoundModule<M, K>;
}
