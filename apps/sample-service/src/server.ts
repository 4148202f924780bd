// Runs the app on Node's HTTP server and shuts it down gracefully: readiness fails first, the
// listener stops accepting, in-flight requests finish (each answered with `Connection: close`),
// idle keep-alive connections are closed, and only then the TigerGraph client is released.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.js';
import type { ServiceConfig } from './config.js';
import type { CredentialSource } from './credentials.js';
import type { BrowserDemoConfig } from './env.js';
import type { Logger } from './logger.js';
import { TigerGraphGateway } from './tigergraph.js';

export interface StartOptions {
  config: ServiceConfig;
  /** The server to use (config.tigergraph, or the embedded emulator). */
  target: NonNullable<ServiceConfig['tigergraph']>;
  credentials: CredentialSource;
  logger: Logger;
  webDir: string;
  browserDemo?: BrowserDemoConfig | undefined;
  /** Token expiry clock (tests pass the emulator's). */
  now?: (() => number) | undefined;
}

export interface RunningService {
  url: string;
  port: number;
  gateway: TigerGraphGateway;
  /** Requests being handled right now. */
  inFlight(): number;
  /** Graceful shutdown; idempotent. */
  shutdown(): Promise<void>;
}

export async function startService(options: StartOptions): Promise<RunningService> {
  const { config, logger } = options;
  const gateway = new TigerGraphGateway({
    target: options.target,
    credentials: options.credentials,
    logger,
    tokenLifetimeSeconds: config.tokenLifetimeSeconds,
    timeoutMs: config.tgTimeoutMs,
    now: options.now,
  });
  await gateway.start();

  let shuttingDown = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const app = createApp({
    config,
    logger,
    gateway,
    webDir: options.webDir,
    browserDemo: options.browserDemo,
    shuttingDown: () => shuttingDown,
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.on('request', (_req, res) => {
    inFlight++;
    res.on('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info('listening', { url });

  let stopping: Promise<void> | undefined;
  const shutdown = () => {
    stopping ??= (async () => {
      shuttingDown = true;
      logger.info('shutting down', { inFlight });
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const done = new Promise<void>((resolve) => {
          drained = resolve;
        });
        const grace = new Promise<'timeout'>((resolve) =>
          setTimeout(() => resolve('timeout'), config.shutdownGraceMs).unref(),
        );
        if ((await Promise.race([done, grace])) === 'timeout') {
          logger.warn('shutdown grace period over; closing remaining connections', { inFlight });
          server.closeAllConnections();
        }
      }
      server.closeIdleConnections();
      await closed;
      await gateway.close();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { url, port, gateway, inFlight: () => inFlight, shutdown };
}
