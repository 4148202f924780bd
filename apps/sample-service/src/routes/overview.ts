// GET /api/overview: what the page shows before anyone searches — how many vertices and edges of
// each type the graph holds (the `stat_vertex_number` / `stat_edge_number` built-ins) and the
// largest infection cluster with its longest chain of infectors, drawable as is.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { infectionClusters } from '../domain/clusters.js';
import type { AppDeps, AppEnv } from '../env.js';
import { GraphEdge, GraphNode, problemResponses } from '../schemas.js';

/** INFECTED_BY edges read for the clusters: bounded, so a large graph costs a bounded scan. */
export const OVERVIEW_EDGE_LIMIT = 2000;

const Overview = z
  .object({
    vertices: z.record(z.string(), z.number().int()),
    edges: z.record(z.string(), z.number().int()).openapi({ description: 'Reverse edge types left out' }),
    largestCluster: z
      .object({
        patients: z.array(z.string()),
        chain: z.array(z.string()).openapi({ description: 'The longest chain, infected first, source last' }),
        graph: z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) }),
      })
      .nullable(),
    clusters: z.number().int().openapi({ description: 'Infection clusters (patients linked by infections)' }),
  })
  .openapi('Overview');

const route = createRoute({
  method: 'get',
  path: '/api/overview',
  tags: ['statistics'],
  summary: 'Counts per type and the largest infection cluster',
  responses: {
    200: { description: 'The overview', content: { 'application/json': { schema: Overview } } },
    ...problemResponses,
  },
});

export function registerOverviewRoute(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const signal = c.get('signal');
    const [vertices, edges, infected] = await deps.gateway.call((tg) =>
      Promise.all([
        tg.vertices.countByType('*', { signal }),
        tg.edges.countByType('*', { signal }),
        // RESTPP only (no interpreted-query privilege needed): patient ids, then their edges.
        tg.edges.getByType('INFECTED_BY', { limit: OVERVIEW_EDGE_LIMIT, signal }),
      ]),
    );
    const clusters = infectionClusters(infected.map((e) => ({ infected: e.from_id, infector: e.to_id })));
    const largest = clusters[0];
    const onChain = new Set(largest?.chain.slice(1).map((id, i) => `${largest.chain[i]}>${id}`));
    const key = (id: string) => `Patient:${id}`;
    const largestCluster = largest
      ? {
          patients: largest.patients,
          chain: largest.chain,
          graph: {
            nodes: largest.patients.map((id) => ({
              id: key(id),
              type: 'Patient' as const,
              label: id,
              role: largest.chain.includes(id) ? ('chain' as const) : ('member' as const),
            })),
            edges: largest.infections.map((i) => ({
              id: `INFECTED_BY:${key(i.infected)}->${key(i.infector)}`,
              source: key(i.infected),
              target: key(i.infector),
              type: 'INFECTED_BY',
              chain: onChain.has(`${i.infected}>${i.infector}`),
            })),
          },
        }
      : null;
    // Reverse edge types mirror their forward type's count.
    const counts = (from: Partial<Record<string, number>>, keep: (type: string) => boolean) =>
      Object.fromEntries(Object.entries(from).flatMap(([t, n]) => (keep(t) ? [[t, n ?? 0]] : [])));
    return c.json(
      {
        vertices: counts(vertices, () => true),
        edges: counts(edges, (t) => !t.startsWith('reverse_')),
        largestCluster,
        clusters: clusters.length,
      },
      200,
    );
  });
}
