import { ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import {
  createSecret,
  dropSecret,
  validateAlias,
  validateGraphName,
  validateSecretOrAlias,
} from '../src/index.js';
import { scripted } from './helpers/scripted.js';

const INJECTIONS = [
  'x\nDROP ALL',
  'a; DROP USER tigergraph',
  'a b',
  '1abc',
  '',
  'alias-with-dash',
  'ünïcode',
  "a'b",
  'a'.repeat(129),
];

describe('alias validation', () => {
  it('accepts GSQL identifiers', () => {
    for (const alias of ['HH', 'reporting_app', '_x1', 'AUTO_GENERATED_ALIAS_K2J9QXA', 'a'.repeat(128)]) {
      expect(validateAlias(alias)).toBe(alias);
    }
  });

  it('rejects everything else with a ValidationError that says what is allowed', () => {
    for (const alias of INJECTIONS) {
      let error: unknown;
      try {
        validateAlias(alias);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(alias)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toMatch(
        /must start with a letter or "_" and contain only letters, digits and "_"/,
      );
      expect((error as ValidationError).field).toBe('alias');
    }
    expect(() => validateAlias(42)).toThrow(/a number|42/);
  });

  it('DROP SECRET also takes secret values, but never echoes them in the message', () => {
    expect(validateSecretOrAlias('0abc9def')).toBe('0abc9def');
    const secretish = 'n35lsqofc1if62fld2rmnb9hocqbh8ia DROP';
    expect(() => validateSecretOrAlias(secretish)).toThrow(ValidationError);
    try {
      validateSecretOrAlias(secretish);
    } catch (e) {
      expect(String(e)).not.toContain('n35lsqofc1if62fld2rmnb9hocqbh8ia');
    }
  });

  it('graph names are identifiers too (they go into USE GRAPH)', () => {
    expect(validateGraphName('MyGraph')).toBe('MyGraph');
    expect(() => validateGraphName('My Graph\nDROP ALL')).toThrow(/Invalid graph name/);
  });

  it('createSecret and dropSecret refuse a bad alias before sending anything', async () => {
    const s = scripted();
    const ctx = { requester: s.requester, line: '3' as const, graph: 'MyGraph' };
    await expect(createSecret(ctx, 'x\nDROP ALL')).rejects.toBeInstanceOf(ValidationError);
    await expect(dropSecret(ctx, ['ok', 'no way'])).rejects.toThrow(/Invalid secret alias/);
    await expect(dropSecret(ctx, [])).rejects.toThrow(/at least one alias/);
    await expect(createSecret({ ...ctx, graph: 'G; DROP ALL' }, 'fine')).rejects.toThrow(
      /Invalid graph name/,
    );
    expect(s.requests).toHaveLength(0);
  });
});
