// The requester handed to auth providers: requests without credentials over the same pipeline,
// returning error answers instead of throwing (what `@tgraph/auth` exchanges secrets with).
import { parseJson } from '@tgraph/protocol/json';
import type { AuthExchangeRequest, AuthExchangeResponse, AuthRequester } from '@tgraph/protocol/options';
import type { TransportRequest, TransportResponse } from './types.js';

export function createRequester(
  request: (req: TransportRequest) => Promise<TransportResponse<string>>,
): AuthRequester {
  return async (r: AuthExchangeRequest): Promise<AuthExchangeResponse> => {
    const res = await request({
      service: r.service,
      method: r.method,
      path: r.path,
      json: r.json,
      body: r.body,
      headers: r.headers,
      searchParams: r.searchParams,
      signal: r.signal,
      skipAuth: true,
      acceptErrors: true,
      idempotent: false,
      responseType: 'text',
    });
    const text = res.data;
    let body: unknown = text;
    if (text.trim() !== '') {
      try {
        body = parseJson(text);
      } catch {
        body = text;
      }
    }
    return { status: res.status, headers: res.headers, body, text };
  };
}
