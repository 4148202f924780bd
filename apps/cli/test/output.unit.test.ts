// Small pure pieces of the CLI's output: SDK words turned into flags and commands, the hidden
// USE GRAPH line taken out of GSQL output, tables cut to the terminal, JSON error positions.
import { describe, expect, it } from 'vitest';
import { cliWords, explain } from '../src/explain.js';
import { hideUseGraph } from '../src/gsql-run.js';
import { jsonErrorPosition } from '../src/json-position.js';
import { colorsFor } from '../src/output/colors.js';
import { summaryLines } from '../src/output/load-summary.js';
import { renderTable } from '../src/output/table.js';

const plainColors = colorsFor({ isTTY: false }, true);

describe('errors in the CLI vocabulary', () => {
  it('replaces SDK option and method names with flags, variables and commands', () => {
    const sdk =
      'No token was sent but RESTPP authentication is on: pass apiToken, or gsqlSecret / username+password to obtain a token with getToken().';
    const words = cliWords(sdk);
    expect(words).toBe(
      'No token was sent but RESTPP authentication is on: log in with `tgraph login`, or set TG_TOKEN, TG_SECRET or TG_USERNAME/TG_PASSWORD.',
    );
    expect(cliWords('check that the host and port (restppPort / gsPort) are right')).toBe(
      'check that the host and port (`tgraph login --restpp-port / --gs-port`) are right',
    );
    expect(cliWords('Invalid username or password.. Check them.')).toBe(
      'Invalid username or password. Check them.',
    );
  });

  it('drops the class name and gives a hint in flags', () => {
    const error = Object.assign(
      new Error(
        'No token was sent: pass apiToken, or gsqlSecret / username+password to obtain a token with getToken().',
      ),
      {
        name: 'AuthError',
        status: 401,
      },
    );
    const shown = explain(error, undefined, 'status');
    expect(shown.message).not.toMatch(/AuthError|apiToken|getToken\(\)/);
    expect(shown.exitCode).toBe(3);
    expect(shown.hint).not.toContain('tgraph status');
  });
});

describe('GSQL output with the added USE GRAPH line', () => {
  it('hides its echo and shifts line numbers of a failure back by one', () => {
    expect(
      hideUseGraph(
        `Using graph 'MyGraph'\nEncountered " <IDENTIFIER> "VERTX "" at line 2, column 8.`,
        'MyGraph',
        false,
      ),
    ).toBe('Encountered " <IDENTIFIER> "VERTX "" at line 1, column 8.');
    expect(hideUseGraph(`Using graph 'MyGraph'\nline 2 of the output`, 'MyGraph', true)).toBe(
      'line 2 of the output',
    );
  });
});

describe('tables on a terminal', () => {
  it('cut the widest columns to the width with … and render whole without a width', () => {
    const rows = [{ id: 'a', note: 'x'.repeat(100), n: 1 }];
    const cut = renderTable(rows, ['id', 'note', 'n'], plainColors, 40).split('\n');
    expect(Math.max(...cut.map((l) => l.length))).toBeLessThanOrEqual(40);
    expect(cut[1]).toContain('…');
    const whole = renderTable(rows, ['id', 'note', 'n'], plainColors).split('\n');
    expect(whole[1]).toContain('x'.repeat(100));
  });
});

describe('load summary', () => {
  it('writes counts as the progress line does and lists rejection counters', () => {
    const lines = summaryLines(
      {
        validLines: 1500,
        rejectedLines: 2,
        fileLevel: { validLine: 1500, rejectLine: 2, notEnoughToken: 2 },
        vertices: [
          { typeName: 'Province', validObject: 1499, counters: { validObject: 1499, invalidAttribute: 1 } },
        ],
        edges: [],
      },
      { bytes: 20_000, lines: 1502 },
      plainColors,
    );
    expect(lines[0]).toBe('Loaded 19.5 KB, 1,502 lines: 1,500 accepted, 2 rejected');
    expect(lines).toContain('  vertex Province: 1,499 loaded, 1 invalidAttribute');
    expect(lines).toContain('  notEnoughToken: 2');
  });

  it('never reads as success when nothing was loaded', () => {
    const [head] = summaryLines(
      { validLines: 3, rejectedLines: 0, fileLevel: { validLine: 3 }, vertices: [], edges: [] },
      { bytes: 30, lines: 3 },
      plainColors,
    );
    expect(head).toMatch(/^Nothing loaded: /);
  });
});

describe('JSON error positions', () => {
  it('finds the first error, and nothing in valid JSON', () => {
    expect(jsonErrorPosition('{"a": [1, 2, {"b": null}], "c": "\\u00e9"}')).toBeUndefined();
    expect(jsonErrorPosition('{"a": 1,}')).toEqual({ line: 1, column: 9 });
    expect(jsonErrorPosition('{\n"a": tru}')).toEqual({ line: 2, column: 6 });
    expect(jsonErrorPosition('{} x')).toEqual({ line: 1, column: 4 });
  });
});
