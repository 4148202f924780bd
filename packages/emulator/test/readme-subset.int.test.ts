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

/** The cells of the README table under `header`, code quotes taken off. */
function tableCells(header: RegExp, what: string): string[][] {
  const lines = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => header.test(l));
  expect(start, `the README has the ${what} table`).toBeGreaterThan(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/\s\|\s/)
        .map((c) => c.trim().replace(/^`|`$/g, '')),
    );
  }
  return rows;
}

function tableRows(): Row[] {
  return tableCells(HEADER, 'GSQL subset').map(([construct, status, example, says]) => ({
    construct: construct ?? '',
    status: status ?? '',
    example: example ?? '',
    says: says ?? '',
  }));
}

/** `(params) body` → the parameter list and the body. */
function split(example: string): { params: string; body: string } {
  if (!example.startsWith('(')) return { params: '()', body: example.trim() };
  const close = example.indexOf(')');
  return { params: example.slice(0, close + 1), body: example.slice(close + 1).trim() };
}

/** `(params) body` → the query text. */
function queryText(name: string, example: string): string {
  const { params, body } = split(example);
  return `CREATE QUERY ${name}${params} FOR GRAPH MyGraph {\n  ${body}\n}\nINSTALL QUERY ${name}`;
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

const INTERPRETED = /^\|\s*Interpreted mode lacks\s*\|\s*Example\s*\|\s*INTERPRET says\s*\|$/;

describe('README: interpreted mode table', () => {
  const rows = tableCells(INTERPRETED, 'interpreted mode');

  it('lists what interpreted mode lacks', () => {
    expect(rows.length).toBeGreaterThan(10);
  });

  rows.forEach(([lacks = '', example = '', says = ''], i) => {
    it(`refused interpreted, runs installed: ${lacks}`, async () => {
      const e = await emulator({ seed: 'covid' });
      const { params, body } = split(example);
      const r = await gsqlStatements(
        e,
        `USE GRAPH MyGraph\nINTERPRET QUERY ${params} FOR GRAPH MyGraph {\n  ${body}\n}`,
      );
      expect(says).not.toBe('');
      expect(r.text).toContain(`Semantic Check Fails: ${says} is not supported in interpreted mode (line `);
      const made = await gsqlStatements(e, `USE GRAPH MyGraph\n${queryText(`interp${i}`, example)}`);
      expect(made.text).toContain('Query installation finished');
      if (!example.startsWith('(')) {
        const run = await http(`${e.restppUrl}/query/MyGraph/interp${i}`);
        expect(run.json).toMatchObject({ error: false });
      }
    });
  });
});
