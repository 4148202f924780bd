// Bundle sizes for the `pnpm bench` summary: the two budgeted bundles (also checked by `pnpm test`)
// and the floor the chosen stack sets (ky and zod/mini bundled alone), so the figures can be read
// against what no SDK code can go below.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS, FLOORS, kb, measureBundle } from './bundle-size.ts';
import { writeResult } from './lib/results.ts';

const here = fileURLToPath(new URL('..', import.meta.url));
const rows = [];
for (const budget of BUDGETS) {
  const m = await measureBundle(budget, here);
  rows.push({
    metric: `bundle, min+gzip: ${m.name}`,
    value: `${kb(m.gzipBytes)} (${kb(m.minBytes)} min)`,
    goal: `≤ ${kb(m.goalBytes)}`,
    met: m.gzipBytes <= m.goalBytes,
  });
}
// Before and after in one run (see src/build-baseline.ts): the same bundles over an earlier transport.
const baseline = process.env['TGRAPH_BENCH_BASELINE'];
if (baseline) {
  for (const budget of BUDGETS) {
    const m = await measureBundle(budget, here, baseline);
    rows.push({
      metric: `bundle, min+gzip, with the transport before: ${m.name}`,
      value: `${kb(m.gzipBytes)} (${kb(m.minBytes)} min)`,
    });
  }
}
for (const floor of FLOORS) {
  const from = dirname(fileURLToPath(import.meta.resolve(`${floor.from}/package.json`)));
  const m = await measureBundle({ name: floor.name, entry: floor.entry, goalBytes: 0, budgetBytes: 0 }, from);
  rows.push({
    metric: `bundle, min+gzip: ${floor.name}`,
    value: `${kb(m.gzipBytes)} (${kb(m.minBytes)} min)`,
  });
}
writeResult({ bench: 'bundle', params: { minify: true, gzip: 9, platform: 'browser' }, rows });
