// What `pnpm start` does, as a function: with TG_HOST, serve that TigerGraph with the configured
// credentials; without, boot the embedded emulator first and use its secret. `stop()` shuts the
// service down gracefully, then the embedded emulator.
import { readConfig } from './config.js';
import { credentialSettingsFromEnv, credentialSource } from './credentials.js';
import { startEmbeddedTigerGraph } from './embedded.js';
import type { BrowserDemoConfig } from './env.js';
import { createLogger, type Logger } from './logger.js';
import { type RunningService, startService } from './server.js';

export interface RunOptions {
  env?: Record<string, string | undefined> | undefined;
  webDir: string;
  /** Log sink (default stdout). */
  write?: ((line: string) => void) | undefined;
}

export interface Running {
  service: RunningService;
  logger: Logger;
  /** True when the embedded emulator serves as TigerGraph. */
  embedded: boolean;
  stop(): Promise<void>;
}

export async function run(options: RunOptions): Promise<Running> {
  const env = options.env ?? process.env;
  const config = readConfig(env);
  const logger = createLogger({ level: config.logLevel, write: options.write });
  let stopEmbedded: (() => Promise<void>) | undefined;
  let target = config.tigergraph;
  let credentials = credentialSource(credentialSettingsFromEnv(env));
  let browserDemo: BrowserDemoConfig | undefined;
  if (target === undefined) {
    const embedded = await startEmbeddedTigerGraph();
    const { emulator } = embedded;
    logger.info('embedded TigerGraph emulator started', { url: emulator.gsUrl, version: emulator.version });
    target = {
      host: emulator.gsUrl,
      graph: 'MyGraph',
      version: emulator.version,
      restppPort: emulator.restppPort,
    };
    credentials = credentialSource({ secret: embedded.secret, origin: 'the embedded emulator' });
    browserDemo = {
      host: emulator.gsUrl,
      graph: 'MyGraph',
      version: emulator.version,
      apiToken: embedded.demoToken,
    };
    stopEmbedded = () => emulator.stop();
  }
  try {
    const service = await startService({
      config,
      target,
      credentials,
      logger,
      webDir: options.webDir,
      browserDemo,
    });
    return {
      service,
      logger,
      embedded: stopEmbedded !== undefined,
      async stop() {
        await service.shutdown();
        await stopEmbedded?.();
      },
    };
  } catch (error) {
    await stopEmbedded?.();
    throw error;
  }
}
