// Runs one measured client in its own process, so each mode's peak RSS is its own.
import { fork } from 'node:child_process';

/** Forks `script` with `args`; resolves with the one message it sends back. */
export function runChild<R>(script: URL, args: string[], env: Record<string, string> = {}): Promise<R> {
  const proc = fork(script, args, {
    env: { ...process.env, ...env },
    execArgv: ['--expose-gc'],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    let result: R | undefined;
    proc.on('message', (m) => {
      result = m as R;
    });
    proc.once('error', reject);
    proc.once('exit', (code) => {
      if (code === 0 && result !== undefined) resolve(result);
      else reject(new Error(`${script.pathname} ${args.join(' ')} exited with code ${code}`));
    });
  });
}
