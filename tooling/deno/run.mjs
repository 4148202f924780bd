#!/usr/bin/env node
// `pnpm test:deno` in a package: runs its runtime-portable suites under Deno against the emulator.
// The emulator's control server runs here in Node; Deno gets its URL as TGRAPH_CONTROL_URL.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageDir = process.cwd();
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const testDir = join(packageDir, 'test');
const files = existsSync(testDir)
  ? readdirSync(testDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.portable.test.ts'))
  : [];
if (files.length === 0) {
  console.error(`${relative(repoRoot, packageDir)}: no *.portable.test.ts files to run under Deno`);
  process.exit(1);
}

// The emulator is a workspace package: resolve it from the package under test (or be it).
const require = createRequire(join(packageDir, 'package.json'));
const emulatorEntry = require.resolve('@tgraph/emulator');
const { startControlServer } = await import(pathToFileURL(emulatorEntry).href);
const control = await startControlServer({ port: 0 });

const deno = join(repoRoot, 'node_modules/.bin/deno');
const args = [
  'test',
  '--config',
  join(repoRoot, 'deno.json'),
  '--no-check',
  // Test sources import siblings as `./x.js` (TypeScript's NodeNext style); let Deno map them to `.ts`.
  '--sloppy-imports',
  '--allow-net=127.0.0.1,localhost',
  '--allow-env',
  '--allow-read',
  ...files.map((f) => join('test', f)),
];
const child = spawn(deno, args, {
  cwd: packageDir,
  stdio: 'inherit',
  env: { ...process.env, TGRAPH_CONTROL_URL: control.url, NO_COLOR: process.env.NO_COLOR ?? '' },
});
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await control.stop();
process.exit(code);
