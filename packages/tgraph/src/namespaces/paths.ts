// `tg.paths`: shortest and all paths (@tgraph/api/paths), typed by the schema.
import type { ApiContext } from '@tgraph/api/context';
import type { allPaths, shortestPath } from '@tgraph/api/paths';
import type { SchemaShape } from '@tgraph/api/schema-types';
import { lazyModule } from './lazy.js';

/** `tg.paths`: path finding between vertex sets. */
export interface PathsNamespace<S extends SchemaShape> {
  /**
   * Shortest path(s) between sources and targets. @see shortestPath
   *
   * @example
   * const { vertices, edges } = await tg.paths.shortest({ type: 'Patient', id: '4100000006' }, { type: 'Patient', id: '4100000008' });
   */
  shortest(
    sources: Parameters<typeof shortestPath<S>>[1],
    targets: Parameters<typeof shortestPath<S>>[2],
    options?: Parameters<typeof shortestPath<S>>[3],
  ): ReturnType<typeof shortestPath<S>>;
  /** Every path up to `maxLength` edges. @see allPaths */
  all(
    sources: Parameters<typeof allPaths<S>>[1],
    targets: Parameters<typeof allPaths<S>>[2],
    options: Parameters<typeof allPaths<S>>[3],
  ): ReturnType<typeof allPaths<S>>;
}

export function pathsNamespace<S extends SchemaShape>(ctx: ApiContext<S>): PathsNamespace<S> {
  const api = lazyModule(() => import('@tgraph/api/paths'));
  return {
    shortest: (sources, targets, options) => api.use((m) => m.shortestPath(ctx, sources, targets, options)),
    all: (sources, targets, options) => api.use((m) => m.allPaths(ctx, sources, targets, options)),
  };
}
