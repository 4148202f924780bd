// `pnpm start` (node dist/main.js): runs the service (see run.ts) until SIGTERM or SIGINT, then
// shuts down gracefully and exits 0. The same signal often arrives twice — Ctrl-C reaches every
// process in the terminal's group, and pnpm also forwards what it gets to its child — so a repeat
// is ignored while the shutdown (bounded by SHUTDOWN_GRACE_MS) runs; it must not kill the process
// half-way through, which would end `pnpm start` in a "failed with signal" error.
import { fileURLToPath } from 'node:url';
import { run } from './run.js';

const webDir = fileURLToPath(new URL('./web/', import.meta.url));

try {
  const running = await run({ webDir });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    running.logger.info('signal', { signal });
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.logger.error('shutdown failed', { error: (error as Error).message });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (error) {
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: 'failed to start', error: (error as Error).message })}\n`,
  );
  process.exit(1);
}
