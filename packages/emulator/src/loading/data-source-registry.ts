// The data sources an emulator keeps: one registry for GSQL's CREATE DATA_SOURCE and the 4.x
// /gsql/v1/data-sources endpoints (the engine owns it; the HTTP front end reads and writes it).
import type { Json } from '../json.js';
import type { EmulatorState } from '../state.js';

export interface DataSource {
  name: string;
  config: { [k: string]: Json };
  graphs: string[];
}

const byState = new WeakMap<EmulatorState, Map<string, DataSource>>();

/** The data sources of an emulator: the ones the endpoints and GSQL's CREATE DATA_SOURCE make. */
export function sources(state: EmulatorState): Map<string, DataSource> {
  let m = byState.get(state);
  if (!m) {
    m = new Map();
    byState.set(state, m);
  }
  return m;
}
