// Integration helpers: start emulators in-process (for their clock and recorded requests) and wire
// @tgraph/transport + @tgraph/transport-node + an auth provider to them (the facade does not exist yet).

import { type EmulatorOptions, type RunningEmulator, startEmulator } from '@tgraph/emulator';
import type { AuthProvider, ServerLine } from '@tgraph/protocol';
import { createTransport, type Transport } from '@tgraph/transport';
import { createNodeAdapter } from '@tgraph/transport-node';
import { afterAll } from 'vitest';
import type { AuthContext } from '../../src/index.js';

export const SECRET = 'n35lsqofc1if62fld2rmnb9hocqbh8ia';
export const SEED_PATH = '/graph/MyGraph/vertices/Patient';
export const SEED_QUERY = { limit: '5', select: 'birth_year' };

const emulators: RunningEmulator[] = [];
const transports: Transport[] = [];

afterAll(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  await Promise.all(emulators.splice(0).map((e) => e.stop()));
});

export async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const e = await startEmulator({ seed: 'covid', ...options });
  emulators.push(e);
  return e;
}

export const lineOf = (e: RunningEmulator): ServerLine =>
  e.version.startsWith('3') || e.version.startsWith('4.0') ? '3' : '4';

export interface Connection {
  transport: Transport;
  /** The lifecycle context bound to this connection (what the facade will do). */
  ctx: AuthContext;
  line: ServerLine;
  /** GET on RESTPP, returning status and body. */
  restpp(path: string, searchParams?: Record<string, string>): Promise<{ status: number; data: unknown }>;
  /** A GSQL-server call that needs a logged-in user (schema of MyGraph). */
  gsqlSchema(): Promise<{ status: number; data: unknown }>;
}

export function connect(
  e: RunningEmulator,
  auth: AuthProvider | undefined,
  options: { line?: ServerLine | null; graph?: string } = {},
): Connection {
  const line = lineOf(e);
  const configuredLine = options.line === null ? undefined : (options.line ?? line);
  const graph = options.graph ?? 'MyGraph';
  const transport = createTransport({
    adapter: createNodeAdapter(),
    restppUrls: [line === '3' ? e.restppUrl : e.restppViaGsUrl],
    gsqlUrl: e.gsUrl,
    auth,
    line: configuredLine,
    graph,
    retry: { limit: 0 },
    timeoutMs: 10_000,
  });
  transports.push(transport);
  const ctx: AuthContext = { requester: transport.authRequester, line: configuredLine, graph, auth };
  return {
    transport,
    ctx,
    line,
    restpp: async (path, searchParams) => {
      const res = await transport.request({ service: 'restpp', method: 'GET', path, searchParams });
      return { status: res.status, data: res.data };
    },
    gsqlSchema: async () => {
      const path = line === '3' ? '/gsqlserver/gsql/schema' : '/gsql/v1/schema/graphs/MyGraph';
      const res = await transport.request({
        service: 'gsql',
        method: 'GET',
        path,
        searchParams: line === '3' ? { graph: 'MyGraph' } : undefined,
      });
      return { status: res.status, data: res.data };
    },
  };
}

/** Requests the emulator received for `METHOD path` (path relative to either listener). */
export function received(e: RunningEmulator, method: string, pathEnd: string) {
  return e.requests.filter((r) => r.method === method && (r.path === pathEnd || r.path.endsWith(pathEnd)));
}

export function header(r: { headers: Record<string, string | string[]> }, name: string): string | undefined {
  const v = r.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
