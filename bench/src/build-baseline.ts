// Builds @tgraph/transport and -browser as they were at a git ref (default: the commit before the ky-carried
// pipeline) into bench/.baseline/<ref>/, so that `pnpm bench` can measure before and after in one
// run: TGRAPH_BENCH_BASELINE=<printed packages dir> makes the overhead and bundle benches add "before" rows.
//   node src/build-baseline.ts [ref]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ref = process.argv[2] ?? 'ad2e72c';
const repo = fileURLToPath(new URL('../..', import.meta.url));
const out = join(repo, 'bench/.baseline', ref);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const packages = ['transport', 'transport-browser'];
const tar = execFileSync('git', [
  '-C',
  repo,
  'archive',
  ref,
  'tsconfig.base.json',
  ...packages.map((p) => `packages/${p}`),
]);
execFileSync('tar', ['-x', '-C', out], { input: tar });
for (const name of packages) {
  const pkg = join(out, 'packages', name);
  // Dependencies (protocol, ky, the other transport package's types) resolve through today's
  // install; the benches redirect `@tgraph/transport` and `-browser` themselves.
  symlinkSync(join(repo, 'packages', name, 'node_modules'), join(pkg, 'node_modules'));
  execFileSync(join(repo, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: pkg,
    stdio: 'inherit',
  });
  if (!existsSync(join(pkg, 'dist/index.js'))) throw new Error(`no build of ${name} in ${pkg}`);
}
console.log(join(out, 'packages'));
