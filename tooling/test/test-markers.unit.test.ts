// A focused, skipped or todo test cannot land: Biome rejects the marker and vitest refuses `.only`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '../..');
const biomeBin = join(repoRoot, 'node_modules/@biomejs/biome/bin/biome');
const vitestBin = join(repoRoot, 'node_modules/vitest/vitest.mjs');
const temps: string[] = [];

afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/**
 * Lints `source` as a test file under this repository's Biome rules and plugins. The file lives
 * outside the repository (a lint running meanwhile must not see it), next to a copy of biome.json
 * without the VCS section and with the plugin paths made absolute.
 */
function lint(source: string) {
  const dir = tempDir('tgraph-markers-');
  const config = JSON.parse(readFileSync(join(repoRoot, 'biome.json'), 'utf8'));
  delete config.$schema;
  delete config.vcs;
  config.plugins = (config.plugins ?? []).map((p: string) => join(repoRoot, p));
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  writeFileSync(join(dir, 'x.unit.test.ts'), source);
  return spawnSync(process.execPath, [biomeBin, 'lint', 'x.unit.test.ts'], { cwd: dir, encoding: 'utf8' });
}

const HEADER = "import { describe, expect, it } from 'vitest';\n";

describe('test markers', () => {
  it('Biome accepts a plain test', () => {
    const result = lint(
      `${HEADER}describe('a', () => {\n  it('b', () => {\n    expect(1).toBe(1);\n  });\n});\n`,
    );
    expect(result.status, result.stderr).toBe(0);
  });

  it.each([
    ['it.only', 'noFocusedTests'],
    ['describe.only', 'noFocusedTests'],
    ['it.skip', 'noSkippedTests'],
    ['describe.skip', 'noSkippedTests'],
    ['it.todo', 'todo'],
    ['describe.todo', 'todo'],
  ])('Biome fails on %s', (marker, rule) => {
    const result = lint(`${HEADER}${marker}('b', () => {\n  expect(1).toBe(1);\n});\n`);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(rule);
  });

  it('vitest fails a run that holds a focused test', () => {
    const dir = tempDir('tgraph-only-');
    mkdirSync(join(dir, 'test'));
    const shared = JSON.stringify(join(repoRoot, 'vitest.shared.ts'));
    writeFileSync(
      join(dir, 'vitest.config.ts'),
      `import { defineTgraphProjects } from ${shared};\nexport default defineTgraphProjects(import.meta.dirname);\n`,
    );
    writeFileSync(
      join(dir, 'test/focused.unit.test.ts'),
      `${HEADER}it.only('focused', () => {\n  expect(1).toBe(1);\n});\nit('other', () => {\n  expect(2).toBe(2);\n});\n`,
    );
    const env = { ...process.env, CI: '' };
    const result = spawnSync(process.execPath, [vitestBin, 'run'], { cwd: dir, encoding: 'utf8', env });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/\.only/);
  }, 60_000);
});
