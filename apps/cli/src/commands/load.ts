// `tgraph load`: runs a loading job on data from a file or stdin, streamed, with a progress line
// (bytes and lines) on stderr and a summary of accepted and rejected lines.
import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { action } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { examples } from '../help.js';
import { int } from '../input.js';
import {
  type LoadStats,
  objectsLoaded,
  rejections,
  summaryLines,
  summaryRecord,
} from '../output/load-summary.js';
import { type Progress, startProgress } from '../output/progress.js';

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
          const run = { bytes: result.bytes, lines: result.lines };
          if (io.format === 'table') for (const line of summaryLines(s, run, io.c)) io.line(line);
          else io.print({ job, filename, ...summaryRecord(s, run), requests: result.requests });
          // A run that loaded no vertex and no edge never reads as success.
          if (objectsLoaded(s) === 0) throw nothingLoaded(s, filename!, result.lines);
          if (o.strict && s.rejectedLines > 0)
            throw new CliError(`${s.rejectedLines} line(s) were rejected`, EXIT.failure);
        }),
      ),
    'tgraph load load_patients f patients.csv',
    'gunzip -c big.csv.gz | tgraph load load_patients f --max-errors 100',
    'tgraph load load_people f people.tsv --sep "\\t" --json',
  );
}

/** Why a run loaded nothing, as far as the counters tell. */
function nothingLoaded(s: LoadStats, filename: string, lines: number): CliError {
  const objectRejections = [...s.vertices, ...s.edges].some(
    (t) => Object.keys(rejections(t.counters)).length,
  );
  const hint =
    lines === 0
      ? 'the input was empty'
      : s.rejectedLines > 0 || objectRejections
        ? 'every line or value was rejected: see the counters above (invalidAttribute: a value does not fit the attribute type)'
        : `check that the job defines FILENAME ${filename} and that its LOAD statements match the data`;
  return new CliError(`nothing was loaded from ${lines} line(s)`, EXIT.failure, hint);
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
