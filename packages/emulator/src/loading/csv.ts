// Line splitting and tokenizing for loading: bytes arrive in chunks of any size, lines end with a
// 1–2 character EOL, tokens are split by a separator with optional double/single quoting.
import { StringDecoder } from 'node:string_decoder';

/** Splits a byte stream into lines without ever holding more than one partial line. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  /** Inside a line longer than `maxLine`: its text is dropped until the next EOL. */
  private overflowing = false;

  constructor(
    private readonly eol: string,
    private readonly maxLine: number,
  ) {}

  /** Calls `onLine` for every complete line in the chunk, `onOverflow` for each over-long line. */
  write(chunk: Buffer, onLine: (line: string) => void, onOverflow: () => void): void {
    const text = this.pending + this.decoder.write(chunk);
    let start = 0;
    const eol = this.eol;
    for (;;) {
      const at = text.indexOf(eol, start);
      if (at < 0) break;
      if (this.overflowing) {
        this.overflowing = false;
        onOverflow();
      } else {
        onLine(text.slice(start, at));
      }
      start = at + eol.length;
    }
    this.pending = start === 0 ? text : text.slice(start);
    if (this.pending.length > this.maxLine) {
      // A line this long would otherwise sit in memory whole: drop it and report it.
      this.pending = eol.length > 1 ? this.pending.slice(-(eol.length - 1)) : '';
      this.overflowing = true;
    }
  }

  /** Flushes a last line that had no EOL. */
  end(onLine: (line: string) => void, onOverflow: () => void): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    if (this.overflowing) {
      this.overflowing = false;
      onOverflow();
    } else if (rest !== '') onLine(rest);
  }

  /** Characters buffered for the current partial line (for bounds checks). */
  get pendingLength(): number {
    return this.pending.length;
  }
}

/** Splits one line into tokens; `quote` is the enclosing character or undefined for none. */
export function tokenizeLine(line: string, sep: string, quote: string | undefined): string[] {
  if (quote === undefined || !line.includes(quote)) return line.split(sep);
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    let token = '';
    if (line[i] === quote) {
      // Quoted token: runs to the closing quote; a doubled quote is a literal quote.
      i++;
      for (;;) {
        const close = line.indexOf(quote, i);
        if (close < 0) {
          token += line.slice(i);
          i = n;
          break;
        }
        token += line.slice(i, close);
        if (line[close + 1] === quote) {
          token += quote;
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const next = line.indexOf(sep, i);
      if (next < 0) {
        out.push(token + line.slice(i));
        return out;
      }
      out.push(token + line.slice(i, next));
      i = next + sep.length;
    } else {
      const next = line.indexOf(sep, i);
      if (next < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, next));
      i = next + sep.length;
    }
    if (i > n) return out;
  }
}

/** The QUOTE option ("double"/"single") as a character. */
export function quoteChar(option: string | undefined): string | undefined {
  if (option === undefined) return undefined;
  const o = option.toLowerCase();
  if (o === 'double') return '"';
  if (o === 'single') return "'";
  return undefined;
}
