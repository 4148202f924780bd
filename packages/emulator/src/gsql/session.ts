// GSQL session state for one request. What outlives the request (the graph in use, the session
// parameters) travels in the shell's session cookie (gsqlserver/session-cookie.ts).
import type { User } from '../auth/model.js';
import type { EmulatorState } from '../state.js';

export interface GsqlSession {
  state: EmulatorState;
  user: User;
  graph: string | undefined;
  exitOnError: boolean;
  /** Session parameters set with `SET name = value` (lower-case names, in the order first set). */
  params: Map<string, string>;
  out: string[];
  /** Exit code GSQL reports (0 ok, 211 syntax error, 212 semantic/runtime error). */
  returnCode: number;
}

export class StatementError extends Error {
  constructor(
    message: string,
    readonly code = 212,
    /** False for the errors after which TigerGraph's shell goes on with the file even when exit_on_error. */
    readonly stops = true,
  ) {
    super(message);
  }
}

/**
 * DROP JOB of a job that is not there. The shell reports it and goes on with the file: scripts start
 * with it so they can be run again (the tutorial's load files; pyTigerGraph's commit_changes drops a
 * job it has yet to create, then creates and runs it in the same script).
 */
export function missingJob(name: string): StatementError {
  return new StatementError(`Semantic Check Fails: The job ${name} does not exist.`, 212, false);
}
