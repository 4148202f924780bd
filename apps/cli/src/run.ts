// Parse, run, and turn every failure into one clear line on stderr plus a stable exit code (see
// exit-codes.ts). Nothing is printed twice and no stack trace reaches users unless --verbose is given.
import { CommanderError } from 'commander';
import { EXIT, type ExitCode, exitCodeOf } from './exit-codes.js';
import { explain } from './explain.js';
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
  // Errors are shown in the CLI's words (flags and commands), never as SDK class or option names.
  const e = explain(error, undefined, '');
  process.stderr.write(`${c.red('error:')} ${e.message}\n`);
  if (e.hint) process.stderr.write(`${c.dim('hint:')} ${e.hint}\n`);
  if (verbose && e.stack) process.stderr.write(`${c.dim(e.stack)}\n`);
}

function argvHasNoColor(): boolean {
  return process.argv.includes('--no-color');
}
