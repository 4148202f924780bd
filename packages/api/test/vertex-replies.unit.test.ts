// Vertex list replies through the public functions: well-formed ones in their variants are read,
// malformed ones are rejected by the reply schema with the endpoint and field named.
import { createTransport } from '@tgraph/transport';
import { describe, expect, it } from 'vitest';
import { createContext } from '../src/context.js';
import { getVertices, getVerticesById } from '../src/vertices.js';

function contextAnswering(body: unknown) {
  const transport = createTransport({
    restppUrls: ['http://127.0.0.1:9'],
    retry: { limit: 0 },
    fetch: async () =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
  });
  return createContext({ transport, graph: 'g', line: '4' });
}

const vertex = { v_id: 'p1', v_type: 'Person', attributes: { name: 'a', n: 1 } };

describe('vertex list replies', () => {
  it('returns the vertices of a well-formed reply, with or without version, code or attributes', async () => {
    const full = {
      version: { edition: 'e', api: 'v2', schema: 0 },
      error: false,
      message: '',
      results: [vertex],
    };
    expect(await getVerticesById(contextAnswering(full), 'Person', 'p1')).toEqual([vertex]);
    const bare = { error: 'false', code: 'REST-0000', results: [{ v_id: 'p1', v_type: 'Person' }] };
    expect(await getVertices(contextAnswering(bare), 'Person')).toEqual([
      { v_id: 'p1', v_type: 'Person', attributes: {} },
    ]);
    expect(await getVertices(contextAnswering({ error: false, code: 0 }), 'Person')).toEqual([]);
    const named = { ...vertex, attributes: { constructor: 'c', name: 'a' } };
    expect(
      await getVerticesById(contextAnswering({ error: false, results: [named] }), 'Person', 'p1'),
    ).toEqual([named]);
  });

  it.each([
    ['a v_id that is not a string', { error: false, results: [{ ...vertex, v_id: 1 }] }, 'results[0].v_id'],
    [
      'attributes that are a list',
      { error: false, results: [{ ...vertex, attributes: [1] }] },
      'results[0].attributes',
    ],
    [
      'attributes that are null',
      { error: false, results: [{ ...vertex, attributes: null }] },
      'results[0].attributes',
    ],
    ['a version that is null', { version: null, error: false, results: [vertex] }, 'version'],
    ['a numeric message', { error: false, message: 3, results: [vertex] }, 'message'],
    ['results that are an object', { error: false, results: { a: vertex } }, 'results'],
    ['a vertex that is a string', { error: false, results: ['p1'] }, 'results[0]'],
  ])('rejects %s through the reply schema', async (_what, body, field) => {
    const failed = await getVerticesById(contextAnswering(body), 'Person', 'p1').catch((e: unknown) => e);
    expect(failed).toMatchObject({ name: 'ResponseShapeError', code: 'TG-RESPONSE-SHAPE' });
    expect((failed as Error).message).toContain(`GET /graph/g/vertices/Person/p1: ${field}:`);
  });
});
