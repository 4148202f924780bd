// After `pnpm install`: make the `node` shims in node_modules/.bin replace themselves with Node
// (`exec`) instead of running it as a child. pnpm writes the pinned Node's shim as a shell script
// that starts node and waits; a SIGTERM to that script ends the shell and leaves node running,
// orphaned. With `exec` the shim's process *is* node, so signals reach it and nothing is left behind.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD_RUN = /^("\$basedir\/[^"\n]*\/bin\/node")\s+"\$@"\s*$/m;

/** The shim text with its node invocation turned into an `exec`; unchanged when already one. */
export function execShim(text) {
  return text.replace(CHILD_RUN, 'exec $1 "$@"');
}

/** `node_modules/.bin/node` of the root and of every workspace folder that has one. */
function shims(root) {
  const dirs = [root, join(root, 'tooling'), join(root, 'bench'), join(root, 'reliability')];
  for (const group of ['packages', 'apps']) {
    const base = join(root, group);
    if (existsSync(base)) for (const d of readdirSync(base)) dirs.push(join(base, d));
  }
  return dirs.map((d) => join(d, 'node_modules/.bin/node')).filter((f) => existsSync(f));
}

/** Rewrites every shim that runs node as a child; returns the files changed. */
export function fixShims(root) {
  const changed = [];
  for (const file of shims(root)) {
    const text = readFileSync(file, 'utf8');
    const fixed = execShim(text);
    if (fixed !== text) {
      writeFileSync(file, fixed);
      changed.push(file);
    }
  }
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fixShims(join(fileURLToPath(new URL('.', import.meta.url)), '..'));
}
