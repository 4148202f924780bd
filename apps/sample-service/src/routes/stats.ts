// GET /api/cities/stats: patients per city, from the installed GSQL query `city_stats`.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../env.js';
import { problemResponses } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/cities/stats',
  tags: ['statistics'],
  summary: 'Patients per city (installed query city_stats)',
  request: {
    query: z.object({
      province: z
        .string()
        .regex(/^[\p{L}\p{N} .-]{1,64}$/u, 'must be a province name (letters, digits, spaces, . or -)')
        .optional()
        .openapi({ example: 'Seoul' }),
    }),
  },
  responses: {
    200: {
      description: 'Statistics',
      content: {
        'application/json': {
          schema: z
            .object({
              province: z.string().nullable(),
              patients: z.number().int(),
              byCase: z.record(z.string(), z.number().int()),
              cities: z.array(z.object({ id: z.string(), name: z.string(), patients: z.number().int() })),
            })
            .openapi('CityStats'),
        },
      },
    },
    ...problemResponses,
  },
});

type Result = [
  { patients: number; by_case: Record<string, number> },
  { cities: { v_id: string; attributes: Record<string, unknown> }[] },
];

export function registerStatsRoute(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { province } = c.req.valid('query');
    // Query parameters travel as values, never as GSQL text.
    const [totals, cities] = await deps.gateway.call((tg) =>
      tg.queries.run<Result>('city_stats', province === undefined ? {} : { province }, {
        method: 'GET',
        signal: c.get('signal'),
      }),
    );
    return c.json(
      {
        province: province ?? null,
        patients: totals.patients,
        byCase: totals.by_case,
        cities: cities.cities.map((city) => ({
          id: city.v_id,
          name: String(Object.entries(city.attributes).find(([k]) => k.endsWith('.city'))?.[1] ?? city.v_id),
          patients: Number(city.attributes['patients'] ?? 0),
        })),
      },
      200,
    );
  });
}
