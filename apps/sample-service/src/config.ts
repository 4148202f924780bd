// The service's configuration, read once from the environment (and mounted files for credentials).
// Invalid values stop the process at start with a message naming the variable.
import { z } from 'zod';

const positiveMs = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  TG_HOST: z.string().url().optional(),
  TG_GRAPH: z
    .string()
    .regex(/^[A-Za-z_]\w*$/, 'must be a graph name')
    .default('MyGraph'),
  TG_VERSION: z.string().optional(),
  TG_RESTPP_PORT: z.coerce.number().int().positive().optional(),
  TG_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().positive().default(3600),
  TG_TIMEOUT_MS: positiveMs(10_000),
  REQUEST_TIMEOUT_MS: positiveMs(15_000),
  IMPORT_TIMEOUT_MS: positiveMs(300_000),
  SHUTDOWN_GRACE_MS: positiveMs(10_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where TigerGraph is: a configured server, or the embedded emulator started by main.ts. */
export interface TigerGraphTarget {
  host: string;
  graph: string;
  version?: string | undefined;
  restppPort?: number | undefined;
}

export interface ServiceConfig {
  host: string;
  port: number;
  /** Absent: start the embedded emulator with the covid seed. */
  tigergraph: TigerGraphTarget | undefined;
  graph: string;
  tokenLifetimeSeconds: number;
  /** Client timeout of one TigerGraph request. */
  tgTimeoutMs: number;
  /** Deadline of one HTTP request to this service (CSV import has its own). */
  requestTimeoutMs: number;
  importTimeoutMs: number;
  shutdownGraceMs: number;
  logLevel: LogLevel;
}

/** Reads the configuration; throws an Error naming every bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): ServiceConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    tigergraph:
      e.TG_HOST === undefined
        ? undefined
        : { host: e.TG_HOST, graph: e.TG_GRAPH, version: e.TG_VERSION, restppPort: e.TG_RESTPP_PORT },
    graph: e.TG_GRAPH,
    tokenLifetimeSeconds: e.TG_TOKEN_LIFETIME_SECONDS,
    tgTimeoutMs: e.TG_TIMEOUT_MS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    importTimeoutMs: e.IMPORT_TIMEOUT_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    logLevel: e.LOG_LEVEL,
  };
}
