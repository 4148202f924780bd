// Query strings that cannot be encoded (a lone UTF-16 surrogate has no UTF-8 form) fail as a
// ValidationError naming the parameter, before anything is sent — never as a bare URIError.
import { ValidationError } from '@tgraph/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, encodeSearchParams } from '../src/index.ts';
import { startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('query string encoding', () => {
  it('refuses a lone surrogate with a ValidationError and sends nothing', async () => {
    expect(() => encodeSearchParams({ filter: 'name="a\uD800"' })).toThrow(
      "query parameter 'filter' holds a lone UTF-16 surrogate, which has no UTF-8 form and cannot be sent",
    );
    const t = createTransport({ restppUrls: [server.url] });
    const error = await t
      .request({ service: 'restpp', method: 'GET', path: '/x', searchParams: { s: ['ok', '\uDC00'] } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('searchParams');
    expect(server.requests).toHaveLength(0);
    // Well-formed astral characters are fine.
    expect(encodeSearchParams({ s: '🙂 x' })).toBe('s=%F0%9F%99%82%20x');
    await t.close();
  });
});
