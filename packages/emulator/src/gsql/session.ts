// GSQL session state for one request (the HTTP GSQL endpoints keep no state between requests).
import type { User } from '../auth/model.js';
import type { EmulatorState } from '../state.js';

export interface GsqlSession {
  state: EmulatorState;
  user: User;
  graph: string | undefined;
  exitOnError: boolean;
  out: string[];
  /** Exit code GSQL reports (0 ok, 211 syntax error, 212 semantic/runtime error). */
  returnCode: number;
}

export class StatementError extends Error {
  constructor(
    message: string,
    readonly code = 212,
  ) {
    super(message);
  }
}
