// A prototype Node adapter on `undici.request` instead of undici's `fetch` (bench only): it answers
// with a WHATWG Response built from the fully read body, so it cannot stream responses or request
// bodies. It measures how much of the SDK's per-request overhead is undici's fetch itself.
import type { TransportAdapter } from '@tgraph/transport';
import { Agent, request } from 'undici';

export function requestAdapter(): TransportAdapter {
  const agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  return {
    capabilities: { runtime: 'node', streamingRequestBody: false, customCa: false, userAgentHeader: true },
    async fetch(input, init) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const res = await request(url, {
        method: (init?.method ?? 'GET') as 'GET',
        headers: (init?.headers ?? {}) as Record<string, string>,
        body: (init?.body ?? null) as string | Uint8Array | null,
        ...(init?.signal ? { signal: init.signal } : {}),
        dispatcher: agent,
      });
      const text = await res.body.text();
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        else if (value !== undefined) headers.set(name, value);
      }
      const nullBody = res.statusCode === 204 || res.statusCode === 304;
      return new Response(nullBody ? null : text, { status: res.statusCode, headers });
    },
    close: () => agent.close(),
  };
}
