// Request and response schemas shared by the routes and the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { PATIENT_ID } from './domain/patient-filter.js';

export const PatientId = z
  .string()
  .regex(PATIENT_ID, 'must be 1-40 letters, digits, _ or -')
  .openapi({ example: '1000000003' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const problemResponses = {
  400: { description: 'Bad input', content: { 'application/problem+json': { schema: ProblemSchema } } },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: ProblemSchema } } },
  503: {
    description: 'TigerGraph unreachable or rejecting our credentials',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  504: { description: 'Deadline passed', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;

export const PatientSummary = z
  .object({ id: z.string(), attributes: z.record(z.string(), z.unknown()) })
  .openapi('PatientSummary');

export const GraphNode = z.object({
  id: z.string(),
  type: z.enum(['Patient', 'City', 'InfectionCase']),
  label: z.string(),
  role: z.enum(['focus', 'infector', 'infected', 'chain', 'member', 'city', 'case']),
});
export const GraphEdge = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: z.string(),
  chain: z.boolean(),
});
