// The GSQL shell's JSON layout, as GSQL 101's outputs show it
// (https://docs.tigergraph.com/gsql-ref/3.10/tutorials/gsql-101/parameterized-gsql-query and
// https://docs.tigergraph.com/v/2.6/intro/gsql-101/built-in-select-queries): two-space indents, and
// an array of one element or an object of one key stays on the line that opens it.
import { describe, expect, it } from 'vitest';
import { shellJson } from '../src/gsql/shell-json.js';

describe('shellJson', () => {
  it('keeps a one-element array and a one-key object inline, nesting from there', () => {
    const text = shellJson({
      error: false,
      results: [
        {
          Result: [
            { v_id: 'a', attributes: { n: 1 } },
            { v_id: 'b', attributes: {} },
          ],
        },
      ],
    });
    expect(text).toBe(
      [
        '{',
        '  "error": false,',
        '  "results": [{"Result": [',
        '    {',
        '      "v_id": "a",',
        '      "attributes": {"n": 1}',
        '    },',
        '    {',
        '      "v_id": "b",',
        '      "attributes": {}',
        '    }',
        '  ]}]',
        '}',
      ].join('\n'),
    );
  });

  it('writes empty containers, escapes and 64-bit integers as JSON', () => {
    expect(shellJson([])).toBe('[]');
    expect(shellJson({ s: 'a"b\n', big: 9223372036854775807n })).toBe(
      '{\n  "s": "a\\"b\\n",\n  "big": 9223372036854775807\n}',
    );
    expect(shellJson([[1, 2]])).toBe('[[\n  1,\n  2\n]]');
  });
});
