// GSQL FILE objects (`FILE f (path); f.println(a, b)`). Every path a query names is placed inside
// the emulator's output directory (`/home/x/out.csv` → `<outputDir>/home/x/out.csv`), so a query
// never writes anywhere else on the host.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { QueryRuntimeError } from './accum.js';

export class QFile {
  private opened = false;
  constructor(
    /** The path as the query gave it. */
    readonly path: string,
    /** Where it lands on the host, inside the output directory ('' when the path is empty). */
    readonly host: string,
  ) {}

  /** FILE declarations open (and truncate) the file; an empty path opens nothing. */
  open(): void {
    if (this.host === '') return;
    mkdirSync(dirname(this.host), { recursive: true });
    writeFileSync(this.host, '');
    this.opened = true;
  }

  println(line: string): void {
    if (!this.opened) throw new QueryRuntimeError(`Runtime Error: the file "${this.path}" cannot be opened.`);
    appendFileSync(this.host, `${line}\n`);
  }
}

/** The host path for a query's FILE path, inside `outputDir`; '' for an empty path. */
export function outputPath(outputDir: string, path: string): string {
  if (path.trim() === '') return '';
  const root = resolve(outputDir);
  const host = resolve(root, `./${path.replace(/^([a-z]+:)?\/+/i, '')}`);
  if (host !== root && !host.startsWith(root + sep))
    throw new QueryRuntimeError(`Runtime Error: the file path "${path}" leaves the output directory.`);
  return host;
}
