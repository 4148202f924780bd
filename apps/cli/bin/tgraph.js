#!/usr/bin/env node
// The `tgraph` command. The program lives in dist/ (built with `pnpm build`); Node's compile cache
// makes repeated starts faster.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/main.js');
