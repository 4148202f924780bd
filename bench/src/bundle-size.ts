// Measures what a browser app pays for the SDK: esbuild bundles an entry for the browser
// (`browser` export condition, minified, tree-shaken), gzips it, and lists the largest inputs from
// the metafile so an over-budget build names what bloats it.
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

/**
 * One budgeted bundle: an entry module's text, issue 9's goal, and the ceiling `pnpm test` enforces
 * today (the measured size plus a little room) so the bundles cannot grow while the goal is unmet.
 */
export interface BundleBudget {
  name: string;
  entry: string;
  /** Issue 9's target in min+gzip bytes (reported, not enforced while unmet). */
  goalBytes: number;
  /** Enforced ceiling in min+gzip bytes; lower it as the bundles shrink, down to the goal. */
  budgetBytes: number;
}

export interface BundleMeasure {
  name: string;
  minBytes: number;
  gzipBytes: number;
  budgetBytes: number;
  goalBytes: number;
  /** Largest inputs (bytes each adds to the minified output), biggest first. */
  largest: Array<{ file: string; bytes: number }>;
}

/** The two bundles of issue 9. Sizes use 1 KB = 1024 bytes. */
export const BUDGETS: readonly BundleBudget[] = [
  {
    name: 'facade (tgraph, browser entry)',
    entry: "export * from 'tgraph';",
    goalBytes: 24 * 1024,
    // 86.7 KB after issues 15, 16 and 17 landed together (ky pipeline, per-call option checks,
    // one-or-many arguments, query codegen exports); 80.4 KB before. 89.7 KB with `tg.vectors`
    // (issue 17: vector upsert/get/search with their checks, +3.0 KB). See BENCHMARKS.md.
    budgetBytes: 90 * 1024,
  },
  {
    name: 'selective (@tgraph/api/vertices + @tgraph/transport-browser)',
    entry: [
      "export * from '@tgraph/api/vertices';",
      "export { createContext } from '@tgraph/api/context';",
      "export { createTransport } from '@tgraph/transport';",
      "export { createBrowserAdapter } from '@tgraph/transport-browser';",
    ].join('\n'),
    goalBytes: 14 * 1024,
    // 42.6 KB after issues 15 and 16 landed together (ky pipeline, per-call option checks,
    // one-or-many arguments); 39.3 KB before. See BENCHMARKS.md.
    budgetBytes: 43 * 1024,
  },
  {
    name: 'selective vectors (@tgraph/api/vectors + @tgraph/transport-browser)',
    entry: [
      "export * from '@tgraph/api/vectors';",
      "export { createContext } from '@tgraph/api/context';",
      "export { createTransport } from '@tgraph/transport';",
      "export { createBrowserAdapter } from '@tgraph/transport-browser';",
    ].join('\n'),
    // Issue 17: a browser app that only writes, reads and searches vectors; the selective goal.
    // 42.4 KB when added (the vertex upsert machinery and the schema read it reuses included).
    goalBytes: 14 * 1024,
    budgetBytes: 43 * 1024,
  },
];

/**
 * What the chosen stack costs before any SDK code: ky (the transport's HTTP layer) with one call,
 * and zod's mini build with one object schema. Resolved from the packages that depend on them.
 */
export const FLOORS: readonly { name: string; entry: string; from: string }[] = [
  {
    name: 'ky alone (one call)',
    entry: "import ky from 'ky'; export const get = (url) => ky(url, { retry: 0, timeout: false });",
    from: '@tgraph/transport',
  },
  {
    name: 'zod/mini alone (one object schema)',
    entry:
      "import * as z from 'zod/mini'; const s = z.object({ a: z.string(), b: z.optional(z.number()) }); export const check = (v) => s.safeParse(v);",
    from: '@tgraph/protocol',
  },
];

/** Bundles `entry` (resolved from this package, so from the packages' published `dist/`). */
export async function measureBundle(
  budget: BundleBudget,
  resolveDir: string,
  /** A directory of other builds of `transport` and `transport-browser` to bundle instead (src/build-baseline.ts). */
  baselinePackages?: string,
): Promise<BundleMeasure> {
  const plugins: Plugin[] = baselinePackages
    ? [
        {
          name: 'baseline-transport',
          setup(b) {
            b.onResolve({ filter: /^@tgraph\/transport(-browser)?$/ }, (args) => ({
              path: `${baselinePackages}/${args.path.slice('@tgraph/'.length)}/dist/index.js`,
            }));
          },
        },
      ]
    : [];
  const result = await build({
    plugins,
    stdin: { contents: budget.entry, resolveDir, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser'],
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const output = Object.values(result.metafile.outputs)[0];
  const largest = Object.entries(output?.inputs ?? {})
    .map(([file, i]) => ({
      file: file.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, ''),
      bytes: i.bytesInOutput,
    }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 12);
  return {
    name: budget.name,
    minBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    budgetBytes: budget.budgetBytes,
    goalBytes: budget.goalBytes,
    largest,
  };
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** A report naming the size, the budget and the biggest contributors. */
export function describeMeasure(m: BundleMeasure): string {
  const lines = m.largest.map((l) => `    ${kb(l.bytes).padStart(8)}  ${l.file}`);
  return [
    `${m.name}: ${kb(m.gzipBytes)} min+gzip (${kb(m.minBytes)} min), ceiling ${kb(m.budgetBytes)}, goal ${kb(m.goalBytes)}`,
    '  largest inputs (minified bytes):',
    ...lines,
  ].join('\n');
}
