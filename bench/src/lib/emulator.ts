// Starts an emulator child process for one bench and stops it afterwards.
import { fork } from 'node:child_process';

export interface BenchEmulator {
  /** RESTPP base URL (`http://127.0.0.1:<port>`). */
  restppUrl: string;
  /** GSQL server / nginx-style base URL: what `createClient({ host })` takes. */
  gsUrl: string;
  stop(): Promise<void>;
}

export function startBenchEmulator(
  gsqlScript: string,
  options: { cors?: boolean } = {},
): Promise<BenchEmulator> {
  const extra = (process.env['TGRAPH_BENCH_EMULATOR_ARGS'] ?? '--max-old-space-size=4096')
    .split(' ')
    .filter((x) => x !== '');
  const proc = fork(new URL('./emulator-child.ts', import.meta.url), [], {
    execArgv: extra,
    env: { ...process.env, TGRAPH_BENCH_GSQL: gsqlScript, TGRAPH_BENCH_CORS: options.cors ? '1' : '0' },
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`emulator child exited early with code ${code}`)));
    proc.once('message', (m) => {
      const ready = m as { restppUrl: string; gsUrl: string };
      proc.removeAllListeners('exit');
      resolve({
        restppUrl: ready.restppUrl,
        gsUrl: ready.gsUrl,
        stop: () =>
          new Promise<void>((done) => {
            proc.once('exit', () => done());
            proc.send('stop');
          }),
      });
    });
  });
}
