// Runs one measured client in its own process, so each mode's peak RSS is its own.
import { fork } from 'node:child_process';

/**
 * Forks `script` with `args`; resolves with the one message it sends back (a message `{ error }`
 * rejects with that text: see {@link reportFailures}).
 */
export function runChild<R>(script: URL, args: string[], env: Record<string, string> = {}): Promise<R> {
  const proc = fork(script, args, {
    env: { ...process.env, ...env },
    // TGRAPH_BENCH_CHILD_ARGS adds node flags to the measured client, e.g. "--max-old-space-size=64".
    execArgv: [
      '--expose-gc',
      ...(env['TGRAPH_BENCH_CHILD_ARGS'] ?? process.env['TGRAPH_BENCH_CHILD_ARGS'] ?? '')
        .split(' ')
        .filter((x) => x !== ''),
    ],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    let result: R | undefined;
    proc.on('message', (m) => {
      result = m as R;
    });
    proc.once('error', reject);
    proc.once('exit', (code) => {
      const failure = (result as { error?: unknown } | undefined)?.error;
      if (typeof failure === 'string') reject(new Error(failure));
      else if (code === 0 && result !== undefined) resolve(result);
      else reject(new Error(`${script.pathname} ${args.join(' ')} exited with code ${code}`));
    });
  });
}

/** In a child: sends an uncaught failure to the parent as `{ error }` before exiting. */
export function reportFailures(): void {
  // The bench that forked this client stopped (Ctrl-C, SIGTERM): do not go on measuring alone.
  process.on('disconnect', () => process.exit(1));
  // Listening for 'disconnect' refs the IPC channel, which would keep this client alive after its
  // result is sent: the channel must not hold the process open.
  process.channel?.unref();
  process.on('uncaughtException', (error) => {
    const text = `${error.name}: ${error.message}`;
    process.send?.({ error: text }, () => process.exit(1));
  });
}
