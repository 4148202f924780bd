// `pnpm start`: with TG_HOST, serve that TigerGraph; without, boot the embedded emulator first.
// SIGTERM/SIGINT shut down gracefully.
import { fileURLToPath } from 'node:url';
import { readConfig } from './config.js';
import { credentialSettingsFromEnv, credentialSource } from './credentials.js';
import { startEmbeddedTigerGraph } from './embedded.js';
import type { BrowserDemoConfig } from './env.js';
import { createLogger } from './logger.js';
import { startService } from './server.js';

const webDir = fileURLToPath(new URL('./web/', import.meta.url));

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel });
  let stopEmbedded: (() => Promise<void>) | undefined;
  let target = config.tigergraph;
  let credentials = credentialSource(credentialSettingsFromEnv());
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
  const service = await startService({ config, target, credentials, logger, webDir, browserDemo });
  const stop = async (signal: string) => {
    logger.info('signal', { signal });
    await service.shutdown();
    await stopEmbedded?.();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: 'failed to start', error: (error as Error).message })}\n`,
  );
  process.exit(1);
});
