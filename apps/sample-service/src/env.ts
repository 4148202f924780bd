// What every route handler can reach: Hono's per-request variables and the service's dependencies.
import type { ServiceConfig } from './config.js';
import type { Logger } from './logger.js';
import type { TigerGraphGateway } from './tigergraph.js';

export interface AppVariables {
  requestId: string;
  /** Aborts when the request's deadline passes; handed to every TigerGraph call. */
  signal: AbortSignal;
}

export interface AppEnv {
  Variables: AppVariables;
}

/** Settings the browser-SDK demo page gets (embedded mode only). */
export interface BrowserDemoConfig {
  host: string;
  graph: string;
  version: string;
  apiToken: string;
}

export interface AppDeps {
  config: ServiceConfig;
  logger: Logger;
  gateway: TigerGraphGateway;
  /** Directory with the bundled pages (dist/web). */
  webDir: string;
  /** Set when the service runs on its embedded emulator. */
  browserDemo?: BrowserDemoConfig | undefined;
  /** True once shutdown began (readiness fails, connections close after their response). */
  shuttingDown(): boolean;
}
