// A small table renderer: column widths from the content, right-aligned numbers, header underlined.
import type { Colors } from './colors.js';
import { cellText, type Row } from './rows.js';

/**
 * `maxWidth` (the terminal's) narrows the widest columns until the table fits and cuts their
 * cells with `…`; undefined renders every cell whole (`--wide`, or output that is not a terminal).
 */
export function renderTable(
  rows: readonly Row[],
  columns: readonly string[],
  colors: Colors,
  maxWidth?: number,
): string {
  if (rows.length === 0) return colors.dim('(no rows)');
  const full = rows.map((row) => columns.map((c) => cellText(row[c]).replace(/\r?\n/g, '⏎')));
  const widths = fitWidths(
    columns.map((c, i) => Math.max(c.length, ...full.map((r) => width(r[i]!)))),
    maxWidth,
  );
  const cells = full.map((r) => r.map((text, i) => cut(text, widths[i]!)));
  const heads = columns.map((c, i) => cut(c.toUpperCase(), widths[i]!));
  const numeric = columns.map((c) => rows.every((r) => r[c] === undefined || isNumber(r[c])));
  const pad = (text: string, i: number) =>
    numeric[i] ? ' '.repeat(widths[i]! - width(text)) + text : text + ' '.repeat(widths[i]! - width(text));
  const header = heads.map((c, i) => colors.bold(pad(c, i))).join('  ');
  const body = cells.map((r) =>
    r
      .map((text, i) => pad(text, i))
      .join('  ')
      .trimEnd(),
  );
  return [header.trimEnd(), ...body].join('\n');
}

/** Whether a table of these rows would be cut at `maxWidth`. */
export function tableIsCut(rows: readonly Row[], columns: readonly string[], maxWidth: number): boolean {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => width(cellText(r[c])))));
  return widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1) > maxWidth;
}

/** Narrows the widest column, one character at a time, until all fit (no column below 3). */
function fitWidths(widths: number[], maxWidth: number | undefined): number[] {
  if (maxWidth === undefined) return widths;
  const out = [...widths];
  const total = () => out.reduce((a, b) => a + b, 0) + 2 * (out.length - 1);
  while (total() > maxWidth) {
    const widest = out.indexOf(Math.max(...out));
    if (out[widest]! <= 3) break;
    out[widest]!--;
  }
  return out;
}

/** The text cut to `max` display columns, ending in `…` when something was cut. */
function cut(text: string, max: number): string {
  if (width(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (width(`${out}${ch}`) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function isNumber(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'bigint';
}

/** Display width (ignores combining marks; counts wide CJK characters as two). */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x300 && code <= 0x36f) continue;
    w +=
      code >= 0x1100 &&
      /\p{Extended_Pictographic}|\p{Script=Han}|\p{Script=Hangul}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(
        ch,
      )
        ? 2
        : 1;
  }
  return w;
}
