// `pnpm bench` in bench/: runs each bench in its own process, one after another (they measure
// time and memory, so never in parallel), then prints the summary table of bench/results/*.json.
// TGRAPH_BENCH_SKIP=load,read leaves benches out; TGRAPH_BENCH_SCALE shrinks the big ones.
// SIGINT/SIGTERM are passed on to the running bench, and no further bench starts.
import { type ChildProcess, spawn } from 'node:child_process';

const BENCHES = ['overhead', 'peer', 'bulk', 'load', 'read', 'bundle'];
const skip = new Set((process.env['TGRAPH_BENCH_SKIP'] ?? '').split(',').filter((x) => x !== ''));
// Results of other packages' benches written since turbo started count as this run's too.
const started = process.env['TGRAPH_BENCH_STARTED'] ?? new Date(Date.now() - 60 * 60 * 1000).toISOString();

let current: ChildProcess | undefined;
let stoppedBy: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stoppedBy = signal;
    current?.kill(signal);
  });
}

/** Runs one script on this Node and resolves with its exit code (1 when a signal ended it). */
function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env });
  current = child;
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      current = undefined;
      resolve(code ?? 1);
    });
  });
}

let failed = 0;
for (const name of BENCHES) {
  if (skip.has(name) || stoppedBy !== undefined) continue;
  console.log(`\n== bench ${name} ==`);
  const status = await run(['--expose-gc', new URL(`./${name}.ts`, import.meta.url).pathname]);
  if (status !== 0 && stoppedBy === undefined) {
    failed++;
    console.error(`bench ${name} failed (exit ${status})`);
  }
}
if (stoppedBy !== undefined) {
  console.error(`bench stopped by ${stoppedBy}`);
  process.exit(stoppedBy === 'SIGINT' ? 130 : 143);
}
await run([new URL('./summary.ts', import.meta.url).pathname], {
  ...process.env,
  TGRAPH_BENCH_STARTED: started,
});
process.exit(failed === 0 ? 0 : 1);
