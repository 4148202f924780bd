// A small table renderer: column widths from the content, right-aligned numbers, header underlined.
import type { Colors } from './colors.js';
import { cellText, type Row } from './rows.js';

export function renderTable(rows: readonly Row[], columns: readonly string[], colors: Colors): string {
  if (rows.length === 0) return colors.dim('(no rows)');
  const cells = rows.map((row) => columns.map((c) => cellText(row[c]).replace(/\r?\n/g, '⏎')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => width(r[i]!))));
  const numeric = columns.map((c) => rows.every((r) => r[c] === undefined || isNumber(r[c])));
  const pad = (text: string, i: number) =>
    numeric[i] ? ' '.repeat(widths[i]! - width(text)) + text : text + ' '.repeat(widths[i]! - width(text));
  const header = columns.map((c, i) => colors.bold(pad(c.toUpperCase(), i))).join('  ');
  const body = cells.map((r) =>
    r
      .map((text, i) => pad(text, i))
      .join('  ')
      .trimEnd(),
  );
  return [header.trimEnd(), ...body].join('\n');
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
