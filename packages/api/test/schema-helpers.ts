// Integration helpers for the schema, gsql, udts, system and auth tests: an in-process emulator
// (for its recorded requests) and an ApiContext over @tgraph/transport, wired like the facade.
import { basicAuth } from '@tgraph/auth';
import {
  type EmulatorOptions,
  type RecordedRequest,
  type RunningEmulator,
  startEmulator,
} from '@tgraph/emulator';
import type { AuthProvider, ServerLine } from '@tgraph/protocol';
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

export const VERSIONS = ['3.10', '4.2'] as const;

export const lineOf = (version: string): ServerLine =>
  version.startsWith('3') || version.startsWith('4.0') ? '3' : '4';

export interface Env<S extends SchemaShape = AnySchema> {
  emu: RunningEmulator;
  ctx: ApiContext<S>;
  line: ServerLine;
  /** Requests received since the last `clear()`, optionally only `METHOD …pathEnd` (path without query). */
  sent(method?: string, pathEnd?: string): RecordedRequest[];
  /** The only request matching `METHOD …pathEnd` since the last `clear()`. */
  one(method: string, pathEnd: string): RecordedRequest;
  clear(): void;
}

/** Starts an emulator (auth on, covid seed) and an ApiContext on it. */
export async function env<S extends SchemaShape = AnySchema>(
  version: string,
  options: EmulatorOptions & { authProvider?: AuthProvider } = {},
): Promise<Env<S>> {
  const { authProvider, ...emuOptions } = options;
  const emu = await startEmulator({ seed: 'covid', auth: true, version, ...emuOptions });
  emulators.push(emu);
  const line = lineOf(version);
  const auth = authProvider ?? basicAuth({ username: 'tigergraph', password: 'tigergraph' });
  const transport = createTransport({
    restppUrls: [line === '3' ? emu.restppUrl : emu.restppViaGsUrl],
    gsqlUrl: emu.gsUrl,
    auth,
    line,
    graph: 'MyGraph',
    retry: { limit: 0 },
    timeoutMs: 10_000,
  });
  transports.push(transport);
  const ctx = createContext<S>({ transport, graph: 'MyGraph', line, auth, now: () => emu.clock.now() });
  // One RESTPP call first so that a provider that mints a RESTPP token does it before tests count requests.
  await transport.request({ service: 'restpp', method: 'GET', path: '/echo' });
  let from = emu.requests.at(-1)?.seq ?? 0;
  const sent = (method?: string, pathEnd?: string) =>
    emu.requests
      .filter((r) => r.seq > from)
      .filter((r) => method === undefined || r.method === method)
      .filter((r) => pathEnd === undefined || r.path === pathEnd || r.path.endsWith(pathEnd));
  return {
    emu,
    ctx,
    line,
    sent,
    one(method, pathEnd) {
      const found = sent(method, pathEnd);
      if (found.length !== 1) {
        throw new Error(
          `expected one ${method} …${pathEnd}, got ${found.length}: ${sent()
            .map((r) => `${r.method} ${r.url}`)
            .join(', ')}`,
        );
      }
      return found[0]!;
    },
    clear() {
      from = emu.requests.at(-1)?.seq ?? 0;
    },
  };
}

/** A header as the emulator received it. */
export function header(r: RecordedRequest, name: string): string | undefined {
  const v = r.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Awaits `p` and returns what it threw. */
export async function thrown(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
