// The pieces of a vector search that become GSQL text: the helper queries' names and the WHERE filter.
import { ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { checkFilter } from '../src/vectors/filter.js';
import { getQuery, searchQuery, textHash } from '../src/vectors/helper-queries.js';

describe('helper query names', () => {
  const base = { types: ['Patient'], attribute: 'profile' };
  it('are GSQL identifiers named after what the query does, the same for the same text', () => {
    const search = searchQuery('MyGraph', base);
    expect(search.name).toMatch(/^tgraph_vsearch_[0-9a-z]{13}$/);
    expect(search.text.startsWith(`CREATE QUERY ${search.name}(`)).toBe(true);
    expect(searchQuery('MyGraph', { ...base })).toEqual(search);
    expect(getQuery('MyGraph', 'Patient').name).toMatch(/^tgraph_vget_[0-9a-z]{13}$/);
  });

  it('change with every part of the text: graph, types, attribute, filter, WITH VECTOR', () => {
    const names = [
      searchQuery('MyGraph', base),
      searchQuery('Other', base),
      searchQuery('MyGraph', { ...base, types: ['Patient', 'City'] }),
      searchQuery('MyGraph', { ...base, attribute: 'profile2' }),
      searchQuery('MyGraph', { ...base, filter: 'v.birth_year > 1980' }),
      searchQuery('MyGraph', { ...base, filter: 'v.birth_year > 1981' }),
      searchQuery('MyGraph', { ...base, withVectors: true }),
      getQuery('MyGraph', 'Patient'),
      getQuery('MyGraph', 'City'),
    ].map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('hash the UTF-8 bytes with 64-bit FNV-1a', () => {
    // FNV-1a 64 test vectors (draft-eastlake-fnv): "" → cbf29ce484222325, "a" → af63dc4c8601ec8c.
    expect(textHash('')).toBe(BigInt('0xcbf29ce484222325').toString(36).padStart(13, '0'));
    expect(textHash('a')).toBe(BigInt('0xaf63dc4c8601ec8c').toString(36).padStart(13, '0'));
  });
});

describe('checkFilter', () => {
  it('accepts one condition, with brackets and quotes inside string literals', () => {
    for (const f of [
      'v.birth_year < 1990',
      'v.sex == "fe;male" AND (v.age != "(")',
      "v.country IN ('Korea', 'China')",
    ]) {
      expect(checkFilter(f)).toBe(f);
    }
  });

  it('refuses text that could end the WHERE clause, saying why', () => {
    const cases: Array<[unknown, string]> = [
      ['v.birth_year < 1990; DROP ALL', 'must not contain ;'],
      ['v.x > 1) } PRINT 1; {', "unbalanced ')'"],
      ['(v.x > 1', "missing a closing ')'"],
      ['v.sex == "female', 'unterminated string literal'],
      ['v.x > 1 // }', 'comments'],
      ['', 'non-empty string'],
      [42, 'non-empty string'],
    ];
    for (const [filter, why] of cases) {
      let error: unknown;
      try {
        checkFilter(filter);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toContain(why);
      expect((error as ValidationError).message).toContain('condition on the vertex alias v');
    }
  });
});
