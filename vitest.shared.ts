// One vitest layout for every package: which files run where.
//   test/**/*.unit.test.ts      unit, in Node, no server
//   test/**/*.int.test.ts       integration, in Node, against the emulator over loopback HTTP
//   test/**/*.portable.test.ts  runtime-portable: in Node (integration), in Chromium (browser) and in Deno
//   test/**/*.browser.test.ts   Chromium only
// A package whose tests need the emulator has test/global-setup.ts, which starts the emulator's
// control server and provides its URL to the tests as `inject('tgraphControlUrl')`.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** The flags Debian's Chromium needs on a closed network (see CONTRIBUTING.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

export function defineTgraphProjects(packageDir: string) {
  const files = testFiles(join(packageDir, 'test'));
  const has = (suffix: string) => files.some((f) => f.endsWith(suffix));
  const globalSetup = existsSync(join(packageDir, 'test/global-setup.ts')) ? ['test/global-setup.ts'] : [];
  // Node projects run in Vite's SSR environment, which reads `ssr.resolve` rather than `resolve`.
  const resolve = { conditions: ['@tgraph/source'] };
  const ssr = { resolve: { conditions: ['@tgraph/source'], externalConditions: ['@tgraph/source'] } };
  const projects: TestProjectInlineConfiguration[] = [];
  // A focused test (`.only`) fails the run everywhere, not only where CI is set.
  const allowOnly = false;

  if (has('.unit.test.ts')) {
    projects.push({
      resolve,
      ssr,
      test: { name: 'unit', include: ['test/**/*.unit.test.ts'], environment: 'node', allowOnly },
    });
  }
  if (has('.int.test.ts') || has('.portable.test.ts')) {
    projects.push({
      resolve,
      ssr,
      test: {
        name: 'integration',
        include: ['test/**/*.int.test.ts', 'test/**/*.portable.test.ts'],
        environment: 'node',
        allowOnly,
        globalSetup,
        testTimeout: 20_000,
        hookTimeout: 20_000,
      },
    });
  }
  if (has('.portable.test.ts') || has('.browser.test.ts')) {
    projects.push({
      resolve,
      test: {
        name: 'browser',
        include: ['test/**/*.portable.test.ts', 'test/**/*.browser.test.ts'],
        allowOnly,
        globalSetup,
        testTimeout: 20_000,
        hookTimeout: 20_000,
        browser: {
          enabled: true,
          headless: true,
          screenshotFailures: false,
          provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
          instances: [{ browser: 'chromium' }],
        },
      },
    });
  }
  return defineConfig({ test: { projects, passWithNoTests: false, allowOnly } });
}
