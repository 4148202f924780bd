// GET /api/patients (list and search, keyset paging) and GET /api/patients/{id} (a patient with
// the contact neighbourhood from the installed query `neighbourhood`, and the chain of infectors
// from `infection_chain`, as a drawable graph).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type Condition,
  conditionText,
  PATIENT_ATTRIBUTES,
  PATIENT_ID,
  parseCondition,
  parseSelect,
  prefixConditions,
} from '../domain/patient-filter.js';
import type { AppDeps, AppEnv } from '../env.js';
import { HttpProblem } from '../problems.js';
import { GraphEdge, GraphNode, PatientId, PatientSummary, problemResponses } from '../schemas.js';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'Page size (1-100)' }),
  cursor: z
    .string()
    .regex(PATIENT_ID, 'must be a patient id from a previous page (nextCursor)')
    .optional()
    .openapi({ description: 'nextCursor of the previous page' }),
  q: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be the start of a patient id (letters, digits, _ or -)')
    .optional()
    .openapi({ description: 'Patient id prefix', example: '10000000' }),
  select: z
    .string()
    .optional()
    .openapi({ description: 'Comma-separated attributes to return', example: 'sex,birth_year' }),
  filter: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({
      description: 'Conditions, ANDed: attribute op value (op: = != > >= < <=)',
      example: 'birth_year>=1980',
    }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/patients',
  tags: ['patients'],
  summary: 'List and search patients',
  request: { query: listQuery },
  responses: {
    200: {
      description: 'One page of patients, ordered by id',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(PatientSummary), nextCursor: z.string().nullable() }),
        },
      },
    },
    ...problemResponses,
  },
});

const NeighbourhoodSchema = z
  .object({
    patient: z.object({
      id: z.string(),
      sex: z.string(),
      birthYear: z.number().int(),
      confirmedDate: z.string(),
    }),
    infectedBy: z.array(z.object({ id: z.string(), birthYear: z.number().int() })),
    infected: z.array(z.object({ id: z.string(), birthYear: z.number().int() })),
    homeCity: z.object({ id: z.string(), name: z.string() }).nullable(),
    visited: z.array(z.object({ id: z.string(), name: z.string() })),
    infectionCase: z.object({ id: z.string(), name: z.string() }).nullable(),
    contactCount: z.number().int(),
    chain: z.array(z.string()).openapi({ description: 'Infectors back to the source, nearest first' }),
    graph: z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) }),
  })
  .openapi('Neighbourhood');

const oneRoute = createRoute({
  method: 'get',
  path: '/api/patients/{id}',
  tags: ['patients'],
  summary: 'A patient with contact neighbourhood and infection chain',
  request: { params: z.object({ id: PatientId }) },
  responses: {
    200: {
      description: 'The neighbourhood',
      content: { 'application/json': { schema: NeighbourhoodSchema } },
    },
    ...problemResponses,
  },
});

type Row = { v_id: string; v_type: string; attributes: Record<string, unknown> };
type NeighbourhoodResult = [
  { patient: Row[] },
  { infected_by: Row[]; infected: Row[] },
  { home_city: Row[]; visited: Row[]; infection_case: Row[] },
  { contact_count: number },
];

/** Attributes of a PRINTed vertex set come as `Alias.attr`; read them by the bare name. */
const attr = (row: Row, name: string): unknown =>
  Object.entries(row.attributes).find(([k]) => k === name || k.endsWith(`.${name}`))?.[1];

export function registerPatientRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listRoute, async (c) => {
    const { limit, cursor, q, select, filter } = c.req.valid('query');
    const filters = typeof filter === 'string' ? [filter] : (filter ?? []);
    const conditions: Condition[] = filters.map(parseCondition);
    if (q !== undefined) conditions.push(...prefixConditions(q));
    if (cursor !== undefined) conditions.push({ attribute: 'patient_id', operator: '>', value: cursor });
    // Without `select`, exactly the allow-list: what a listing shows is always selectable.
    const selected =
      select === undefined || select.trim() === ''
        ? Object.keys(PATIENT_ATTRIBUTES)
        : parseSelect(select.split(',').map((s) => s.trim()));
    const rows = await deps.gateway.call((tg) =>
      tg.vertices.get('Patient', {
        select: selected,
        filter: conditions.map(conditionText),
        sort: ['patient_id'],
        // One extra row tells whether there is a next page.
        limit: limit + 1,
        signal: c.get('signal'),
      }),
    );
    const page = rows.slice(0, limit);
    return c.json(
      {
        items: page.map((r) => ({ id: r.v_id, attributes: r.attributes })),
        nextCursor: rows.length > limit ? (page.at(-1)?.v_id ?? null) : null,
      },
      200,
    );
  });

  app.openapi(oneRoute, async (c) => {
    const { id } = c.req.valid('param');
    const signal = c.get('signal');
    // The existence check and both queries go out together; an unknown id is a 404 whatever
    // the queries made of it. Failures are rethrown inside the gateway call so that rejected
    // credentials still lead to a credential reload.
    const [result, chainResult] = await deps.gateway.call(async (tg) => {
      const [found, neighbourhood, infectors] = await Promise.allSettled([
        tg.vertices.getById('Patient', [id], { select: ['patient_id'], signal }),
        tg.queries.run<NeighbourhoodResult>('neighbourhood', { p: id }, { method: 'GET', signal }),
        tg.queries.run<[{ chain: string[] }]>('infection_chain', { p: id }, { method: 'GET', signal }),
      ]);
      if (found.status === 'fulfilled' && found.value.length === 0) {
        throw new HttpProblem(404, 'patient-not-found', 'Not Found', `No patient has the id ${id}.`);
      }
      if (found.status === 'rejected') throw found.reason;
      if (neighbourhood.status === 'rejected') throw neighbourhood.reason;
      if (infectors.status === 'rejected') throw infectors.reason;
      return [neighbourhood.value, infectors.value] as const;
    });
    const [head, people, places, count] = result;
    const focus = head.patient[0];
    if (!focus) throw new HttpProblem(404, 'patient-not-found', 'Not Found', `No patient has the id ${id}.`);
    const person = (r: Row) => ({ id: r.v_id, birthYear: Number(attr(r, 'birth_year') ?? 0) });
    const named = (r: Row, name: string) => ({ id: r.v_id, name: String(attr(r, name) ?? r.v_id) });
    const chain = chainResult[0]?.chain ?? [];
    const body = {
      patient: {
        id: focus.v_id,
        sex: String(attr(focus, 'sex') ?? ''),
        birthYear: Number(attr(focus, 'birth_year') ?? 0),
        confirmedDate: String(attr(focus, 'confirmed_date') ?? ''),
      },
      infectedBy: people.infected_by.map(person),
      infected: people.infected.map(person),
      homeCity: places.home_city[0] ? named(places.home_city[0], 'city') : null,
      visited: places.visited.map((r) => named(r, 'city')),
      infectionCase: places.infection_case[0] ? named(places.infection_case[0], 'infection_case') : null,
      contactCount: count.contact_count,
      chain,
    };
    return c.json({ ...body, graph: drawable(body) }, 200);
  });
}

type Body = {
  patient: { id: string };
  infectedBy: { id: string }[];
  infected: { id: string }[];
  homeCity: { id: string; name: string } | null;
  visited: { id: string; name: string }[];
  infectionCase: { id: string; name: string } | null;
  chain: string[];
};

/** Nodes and edges for the page's graph; edges on the infection chain are flagged. */
function drawable(b: Body): { nodes: z.infer<typeof GraphNode>[]; edges: z.infer<typeof GraphEdge>[] } {
  const nodes = new Map<string, z.infer<typeof GraphNode>>();
  const edges = new Map<string, z.infer<typeof GraphEdge>>();
  const node = (
    id: string,
    type: z.infer<typeof GraphNode>['type'],
    label: string,
    role: z.infer<typeof GraphNode>['role'],
  ) => {
    const key = `${type}:${id}`;
    if (!nodes.has(key)) nodes.set(key, { id: key, type, label, role });
    return key;
  };
  const edge = (source: string, target: string, type: string, chain = false) => {
    const id = `${type}:${source}->${target}`;
    const known = edges.get(id);
    edges.set(id, { id, source, target, type, chain: chain || (known?.chain ?? false) });
  };
  const focus = node(b.patient.id, 'Patient', b.patient.id, 'focus');
  // The chain first, so its infectors keep the `chain` role.
  let previous = focus;
  for (const id of b.chain) {
    const next = node(id, 'Patient', id, 'chain');
    edge(previous, next, 'INFECTED_BY', true);
    previous = next;
  }
  for (const p of b.infectedBy) edge(focus, node(p.id, 'Patient', p.id, 'infector'), 'INFECTED_BY');
  for (const p of b.infected) edge(node(p.id, 'Patient', p.id, 'infected'), focus, 'INFECTED_BY');
  if (b.homeCity) edge(focus, node(b.homeCity.id, 'City', b.homeCity.name, 'city'), 'PATIENT_FROM_CITY');
  for (const c of b.visited) edge(focus, node(c.id, 'City', c.name, 'city'), 'TRAVELED');
  if (b.infectionCase)
    edge(focus, node(b.infectionCase.id, 'InfectionCase', b.infectionCase.name, 'case'), 'BELONGS_TO_CASE');
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
