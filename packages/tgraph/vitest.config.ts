import { defineTgraphProjects } from '../../vitest.shared.ts';

// The shared layout sets `resolve.conditions` to ['@tgraph/source'], which replaces Vite's
// defaults; the facade's browser project must also match `browser` so `import 'tgraph'` picks
// src/entry-browser.ts in Chromium (the Node projects match `node` through SSR's defaults).
const config = defineTgraphProjects(import.meta.dirname);
for (const project of config.test?.projects ?? []) {
  if (
    typeof project === 'object' &&
    project !== null &&
    'test' in project &&
    project.test?.name === 'browser'
  ) {
    project.resolve = {
      ...project.resolve,
      conditions: ['@tgraph/source', 'browser', 'module', 'development|production'],
    };
  }
}
export default config;
