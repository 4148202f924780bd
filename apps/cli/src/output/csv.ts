// RFC 4180 CSV: a header line, CRLF-free (\n) lines, fields quoted when they hold , " or a newline.
import { cellText, type Row } from './rows.js';

export function renderCsv(rows: readonly Row[], columns: readonly string[]): string {
  const line = (cells: readonly string[]) => cells.map(quote).join(',');
  return [line(columns), ...rows.map((row) => line(columns.map((c) => cellText(row[c]))))].join('\n');
}

function quote(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
