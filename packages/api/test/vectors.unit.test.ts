// The pieces of a vector search that become GSQL text: FLOAT literals and the WHERE filter.
import { ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { checkFilter } from '../src/vectors/filter.js';
import { gsqlFloat } from '../src/vectors/literal.js';

describe('gsqlFloat', () => {
  it('writes plain decimals that read back as the same number', () => {
    const samples = [0, -0.5, 0.1, 1e-7, -2.5e-12, 1.2345678e21, 3.4028234663852886e38, 1.17549435e-38, 42];
    for (const x of samples) {
      const text = gsqlFloat(x);
      expect(text).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(text)).toBe(x);
    }
    expect(gsqlFloat(1e-7)).toBe('0.0000001');
    expect(gsqlFloat(-2.5e21)).toBe('-2500000000000000000000');
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
