// A transport adapter over Node's built-in fetch that adds the current HTTP request's id as
// `X-Request-Id` to every TigerGraph request, so the service's logs and TigerGraph's (nginx,
// RESTPP) can be joined on one id. The facade accepts any adapter through its `adapter` option.
import type { TransportAdapter } from 'tgraph';
import { requestContext } from './request-context.js';

export const REQUEST_ID_HEADER = 'x-request-id';

export function requestIdAdapter(): TransportAdapter {
  return {
    fetch(input, init) {
      const requestId = requestContext.getStore()?.requestId;
      if (requestId === undefined) return fetch(input, init);
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      headers.set(REQUEST_ID_HEADER, requestId);
      return fetch(input, { ...init, headers });
    },
    // Node's fetch sends ReadableStream bodies as they are read (duplex: 'half'): CSV imports stream.
    capabilities: { runtime: 'custom', streamingRequestBody: true, customCa: false, userAgentHeader: true },
    close() {},
  };
}
