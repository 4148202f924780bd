// POST /api/cases: report a new case with who infected them, whom they infected and where they
// travelled, and which infection case they belong to — one vertex upsert (two for a case the graph
// does not know yet) and one edge upsert per edge type (each atomic on TigerGraph).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { TigerGraphClient } from 'tgraph';
import { isCalendarDate } from '../domain/dates.js';
import type { AppDeps, AppEnv } from '../env.js';
import { HttpProblem } from '../problems.js';
import { PatientId, problemResponses } from '../schemas.js';

const CityId = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be a city id such as jongno_gu');
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const Day = z
  .string()
  .regex(DAY, 'must be a date YYYY-MM-DD')
  .superRefine((text, ctx) => {
    // Only once the shape is right: a second message for "10/02/2020" would say nothing new.
    if (DAY.test(text) && !isCalendarDate(text))
      ctx.addIssue({ code: 'custom', message: `${text} is not a date on the calendar` });
  });

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

type CaseReport = z.infer<typeof CaseSchema>;

/**
 * The InfectionCase vertex id for a case name, as the starter kit's data derives it
 * ("contact with patient" → contact_with_patient); letters of other scripts are kept.
 */
export const caseIdOf = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_');

/** Whom and what the report links to. */
function referencesOf(report: CaseReport) {
  const { patient } = report;
  const people = [...new Set([...(report.infectedBy ? [report.infectedBy] : []), ...report.contacts])];
  const cities = [
    ...new Set([...(patient.cityId ? [patient.cityId] : []), ...report.travels.map((t) => t.cityId)]),
  ];
  const caseId = patient.infectionCase === undefined ? undefined : caseIdOf(patient.infectionCase);
  return { people, cities, caseId };
}

/**
 * Checks that the patients and cities exist (edges to missing vertices would create empty ones);
 * answers whether the infection case exists (a new one is created with the report).
 */
async function checkReferences(tg: TigerGraphClient, report: CaseReport, signal: AbortSignal) {
  const { people, cities, caseId } = referencesOf(report);
  const ids = (type: string, list: string[], key: string) =>
    list.length ? tg.vertices.getById(type, list, { select: [key], strategy: 'perId', signal }) : [];
  const [knownPeople, knownCities, knownCases] = await Promise.all([
    ids('Patient', people, 'patient_id'),
    ids('City', cities, 'city'),
    ids('InfectionCase', caseId === undefined ? [] : [caseId], 'infection_case'),
  ]);
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
  return { newCase: caseId !== undefined && knownCases.length === 0 };
}

/** The writes: the patient (and a new infection case), then one upsert per edge type. */
async function writeCase(tg: TigerGraphClient, report: CaseReport, newCase: boolean, signal: AbortSignal) {
  const { patient } = report;
  const { caseId } = referencesOf(report);
  const attributes: Record<string, string | number> = {
    sex: patient.sex,
    confirmed_date: `${patient.confirmedDate} 00:00:00`,
    ...(patient.birthYear === undefined ? {} : { birth_year: patient.birthYear }),
    ...(patient.infectionCase === undefined ? {} : { infection_case: patient.infectionCase }),
  };
  const must = { vertexMustExist: true, signal } as const;
  const out = [await tg.vertices.upsertMany('Patient', [[patient.id, attributes]], { atomic: true, signal })];
  if (newCase && caseId !== undefined) {
    const name = { infection_case: patient.infectionCase ?? '' };
    out.push(await tg.vertices.upsertMany('InfectionCase', [[caseId, name]], { atomic: true, signal }));
  }
  const infections: [string, string][] = [
    ...(report.infectedBy ? [[patient.id, report.infectedBy] as [string, string]] : []),
    ...report.contacts.map((id) => [id, patient.id] as [string, string]),
  ];
  if (infections.length) {
    out.push(
      await tg.edges.upsertMany('Patient', 'INFECTED_BY', 'Patient', infections, { ...must, atomic: true }),
    );
  }
  if (patient.cityId) {
    out.push(
      await tg.edges.upsertMany('Patient', 'PATIENT_FROM_CITY', 'City', [[patient.id, patient.cityId]], must),
    );
  }
  if (report.travels.length) {
    const trips = report.travels.map(
      (t) => [patient.id, t.cityId, { travel_date: `${t.date} 00:00:00` }] as const,
    );
    out.push(await tg.edges.upsertMany('Patient', 'TRAVELED', 'City', trips, { ...must, atomic: true }));
  }
  if (caseId !== undefined) {
    // BELONGS_TO_CASE (FROM Patient, TO InfectionCase): what the neighbourhood reads the case from.
    out.push(
      await tg.edges.upsertMany('Patient', 'BELONGS_TO_CASE', 'InfectionCase', [[patient.id, caseId]], must),
    );
  }
  return out;
}

export function registerCaseRoute(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const report = c.req.valid('json');
    const signal = c.get('signal');
    if (referencesOf(report).people.includes(report.patient.id)) {
      throw new HttpProblem(
        422,
        'self-contact',
        'Unprocessable Content',
        'A patient cannot be their own contact.',
      );
    }
    const { newCase } = await deps.gateway.call((tg) => checkReferences(tg, report, signal));
    const summaries = await deps.gateway.call((tg) => writeCase(tg, report, newCase, signal));
    return c.json(
      {
        id: report.patient.id,
        acceptedVertices: summaries.reduce((n, s) => n + s.accepted_vertices, 0),
        acceptedEdges: summaries.reduce((n, s) => n + s.accepted_edges, 0),
      },
      201,
    );
  });
}
