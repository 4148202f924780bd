// POST /api/cases: report a new case with who infected them, whom they infected and where they
// travelled — one vertex upsert and one edge upsert per edge type (each atomic on TigerGraph).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../env.js';
import { HttpProblem } from '../problems.js';
import { PatientId, problemResponses } from '../schemas.js';

const CityId = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be a city id such as jongno_gu');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

const CaseSchema = z
  .object({
    patient: z.object({
      id: PatientId,
      sex: z.enum(['male', 'female', '']).default(''),
      birthYear: z.number().int().min(1900).max(2100).optional(),
      cityId: CityId.optional(),
      infectionCase: z
        .string()
        .regex(/^[\p{L}\p{N} .-]{1,64}$/u, 'must be a short description')
        .optional(),
      confirmedDate: Day,
    }),
    infectedBy: PatientId.optional().openapi({ description: 'The patient who infected this one' }),
    contacts: z.array(PatientId).max(100).default([]).openapi({ description: 'Patients this one infected' }),
    travels: z
      .array(z.object({ cityId: CityId, date: Day }))
      .max(100)
      .default([]),
  })
  .openapi('CaseReport');

const route = createRoute({
  method: 'post',
  path: '/api/cases',
  tags: ['cases'],
  summary: 'Report a new case and its contacts',
  request: { body: { required: true, content: { 'application/json': { schema: CaseSchema } } } },
  responses: {
    201: {
      description: 'Stored',
      content: {
        'application/json': {
          schema: z.object({
            id: z.string(),
            acceptedVertices: z.number().int(),
            acceptedEdges: z.number().int(),
          }),
        },
      },
    },
    422: {
      description: 'Unknown contacts or cities',
      content: {
        'application/problem+json': {
          schema: problemResponses[400].content['application/problem+json'].schema,
        },
      },
    },
    ...problemResponses,
  },
});

export function registerCaseRoute(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const report = c.req.valid('json');
    const { patient } = report;
    const signal = c.get('signal');
    const people = [...new Set([...(report.infectedBy ? [report.infectedBy] : []), ...report.contacts])];
    if (people.includes(patient.id)) {
      throw new HttpProblem(
        422,
        'self-contact',
        'Unprocessable Content',
        'A patient cannot be their own contact.',
      );
    }
    const cities = [
      ...new Set([...(patient.cityId ? [patient.cityId] : []), ...report.travels.map((t) => t.cityId)]),
    ];
    // Edges to missing vertices would create empty ones: check the references first.
    const [knownPeople, knownCities] = await deps.gateway.call((tg) =>
      Promise.all([
        people.length
          ? tg.vertices.getById('Patient', people, { select: ['patient_id'], strategy: 'perId', signal })
          : [],
        cities.length
          ? tg.vertices.getById('City', cities, { select: ['city'], strategy: 'perId', signal })
          : [],
      ]),
    );
    const missing = [
      ...people.filter((id) => !knownPeople.some((v) => v.v_id === id)).map((id) => `patient ${id}`),
      ...cities.filter((id) => !knownCities.some((v) => v.v_id === id)).map((id) => `city ${id}`),
    ];
    if (missing.length > 0) {
      throw new HttpProblem(
        422,
        'unknown-references',
        'Unprocessable Content',
        `Unknown ${missing.join(', ')}.`,
      );
    }
    const attributes: Record<string, string | number> = {
      sex: patient.sex,
      confirmed_date: `${patient.confirmedDate} 00:00:00`,
      ...(patient.birthYear === undefined ? {} : { birth_year: patient.birthYear }),
      ...(patient.infectionCase === undefined ? {} : { infection_case: patient.infectionCase }),
    };
    const summaries = await deps.gateway.call(async (tg) => {
      const out = [
        await tg.vertices.upsertMany('Patient', [[patient.id, attributes]], { atomic: true, signal }),
      ];
      const infections: [string, string][] = [
        ...(report.infectedBy ? [[patient.id, report.infectedBy] as [string, string]] : []),
        ...report.contacts.map((id) => [id, patient.id] as [string, string]),
      ];
      if (infections.length) {
        out.push(
          await tg.edges.upsertMany('Patient', 'INFECTED_BY', 'Patient', infections, {
            vertexMustExist: true,
            atomic: true,
            signal,
          }),
        );
      }
      if (patient.cityId) {
        out.push(
          await tg.edges.upsertMany('Patient', 'PATIENT_FROM_CITY', 'City', [[patient.id, patient.cityId]], {
            vertexMustExist: true,
            signal,
          }),
        );
      }
      if (report.travels.length) {
        out.push(
          await tg.edges.upsertMany(
            'Patient',
            'TRAVELED',
            'City',
            report.travels.map((t) => [patient.id, t.cityId, { travel_date: `${t.date} 00:00:00` }] as const),
            { vertexMustExist: true, atomic: true, signal },
          ),
        );
      }
      return out;
    });
    return c.json(
      {
        id: patient.id,
        acceptedVertices: summaries.reduce((n, s) => n + s.accepted_vertices, 0),
        acceptedEdges: summaries.reduce((n, s) => n + s.accepted_edges, 0),
      },
      201,
    );
  });
}
