export { setup, teardown } from '@tgraph/emulator/vitest-setup';
