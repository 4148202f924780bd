// The two UDF files a TigerGraph server keeps (ExprFunctions.hpp, ExprUtil.hpp), per emulator:
// read and written by the UDF endpoints, carried by db-export/db-import.
import type { EmulatorState } from '../state.js';

const files = new WeakMap<EmulatorState, Map<string, string>>();

export function udfFiles(state: EmulatorState): Map<string, string> {
  let m = files.get(state);
  if (!m) {
    m = new Map([
      [
        'ExprFunctions',
        '#include <string>\n#include <gle/engine/cpplib/headers.hpp>\n\n// User defined functions\n',
      ],
      ['ExprUtil', '#include <string>\n\n// Helpers for ExprFunctions\n'],
    ]);
    files.set(state, m);
  }
  return m;
}
