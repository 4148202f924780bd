import { defineTgraphProjects } from '../../vitest.shared.ts';

export default defineTgraphProjects(import.meta.dirname);
