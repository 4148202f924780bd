// Test stack: an in-process emulator (covid seed, RESTPP auth on, a preset secret) and the
// service started exactly as main.ts does, with the secret in a mounted-style file and the JSON
// log captured.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { readConfig } from '../src/config.js';
import { credentialSource } from '../src/credentials.js';
import { createLogger } from '../src/logger.js';
import { type RunningService, startService } from '../src/server.js';

export const SECRET = 'svcsecretA1b2C3d4E5f6G7h8I9j0kLmN';
/** The token the emulator hands the browser-SDK page (startStack({ browserDemo: true })). */
export const DEMO_TOKEN = 'demotokenZ9y8X7w6V5u4T3s2R1q0';

export interface Stack {
  emulator: RunningEmulator;
  service: RunningService;
  url: string;
  logs: string[];
  secretFile: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export async function startStack(
  options: { env?: Record<string, string>; webDir?: string; browserDemo?: boolean; version?: string } = {},
): Promise<Stack> {
  const demoToken = DEMO_TOKEN;
  const emulator = await startEmulator({
    seed: 'covid',
    auth: true,
    secrets: [{ secret: SECRET, alias: 'sample_service' }],
    tokens: [{ token: demoToken, graph: 'MyGraph', lifetime: 3600 }],
    cors: { origins: '*' },
    ...(options.version ? { version: options.version } : {}),
  });
  const dir = await mkdtemp(join(tmpdir(), 'sample-service-'));
  const secretFile = join(dir, 'tg-secret');
  await writeFile(secretFile, `${SECRET}\n`);
  const logs: string[] = [];
  const config = readConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'debug', ...options.env });
  const service = await startService({
    config,
    target: { host: emulator.gsUrl, graph: 'MyGraph', version: emulator.version },
    credentials: credentialSource({ secretFile }),
    logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
    webDir: options.webDir ?? join(dir, 'web'),
    browserDemo: options.browserDemo
      ? { host: emulator.gsUrl, graph: 'MyGraph', version: emulator.version, apiToken: demoToken }
      : undefined,
  });
  return {
    emulator,
    service,
    url: service.url,
    logs,
    secretFile,
    get: (path, init) => fetch(service.url + path, init),
    async stop() {
      await service.shutdown();
      await emulator.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The emulator's recorded requests since `from` (a sequence number). */
export function requestsSince(emulator: RunningEmulator, from: number) {
  return emulator.requests.filter((r) => r.seq > from);
}

export function lastSeq(emulator: RunningEmulator): number {
  return emulator.requests.at(-1)?.seq ?? 0;
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
