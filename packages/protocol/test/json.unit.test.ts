import { describe, expect, it } from 'vitest';
import {
  jsonSourceSupported,
  parseJson,
  parseJsonFallback,
  stringifyJson,
  stringifyJsonFallback,
} from '../src/index.ts';
import type { IntegerMode } from '../src/json.ts';

// A small seeded generator: property tests without a dependency, reproducible by seed.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function digits(next: () => number, count: number): string {
  let out = String(1 + Math.floor(next() * 9));
  for (let i = 1; i < count; i++) out += String(Math.floor(next() * 10));
  return out;
}

/** Random JSON text whose integer literals are recorded as exact decimal strings. */
function randomJson(next: () => number, depth = 0): string {
  const pick = Math.floor(next() * (depth > 3 ? 6 : 8));
  switch (pick) {
    case 0:
      return (next() < 0.5 ? '-' : '') + digits(next, 1 + Math.floor(next() * 25)); // integers up to 25 digits
    case 1:
      return `${next() < 0.5 ? '-' : ''}${digits(next, 1 + Math.floor(next() * 5))}.${digits(next, 1 + Math.floor(next() * 6))}`;
    case 2:
      return `${digits(next, 1 + Math.floor(next() * 3))}${['e', 'E'][Math.floor(next() * 2)]}${['', '+', '-'][Math.floor(next() * 3)]}${digits(next, 1)}`;
    case 3:
      return JSON.stringify(
        ['a', 'b\n"c"', 'ü€😀', '', '\\', '12345678901234567890'][Math.floor(next() * 6)],
      );
    case 4:
      return ['true', 'false', 'null', '0', '-0'][Math.floor(next() * 5)]!;
    case 5:
      return String(Math.floor(next() * 1000));
    case 6: {
      const n = Math.floor(next() * 4);
      return `[${Array.from({ length: n }, () => randomJson(next, depth + 1)).join(', ')}]`;
    }
    default: {
      const n = Math.floor(next() * 4);
      return `{${Array.from({ length: n }, (_, i) => `"k${i}${next() < 0.2 ? ' x' : ''}": ${randomJson(next, depth + 1)}`).join(',')}}`;
    }
  }
}

/** What a mode must produce, computed independently from the literal. */
function expected(text: string, mode: IntegerMode): unknown {
  return JSON.parse(
    text.replace(/("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g, (m, str: string | undefined) => {
      if (str !== undefined) return m;
      if (!/^-?\d+$/.test(m)) return m;
      return JSON.stringify(`\u0000int:${m}`);
    }),
    (_k, v: unknown) => {
      if (typeof v !== 'string' || !v.startsWith('\u0000int:')) return v;
      const lit = v.slice(5);
      const n = Number(lit);
      if (mode === 'bigint') return BigInt(lit);
      if (mode === 'auto') return Number.isSafeInteger(n) ? n : BigInt(lit);
      if (mode === 'string') return Number.isSafeInteger(n) ? n : lit;
      return n;
    },
  );
}

const MODES: IntegerMode[] = ['number', 'bigint', 'string', 'auto'];

describe('parseJson', () => {
  it('keeps integers beyond 2^53 exact (auto, bigint, string)', () => {
    const text =
      '{"v_id":"1","attributes":{"n":9007199254740993,"u":18446744073709551615,"neg":-9223372036854775808,"small":42,"f":1.5}}';
    expect(parseJson(text, { integers: 'auto' })).toEqual({
      v_id: '1',
      attributes: {
        n: 9007199254740993n,
        u: 18446744073709551615n,
        neg: -9223372036854775808n,
        small: 42,
        f: 1.5,
      },
    });
    expect(parseJson(text, { integers: 'bigint' })).toEqual({
      v_id: '1',
      attributes: {
        n: 9007199254740993n,
        u: 18446744073709551615n,
        neg: -9223372036854775808n,
        small: 42n,
        f: 1.5,
      },
    });
    expect(parseJson(text, { integers: 'string' })).toEqual({
      v_id: '1',
      attributes: {
        n: '9007199254740993',
        u: '18446744073709551615',
        neg: '-9223372036854775808',
        small: 42,
        f: 1.5,
      },
    });
    expect((parseJson(text) as { attributes: { n: number } }).attributes.n).toBe(9007199254740992);
  });

  it('treats exponent and fraction forms as floats, and the 2^53 boundary exactly', () => {
    expect(parseJson('[1e20, 1E+2, 2.0, -0.5, 12345678901234567890.5]', { integers: 'bigint' })).toEqual([
      1e20,
      100,
      2,
      -0.5,
      Number('12345678901234567890.5'),
    ]);
    expect(
      parseJson('[9007199254740991, 9007199254740992, -9007199254740991, -9007199254740992]', {
        integers: 'auto',
      }),
    ).toEqual([9007199254740991, 9007199254740992n, -9007199254740991, -9007199254740992n]);
  });

  it('handles nested arrays and keys named __proto__ like JSON.parse', () => {
    const out = parseJson('{"__proto__":{"x":1},"a":[[12345678901234567890,[1]]]}', {
      integers: 'auto',
    }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(out['a']).toEqual([[12345678901234567890n, [1]]]);
    const fallback = parseJsonFallback('{"__proto__":{"x":1}}', 'number', false) as Record<string, unknown>;
    expect(Object.getPrototypeOf(fallback)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('property: native and fallback paths agree with an independent oracle in every mode', () => {
    const next = rng(20240710);
    for (let i = 0; i < 400; i++) {
      const text = randomJson(next);
      for (const mode of MODES) {
        const want = expected(text, mode);
        expect(parseJson(text, { integers: mode }), `${mode}: ${text}`).toEqual(want);
        expect(parseJsonFallback(text, mode, false), `fallback ${mode}: ${text}`).toEqual(want);
      }
    }
  });

  it('property: the fallback rejects what JSON.parse rejects', () => {
    const bad = [
      '',
      '{',
      '[1,]',
      '{"a":1,}',
      '01',
      '1.',
      '.5',
      '+1',
      '"\\x"',
      '"a',
      'tru',
      '[1 2]',
      '{"a" 1}',
      '1 2',
      '"\t"',
      '-',
      '{a:1}',
    ];
    for (const text of bad) {
      expect(() => JSON.parse(text), text).toThrow(SyntaxError);
      expect(() => parseJsonFallback(text, 'auto', false), text).toThrow(SyntaxError);
      expect(() => parseJson(text, { integers: 'auto', lenient: false }), text).toThrow(SyntaxError);
    }
  });

  it('lenient (default): raw control characters and NaN/inf tokens as TigerGraph prints them', () => {
    const raw = '{"error":"false","message":"TigerGraph RESTPP:\n --- Version --- \n"}';
    expect(() => JSON.parse(raw)).toThrow();
    expect(parseJson(raw)).toEqual({ error: 'false', message: 'TigerGraph RESTPP:\n --- Version --- \n' });
    const degenerate = parseJson('[NaN, nan, inf, -inf, Infinity, -Infinity, 12345678901234567890]', {
      integers: 'auto',
    }) as unknown[];
    expect(degenerate.slice(0, 2).every((v) => Number.isNaN(v))).toBe(true);
    expect(degenerate.slice(2)).toEqual([Infinity, -Infinity, Infinity, -Infinity, 12345678901234567890n]);
    expect(() => parseJson(raw, { lenient: false })).toThrow(SyntaxError);
  });

  it('uses context.source on this runtime (Node 24)', () => {
    expect(jsonSourceSupported()).toBe(true);
  });
});

describe('stringifyJson', () => {
  it('writes bigint as JSON numbers', () => {
    expect(stringifyJson({ id: 12345678901234567890n, n: 1, neg: -5n, list: [1n, 'x', null] })).toBe(
      '{"id":12345678901234567890,"n":1,"neg":-5,"list":[1,"x",null]}',
    );
    expect(stringifyJson(9007199254740993n)).toBe('9007199254740993');
  });

  it('round-trips with parseJson', () => {
    const value = { a: [18446744073709551615n, -9223372036854775808n, 1.25, 'ü'], b: { c: 7n } };
    expect(parseJson(stringifyJson(value)!, { integers: 'auto' })).toEqual({ ...value, b: { c: 7 } });
  });

  it('property: the fallback serializer matches JSON.stringify on bigint-free values', () => {
    const next = rng(7);
    for (let i = 0; i < 300; i++) {
      const value: unknown = JSON.parse(randomJson(next));
      expect(stringifyJsonFallback(value)).toBe(JSON.stringify(value));
    }
    const special = {
      u: undefined,
      f: () => 1,
      d: new Date(0),
      n: Number.NaN,
      arr: [undefined, () => 1],
      s: new String('x'),
    };
    expect(stringifyJsonFallback(special)).toBe(JSON.stringify(special));
    expect(stringifyJsonFallback(undefined)).toBe(undefined);
  });

  it('the fallback writes bigint and refuses cycles', () => {
    expect(stringifyJsonFallback({ id: 12345678901234567890n })).toBe('{"id":12345678901234567890}');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => stringifyJsonFallback(cyclic)).toThrow(TypeError);
  });
});
