// Runs GSQL text in a graph the way the user sees it: the `USE GRAPH` line the CLI puts in front
// is its own business, so its "Using graph" echo is hidden and the server's line numbers are
// shifted back to the user's lines.
import type { Client } from './connect.js';
import { CliError, EXIT } from './exit-codes.js';

export interface GsqlRun {
  output: string;
  ok: boolean;
}

export async function runGsql(tg: Client, text: string, graph: string | undefined): Promise<GsqlRun> {
  if (graph === undefined) {
    const result = await tg.gsql(text, { throwOnError: false });
    return { output: result.output, ok: result.ok };
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(graph)) {
    throw new CliError(`'${graph.slice(0, 64)}' is not a graph name`, EXIT.invalidInput);
  }
  const result = await tg.gsql(`USE GRAPH ${graph}\n${text}`, { throwOnError: false });
  return { output: hideUseGraph(result.output, graph, result.ok), ok: result.ok };
}

/** Drops the echo of the added `USE GRAPH` line and renumbers "line N" in a failure's output. */
export function hideUseGraph(output: string, graph: string, ok: boolean): string {
  const echo = `Using graph '${graph}'`;
  const lines = output.split('\n');
  const rest = lines[0]?.trim() === echo ? lines.slice(1) : lines;
  const text = rest.join('\n');
  return ok
    ? text
    : text.replace(/\b(line\s+)(\d+)/gi, (m, word: string, n: string) =>
        Number(n) > 1 ? `${word}${Number(n) - 1}` : m,
      );
}

/** The line of a failed run's output that says what went wrong (for a one-line error). */
export function failureLine(output: string): string {
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  return (
    lines.find((l) => /error|fail|does not exist|already exists|is not a valid|Encountered "/i.test(l)) ??
    lines.at(-1) ??
    'GSQL reported an error'
  ).trim();
}
