// examples/ is part of what `pnpm test` checks: Biome and strict tsc run over it like any package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(join(repoRoot, file), 'utf8'));

describe('examples/', () => {
  const scripts: Record<string, string> = json('package.json').scripts;
  const turbo = json('turbo.json');
  const testTasks = (scripts.test ?? '').split(/\s+/);

  it('is linted by pnpm test', () => {
    expect(testTasks).toContain('lint:examples');
    expect(scripts['lint:examples']).toMatch(/^biome check examples$/);
    expect(turbo.tasks['//#lint:examples']).toBeDefined();
  });

  it('is type-checked by pnpm test, with the repository strict settings', () => {
    expect(testTasks).toContain('typecheck:examples');
    expect(scripts['typecheck:examples']).toBe('tsc -p examples/tsconfig.json');
    expect(turbo.tasks['//#typecheck:examples']).toBeDefined();
    const tsconfig = readFileSync(join(repoRoot, 'examples/tsconfig.json'), 'utf8');
    expect(tsconfig).toContain('"extends": "../tsconfig.base.json"');
    expect(tsconfig).toMatch(/"include": \["\*\.ts", "\*\.mjs"\]/);
  });
});
