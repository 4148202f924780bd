import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  formatPath,
  parseResponse,
  ResponseShapeError,
  requestTokenReplySchema,
  restppEnvelope,
  restppEnvelopeSchema,
  TigerGraphError,
  vertexSchema,
} from '../src/index.ts';

const endpoint = { method: 'GET', path: '/restpp/graph/MyGraph/vertices/Patient?limit=2' };

function shapeError(fn: () => unknown): ResponseShapeError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error).toBeInstanceOf(TigerGraphError);
    return error as ResponseShapeError;
  }
  throw new Error('expected a ResponseShapeError');
}

describe('parseResponse', () => {
  it('returns typed data when the shape matches', () => {
    const env = parseResponse(
      restppEnvelopeSchema,
      { error: false, message: '', results: [1] },
      { endpoint },
    );
    expect(env.error).toBe(false);
    expect(env.results).toEqual([1]);
  });

  it('names the endpoint (method + path, no query) and the field path', () => {
    const error = shapeError(() =>
      parseResponse(
        restppEnvelope(z.array(vertexSchema)),
        { error: false, results: [{ v_id: 6100000100, v_type: 'Patient', attributes: {} }] },
        { endpoint, requestId: 'r1' },
      ),
    );
    expect(error.message).toMatch(
      /^GET \/restpp\/graph\/MyGraph\/vertices\/Patient: results\[0\]\.v_id: expected string, got number\./,
    );
    expect(error.endpoint?.path).toBe('/restpp/graph/MyGraph/vertices/Patient');
    expect(error.requestId).toBe('r1');
    expect(error.code).toBe('TG-RESPONSE-SHAPE');
  });

  it('reports missing fields, unions and refinements readably', () => {
    const missing = shapeError(() =>
      parseResponse(
        restppEnvelope(z.array(vertexSchema)),
        { error: false, results: [{ v_id: '1' }] },
        { endpoint },
      ),
    );
    expect(missing.message).toContain('results[0].v_type: missing (expected string)');
    const flag = shapeError(() => parseResponse(restppEnvelopeSchema, { error: 1 }, { endpoint }));
    expect(flag.message).toContain('error: expected boolean or string, got number');
    const token = shapeError(() =>
      parseResponse(
        requestTokenReplySchema,
        { error: false, message: 'x' },
        { endpoint: { method: 'POST', path: '/requesttoken' } },
      ),
    );
    expect(token.message).toContain('POST /requesttoken: token: missing token');
    const notObject = shapeError(() => parseResponse(restppEnvelopeSchema, 'oops', { endpoint }));
    expect(notObject.message).toContain(': expected object, got string');
  });

  it('never echoes response values (they may be tokens or user data)', () => {
    const secretish = 'eyJhbGciOiJIUzI1NiJ9.secret.value';
    const error = shapeError(() =>
      parseResponse(z.object({ n: z.number() }), { n: secretish }, { endpoint }),
    );
    expect(error.message).not.toContain(secretish);
    expect(error.message).toContain('n: expected number, got string');
  });

  it('lists at most maxIssues issues', () => {
    const error = shapeError(() =>
      parseResponse(
        z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string() }),
        {},
        { endpoint, maxIssues: 2 },
      ),
    );
    expect(error.message).toContain('(and 2 more)');
  });

  it('formats paths', () => {
    expect(formatPath(['results', 0, 'attributes', 'birth year'])).toBe(
      'results[0].attributes["birth year"]',
    );
    expect(formatPath([])).toBe('');
  });
});
