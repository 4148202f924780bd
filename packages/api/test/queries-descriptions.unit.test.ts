// Query descriptions build their requests as the reference shows (§4.13, §4.14; pyTigerGraph §4.9
// recording of updateQueryDescription); test/queries-descriptions.int.test.ts runs them against the
// emulator. Here the transport runs over a fetch that records each request and answers with the
// reference's shapes.
import { ValidationError } from '@tgraph/protocol';
import { createTransport } from '@tgraph/transport';
import { describe, expect, it } from 'vitest';
import { createContext } from '../src/context.js';
import { dropQueryDescriptions, getQueryDescriptions, setQueryDescription } from '../src/queries.js';

function recorded(reply: unknown, line: '3' | '4') {
  const seen: { method: string; url: string; contentType: string | null; body: string }[] = [];
  const fetch = async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    seen.push({
      method: init?.method ?? 'GET',
      url,
      contentType: new Headers(init?.headers).get('content-type'),
      body: typeof init?.body === 'string' ? init.body : '',
    });
    return new Response(JSON.stringify(reply), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  const transport = createTransport({
    restppUrls: ['http://tg.test:9000'],
    gsqlUrl: 'http://tg.test:14240',
    fetch,
    retry: { limit: 0 },
  });
  return { seen, ctx: createContext({ transport, graph: 'g', line }) };
}

describe('query descriptions request building', () => {
  it('sets a description exactly as pyTigerGraph records it (4.1+ path, 4.0 path on line 3)', async () => {
    const v4 = recorded({ error: false, message: 'Successfully updated descriptions.' }, '4');
    expect(await setQueryDescription(v4.ctx, 'q1', 'd', { p: 'pd' })).toBe(
      'Successfully updated descriptions.',
    );
    expect(v4.seen).toEqual([
      {
        method: 'PUT',
        url: 'http://tg.test:14240/gsql/v1/description?graph=g',
        contentType: 'application/json',
        body: '{"queries":[{"queryName":"q1","description":"d","parameters":[{"paramName":"p","description":"pd"}]}]}',
      },
    ]);
    const v3 = recorded({ error: false, message: '' }, '3');
    await setQueryDescription(v3.ctx, 'q1', 'd');
    expect(v3.seen[0]?.url).toBe('http://tg.test:14240/gsqlserver/gsql/description?graph=g');
    expect(v3.seen[0]?.body).toBe('{"queries":[{"queryName":"q1","description":"d"}]}');
  });

  it('reads descriptions from results.queries and drops them with their parameters', async () => {
    const get = recorded(
      {
        error: false,
        message: '',
        results: { queries: [{ queryName: 'q1', description: 'd', parameters: [] }] },
      },
      '4',
    );
    expect(await getQueryDescriptions(get.ctx, ['q1', 'q2'])).toEqual([
      { queryName: 'q1', description: 'd', parameters: [] },
    ]);
    expect(get.seen[0]?.url).toBe('http://tg.test:14240/gsql/v1/description?query=q1%2Cq2&graph=g');
    await getQueryDescriptions(get.ctx);
    expect(get.seen[1]?.url).toBe('http://tg.test:14240/gsql/v1/description?query=all&graph=g');

    const drop = recorded({ error: false, message: 'Successfully dropped descriptions.' }, '4');
    await dropQueryDescriptions(drop.ctx, ['q1']);
    await dropQueryDescriptions(drop.ctx, 'all', { parameters: false });
    expect(drop.seen.map((s) => `${s.method} ${s.body}`)).toEqual([
      'DELETE {"queries":["q1"],"queryParameters":["q1.*"]}',
      'DELETE {"queries":["*"]}',
    ]);
    await expect(setQueryDescription(drop.ctx, 'bad name', 'x')).rejects.toBeInstanceOf(ValidationError);
  });
});
