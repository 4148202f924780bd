// `pnpm test:conformance`: codegen over TigerGraph's own GSQL (the graph-algorithm library), read from
// the vendored sources outside the repository (TGRAPH_VENDOR_DIR, default <repo>/../shared/vendor).
// Kept out of `pnpm test` (names end in .conformance.test.ts) because a fresh clone has no vendored
// sources; a missing folder fails the run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@tgraph/source'] },
  ssr: { resolve: { conditions: ['@tgraph/source'], externalConditions: ['@tgraph/source'] } },
  test: {
    name: 'api-conformance',
    include: ['test/conformance/**/*.conformance.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 120_000,
    passWithNoTests: false,
  },
});
