import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers } from '../check-layers.mjs';

const repoRoot = join(import.meta.dirname, '../..');
const temps: string[] = [];

function fixture(packages: Record<string, { deps?: Record<string, string>; files: Record<string, string> }>) {
  const root = mkdtempSync(join(tmpdir(), 'tgraph-layers-'));
  temps.push(root);
  for (const [dir, { deps, files }] of Object.entries(packages)) {
    const name = dir === 'packages/tgraph' ? 'tgraph' : `@tgraph/${dir.split('/')[1]}`;
    mkdirSync(join(root, dir, 'src'), { recursive: true });
    writeFileSync(join(root, dir, 'package.json'), JSON.stringify({ name, dependencies: deps ?? {} }));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, dir, 'src', file)), { recursive: true });
      writeFileSync(join(root, dir, 'src', file), text);
    }
  }
  return root;
}

afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

describe('check:layers', () => {
  it('passes on this repository', () => {
    expect(checkLayers(repoRoot)).toEqual([]);
  });

  it('fails when a lower package imports a higher one', () => {
    const root = fixture({
      'packages/protocol': {
        deps: { '@tgraph/api': 'workspace:^' },
        files: { 'index.ts': "import { getVertices } from '@tgraph/api';\nexport const x = getVertices;\n" },
      },
      'packages/api': { files: { 'index.ts': 'export const getVertices = 1;\n' } },
    });
    expect(checkLayers(root)).toEqual([
      'packages/protocol/src/index.ts: imports @tgraph/api (layer 3), but @tgraph/protocol (layer 0) may only import lower layers',
    ]);
  });

  it('fails when a package imports one of its own layer', () => {
    const root = fixture({
      'packages/auth': {
        deps: { '@tgraph/transport': 'workspace:^' },
        files: { 'index.ts': "export * from '@tgraph/transport';\n" },
      },
    });
    expect(checkLayers(root)).toEqual([
      'packages/auth/src/index.ts: imports @tgraph/transport (layer 1), but @tgraph/auth (layer 1) may only import lower layers',
    ]);
  });

  it('fails on an undeclared dependency and on node: in browser-safe code', () => {
    const root = fixture({
      'packages/transport': {
        files: {
          'index.ts':
            "import ky from 'ky';\nimport { readFile } from 'node:fs/promises';\nexport { ky, readFile };\n",
        },
      },
    });
    expect(checkLayers(root)).toEqual([
      "packages/transport/src/index.ts: imports 'ky', which is not in @tgraph/transport's dependencies; add it with pnpm add",
      "packages/transport/src/index.ts: imports 'node:fs/promises', but @tgraph/transport must run in browsers (no node: modules)",
    ]);
  });

  it("allows node: only in the facade's Node entry", () => {
    const root = fixture({
      'packages/tgraph': {
        files: {
          'node.ts': "import { readFile } from 'node:fs/promises';\nexport { readFile };\n",
          'browser.ts': "import { Buffer } from 'node:buffer';\nexport { Buffer };\n",
        },
      },
    });
    expect(checkLayers(root)).toEqual([
      "packages/tgraph/src/browser.ts: imports 'node:buffer', but tgraph must run in browsers (no node: modules)",
    ]);
  });

  it("fails when the emulator's engine imports one of its HTTP front ends", () => {
    const root = fixture({
      'packages/emulator': {
        files: {
          'query/runner.ts': "import { jsonReply } from '../http/reply.js';\nexport const r = jsonReply;\n",
          'gsql/exec.ts': "import { execute } from '../restpp/query.js';\nexport const x = execute;\n",
          'store/data.ts': "import { x } from '../query/runner.js';\nexport const y = x;\n",
          'http/reply.ts': "import { x } from '../gsql/exec.js';\nexport const jsonReply = x;\n",
          'restpp/query.ts': 'export const execute = 1;\n',
        },
      },
    });
    expect(checkLayers(root)).toEqual([
      "packages/emulator/src/gsql/exec.ts: imports '../restpp/query.js' from src/restpp/, but the engine is independent of its HTTP front ends",
      "packages/emulator/src/query/runner.ts: imports '../http/reply.js' from src/http/, but the engine is independent of its HTTP front ends",
    ]);
  });

  it('exits non-zero from the command line on a violation', async () => {
    const root = fixture({
      'packages/protocol': { files: { 'index.ts': "import 'node:http';\n" } },
    });
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, [join(repoRoot, 'tooling/check-layers.mjs'), root], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("packages/protocol/src/index.ts: imports 'node:http'");
  });
});
