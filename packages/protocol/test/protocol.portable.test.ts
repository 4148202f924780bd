// Pure protocol logic in every runtime (Node, Chromium, Deno): URL resolution, lossless JSON and
// error mapping. No node: imports, mocks or snapshots; no server needed.
import { describe, expect, it } from 'vitest';
import {
  AuthError,
  endpoint,
  errorFromResponse,
  NotFoundError,
  parseJson,
  parseJsonFallback,
  resolveConnection,
  stringifyJson,
  stringifyJsonFallback,
  TimeoutError,
  ValidationError,
  vertexPath,
} from '../src/index.ts';

describe('protocol (portable)', () => {
  it('resolves base URLs for 3.x, 4.x and Cloud', () => {
    expect(resolveConnection({ host: 'http://h', version: '3.10.1' }).restppUrls).toEqual(['http://h:9000']);
    const v4 = resolveConnection({ host: 'http://h:14240', version: '4.2.0' });
    expect(v4.restppUrls).toEqual(['http://h:14240/restpp']);
    expect(v4.gsqlUrl).toBe('http://h:14240');
    expect(resolveConnection({ host: 'x.i.tgcloud.io' }).restppUrls).toEqual([
      'https://x.i.tgcloud.io/restpp',
    ]);
    expect(() => resolveConnection({ restppPort: 'abc' })).toThrow(ValidationError);
  });

  it('keeps 64-bit integers exact on this runtime (native and fallback parser)', () => {
    const text = '{"n":9007199254740993,"u":18446744073709551615,"s":1,"f":2.5e3}';
    const want = { n: 9007199254740993n, u: 18446744073709551615n, s: 1, f: 2500 };
    expect(parseJson(text, { integers: 'auto' })).toEqual(want);
    expect(parseJsonFallback(text, 'auto', false)).toEqual(want);
    expect(parseJson(text, { integers: 'string' })).toEqual({
      n: '9007199254740993',
      u: '18446744073709551615',
      s: 1,
      f: 2500,
    });
    expect(stringifyJson(want)).toBe('{"n":9007199254740993,"u":18446744073709551615,"s":1,"f":2500}');
    expect(stringifyJsonFallback(want)).toBe(
      '{"n":9007199254740993,"u":18446744073709551615,"s":1,"f":2500}',
    );
  });

  it('maps TigerGraph errors to typed errors', () => {
    const e = { method: 'GET', path: '/restpp/graph/g/vertices/T' };
    const auth = errorFromResponse({
      status: 401,
      body: { error: true, code: 'REST-10016', message: 'denied' },
      endpoint: e,
    });
    expect(auth instanceof AuthError).toBe(true);
    expect(auth.message).toContain('getToken()');
    const missing = errorFromResponse({
      status: 404,
      body: { error: true, code: 'REST-1004', message: "The graph name 'g' parsed" },
      endpoint: e,
    });
    expect(missing instanceof NotFoundError).toBe(true);
    const slow = errorFromResponse({
      status: 504,
      body: { error: true, code: 'REST-3002', message: 't' },
      endpoint: e,
    });
    expect(slow instanceof TimeoutError).toBe(true);
  });

  it('builds encoded paths and per-line endpoints', () => {
    expect(vertexPath('g', 'T', 'a/b c')).toBe('/graph/g/vertices/T/a%2Fb%20c');
    expect(endpoint('requestToken', '4').path).toBe('/gsql/v1/tokens');
  });
});
