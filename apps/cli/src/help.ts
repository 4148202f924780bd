// Every command's --help ends with examples (the README repeats them).
import type { Command } from 'commander';

export function examples(command: Command, ...lines: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
}
