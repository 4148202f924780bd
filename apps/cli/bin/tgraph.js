#!/usr/bin/env node
// The `tgraph` command. The program lives in dist/ (built with `pnpm build`); Node's compile cache
// makes repeated starts faster.
import module from 'node:module';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`tgraph needs Node.js 22.12 or later; this is ${process.version}\n`);
  process.exit(1);
}
module.enableCompileCache?.();
await import('../dist/main.js');
