// Each option's default and rule live in option-defaults.ts: the README's option table is that
// table, the schemas' messages are its rules, and resolveConnection fills in its defaults.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  controlOptionsSchema,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  HEADER_NAME_PATTERN,
  headerNameSchema,
  headersSchema,
  isHeaderName,
  OPTION_RULES,
  optionTable,
  resolveConnection,
  retriesSchema,
  timeoutMsSchema,
  ValidationError,
} from '../src/index.ts';

const START =
  '<!-- options:start (generated from optionTable(); test/option-defaults.unit.test.ts checks it) -->';
const END = '<!-- options:end -->';

/** The README table as optionTable() renders it. */
function renderTable(): string {
  const rows = optionTable().map(
    (o) => `| \`${o.name}\` | ${o.default ?? '—'} | ${o.rule.replaceAll('|', '\\|')} |`,
  );
  return ['| Option | Default | Must be |', '| --- | --- | --- |', ...rows].join('\n');
}

/** A markdown table's rows as trimmed cells, so the formatter's column padding does not matter. */
function cells(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => (/^\s*-+\s*$/.test(cell) ? '---' : cell.trim())),
    );
}

describe('one source for each option', () => {
  it('the README option table is optionTable() (regenerate it from the expected text below on a change)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    expect(readme).toContain(START);
    expect(cells(section)).toEqual(cells(renderTable()));
  });

  it('resolveConnection fills in the table defaults', () => {
    const resolved = resolveConnection({});
    expect(resolved.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(resolved.retries).toBe(DEFAULT_RETRIES);
    expect(optionTable().find((o) => o.name === 'timeoutMs')?.default).toBe(String(DEFAULT_TIMEOUT_MS));
  });

  it('the schemas say what a value must be in the table rule', () => {
    const message = (
      schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } },
      v: unknown,
    ) => schema.safeParse(v).error?.issues[0]?.message;
    expect(message(timeoutMsSchema, 0)).toBe(`must be ${OPTION_RULES.timeoutMs}`);
    expect(message(timeoutMsSchema, 1.5)).toBe(`must be ${OPTION_RULES.timeoutMs}`);
    expect(message(retriesSchema, 11)).toBe(`must be ${OPTION_RULES.retries}`);
    expect(message(controlOptionsSchema, { gsqlTimeoutMs: 0 })).toBe(`must be ${OPTION_RULES.gsqlTimeoutMs}`);
  });
});

describe('one header-name pattern', () => {
  const names = [
    'X-Request-Id',
    'x_trace',
    "a!#$%&'*+.^_`|~-z",
    'Bad Name',
    'naïve',
    'X:Y',
    '',
    'a\r\nb',
    'X(1)',
  ];

  it('isHeaderName, headerNameSchema and headersSchema agree on every name', () => {
    for (const name of names) {
      const valid = HEADER_NAME_PATTERN.test(name);
      expect(isHeaderName(name), name).toBe(valid);
      expect(headerNameSchema.safeParse(name).success, name).toBe(valid);
      expect(headersSchema.safeParse({ [name]: 'v' }).success, name).toBe(valid);
    }
  });

  it('resolveConnection rejects a bad header name with the rule, naming options.headers', () => {
    let error: ValidationError | undefined;
    try {
      resolveConnection({ headers: { 'Bad Name': 'x' } });
    } catch (e) {
      error = e as ValidationError;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.message).toBe(
      `options.headers has an invalid header name 'Bad Name'; a header name must be ${OPTION_RULES.headerName}`,
    );
    expect(error?.field).toBe('headers');
  });
});
