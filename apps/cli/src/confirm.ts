// Asking before something that cannot be undone: on a terminal a y/N question (default no);
// elsewhere (scripts, CI) nobody can answer, so the command needs --yes.
import { createInterface } from 'node:readline/promises';
import { CliError, EXIT } from './exit-codes.js';

export async function confirm(question: string, what: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!(process.stdin.isTTY && process.stderr.isTTY)) {
    throw new CliError(
      `${what} needs --yes when no one is at a terminal to confirm`,
      EXIT.invalidInput,
      'add --yes to confirm',
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  let answer = '';
  try {
    answer = await rl.question(`${question} [y/N] `);
  } finally {
    rl.close();
  }
  if (!/^\s*y(es)?\s*$/i.test(answer))
    throw new CliError(`cancelled: ${what} did not happen`, EXIT.interrupted);
}
