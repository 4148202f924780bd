// redact(): every credential is masked, short ones included, without mangling ordinary words.
import { describe, expect, it } from 'vitest';
import { containsSecret, redact } from '../src/index.js';

describe('redact', () => {
  it('masks a two-character password where it stands alone', () => {
    const text = 'POST http://tigergraph:pw@127.0.0.1/gsql {"password":"pw"} failed';
    const out = redact(text, ['pw']);
    expect(out).not.toMatch(/(?<![A-Za-z0-9_])pw(?![A-Za-z0-9_])/);
    expect(out).toBe('POST http://tigergraph:***@127.0.0.1/gsql {"password":"***"} failed');
  });

  it('masks a one-character secret and its URL-encoded form', () => {
    expect(redact('secret=% and %25 here', ['%'])).toBe('secret=*** and *** here');
  });

  it('leaves a short secret inside longer words alone', () => {
    expect(redact('wrong password for pw', ['pw'])).toBe('wrong password for ***');
  });

  it('masks long secrets anywhere, longest first', () => {
    expect(redact('xxabcdefyy abc', ['abc', 'abcdef'])).toBe('xx***yy ***');
  });

  it('says whether a text holds a secret', () => {
    expect(containsSecret('user:pw@host', 'pw')).toBe(true);
    expect(containsSecret('password', 'pw')).toBe(false);
    expect(containsSecret('anything', '')).toBe(false);
  });
});
