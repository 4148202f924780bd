// Where everything the CLI prints goes: results on stdout in the chosen format, everything else
// (notes, spinners, progress, verbose request logs, errors) on stderr, so pipes get data only.
import { type Colors, colorsFor } from './colors.js';
import { renderCsv } from './csv.js';
import { toJson } from './json.js';
import { columnsOf, flatten, type Row } from './rows.js';
import { type Spinner, startSpinner } from './spinner.js';
import { renderTable, tableIsCut } from './table.js';

export type Format = 'table' | 'json' | 'ndjson' | 'csv';

export interface IoOptions {
  format?: Format | undefined;
  quiet?: boolean | undefined;
  verbose?: boolean | undefined;
  noColor?: boolean | undefined;
  /** Tables keep every cell whole instead of fitting the terminal. */
  wide?: boolean | undefined;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

export interface PrintOptions {
  /** Column order for table/CSV (default: first-seen keys). */
  columns?: readonly string[] | undefined;
  /** Keep nested `attributes` as one column instead of flattening them. */
  raw?: boolean | undefined;
}

export class Io {
  readonly format: Format;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly out: NodeJS.WriteStream;
  readonly err: NodeJS.WriteStream;
  /** Colors for stdout and stderr (each on only when that stream is a TTY). */
  readonly c: Colors;
  readonly ce: Colors;
  /** Tables are cut to this many columns (the terminal's width), unless --wide. */
  readonly maxWidth: number | undefined;

  constructor(options: IoOptions = {}) {
    this.out = options.stdout ?? process.stdout;
    this.err = options.stderr ?? process.stderr;
    // Tables are for people: on a TTY. Piped output defaults to JSON for scripts.
    this.format = options.format ?? (this.out.isTTY ? 'table' : 'json');
    this.quiet = options.quiet ?? false;
    this.verbose = options.verbose ?? false;
    this.c = colorsFor(this.out, options.noColor ?? false);
    this.ce = colorsFor(this.err, options.noColor ?? false);
    this.maxWidth = !options.wide && this.out.isTTY && this.out.columns ? this.out.columns : undefined;
  }

  /** Prints a result: a list (rows), an object (one record) or text. */
  print(value: unknown, options: PrintOptions = {}): void {
    if (typeof value === 'string') {
      if (this.format === 'json' || this.format === 'ndjson') this.line(toJson({ output: value }));
      else this.write(value.endsWith('\n') ? value : `${value}\n`);
      return;
    }
    const list = Array.isArray(value) ? value : undefined;
    switch (this.format) {
      case 'json':
        this.line(toJson(value, 2));
        return;
      case 'ndjson':
        if (list) for (const item of list) this.line(toJson(item));
        else this.line(toJson(value));
        return;
      case 'csv': {
        const rows = this.rows(list ?? [value], options);
        this.line(renderCsv(rows, options.columns ?? columnsOf(rows)));
        return;
      }
      case 'table': {
        if (!list && isPlainObject(value)) {
          this.line(this.keyValue(value as Row));
          return;
        }
        const rows = this.rows(list ?? [value], options);
        const columns = options.columns ?? columnsOf(rows);
        this.line(renderTable(rows, columns, this.c, this.maxWidth));
        if (this.maxWidth !== undefined && tableIsCut(rows, columns, this.maxWidth))
          this.note(this.ce.dim("(cells cut to the terminal's width: --wide shows them whole)"));
      }
    }
  }

  /** A one-line note for people (stderr; hidden by --quiet). */
  note(message: string): void {
    if (!this.quiet) this.err.write(`${message}\n`);
  }

  success(message: string): void {
    this.note(`${this.ce.green('✔')} ${message}`);
  }

  warn(message: string): void {
    this.err.write(`${this.ce.yellow('warning:')} ${message}\n`);
  }

  error(message: string, hint?: string): void {
    this.err.write(`${this.ce.red('error:')} ${message}\n`);
    if (hint) this.err.write(`${this.ce.dim('hint:')} ${hint}\n`);
  }

  /** A --verbose line on stderr. */
  debug(message: string): void {
    if (this.verbose) this.err.write(`${this.ce.dim(message)}\n`);
  }

  /** A spinner on stderr while `task` runs (only on a TTY and without --quiet). */
  async spin<T>(text: string, task: () => Promise<T>): Promise<T> {
    const spinner: Spinner | undefined =
      this.err.isTTY && !this.quiet && !this.verbose ? startSpinner(this.err, text, this.ce) : undefined;
    try {
      return await task();
    } finally {
      spinner?.stop();
    }
  }

  write(text: string): void {
    this.out.write(text);
  }

  line(text: string): void {
    this.out.write(`${text}\n`);
  }

  private rows(items: readonly unknown[], options: PrintOptions): Row[] {
    return items.map((item) =>
      options.raw ? (isPlainObject(item) ? (item as Row) : { value: item }) : flatten(item),
    );
  }

  private keyValue(record: Row): string {
    const entries = Object.entries(record);
    const width = Math.max(0, ...entries.map(([k]) => k.length));
    return entries
      .map(([k, v]) => {
        const text = typeof v === 'string' ? v : toJson(v);
        return `${this.c.bold(k.padEnd(width))}  ${text}`;
      })
      .join('\n');
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
