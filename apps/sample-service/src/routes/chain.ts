// GET /api/chain?from=&to=: the infection chain linking two patients, by TigerGraph's shortest-path
// search restricted to patients (so only INFECTED_BY edges, in either direction, can link them).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { orderPath } from '../domain/chain.js';
import type { AppDeps, AppEnv } from '../env.js';
import { badRequest, HttpProblem } from '../problems.js';
import { PatientId, problemResponses } from '../schemas.js';

/** TigerGraph's default prefix for a reverse edge type (the starter kit's reverse_INFECTED_BY). */
const REVERSE = 'reverse_';

/** A condition no vertex meets: keeps path finding off that type (filters apply per type). */
const never = (attribute: string) => `${attribute} == "" and ${attribute} != ""`;
const NOT_PATIENTS = [
  { type: 'City', condition: never('city') },
  { type: 'Province', condition: never('province') },
  { type: 'InfectionCase', condition: never('infection_case') },
];

const route = createRoute({
  method: 'get',
  path: '/api/chain',
  tags: ['patients'],
  summary: 'Infection chain between two patients (path finding)',
  request: {
    query: z.object({
      from: PatientId,
      to: PatientId,
      maxLength: z.coerce.number().int().min(1).max(10).default(6),
    }),
  },
  responses: {
    200: {
      description: 'The chain, from `from` to `to`',
      content: {
        'application/json': {
          schema: z
            .object({
              from: z.string(),
              to: z.string(),
              path: z.array(z.string()),
              edges: z.array(z.object({ from: z.string(), to: z.string(), type: z.string() })),
            })
            .openapi('InfectionChain'),
        },
      },
    },
    ...problemResponses,
  },
});

export function registerChainRoute(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { from, to, maxLength } = c.req.valid('query');
    if (from === to)
      throw badRequest('from and to must be two different patients', [
        { path: 'to', message: 'equals from' },
      ]);
    const signal = c.get('signal');
    const found = await deps.gateway.call((tg) =>
      tg.vertices.getById('Patient', [from, to], { select: ['patient_id'], strategy: 'perId', signal }),
    );
    for (const id of [from, to]) {
      if (!found.some((v) => v.v_id === id)) {
        throw new HttpProblem(404, 'patient-not-found', 'Not Found', `No patient has the id ${id}.`);
      }
    }
    const result = await deps.gateway.call((tg) =>
      tg.paths.shortest(
        { type: 'Patient', id: from },
        { type: 'Patient', id: to },
        { maxLength, vertexFilters: NOT_PATIENTS, signal },
      ),
    );
    const path = orderPath(from, to, result.edges);
    if (path === undefined) {
      throw new HttpProblem(
        404,
        'no-chain',
        'Not Found',
        `No infection chain of at most ${maxLength} steps links ${from} and ${to}.`,
      );
    }
    // Along the path, each link as the infection went: path finding may walk an edge backwards
    // and report it as the reverse type (reverse_INFECTED_BY from infector to infected).
    const edges = path.slice(1).flatMap((id, i) => {
      const prev = path[i] as string;
      const e = result.edges.find(
        (x) => (x.from_id === prev && x.to_id === id) || (x.from_id === id && x.to_id === prev),
      );
      if (!e) return [];
      return e.e_type.startsWith(REVERSE)
        ? [{ from: e.to_id, to: e.from_id, type: e.e_type.slice(REVERSE.length) }]
        : [{ from: e.from_id, to: e.to_id, type: e.e_type }];
    });
    return c.json({ from, to, path, edges }, 200);
  });
}
