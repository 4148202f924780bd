// Integration helpers for the vertex, edge and rows tests: an in-process emulator (for its recorded
// requests) and an ApiContext over @tgraph/transport with basic auth, the way the facade wires it.
import { basicAuth } from '@tgraph/auth';
import {
  type EmulatorOptions,
  type RecordedRequest,
  type RunningEmulator,
  startEmulator,
} from '@tgraph/emulator';
import type { ServerLine } from '@tgraph/protocol';
import { createTransport, type Transport } from '@tgraph/transport';
import { afterAll } from 'vitest';
import { type ApiContext, createContext } from '../src/context.js';
import type { AnySchema, SchemaShape } from '../src/schema-types.js';

const emulators: RunningEmulator[] = [];
const transports: Transport[] = [];

afterAll(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  await Promise.all(emulators.splice(0).map((e) => e.stop()));
});

export const lineOf = (version: string): ServerLine =>
  version.startsWith('3') || version.startsWith('4.0') ? '3' : '4';

export interface Setup<S extends SchemaShape = AnySchema> {
  emu: RunningEmulator;
  ctx: ApiContext<S>;
  line: ServerLine;
  /** Requests received since the last `clear()`, optionally only `METHOD …pathEnd`. */
  sent(method?: string, pathEnd?: string): RecordedRequest[];
  clear(): void;
}

/** Starts an emulator (auth on, covid seed unless told otherwise) and a context on it. */
export async function setup<S extends SchemaShape = AnySchema>(
  version: string,
  options: EmulatorOptions = {},
): Promise<Setup<S>> {
  const emu = await startEmulator({ seed: 'covid', auth: true, version, ...options });
  emulators.push(emu);
  const line = lineOf(version);
  const transport = createTransport({
    restppUrls: [line === '3' ? emu.restppUrl : emu.restppViaGsUrl],
    gsqlUrl: emu.gsUrl,
    auth: basicAuth({ username: 'tigergraph', password: 'tigergraph' }),
    line,
    graph: 'MyGraph',
    retry: { limit: 0 },
    timeoutMs: 10_000,
  });
  transports.push(transport);
  const ctx = createContext<S>({ transport, graph: 'MyGraph', line });
  // One RESTPP call first, so that on 3.x basic auth has minted its RESTPP token before a test
  // counts requests.
  await transport.request({ service: 'restpp', method: 'GET', path: '/echo' });
  let from = emu.requests.at(-1)?.seq ?? 0;
  return {
    emu,
    ctx,
    line,
    sent(method, pathEnd) {
      return emu.requests
        .filter((r) => r.seq > from)
        .filter(
          (r) =>
            (method === undefined || r.method === method) &&
            (pathEnd === undefined || r.path.endsWith(pathEnd)),
        );
    },
    clear() {
      from = emu.requests.at(-1)?.seq ?? from;
    },
  };
}

/** The one request matching, asserting there was exactly one; RESTPP paths lose their /restpp prefix. */
export function only(requests: RecordedRequest[]): RecordedRequest & { body: string } {
  if (requests.length !== 1) {
    throw new Error(
      `expected one request, got ${requests.length}: ${requests.map((r) => `${r.method} ${r.url}`).join(', ')}`,
    );
  }
  return requests[0] as RecordedRequest;
}

/** A request's path without the nginx `/restpp` prefix (4.x layout). */
export const restppPath = (r: RecordedRequest): string => r.path.replace(/^\/restpp/, '');

export const header = (r: RecordedRequest, name: string): string | undefined => {
  const v = r.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};
