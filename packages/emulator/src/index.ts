// @tgraph/emulator: an in-memory TigerGraph-compatible HTTP server (Node only).
export type { EmulatorClock } from './clock.js';
export { createClock } from './clock.js';
export { type ControlServer, startControlServer } from './control.js';
export { type RunningEmulator, SeedError, startEmulator } from './emulator.js';
export type { RecordedRequest } from './http/record.js';
export type { EmulatorOptions, EmulatorUser, PresetSecret, PresetToken } from './options.js';
export type { FaultSite } from './state.js';
export { VECTOR_REBUILD_MS } from './store/vectors.js';
