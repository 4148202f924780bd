// `pnpm test:conformance`: the tests that run TigerGraph's own GSQL (the graph-algorithm library,
// the tutorials) read from the vendored sources outside the repository (TGRAPH_VENDOR_DIR, default
// <repo>/../shared/vendor). They are kept out of `pnpm test` (their names end in .conformance.test.ts,
// which vitest.shared.ts does not include) because a fresh clone has no vendored sources.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@tgraph/source'] },
  ssr: { resolve: { conditions: ['@tgraph/source'], externalConditions: ['@tgraph/source'] } },
  test: {
    name: 'conformance',
    include: ['test/conformance/**/*.conformance.test.ts'],
    environment: 'node',
    globalSetup: ['test/conformance/vendor-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    passWithNoTests: false,
  },
});
