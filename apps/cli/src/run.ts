// Parse, run, and turn every failure into one clear line on stderr plus a stable exit code (see
// exit-codes.ts). Nothing is printed twice and no stack trace reaches users unless --verbose is given.
import { CommanderError } from 'commander';
import { CliError, EXIT, type ExitCode, exitCodeOf } from './exit-codes.js';
import { colorsFor } from './output/colors.js';
import { buildProgram } from './program.js';

export async function runCli(argv: string[]): Promise<ExitCode> {
  const program = buildProgram();
  const verbose = argv.includes('-v') || argv.includes('--verbose');
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version "fail" with code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    }
    report(error, verbose);
    return exitCodeOf(error);
  }
}

function report(error: unknown, verbose: boolean): void {
  const c = colorsFor(process.stderr, argvHasNoColor());
  const e = error as { name?: string; message?: string; code?: string; hint?: string; stack?: string };
  const code =
    typeof e.code === 'string' && !(error instanceof CliError) && !(e.message ?? '').includes(e.code)
      ? ` [${e.code}]`
      : '';
  const label = e.name && e.name !== 'Error' && e.name !== 'CliError' ? `${e.name}: ` : '';
  process.stderr.write(`${c.red('error:')} ${label}${e.message ?? String(error)}${code}\n`);
  const hint = error instanceof CliError ? error.hint : hintFor(e.name);
  if (hint) process.stderr.write(`${c.dim('hint:')} ${hint}\n`);
  if (verbose && e.stack) process.stderr.write(`${c.dim(e.stack)}\n`);
}

function hintFor(name: string | undefined): string | undefined {
  switch (name) {
    case 'AuthError':
      return 'check the credentials with `tgraph status`, or log in again with `tgraph login`';
    case 'NetworkError':
    case 'TimeoutError':
      return 'run `tgraph doctor` to diagnose the connection';
    default:
      return undefined;
  }
}

function argvHasNoColor(): boolean {
  return process.argv.includes('--no-color');
}
