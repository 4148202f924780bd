// `tgraph gsql`: one statement, a file, stdin, or (on a terminal with nothing given) an interactive
// GSQL shell.
import type { Command } from 'commander';
import { action } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { examples } from '../help.js';
import { readText } from '../input.js';

export function registerGsql(program: Command): void {
  examples(
    program
      .command('gsql')
      .argument('[statement...]', 'GSQL text to run (omit for a file, stdin, or the interactive shell)')
      .option('-f, --file <path>', 'run a GSQL script ("-" = stdin)')
      .description('run GSQL: one statement, a script, or an interactive shell with history and completion')
      .action(
        action<{ file?: string }>(async (ctx, words, o) => {
          const interactive = words.length === 0 && o.file === undefined && process.stdin.isTTY === true;
          const session = await ctx.session();
          if (interactive) {
            const { runShell } = await import('../gsql-shell.js');
            await runShell(session, ctx.io);
            return;
          }
          const text = words.length ? words.join(' ') : readText(o.file ?? '-');
          // The same graph as the interactive shell: --graph, TG_GRAPH or the profile's.
          const { runGsql, failureLine } = await import('../gsql-run.js');
          const result = await runGsql(session.tg, text, session.settings.graph);
          // GSQL output is text for people and scripts alike; JSON only when asked for.
          if (ctx.globals.json || ctx.globals.ndjson) ctx.io.print(result.output);
          else if (result.output)
            ctx.io.write(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
          if (!result.ok)
            throw new CliError(`GSQL reported an error: ${failureLine(result.output)}`, EXIT.server);
        }),
      ),
    'tgraph gsql "ls"',
    'tgraph gsql -f schema.gsql',
    'tgraph gsql --graph MyGraph "SHOW QUERY *"',
    'tgraph gsql            # interactive shell (exit with Ctrl-D or "exit")',
  );
}
