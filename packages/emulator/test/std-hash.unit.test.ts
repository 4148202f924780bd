// The emulator's std::hash<std::string> (for the library's tg_hash_label) against libstdc++ itself:
// the expected values were printed by `std::hash<std::string>{}(s)` compiled with g++ (GCC 12,
// x86-64 Linux), covering the empty string, every tail length 1–7, exactly 8 bytes, more than one
// 8-byte block, and non-ASCII UTF-8.
import { describe, expect, it } from 'vitest';
import { stdHashString } from '../src/query/std-hash.js';

const LIBSTDCXX: [string, string][] = [
  ['', '6142509188972423790'],
  ['1', '10159970873491820195'],
  ['11', '9717255990760309898'],
  ['111', '13512855866083484826'],
  ['1111111', '3755536796378765541'],
  ['11111111', '8721814941088042311'],
  ['111111111', '10579245796917556172'],
  ['12345678901234567', '4786737806892549399'],
  ['h\u00e9llo w\u00f6rld, labels', '9123750381570309256'],
];

describe('stdHashString = libstdc++ std::hash<std::string>', () => {
  it.each(LIBSTDCXX)('%j', (s, want) => {
    expect(String(stdHashString(s))).toBe(want);
  });
});
