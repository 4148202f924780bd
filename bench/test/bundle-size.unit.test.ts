// Bundle budgets (issue 9): the facade's browser build ≤ 24 KB and a selective import of
// @tgraph/api/vertices with the browser adapter ≤ 14 KB, min+gzip, built from the packages'
// `dist/` as a published consumer gets them. Over budget, the failure names the measured size and
// the largest inputs.
import { describe, expect, it } from 'vitest';
import { BUDGETS, describeMeasure, measureBundle } from '../src/bundle-size.ts';

const here = new URL('..', import.meta.url).pathname;

describe('bundle budgets (esbuild, browser, minified, gzip -9)', () => {
  for (const budget of BUDGETS) {
    it(`${budget.name} stays within its budget`, async () => {
      const m = await measureBundle(budget, here);
      // A bundle that lost its code would pass any budget: it must at least hold the transport.
      expect(m.largest.some((l) => l.file.includes('transport'))).toBe(true);
      expect(m.gzipBytes, describeMeasure(m)).toBeLessThanOrEqual(m.budgetBytes);
    }, 60_000);
  }
});
