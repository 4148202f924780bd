// `pnpm bench` in bench/: runs each bench in its own process, one after another (they measure
// time and memory, so never in parallel), then prints the summary table of bench/results/*.json.
// TGRAPH_BENCH_SKIP=load,read leaves benches out; TGRAPH_BENCH_SCALE shrinks the big ones.
import { spawnSync } from 'node:child_process';

const BENCHES = ['overhead', 'bulk', 'load', 'read', 'bundle'];
const skip = new Set((process.env['TGRAPH_BENCH_SKIP'] ?? '').split(',').filter((x) => x !== ''));
// Results of other packages' benches written since turbo started count as this run's too.
const started = process.env['TGRAPH_BENCH_STARTED'] ?? new Date(Date.now() - 60 * 60 * 1000).toISOString();
let failed = 0;
for (const name of BENCHES) {
  if (skip.has(name)) continue;
  console.log(`\n== bench ${name} ==`);
  const r = spawnSync(process.execPath, ['--expose-gc', new URL(`./${name}.ts`, import.meta.url).pathname], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    failed++;
    console.error(`bench ${name} failed (exit ${r.status})`);
  }
}
spawnSync(process.execPath, [new URL('./summary.ts', import.meta.url).pathname], {
  stdio: 'inherit',
  env: { ...process.env, TGRAPH_BENCH_STARTED: started },
});
process.exit(failed === 0 ? 0 : 1);
