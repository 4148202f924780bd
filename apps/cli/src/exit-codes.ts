// Stable exit codes (documented in README.md). Scripts branch on these, so they never change meaning.
export const EXIT = {
  /** Success. */
  ok: 0,
  /** A failure with no more specific code (also: `codegen --check` drift, `doctor` found problems). */
  failure: 1,
  /** Invalid input: unknown command or option, a bad value, a malformed file. */
  invalidInput: 2,
  /** Credentials missing, wrong, expired or lacking privilege. */
  auth: 3,
  /** The graph, type, vertex, query, profile or endpoint does not exist. */
  notFound: 4,
  /** The server answered with an error (GSQL failure, 5xx, an unexpected reply). */
  server: 5,
  /** No usable answer: DNS, refused connection, TLS failure, timeout. */
  network: 6,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI raises itself, with the exit code it maps to and an optional hint. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Maps an error from the SDK (by class name: the facade's error classes) or the CLI to an exit code. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case 'ValidationError':
      return EXIT.invalidInput;
    case 'AuthError':
      return EXIT.auth;
    case 'NotFoundError':
      return EXIT.notFound;
    case 'NetworkError':
    case 'TimeoutError':
      return EXIT.network;
    case 'AbortError':
      return EXIT.interrupted;
    case 'GsqlError':
    case 'ResponseShapeError':
    case 'TigerGraphError':
      return EXIT.server;
    default:
      return EXIT.failure;
  }
}
