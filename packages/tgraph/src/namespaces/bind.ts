// Binding an api module's context-first functions to one client context, for the namespaces
// whose functions are not generic over the schema (queries, schema, gsql, loading, paths, udts,
// system, auth). Vertices and edges are bound by hand to keep their schema generics. The module
// is loaded on the first call (lazy.ts).
import type { ApiContext } from '@tgraph/api/context';
import type { SchemaShape } from '@tgraph/api/schema-types';
import type { LazyModule } from './lazy.js';

// biome-ignore lint/suspicious/noExplicitAny: matches any context-first function whatever its schema parameter
type ContextFn = (ctx: ApiContext<any>, ...args: any[]) => unknown;
type AnyFn = (...args: unknown[]) => unknown;

/** `f(ctx, …args)` as `f(…args)`. */
export type Bound<F> = F extends (ctx: ApiContext<SchemaShape>, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;

/** The named functions of a module, bound to a context. */
export type BoundModule<M, K extends keyof M> = { readonly [P in K]: Bound<M[P]> };

/** The named functions of a lazily loaded module, typed as the module's own (each returns a promise). */
export function deferred<M, K extends keyof M & string>(
  module: LazyModule<M>,
  names: readonly K[],
): Pick<M, K> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    out[name] = (...args: unknown[]) => module.use((m) => (m[name] as unknown as AnyFn)(...args));
  }
  return out as Pick<M, K>;
}

/** Binds the named functions of a lazily loaded module to `ctx` (each returns a promise). */
export function bindModule<M extends Record<string, unknown>, K extends keyof M & string>(
  ctx: ApiContext<SchemaShape>,
  module: LazyModule<M>,
  names: readonly K[],
): BoundModule<M, K> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    out[name] = (...args: unknown[]) => module.use((m) => (m[name] as unknown as ContextFn)(ctx, ...args));
  }
  return out as BoundModule<M, K>;
}
