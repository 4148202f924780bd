import { defineTgraphProjects } from '../vitest.shared.ts';

// The load, fuzz and CLI suites take seconds to tens of seconds on a busy 2-core machine: a wider
// bound than the shared 20 s (it guards against hangs; nothing here asserts timing).
const config = defineTgraphProjects(import.meta.dirname);
for (const project of config.test?.projects ?? []) {
  if (
    typeof project === 'object' &&
    project !== null &&
    'test' in project &&
    project.test?.name === 'integration'
  ) {
    project.test.testTimeout = 120_000;
    project.test.hookTimeout = 60_000;
  }
}
export default config;
