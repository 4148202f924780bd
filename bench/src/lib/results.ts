// Every bench writes its figures to bench/results/<name>.json; `bench/src/summary.ts` prints them
// as one table at the end of `pnpm bench`. Other packages' benches may write rows the same way.
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, totalmem } from 'node:os';

/** One line of the summary table. */
export interface ResultRow {
  /** What was measured, e.g. "getVertex: SDK / raw undici (median)". */
  metric: string;
  /** The figure as text, with its unit. */
  value: string;
  /** The goal, when the issue sets one (e.g. "≤ 1.15"). */
  goal?: string | undefined;
  /** Whether the goal is met (absent without a goal). */
  met?: boolean | undefined;
}

export interface BenchResult {
  bench: string;
  at: string;
  machine: string;
  params: Record<string, unknown>;
  rows: ResultRow[];
  /** Raw figures for BENCHMARKS.md and later comparison. */
  raw?: Record<string, unknown> | undefined;
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'} (${arch()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
}

export const resultsDir = new URL('../../results/', import.meta.url);

export function writeResult(result: Omit<BenchResult, 'at' | 'machine'>): void {
  mkdirSync(resultsDir, { recursive: true });
  const full: BenchResult = { ...result, at: new Date().toISOString(), machine: machine() };
  writeFileSync(new URL(`${result.bench}.json`, resultsDir), `${JSON.stringify(full, null, 2)}\n`);
  for (const row of full.rows) {
    const goal = row.goal === undefined ? '' : `  (goal ${row.goal}: ${row.met ? 'met' : 'NOT met'})`;
    console.log(`  ${row.metric}: ${row.value}${goal}`);
  }
}
