// onRejected receives the very context object headers() got for the rejected attempt, so a
// provider can tell which credential that request carried (a token replaced meanwhile, or the
// same expired one that must be exchanged again).
import type { AuthProvider, AuthRequestContext } from '@tgraph/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from '../src/index.ts';
import { json, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('auth rejection', () => {
  it('hands onRejected the same context object headers() was given for that attempt', async () => {
    const seen: { headers: AuthRequestContext[]; rejected: AuthRequestContext[] } = {
      headers: [],
      rejected: [],
    };
    let token = 'expired-token-0000000000000000';
    const auth: AuthProvider = {
      kind: 'token',
      async headers(context) {
        seen.headers.push(context);
        return { Authorization: `Bearer ${token}` };
      },
      async onRejected(context) {
        seen.rejected.push(context);
        token = 'fresh-token-00000000000000000000';
        return true;
      },
      secrets: () => [token],
    };
    server.handle((req, res) => {
      if (req.headers.authorization === 'Bearer fresh-token-00000000000000000000') {
        json(res, 200, { error: false, message: '', results: [] });
      } else {
        json(res, 401, { error: true, code: 'REST-10019', message: 'token is expired', results: [] });
      }
    });
    const t = createTransport({ restppUrls: [server.url], auth });
    const res = await t.request({
      service: 'restpp',
      method: 'POST',
      path: '/graph/g',
      json: { vertices: {} },
    });
    expect(res.status).toBe(200);
    expect(seen.headers).toHaveLength(2);
    expect(seen.rejected).toHaveLength(1);
    expect(seen.rejected[0]).toBe(seen.headers[0]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer expired-token-0000000000000000',
      'Bearer fresh-token-00000000000000000000',
    ]);
    await t.close();
  });
});
