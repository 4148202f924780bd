// Vertices, edges, upserts, built-in statistics and path finding.
// Part of the endpoint catalogue (`endpoint-specs.ts`); one file per resource, so a chunk that
// loads one api module holds only its endpoints.

import type { EndpointDef, HttpMethod, PerLine, Spec } from './define.js';

// Marked free of side effects so bundlers drop unused endpoints; declared here, not imported,
// because esbuild honours the mark only within one file (see define.ts).
/* @__NO_SIDE_EFFECTS__ */
function def(name: string, perLine: PerLine): EndpointDef {
  return { name, ...perLine };
}
/* @__NO_SIDE_EFFECTS__ */
function r(method: HttpMethod, path: string, extra: Partial<Spec> = {}): Spec {
  return { service: 'restpp', method, path, idempotent: method === 'GET', ...extra };
}
/* @__NO_SIDE_EFFECTS__ */
function both(spec: Spec): PerLine {
  return { '3': spec, '4': spec };
}

// Vertices and edges
export const vertices = def('vertices', both(r('GET', '/graph/{graph}/vertices/{vertexType}')));
export const vertex = def('vertex', both(r('GET', '/graph/{graph}/vertices/{vertexType}/{vertexId}')));
export const deleteVertices = def(
  'deleteVertices',
  both(r('DELETE', '/graph/{graph}/vertices/{vertexType}', { idempotent: true })),
);
export const deleteVertex = def(
  'deleteVertex',
  both(r('DELETE', '/graph/{graph}/vertices/{vertexType}/{vertexId}', { idempotent: true })),
);
export const edges = def('edges', both(r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}')));
export const deleteEdges = def(
  'deleteEdges',
  both(r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}', { idempotent: true })),
);
export const deleteVerticesByType = def(
  'deleteVerticesByType',
  both(r('DELETE', '/graph/{graph}/delete_by_type/vertices/{vertexType}', { idempotent: true })),
);
// Edge paths below the source vertex, one entry per depth (GET and DELETE share each template).
export const edgesOfType = def(
  'edgesOfType',
  both(r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}')),
);
export const edgesToType = def(
  'edgesToType',
  both(r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}')),
);
export const edgesToVertex = def(
  'edgesToVertex',
  both(r('GET', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}')),
);
export const edgesByDiscriminator = def(
  'edgesByDiscriminator',
  both(
    r(
      'GET',
      '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}/{discriminator}',
    ),
  ),
);
export const deleteEdgesOfType = def(
  'deleteEdgesOfType',
  both(r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}', { idempotent: true })),
);
export const deleteEdgesToType = def(
  'deleteEdgesToType',
  both(
    r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}', { idempotent: true }),
  ),
);
export const deleteEdgesToVertex = def(
  'deleteEdgesToVertex',
  both(
    r('DELETE', '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}', {
      idempotent: true,
    }),
  ),
);
export const deleteEdgesByDiscriminator = def(
  'deleteEdgesByDiscriminator',
  both(
    r(
      'DELETE',
      '/graph/{graph}/edges/{sourceType}/{sourceId}/{edgeType}/{targetType}/{targetId}/{discriminator}',
      { idempotent: true },
    ),
  ),
);
export const upsert = def('upsert', both(r('POST', '/graph/{graph}', { body: 'json' })));
export const builtins = def(
  'builtins',
  both(r('POST', '/builtins/{graph}', { body: 'json', idempotent: true })),
);
export const shortestPath = def(
  'shortestPath',
  both(r('POST', '/shortestpath/{graph}', { body: 'json', idempotent: true })),
);
export const allPaths = def(
  'allPaths',
  both(r('POST', '/allpaths/{graph}', { body: 'json', idempotent: true })),
);
