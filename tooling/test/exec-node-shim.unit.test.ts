// The pinned Node's shim must `exec` node, so a signal to it reaches node and leaves no orphan.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execShim, fixShims } from '../exec-node-shim.mjs';

const PNPM_SHIM = `#!/bin/sh
basedir=$(dirname "$(echo "$0" | sed -e 's,\\\\,/,g')")
export NODE_PATH="/x/node_modules/.pnpm/node_modules"
"$basedir/../node/bin/node"   "$@"
exit $?
`;

const repoRoot = join(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

describe('exec-node-shim', () => {
  it('turns the child run into an exec, once', () => {
    const fixed = execShim(PNPM_SHIM);
    expect(fixed).toContain('\nexec "$basedir/../node/bin/node" "$@"\n');
    expect(fixed).not.toMatch(/^"\$basedir/m);
    expect(execShim(fixed)).toBe(fixed);
  });

  it('rewrites the shims of the root and of workspace folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'tgraph-shim-'));
    temps.push(root);
    for (const dir of ['', 'packages/emulator']) {
      mkdirSync(join(root, dir, 'node_modules/.bin'), { recursive: true });
      writeFileSync(join(root, dir, 'node_modules/.bin/node'), PNPM_SHIM);
    }
    expect(fixShims(root)).toHaveLength(2);
    expect(readFileSync(join(root, 'packages/emulator/node_modules/.bin/node'), 'utf8')).toMatch(/^exec /m);
    expect(fixShims(root)).toEqual([]);
  });

  it('runs after every install, and the installed shim execs', () => {
    const scripts = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts;
    expect(scripts.postinstall).toBe('node tooling/exec-node-shim.mjs');
    const installed = readFileSync(join(repoRoot, 'node_modules/.bin/node'), 'utf8');
    expect(execShim(installed)).toBe(installed);
  });
});
