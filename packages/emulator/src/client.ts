// Browser- and Deno-safe helpers for the control server (global fetch only, no node: imports).
import type { RecordedRequest } from './http/record.js';

/** Serialisable emulator options (see EmulatorOptions; no clock, TLS material as PEM strings). */
export interface ControlEmulatorOptions {
  version?: string;
  auth?: boolean;
  users?: { username: string; password: string; roles?: string[] | Record<string, string[]> }[];
  host?: string;
  port?: number;
  gsPort?: number;
  restppPort?: number;
  cloudPort?: number;
  seed?: 'covid' | 'empty';
  gsqlScript?: string;
  cors?: { origins: string[] | '*'; headers?: string[] };
  tls?: { key: string; cert: string };
  maxBodyBytes?: number;
  authErrorStatus?: 401 | 403;
  secrets?: { secret: string; alias?: string; username?: string; graph?: string }[];
  tokens?: { token: string; username?: string; graph?: string; lifetime?: number }[];
  maxRecordedRequests?: number;
}

export interface EmulatorHandle {
  id: string;
  version: string;
  host: string;
  restppUrl: string;
  restppPort: number;
  gsUrl: string;
  gsPort: number;
  cloudUrl: string;
  cloudPort: number;
  restppViaGsUrl: string;
}

/** A request the emulator received, as the control server returns it. */
export type ControlRecordedRequest = RecordedRequest;

export interface ControlClient {
  create(options?: ControlEmulatorOptions): Promise<EmulatorHandle>;
  advanceClock(id: string, ms: number): Promise<number>;
  requests(id: string): Promise<ControlRecordedRequest[]>;
  clearRequests(id: string): Promise<void>;
  gsql(id: string, text: string): Promise<string>;
  /** Test hook: the emulator's next request or running-query slice fails unexpectedly. */
  injectFault(id: string, site: 'request' | 'query-run'): Promise<void>;
  /** Test hook: the emulator's `/vector/status` reports a pending rebuild (`true`) or none. */
  setVectorRebuildPending(id: string, pending: boolean): Promise<void>;
  destroy(id: string): Promise<void>;
}

async function call(url: string, method: string, body?: unknown): Promise<unknown> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`Emulator control ${method} ${url} failed (${res.status}): ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

export function connectControl(controlUrl: string): ControlClient {
  const base = controlUrl.replace(/\/+$/, '');
  const at = (id: string, rest = '') => `${base}/emulators/${encodeURIComponent(id)}${rest}`;
  return {
    create: async (options = {}) => (await call(`${base}/emulators`, 'POST', options)) as EmulatorHandle,
    advanceClock: async (id, ms) =>
      ((await call(at(id, '/clock'), 'POST', { advanceMs: ms })) as { now: number }).now,
    requests: async (id) => (await call(at(id, '/requests'), 'GET')) as ControlRecordedRequest[],
    clearRequests: async (id) => {
      await call(at(id, '/requests'), 'DELETE');
    },
    gsql: async (id, text) => ((await call(at(id, '/gsql'), 'POST', { text })) as { output: string }).output,
    injectFault: async (id, site) => {
      await call(at(id, '/fault'), 'POST', { site });
    },
    setVectorRebuildPending: async (id, pending) => {
      await call(at(id, '/vector-rebuild'), 'POST', { pending });
    },
    destroy: async (id) => {
      await call(at(id), 'DELETE');
    },
  };
}
