// The per-request async context: the request id every log line and TigerGraph request carries.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's `X-Request-Id` when it is a safe token, else a fresh id. */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && INCOMING_ID.test(header) ? header : crypto.randomUUID();
}
