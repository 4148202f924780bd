// Pure GSQL helpers: the 3.x form encoding (byte-compatible with Python's quote_plus) and the
// reserved-word check.
import { ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { formEncodeGsql, getReservedKeywords, isReservedKeyword, requireIdentifier } from '../src/gsql.js';

describe('formEncodeGsql', () => {
  it('matches the recorded pyTigerGraph body for the 3.x shell endpoint', () => {
    expect(formEncodeGsql('USE GRAPH g\nls')).toBe('USE+GRAPH+g%0Als');
  });

  it('encodes like quote_plus: only letters, digits and _.-~ stay, UTF-8 bytes, space as +', () => {
    expect(formEncodeGsql("a+b (c)!*'~_.-")).toBe('a%2Bb+%28c%29%21%2A%27~_.-');
    expect(formEncodeGsql('Zoë 北')).toBe('Zo%C3%AB+%E5%8C%97');
    expect(formEncodeGsql('x=1&y="2";\r\n\t%')).toBe('x%3D1%26y%3D%222%22%3B%0D%0A%09%25');
  });
});

describe('reserved keywords', () => {
  it('is case-insensitive and covers DDL and query words', () => {
    for (const w of [
      'vertex',
      'EDGE',
      'Select',
      'accum',
      'POST-ACCUM',
      'sys.internal_id',
      'typedef',
      'S3',
      'opencypher',
    ]) {
      expect(isReservedKeyword(w)).toBe(true);
    }
    for (const w of ['Patient', 'birth_year', 'INFECTED_BY', 'name'])
      expect(isReservedKeyword(w)).toBe(false);
  });

  it('treats the gsql_sys_ prefix as reserved', () => {
    expect(isReservedKeyword('gsql_sys_anything')).toBe(true);
  });

  it('lists the words sorted and upper-case', () => {
    const words = getReservedKeywords();
    expect(words).toEqual([...words].sort());
    expect(words.every((w) => w === w.toUpperCase())).toBe(true);
    expect(words.length).toBeGreaterThan(200);
  });
});

describe('requireIdentifier', () => {
  it('accepts GSQL identifiers and refuses anything that could change a statement', () => {
    expect(requireIdentifier('My_Graph2', 'graph')).toBe('My_Graph2');
    for (const bad of ['', '2g', 'a b', 'g;DROP ALL', 'g\n', 'ë']) {
      expect(() => requireIdentifier(bad, 'graph')).toThrow(ValidationError);
    }
  });
});
