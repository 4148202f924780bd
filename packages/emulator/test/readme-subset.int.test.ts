// Keeps the README's "GSQL query subset" table true: every row's example is created on the covid
// seed; a "supported" one installs (and runs, when it takes no parameters); a "refused" one is
// refused with the message the table quotes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulator, gsqlStatements, http } from './helpers.js';

interface Row {
  construct: string;
  status: string;
  example: string;
  says: string;
}

const HEADER = /^\|\s*Construct\s*\|\s*Status\s*\|\s*Example\s*\|\s*CREATE says\s*\|$/;

function tableRows(): Row[] {
  const lines = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => HEADER.test(l));
  expect(start, 'the README has the GSQL subset table').toBeGreaterThan(0);
  const rows: Row[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [construct, status, example, says] = line
      .slice(1, -1)
      .split(/\s\|\s/)
      .map((c) => c.trim().replace(/^`|`$/g, ''));
    rows.push({ construct: construct ?? '', status: status ?? '', example: example ?? '', says: says ?? '' });
  }
  return rows;
}

/** `(params) body` → the query text. */
function queryText(name: string, example: string): string {
  let params = '()';
  let body = example;
  if (example.startsWith('(')) {
    const close = example.indexOf(')');
    params = example.slice(0, close + 1);
    body = example.slice(close + 1);
  }
  return `CREATE QUERY ${name}${params} FOR GRAPH MyGraph {\n  ${body.trim()}\n}\nINSTALL QUERY ${name}`;
}

describe('README: GSQL query subset table', () => {
  const rows = tableRows();

  it('lists supported and refused constructs', () => {
    expect(rows.filter((r) => r.status === 'supported').length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.status === 'refused').length).toBeGreaterThan(5);
    expect(rows.every((r) => r.status === 'supported' || r.status === 'refused')).toBe(true);
  });

  rows.forEach((row, i) => {
    it(`${row.status}: ${row.construct}`, async () => {
      const e = await emulator({ seed: 'covid' });
      const r = await gsqlStatements(e, `USE GRAPH MyGraph\n${queryText(`row${i}`, row.example)}`);
      if (row.status === 'supported') {
        expect(r.text).toContain(`Successfully created queries: [row${i}]`);
        expect(r.text).toContain('Query installation finished');
        // Examples without parameters also run without error.
        if (!row.example.startsWith('(')) {
          const run = await http(`${e.restppUrl}/query/MyGraph/row${i}`);
          expect(run.json).toMatchObject({ error: false });
        }
      } else {
        expect(row.says).not.toBe('');
        expect(r.text).toContain(row.says);
        expect(r.text).toContain(`Failed to create queries: [row${i}]`);
      }
    });
  });
});
