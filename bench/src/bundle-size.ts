// Measures what a browser app pays for the SDK: esbuild bundles an entry for the browser
// (`browser` export condition, minified, tree-shaken), gzips it, and lists the largest inputs from
// the metafile so an over-budget build names what bloats it.
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';

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
  /**
   * Bundle with code splitting (dynamic imports become chunks loaded on demand) and measure what
   * the page loads first: the entry chunk and every chunk it imports statically, gzipped together.
   */
  firstLoad?: boolean;
}

export interface BundleMeasure {
  name: string;
  minBytes: number;
  gzipBytes: number;
  budgetBytes: number;
  goalBytes: number;
  /** Largest inputs (bytes each adds to the minified output), biggest first. */
  largest: Array<{ file: string; bytes: number }>;
  /** With `firstLoad`: the chunks loaded first and every chunk's minified bytes together. */
  chunks?: { firstLoad: number; all: number; allMinBytes: number };
}

/** The bundles of issues 9 and 15. Sizes use 1 KB = 1024 bytes. */
export const BUDGETS: readonly BundleBudget[] = [
  {
    name: 'facade first load (createClient from tgraph, browser entry, split)',
    entry: "export { createClient } from 'tgraph';",
    // Issue 15: what a browser app using the facade loads first; namespaces load on first use.
    // 54.3 KB since the namespaces load their api module through import() and the client takes
    // chooseAuth from @tgraph/auth/choose; 82.1 KB before (one chunk: the namespaces bound every
    // api module statically); 57.4 KB once the transport and auth check their options with
    // protocol's option schemas (issue 15 item 3). 45.8 KB since the transport, auth, api and the
    // facade import protocol through narrow entries (/errors, /options, /paths, /schemas/*, one
    // endpoint file per resource), errorFromResponse reads code kinds without the catalogue's
    // texts, auth loads its token exchange and JWT check on first use and the helpers sit apart
    // from the encoders (session 20); 46.0 KB with the per-call CPU work of the same session (the
    // transport's synchronous call preparation, api's vertex-list check). 39.6 KB since the
    // transport loads its error mapping (messages, hints, code kinds, network-failure explanations)
    // through import() on a connection's first failure, and the transport index, api's helpers and
    // the facade's browser entry re-export what the first chunk uses with `export *` (a used named
    // re-export makes esbuild put everything the module re-exports that a lazy chunk also needs in
    // the first chunk). See BENCHMARKS.md.
    goalBytes: 40 * 1024,
    budgetBytes: 40.1 * 1024,
    firstLoad: true,
  },
  {
    name: 'facade, everything (tgraph, browser entry)',
    entry: "export * from 'tgraph';",
    goalBytes: 24 * 1024,
    // Bundled without code splitting. 86.7 KB after issues 15, 16 and 17 landed together; 91.2 KB
    // since the namespaces load their modules through import(), which keeps every export of each
    // api module and wraps them for lazy initialisation when nothing is split; `tg.vectors`
    // (issue 17) and protocol's option schemas (issue 15 item 3) add about 3 KB. 96.6 KB since the
    // vector functions install and run helper queries (+1.5 KB); 96.6 KB with the code kinds apart
    // from the catalogue's texts and auth's lazy exchange (session 20). 97.1 KB (+0.2 KB) since
    // the transport loads its error mapping through import(), which esbuild inlines here with
    // lazy-initialisation wrappers for that module and what it imports. See BENCHMARKS.md.
    budgetBytes: 97.2 * 1024,
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
    // one-or-many arguments); 43.0 KB since calls hand headers and body to the adapter themselves
    // and the connection's ky instance holds the retry policy (+0.4 KB); the transport's option
    // checks by protocol's option schemas (issue 15 item 3) add about 1.7 KB. 43.7 KB since
    // errorFromResponse reads code kinds from a small table without the catalogue's texts
    // (session 20); 44.1 KB with the same session's check that lets well-formed vertex lists skip
    // zod's walk (+0.24 KB, 9–18 % less CPU per read). 44.5 KB since the transport loads its error
    // mapping through import() (+0.4 KB here: without code splitting esbuild inlines it with
    // lazy-initialisation wrappers for it and the modules it imports; the facade's first load
    // drops 6.4 KB for it). See BENCHMARKS.md.
    budgetBytes: 44.6 * 1024,
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
    // 42.4 KB when added (the vertex upsert machinery and the schema read it reuses included);
    // 44.3 KB with the transport's option checks of issue 15 item 3; 50.2 KB since search and reads
    // run installed helper queries (runQuery with its parameter encoding and server-side abort,
    // createQuery/listQueries/dropQueries, installQueries with its polling: +5.9 KB); 49.5 KB with
    // the code kinds apart from the catalogue's texts (session 20); 50.0 KB since the transport
    // loads its error mapping through import() (+0.4 KB, as in the selective bundle above).
    goalBytes: 14 * 1024,
    budgetBytes: 50.0 * 1024,
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
    ...(budget.firstLoad ? { splitting: true, outdir: 'out' } : {}),
  });
  const outputs = result.metafile.outputs;
  const names = Object.keys(outputs);
  const loaded = budget.firstLoad ? firstLoadOf(outputs) : new Set(names.slice(0, 1));
  const code = Buffer.concat(
    result.outputFiles.filter((_, i) => loaded.has(names[i] as string)).map((f) => f.contents),
  );
  const inputs = new Map<string, number>();
  for (const name of loaded) {
    for (const [file, i] of Object.entries(outputs[name]?.inputs ?? {})) {
      const short = file.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');
      inputs.set(short, (inputs.get(short) ?? 0) + i.bytesInOutput);
    }
  }
  const largest = [...inputs]
    .map(([file, bytes]) => ({ file, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 12);
  const allMinBytes = result.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0);
  return {
    name: budget.name,
    minBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    budgetBytes: budget.budgetBytes,
    goalBytes: budget.goalBytes,
    largest,
    ...(budget.firstLoad ? { chunks: { firstLoad: loaded.size, all: names.length, allMinBytes } } : {}),
  };
}

/** The entry chunk and the chunks it imports statically, transitively (not the dynamic imports). */
function firstLoadOf(outputs: Metafile['outputs']): Set<string> {
  const entry = Object.keys(outputs).find((k) => outputs[k]?.entryPoint === '<stdin>') as string;
  const loaded = new Set([entry]);
  const queue = [entry];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const i of outputs[next]?.imports ?? []) {
      if (i.kind !== 'import-statement' || loaded.has(i.path)) continue;
      loaded.add(i.path);
      queue.push(i.path);
    }
  }
  return loaded;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** A report naming the size, the budget and the biggest contributors. */
export function describeMeasure(m: BundleMeasure): string {
  const lines = m.largest.map((l) => `    ${kb(l.bytes).padStart(8)}  ${l.file}`);
  const chunks = m.chunks
    ? `; ${m.chunks.firstLoad} of ${m.chunks.all} chunks, all chunks ${kb(m.chunks.allMinBytes)} min`
    : '';
  return [
    `${m.name}: ${kb(m.gzipBytes)} min+gzip (${kb(m.minBytes)} min${chunks}), ceiling ${kb(m.budgetBytes)}, goal ${kb(m.goalBytes)}`,
    '  largest inputs (minified bytes):',
    ...lines,
  ].join('\n');
}
