// Exact 64-bit integers through parse and stringify.
import { expect, test } from 'vitest';
import { parseJson, stringifyJson } from '../src/json.js';

test('integers beyond 2^53 survive a round trip digit for digit', () => {
  const text = '{"a":9223372036854775807,"b":-9223372036854775808,"c":18446744073709551615,"d":1.5,"e":42}';
  const v = parseJson(text) as Record<string, unknown>;
  expect(v['a']).toBe(9223372036854775807n);
  expect(v['e']).toBe(42);
  expect(stringifyJson(v)).toBe(text);
});
