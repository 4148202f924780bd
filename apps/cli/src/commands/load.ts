// `tgraph load`: runs a loading job on data from a file or stdin, streamed, with a progress line
// (bytes and lines) on stderr and a summary of accepted and rejected lines.
import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { action } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { examples } from '../help.js';
import { int } from '../input.js';
import { formatBytes, type Progress, startProgress } from '../output/progress.js';

interface LoadOptions {
  sep?: string;
  eol?: string;
  header?: boolean;
  maxErrors?: string;
  strict?: boolean;
}

export function registerLoad(program: Command): void {
  examples(
    program
      .command('load')
      .argument('<job>', 'loading job (CREATE LOADING JOB … DEFINE FILENAME f …)')
      .argument('<filename>', "the job's FILENAME variable the data is for")
      .argument('[path]', 'data file (default: stdin)')
      .option('--sep <char>', 'field separator (default ","; "\\t" for tab)')
      .option('--eol <chars>', 'line end (default "\\n")')
      .option('--header', '3.x: the first line is a header')
      .option('--max-errors <n>', 'abort after this many bad lines (3.9+)')
      .option('--strict', 'exit 1 when any line was rejected')
      .description('load data into the graph through a loading job, streaming the file')
      .action(
        action<LoadOptions>(async (ctx, [job, filename, path], o) => {
          const { io } = ctx;
          const source = path === undefined || path === '-' ? process.stdin : openFile(path);
          const total = path && path !== '-' ? statSync(path).size : undefined;
          const { tg } = await ctx.session();
          const progress: Progress | undefined =
            io.err.isTTY && !io.quiet
              ? startProgress(io.err, `Loading ${path ?? 'stdin'}`, total, io.ce)
              : undefined;
          let result: Awaited<ReturnType<typeof tg.loading.loadData>>;
          try {
            result = await tg.loading.loadData(job!, filename!, source as AsyncIterable<Uint8Array>, {
              separator: controlChars(o.sep),
              eol: controlChars(o.eol),
              header: o.header,
              maxErrors: int(o.maxErrors, '--max-errors'),
              onProgress: (p) => progress?.update(p.bytes, p.lines),
            });
          } finally {
            progress?.done();
          }
          const s = result.statistics;
          const summary = {
            job,
            filename,
            bytes: result.bytes,
            lines: result.lines,
            acceptedLines: s.validLines,
            rejectedLines: s.rejectedLines,
            vertices: Object.fromEntries(s.vertices.map((v) => [v.typeName, v.validObject])),
            edges: Object.fromEntries(s.edges.map((e) => [e.typeName, e.validObject])),
            requests: result.requests,
            fileLevel: s.fileLevel,
          };
          if (io.format === 'table') {
            const c = io.c;
            io.line(
              `${c.bold('Loaded')} ${formatBytes(result.bytes)}, ${result.lines} lines: ${c.green(`${s.validLines} accepted`)}, ${s.rejectedLines ? c.red(`${s.rejectedLines} rejected`) : '0 rejected'}`,
            );
            for (const v of s.vertices) io.line(`  vertex ${v.typeName}: ${v.validObject}`);
            for (const e of s.edges) io.line(`  edge   ${e.typeName}: ${e.validObject}`);
            const reasons = Object.entries(s.fileLevel).filter(([k, n]) => n > 0 && !/^valid/i.test(k));
            for (const [reason, n] of reasons) io.line(`  ${c.yellow(reason)}: ${n}`);
          } else io.print(summary);
          if (o.strict && s.rejectedLines > 0)
            throw new CliError(`${s.rejectedLines} line(s) were rejected`, EXIT.failure);
        }),
      ),
    'tgraph load load_patients f patients.csv',
    'gunzip -c big.csv.gz | tgraph load load_patients f --max-errors 100',
    'tgraph load load_people f people.tsv --sep "\\t" --json',
  );
}

function openFile(path: string) {
  try {
    statSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code})`, EXIT.notFound);
  }
  return createReadStream(path);
}

/** `\t`, `\n`, `\r` typed on a command line become the characters. */
function controlChars(value: string | undefined): string | undefined {
  return value?.replace(/\\t/g, '\t').replace(/\\n/g, '\n').replace(/\\r/g, '\r');
}
