// `pnpm start` (node dist/main.js): runs the service (see run.ts) until SIGTERM or SIGINT, then
// shuts down gracefully.
import { fileURLToPath } from 'node:url';
import { run } from './run.js';

const webDir = fileURLToPath(new URL('./web/', import.meta.url));

try {
  const running = await run({ webDir });
  const stop = async (signal: string) => {
    running.logger.info('signal', { signal });
    await running.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: 'failed to start', error: (error as Error).message })}\n`,
  );
  process.exit(1);
}
