// GET /healthz (the process is up) and GET /readyz (TigerGraph reachable and our credentials
// accepted; fails during shutdown so load balancers stop sending traffic first).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../env.js';

const Health = z.object({ status: z.enum(['ok', 'unavailable']), tigergraph: z.string().optional() });

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'Liveness',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: Health } } } },
});

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['operations'],
  summary: 'Readiness: TigerGraph reachable and credentials accepted',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Health } } },
    503: { description: 'Not ready', content: { 'application/json': { schema: Health } } },
  },
});

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyz, async (c) => {
    if (deps.shuttingDown())
      return c.json({ status: 'unavailable' as const, tigergraph: 'shutting down' }, 503);
    const r = await deps.gateway.readiness();
    if (!r.ready) deps.logger.warn('not ready', { tigergraph: r.tigergraph });
    return r.ready
      ? c.json({ status: 'ok' as const, tigergraph: r.tigergraph }, 200)
      : c.json({ status: 'unavailable' as const, tigergraph: r.tigergraph }, 503);
  });
}
