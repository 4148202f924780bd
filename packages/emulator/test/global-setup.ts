// Starts the emulator control server for the integration tests (see vitest.shared.ts).
export { setup, teardown } from '../src/vitest-setup.js';
