import { describe, expect, it } from 'vitest';
import { explainNetworkFailure, neverSent, sanitizeCause } from '../src/classify.ts';
import { HostPool } from '../src/hosts.ts';
import { expandSecrets, redactHeaders, redactUrl } from '../src/redaction.ts';
import { controlHeaders, encodeSearchParams } from '../src/transport.ts';

describe('HostPool', () => {
  it('rotates over healthy hosts, skips cooling ones and brings them back', () => {
    let now = 1_000;
    const pool = new HostPool(['a', 'b', 'c'], 500, () => now);
    expect([pool.pick(), pool.pick(), pool.pick(), pool.pick()]).toEqual(['a', 'b', 'c', 'a']);
    pool.markDown('b');
    expect([pool.pick(), pool.pick(), pool.pick()]).toEqual(['c', 'a', 'c']);
    expect(pool.status().find((h) => h.url === 'b')).toEqual({ url: 'b', healthy: false, downUntil: 1_500 });
    now = 1_600;
    expect(pool.status().every((h) => h.healthy)).toBe(true);
  });

  it('excludes hosts a request already tried and falls back to the soonest to recover', () => {
    let now = 0;
    const pool = new HostPool(['a', 'b'], 1_000, () => now);
    expect(pool.pick(new Set(['a']))).toBe('b');
    pool.markDown('a');
    now = 10;
    pool.markDown('b');
    expect(pool.hasHealthyOther(new Set())).toBe(false);
    expect(pool.pick()).toBe('a');
  });

  it('never marks the only host down', () => {
    const pool = new HostPool(['solo'], 1_000);
    pool.markDown('solo');
    expect(pool.status()[0]!.healthy).toBe(true);
  });
});

describe('redaction helpers', () => {
  it('masks secret-looking query values and known secrets in URLs', () => {
    expect(redactUrl('http://h/requesttoken?secret=abc123&lifetime=10', [])).toBe(
      'http://h/requesttoken?secret=***&lifetime=10',
    );
    expect(redactUrl('http://h/x?graph=g&q=mytokenvalue', ['mytokenvalue'])).toBe('http://h/x?graph=g&q=***');
  });

  it('shows Authorization as scheme plus stars and masks cookies', () => {
    expect(
      redactHeaders({ Authorization: 'Bearer abc.def.ghi', Cookie: 'session=1', 'GSQL-TIMEOUT': '5000' }, []),
    ).toEqual({ Authorization: 'Bearer ***', Cookie: '***', 'GSQL-TIMEOUT': '5000' });
  });

  it('derives the password from Basic credentials', () => {
    const encoded = btoa('tigergraph:S3cret-pass');
    expect(expandSecrets([encoded])).toEqual(expect.arrayContaining([encoded, 'S3cret-pass']));
  });
});

describe('network failure helpers', () => {
  const chain = (code: string, message = 'boom') =>
    Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });

  it('explains common causes with what to check', () => {
    expect(explainNetworkFailure(chain('ECONNREFUSED'), 'h:9000')).toMatch(/refused by h:9000.*restppPort/);
    expect(explainNetworkFailure(chain('ENOTFOUND'), 'nohost:9000')).toMatch(/could not be resolved/);
    expect(explainNetworkFailure(chain('SELF_SIGNED_CERT_IN_CHAIN'), 'h:443')).toMatch(/not trusted.*`ca`/);
    expect(explainNetworkFailure(chain('CERT_HAS_EXPIRED'), 'h:443')).toMatch(/expired/);
    expect(explainNetworkFailure(new TypeError('Failed to fetch'), 'h:9000')).toMatch(/CORS/);
  });

  it('knows which failures mean nothing was sent', () => {
    expect(neverSent(chain('ECONNREFUSED'))).toBe(true);
    expect(neverSent(chain('ECONNRESET'))).toBe(false);
  });

  it('copies a cause chain with redacted messages and without foreign properties', () => {
    const original = Object.assign(new TypeError('fetch failed'), {
      request: { headers: { authorization: 'Bearer topsecrettoken' } },
      cause: Object.assign(new Error('connect to ?token=topsecrettoken failed'), {
        code: 'ECONNRESET',
        errno: -104,
      }),
    });
    const copy = sanitizeCause(original, ['topsecrettoken']) as Error & { cause: Error & { code: string } };
    expect(copy).not.toHaveProperty('request');
    expect(copy.name).toBe('TypeError');
    expect(copy.cause.code).toBe('ECONNRESET');
    expect(copy.cause.message).toBe('connect to ?token=*** failed');
    expect(JSON.stringify({ m: copy.message, s: copy.stack, c: copy.cause.stack })).not.toContain(
      'topsecrettoken',
    );
  });
});

describe('request encoding', () => {
  it('encodes search params from records, pairs and URLSearchParams', () => {
    expect(encodeSearchParams({ a: 'x y', b: [1, 2], c: undefined, d: null, e: false })).toBe(
      'a=x%20y&b=1&b=2&e=false',
    );
    expect(
      encodeSearchParams([
        ['k', 'v'],
        ['k', 'w'],
      ]),
    ).toBe('k=v&k=w');
    expect(encodeSearchParams(new URLSearchParams('q=a+b'))).toBe('q=a%20b');
  });

  it('builds control headers and names the offending option', () => {
    expect(controlHeaders({ gsqlTimeoutMs: 1000, atomic: true, workloadQueue: 'q1' })).toEqual({
      'GSQL-TIMEOUT': '1000',
      'gsql-atomic-level': 'atomic',
      'Workload-Queue': 'q1',
    });
    expect(() => controlHeaders({ gsqlTimeoutMs: -1 })).toThrow(/control\.gsqlTimeoutMs/);
    expect(() => controlHeaders({ workloadQueue: 'a\r\nX: y' })).toThrow(/control\./);
  });
});
