// Bundles the pages with esbuild into dist/web (run by `pnpm build`; tests call buildWeb()).
// The browser-SDK page resolves `tgraph` with the `browser` export condition, i.e. the SDK's
// browser build. `source: true` (tests, in this repository) reads the packages' TypeScript
// sources instead of their dist/ through the workspace's `@tgraph/source` condition.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildWeb(options: { outDir?: string; source?: boolean } = {}): Promise<string> {
  const outDir = options.outDir ?? join(root, 'dist/web');
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { app: join(root, 'src/web/app.ts'), 'browser-sdk': join(root, 'src/web/browser-sdk.ts') },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    conditions: options.source ? ['@tgraph/source', 'browser'] : ['browser'],
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'browser-sdk.html', 'style.css']) {
    await copyFile(join(root, 'src/web', file), join(outDir, file));
  }
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildWeb({ source: process.argv.includes('--source') });
  console.log(`pages bundled into ${out}`);
}
