// GET /api/patients/{id}/similar?k=: "patients with a similar profile" — the patient's profile
// (age, sex, infection route; src/domain/profile.ts) is written to the `profile` vector attribute
// and TigerGraph's vectorSearch, in the installed query the profile index made sure of, finds the k
// nearest other patients (cosine distance).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { TigerGraphError } from 'tgraph';
import { PROFILE_ATTRIBUTE, PROFILE_SOURCES, patientProfile } from '../domain/profile.js';
import type { AppDeps, AppEnv } from '../env.js';
import { HttpProblem } from '../problems.js';
import { PatientId, problemResponses } from '../schemas.js';
import { ProfileIndex } from '../similar-index.js';

const SimilarPatient = z.object({
  id: z.string(),
  distance: z.number().openapi({ description: 'Cosine distance of the profiles (0 = the same profile)' }),
  sex: z.string(),
  birthYear: z.number().int(),
  infectionCase: z.string(),
});

const route = createRoute({
  method: 'get',
  path: '/api/patients/{id}/similar',
  tags: ['patients'],
  summary: 'Patients with a similar profile (TigerGraph vector search)',
  request: {
    params: z.object({ id: PatientId }),
    query: z.object({ k: z.coerce.number().int().min(1).max(50).default(5) }),
  },
  responses: {
    200: {
      description: 'The k patients whose profiles are nearest, nearest first',
      content: {
        'application/json': {
          schema: z
            .object({ id: z.string(), profile: z.array(z.number()), similar: z.array(SimilarPatient) })
            .openapi('SimilarPatients'),
        },
      },
    },
    501: { description: 'TigerGraph before 4.2 (no vector search)', content: problemResponses[400].content },
    ...problemResponses,
  },
});

export function registerSimilarRoute(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const index = new ProfileIndex(deps.logger);
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { k } = c.req.valid('query');
    const signal = c.get('signal');
    const result = await deps.gateway
      .call(async (tg) => {
        const [patient] = await tg.vertices.getById('Patient', [id], {
          select: [...PROFILE_SOURCES],
          signal,
        });
        if (!patient)
          throw new HttpProblem(404, 'patient-not-found', 'Not Found', `No patient has the id ${id}.`);
        await index.ensure(tg);
        // The subject's profile from its current attributes (it may have changed since indexing).
        const profile = patientProfile(patient.attributes);
        await tg.vectors.upsert('Patient', PROFILE_ATTRIBUTE, [[id, profile]], { signal });
        const matches = await tg.vectors.search(
          { type: 'Patient', attribute: PROFILE_ATTRIBUTE, vector: profile, k: k + 1 },
          { signal },
        );
        return { profile, matches: matches.filter((m) => m.id !== id).slice(0, k) };
      })
      .catch((error: unknown) => {
        if (error instanceof TigerGraphError && error.code === 'TG-UNSUPPORTED') {
          throw new HttpProblem(501, 'vectors-unsupported', 'Not Implemented', error.message);
        }
        throw error;
      });
    const similar = result.matches.map((m) => ({
      id: m.id,
      distance: m.distance,
      sex: String(m.attributes['sex'] ?? ''),
      birthYear: Number(m.attributes['birth_year'] ?? 0),
      infectionCase: String(m.attributes['infection_case'] ?? ''),
    }));
    return c.json({ id, profile: result.profile, similar }, 200);
  });
}
