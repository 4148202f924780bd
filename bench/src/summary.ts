// The last step of `pnpm bench`: prints every bench/results/*.json as one table (this run's and,
// marked, older ones still on disk), with the machine they ran on.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { type BenchResult, machine, resultsDir } from './lib/results.ts';

const since = Date.parse(process.env['TGRAPH_BENCH_STARTED'] ?? '') || 0;
const files = existsSync(resultsDir)
  ? readdirSync(resultsDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];
const results = files.map((f) => JSON.parse(readFileSync(new URL(f, resultsDir), 'utf8')) as BenchResult);

const table: string[][] = [['bench', 'metric', 'value', 'goal', 'met']];
const stale: string[] = [];
for (const r of results) {
  const isOld = Date.parse(r.at) < since;
  if (isOld) stale.push(`${r.bench} (${r.at})`);
  const old = isOld ? ' *' : '';
  for (const row of r.rows) {
    table.push([
      `${r.bench}${old}`,
      row.metric,
      row.value,
      row.goal ?? '',
      row.goal === undefined ? '' : row.met ? 'yes' : 'NO',
    ]);
  }
}
const widths = (table[0] as string[]).map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
console.log(`\npnpm bench summary — ${machine()}`);
console.log(line(table[0] as string[]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
if (table.length === 1) console.log('(no results: run the benches first)');
if (stale.length > 0) console.log(`* from an earlier run, still in bench/results: ${stale.join(', ')}`);
